/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Polyfills the test dependencies need on Node 20 (Promise.withResolvers for aws-local-stepfunctions).
  setupFiles: ['<rootDir>/test/setup/polyfills.ts'],
  transform: {
    // Type errors are caught by `npm run typecheck`; transpiling alone keeps the suite fast.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 30000,
};
