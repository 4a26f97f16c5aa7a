// Jest reporter: records pass/fail counts of each run so `npm test` can print one closing line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.name = (globalConfig.rootDir || 'jest').replace(/[^a-z0-9]+/gi, '_').slice(-60);
  }

  onRunComplete(_contexts, results) {
    const dir = join(__dirname, '../../tmp/test-summary');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `jest-${process.env.TEST_SUMMARY_LABEL ?? 'main'}-${this.name}.json`),
      JSON.stringify({ passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, skipped: results.numPendingTests + results.numTodoTests }),
    );
  }
}

module.exports = SummaryReporter;
