// Entry point that VS Code's extension host loads as --extensionTestsPath: runs the integration
// suites with mocha (CommonJS, mocha 11) and reports the outcome.
//
// Suites: every `*.test.js` in the folder of this compiled file (recursively), e.g.
// dist/test/integration/**/*.test.js. Bundle this file with `vscode` and `mocha` external so
// that mocha is required from node_modules at run time.
//
// Env (set through runTests' extensionTestsEnv, or inherited):
//   NEWS_LENS_TEST_REPORT   where to write {passed, failed, pending, failures:[{title, error}]}
//   NEWS_LENS_TEST_GREP     only run tests whose full title matches this (regular expression)
//   NEWS_LENS_TEST_TIMEOUT  per-test timeout in ms (default 20000)
import * as fs from 'fs';
import * as path from 'path';

interface Failure {
  title: string;
  error: string;
}

interface Report {
  passed: number;
  failed: number;
  pending: number;
  failures: Failure[];
}

function findTestFiles(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[];
  return entries
    .filter((rel) => rel.endsWith('.test.js') && !rel.split(path.sep).includes('node_modules'))
    .map((rel) => path.join(dir, rel))
    .sort();
}

function writeReport(report: Report): void {
  const file = process.env.NEWS_LENS_TEST_REPORT;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack || `${err.name}: ${err.message}`;
  return String(err);
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof import('mocha');
  const grep = process.env.NEWS_LENS_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.NEWS_LENS_TEST_TIMEOUT || 20000),
    ...(grep ? { grep: new RegExp(grep) } : {}),
  });

  const report: Report = { passed: 0, failed: 0, pending: 0, failures: [] };
  return new Promise<void>((resolve, reject) => {
    const fail = (err: unknown) => {
      report.failed++;
      report.failures.push({ title: 'integration test setup', error: describeError(err) });
      writeReport(report);
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    try {
      const files = findTestFiles(__dirname);
      if (files.length === 0) {
        fail(new Error(`no *.test.js files found under ${__dirname}`));
        return;
      }
      for (const f of files) mocha.addFile(f);
      const runner = mocha.run((failures) => {
        writeReport(report);
        if (failures > 0 || report.failed > 0) {
          reject(new Error(`${report.failed || failures} integration test(s) failed`));
        } else {
          resolve();
        }
      });
      runner.on('pass', () => { report.passed++; });
      runner.on('pending', () => { report.pending++; });
      runner.on('fail', (test, err) => {
        report.failed++;
        report.failures.push({ title: test.fullTitle(), error: describeError(err) });
      });
    } catch (err) {
      fail(err);
    }
  });
}
