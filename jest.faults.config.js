/**
 * The fault suite (`pnpm test:faults`), kept out of `pnpm test`'s projects:
 * it starts its own MariaDB and the compiled platform, then freezes, kills
 * and restarts them under load. A few minutes; `.ci/run` runs it last.
 */
const e2e = require('./jest.config.js').projects.find((p) => p.displayName === 'e2e');

module.exports = {
  testTimeout: 120_000,
  projects: [{ ...e2e, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.test.ts'] }],
};
