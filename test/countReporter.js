/** Jest reporter that writes pass/fail counts to $CI_REPORT_DIR/jest.json for .ci/run's summary line. */
const fs = require('fs');
const path = require('path');

class CountReporter {
  onRunComplete(_contexts, results) {
    const dir = process.env.CI_REPORT_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'jest.json'),
      JSON.stringify({ passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, skipped: results.numPendingTests + results.numTodoTests }),
    );
  }
}
module.exports = CountReporter;
