/** Jest runs the TypeScript sources as ESM; `npm test` type-checks them first (pretest build). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // The package imports itself by name (the demo does, as users do): tests run it from src.
    '^dialogflow-fulfiller$': '<rootDir>/src/index.ts',
    '^dialogflow-fulfiller/testing$': '<rootDir>/src/testing/index.ts',
    '^dialogflow-fulfiller/compat/dialogflow-fulfillment$': '<rootDir>/src/compat/dialogflow-fulfillment/index.ts',
    '^dialogflow-fulfiller/auth$': '<rootDir>/src/auth/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The docs' examples (test/docs) import the sources by absolute path.
    '^(/.+/src/.+)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 20000,
  // One worker per core. Many suites wait on sockets, child processes and Redis; jest's default
  // (a core less) would run a 2-core machine's suite in band, one file after the other.
  maxWorkers: '100%',
};
