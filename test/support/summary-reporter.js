// Prints the plain closing line CI reads, "N passed, N failed, N skipped",
// as the very last output of the jest run (after jest's own summary).
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
    process.on('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
