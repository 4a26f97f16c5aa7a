// Playwright reporter: records pass/fail counts so `npm test` can print one closing line.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

class PlaywrightSummaryReporter {
  constructor() {
    this.counts = { passed: 0, failed: 0, skipped: 0 };
  }

  onTestEnd(test, result) {
    if (result.status === 'skipped') this.counts.skipped++;
    else if (result.status === test.expectedStatus) this.counts.passed++;
    else if (result.retry >= test.retries) this.counts.failed++;
  }

  onEnd(result) {
    if (result.status !== 'passed' && this.counts.failed === 0) this.counts.failed = 1;
    const dir = join(__dirname, '../../tmp/test-summary');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `playwright-${process.env.TEST_SUMMARY_LABEL ?? 'main'}.json`), JSON.stringify(this.counts));
  }

  printsToStdio() {
    return false;
  }
}

module.exports = PlaywrightSummaryReporter;
