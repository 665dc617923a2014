/**
 * Jest reporter that writes pass/fail counts to $CI_REPORT_DIR/jest.json for .ci/run's summary line,
 * with each failure's name and the start of its message (.ci/failures.mjs prints them last).
 */
const fs = require('fs');
const path = require('path');

class CountReporter {
  onRunComplete(_contexts, results) {
    const dir = process.env.CI_REPORT_DIR;
    if (!dir) return;
    const failures = [];
    for (const file of results.testResults) {
      if (file.testExecError) failures.push({ name: path.relative(process.cwd(), file.testFilePath), message: String(file.testExecError.message).slice(0, 2000) });
      for (const t of file.testResults) {
        if (t.status === 'failed') failures.push({ name: `${path.relative(process.cwd(), file.testFilePath)} › ${t.fullName}`, message: t.failureMessages.join('\n').split('\n').filter((l) => !l.includes('/node_modules/')).slice(0, 25).join('\n') });
      }
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'jest.json'),
      JSON.stringify({ passed: results.numPassedTests, failed: results.numFailedTests + results.numRuntimeErrorTestSuites, skipped: results.numPendingTests + results.numTodoTests, failures }),
    );
  }
}
module.exports = CountReporter;
