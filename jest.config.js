/** Unit, component, page and msw/node tests. Browser tests (e2e/) run separately under Chromium. */
const esmPackages = [
  '@tarojs', '@stencil', 'lodash-es', 'query-string', 'decode-uri-component', 'split-on-first',
  'filter-obj', 'swiper', '\\.pnpm', 'style-inject', 'tslib', 'rettime', '@open-draft', 'until-async',
  '@noble',
].join('|');

const project = {
  rootDir: __dirname,
  testEnvironment: 'jest-fixed-jsdom',
  testEnvironmentOptions: { customExportConditions: [''] },
  roots: ['<rootDir>/src', '<rootDir>/mock', '<rootDir>/server', '<rootDir>/types', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFiles: ['<rootDir>/test/setupEnv.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setupTests.ts'],
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages}))`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/taroShim.ts',
    '\\.(css|scss|less)$': '<rootDir>/test/styleStub.js',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@contract/(.*)$': '<rootDir>/types/$1',
    '^@mock/(.*)$': '<rootDir>/mock/$1',
    '^@server/(.*)$': '<rootDir>/server/$1',
  },
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    ENABLE_SIZE_APIS: false,
    DEPRECATED_ADAPTER_COMPONENT: false,
    DEV_HOST: false,
    MOCK_HOST: false,
    API_ORIGIN: "http://localhost",
  },
};

/**
 * The server's tests over HTTP (issue 12's properties among them) run again on each real store:
 * server/test/harness.ts builds the app on the store SERVER_TEST_STORE names. The SIGKILL test
 * (crash.test.ts) runs its own server on PGlite already.
 */
const onStore = (store, extra = {}) => ({
  ...project,
  displayName: store,
  roots: ['<rootDir>/server'],
  testMatch: ['<rootDir>/server/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/server/test/crash\\.test\\.ts$'],
  globals: { ...project.globals, SERVER_TEST_STORE: store },
  ...extra,
});

module.exports = {
  // A test that fails half-way can leave a child server or a socket behind: the run still ends.
  forceExit: true,
  // For tests and hooks alike: opening and migrating a PGlite or a fresh PostgreSQL database takes
  // seconds on a loaded 2-core machine, and jest's 5 s default failed a CI run in a store-opening hook.
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/countReporter.js'],
  projects: [
    { ...project, displayName: 'unit' },
    onStore('pglite'),
    // A PostgreSQL cluster of its own when PG_TEST_URL is not set (only when a test of it runs).
    onStore('postgres', { globalSetup: '<rootDir>/server/test/pgGlobalSetup.mjs', globalTeardown: '<rootDir>/server/test/pgGlobalTeardown.mjs' }),
  ],
};
