// Mocha reporter: the usual spec output, plus a JSON summary {passed, failed, skipped, failures} written to $NEWS_LENS_SUMMARY.
const fs = require('node:fs');
const Mocha = require('mocha');

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    const skipped = [];
    let passed = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, () => passed++);
    runner.on(Mocha.Runner.constants.EVENT_TEST_PENDING, (test) => skipped.push(test.fullTitle()));
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, error) => failures.push({ title: test.fullTitle(), error: String(error && error.message) }));
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const target = process.env.NEWS_LENS_SUMMARY;
      if (target) fs.writeFileSync(target, JSON.stringify({ passed, failed: failures.length, skipped, failures }, null, 1));
    });
  }
}

module.exports = SummaryReporter;
