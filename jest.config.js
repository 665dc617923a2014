/** Unit, component, page and msw/node tests. Browser tests (e2e/) run separately under Chromium. */
const esmPackages = [
  '@tarojs', '@stencil', 'lodash-es', 'query-string', 'decode-uri-component', 'split-on-first',
  'filter-obj', 'swiper', '\\.pnpm', 'style-inject', 'tslib', 'rettime', '@open-draft', 'until-async',
  '@noble',
].join('|');

module.exports = {
  testEnvironment: 'jest-fixed-jsdom',
  // A test that fails half-way can leave a child server or a socket behind: the run still ends.
  forceExit: true,
  reporters: ['default', '<rootDir>/test/countReporter.js'],
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
