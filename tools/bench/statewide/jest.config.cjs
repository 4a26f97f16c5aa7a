const { join } = require('node:path');

/** Unit tests of the statewide benchmark's parts (plain ES modules, transformed for jest's CommonJS runtime). */
module.exports = {
  displayName: 'bench-tools',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.spec.mjs'],
  transform: {
    '^.+\\.mjs$': ['babel-jest', { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  moduleFileExtensions: ['mjs', 'cjs', 'js', 'json'],
  reporters: ['default', join(__dirname, '..', '..', 'testing', 'summary-reporter.cjs')],
};
