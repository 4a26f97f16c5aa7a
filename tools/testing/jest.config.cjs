const { join } = require('node:path');

/** Unit tests of `npm test`'s own parts (plain ES modules, transformed for jest's CommonJS runtime). */
module.exports = {
  displayName: 'test-tools',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.mjs'],
  testTimeout: 180_000,
  transform: {
    '^.+\\.mjs$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  moduleFileExtensions: ['mjs', 'cjs', 'js', 'json'],
  reporters: ['default', join(__dirname, 'summary-reporter.cjs')],
};
