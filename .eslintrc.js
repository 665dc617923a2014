/**
 * Lint. The rule that matters most: pages, stores, services, components and domain code never touch
 * browser-only globals, so the same code runs in a WeChat mini-program. Only src/bridge/h5 (the H5
 * host bridge) and the mock host may.
 */
const browserOnly = ['window', 'document', 'fetch', 'Blob', 'File', 'FileReader', 'XMLHttpRequest', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLCanvasElement', 'OffscreenCanvas', 'Image', 'URL', 'indexedDB', 'createImageBitmap'].map((name) => ({
  name,
  message: 'Reach the platform through the host bridge (src/bridge), not browser globals: this code also runs in a mini-program.',
}));

module.exports = {
  root: true,
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react', 'react-hooks', 'import'],
  extends: ['eslint:recommended', 'plugin:@typescript-eslint/recommended', 'plugin:react/recommended', 'plugin:react-hooks/recommended'],
  settings: { react: { version: '18.3' }, 'import/resolver': { [require.resolve('./.eslintrc.resolver.js')]: {} }, 'import/extensions': ['.ts', '.tsx', '.js', '.mjs'] },
  env: { es2022: true, node: true },
  globals: { DEV_HOST: 'readonly', MOCK_HOST: 'readonly', API_ORIGIN: 'readonly', defineAppConfig: 'readonly', definePageConfig: 'readonly' },
  rules: {
    'react/react-in-jsx-scope': 'off',
    'react/prop-types': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    'no-console': ['error', { allow: ['warn', 'error'] }],
  },
  overrides: [
    {
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      excludedFiles: ['src/bridge/h5/**', 'src/bridge/jsbridge/**', 'src/embed/**', '**/*.test.ts', '**/*.test.tsx'],
      env: { browser: false },
      rules: { 'no-restricted-globals': ['error', ...browserOnly] },
    },
    {
      // No import cycles in the app (stores ⇄ services ⇄ components would tangle the chunks too).
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
    },
    {
      // One pressable control: the kit's Button (focus, Enter/Space, disabled and busy states). A
      // hand-made role='button' anywhere else misses one of them. Input, Textarea, Image: see below.
      files: ['src/**/*.tsx'],
      excludedFiles: ['src/components/Button/**', '**/*.test.tsx'],
      rules: {
        'no-restricted-syntax': [
          'error',
          { selector: "JSXAttribute[name.name='role'][value.value='button']", message: "Use the kit's Button (src/components/Button), not a hand-made role='button'." },
          // Their H5 cores would ride along with every page again (src/components/native/h5Component.ts).
          { selector: "ImportDeclaration[source.value='@tarojs/components'] ImportSpecifier[imported.name=/^(Input|Textarea|Image)$/]", message: 'Import Input, Textarea and Image from src/components/native, so their H5 cores load with the pages that use them.' },
        ],
      },
    },
    {
      // Thin pages: a page is a controller over stores and services; it never calls the API client
      // or the host bridge itself.
      files: ['src/pages/**/*.ts', 'src/pages/**/*.tsx'],
      excludedFiles: ['**/*.test.ts', '**/*.test.tsx'],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            { group: ['@/services/api', '@/services/http', '@/services/client'], message: 'Pages reach the API through a store or service, not the client.' },
            { group: ['@/bridge', '@/bridge/*'], message: 'Pages reach the host through a service (src/services/host), not the bridge.' },
          ],
        }],
      },
    },
    {
      files: ['src/domain/**/*.ts'],
      excludedFiles: ['**/*.test.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'react', 'react-dom', 'msw', 'msw/*', 'zustand', '@/bridge/*', '@/services/*', '@/stores/*'] }],
        'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Domain rules take "now" as an argument.' }, { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Domain rules take "now" as an argument.' }],
      },
    },
    {
      files: ['mock/**/*.ts', 'src/bridge/h5/**/*.ts', 'src/bridge/jsbridge/**/*.ts', 'src/embed/**/*.ts'],
      env: { browser: true },
    },
    {
      // The enrolment server: no UI, no MSW, no dev host; it shares only the domain and the contracts with the app.
      files: ['server/**/*.ts'],
      excludedFiles: ['**/*.test.ts', 'server/test/**'],
      rules: { 'no-restricted-imports': ['error', { patterns: ['msw', 'msw/*', 'react', 'react-dom', '@tarojs/*', 'zustand', '@/bridge/*', '@/services/*', '@/stores/*', '@/pages/*', '@/components/*', '@mock/*'] }] },
    },
    {
      // Use cases talk to ports, never to an adapter or the HTTP layer.
      files: ['server/usecases/**/*.ts'],
      excludedFiles: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: ['msw', 'msw/*', 'react', '@tarojs/*', '@mock/*', '../adapters/*', '../adapters/**', '../http/*', '../qa/*', 'hono', 'hono/*', 'node:*', 'postgres', '@electric-sql/*'] }] },
    },
    {
      files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*'],
      env: { jest: true, browser: true },
      rules: { '@typescript-eslint/no-var-requires': 'off', '@typescript-eslint/no-require-imports': 'off' },
    },
    {
      files: ['e2e/**/*.mjs', 'scripts/**/*.mjs'],
      env: { node: true, browser: true },
      rules: { 'no-console': 'off' },
    },
  ],
  ignorePatterns: ['dist/', 'node_modules/', 'mock/public/', 'baseline/', 'screenshots/'],
};
