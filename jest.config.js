/**
 * Four projects: unit (plain functions, no I/O), integration (a subgraph's
 * database code against a real MySQL-compatible server), e2e (the whole
 * platform through the gateway, on MySQL or on the embedded SQLite default,
 * chosen by E2E_DB) and browser (pages the gateway serves, driven in Debian's
 * chromium through playwright-core: test/browser/launch-chromium.ts).
 */
const swc = ['@swc/jest', require('./scripts/swc-options')];
// Workspace packages export src/ under the "development" condition and dist/ otherwise: tests run the sources.
const common = {
  transform: { '^.+\\.ts$': swc, '^.+\\.graphql$': '<rootDir>/scripts/jest-text-transform.js' },
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['development', 'node', 'node-addons'] },
  moduleFileExtensions: ['ts', 'js', 'json', 'graphql'],
  modulePathIgnorePatterns: ['<rootDir>/[^/]+/[^/]+/dist/', '<rootDir>/gateway/dist/'],
};

module.exports = {
  // Per-project testTimeout is ignored by jest 30; end-to-end tests start whole platforms.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services,gateway}/**/__tests__/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{packages,services,gateway}/**/__integration__/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
