const { esmTransform, esmTransformIgnorePatterns } = require('../../jest.node-esm-transform.js');

/**
 * `npm run bench`: latency scenarios (one file per scenario in scenarios/)
 * against a real PostgreSQL: TEST_DATABASE_URL or DATABASE_URL, otherwise an
 * embedded one (the API e2e suite's global setup). Not part of `npm test`.
 */
module.exports = {
  displayName: 'bench',
  rootDir: '.',
  preset: '../../jest.preset.js',
  globalSetup: '<rootDir>/../../apps/api-e2e/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/../../apps/api-e2e/src/support/global-teardown.mjs',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/scenarios/*.bench.ts', '<rootDir>/support/*.spec.ts'],
  testTimeout: 900_000,
  transform: {
    ...esmTransform,
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  transformIgnorePatterns: esmTransformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'mjs'],
};
