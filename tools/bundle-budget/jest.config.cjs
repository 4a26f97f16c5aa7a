const { join } = require('node:path');

/** Tests of the client's compressed initial-bundle budget: plain Node, no transform (so no Nx preset). */
module.exports = {
  displayName: 'bundle-budget',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.spec.cjs'],
  transform: {},
  moduleFileExtensions: ['cjs', 'mjs', 'js', 'json'],
  reporters: ['default', join(__dirname, '..', 'testing', 'summary-reporter.cjs')],
};
