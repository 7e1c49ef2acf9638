// Runs the integration tests inside a real VS Code through @vscode/test-electron's runTests().
//
//   npx tsx test/integration/runTest.ts
//
// By default VS Code is code-server driven by headless Chromium (scripts/editor/), because
// VS Code desktop cannot be downloaded on these machines; scripts/editor/setup.sh installs
// what that needs (cached). Env:
//   NEWS_LENS_USE_DESKTOP=1     let test-electron download and run VS Code desktop instead
//   VSCODE_EXECUTABLE=PATH      use this executable (a desktop VS Code, or the stand-in)
//   NEWS_LENS_TESTS_PATH        compiled test index (default dist/test/integration/index.js)
//   NEWS_LENS_TEST_WORKSPACE    folder to open (default test/fixtures/workspace); a fresh copy of
//                               it in a temporary folder is opened, so that settings or files the
//                               tests write never dirty the repository or leak into the next run
//   NEWS_LENS_TEST_WORKSPACE_COPY=0  open the folder in place instead
//   NEWS_LENS_EXTENSION_PATH    extension under test (default: the repository root)
//   NEWS_LENS_TEST_REPORT       JSON report path (default test-results/integration-report.json)
//   NEWS_LENS_TEST_GREP / NEWS_LENS_TEST_TIMEOUT   passed on to the test index
//   NEWS_LENS_EDITOR_TIMEOUT / NEWS_LENS_ARTIFACTS / NEWS_LENS_EDITOR_VERBOSE  see the stand-in
// Prints a closing line `N passed, N failed` and exits non-zero unless all passed.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { INJECTED_FAILURE_MARKER } from './fault-marker';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'news-lens') return dir;
      } catch { /* keep looking */ }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the news-lens repository above ${start}`);
    dir = up;
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface Report {
  passed: number;
  failed: number;
  pending?: number;
  failures?: { title: string; error: string }[];
}

interface Options {
  repo: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  workspace: string;
  reportPath: string;
}

async function main(): Promise<number> {
  const repo = findRepoRoot(__dirname);
  const fromRepo = (p: string) => path.resolve(repo, p);
  const env = process.env;

  const extensionDevelopmentPath = fromRepo(env.NEWS_LENS_EXTENSION_PATH || '.');
  const extensionTestsPath = fromRepo(env.NEWS_LENS_TESTS_PATH || 'dist/test/integration/index.js');
  const workspace = fromRepo(env.NEWS_LENS_TEST_WORKSPACE || 'test/fixtures/workspace');
  const reportPath = fromRepo(env.NEWS_LENS_TEST_REPORT || 'test-results/integration-report.json');

  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`integration: ${extensionTestsPath} does not exist; build the tests first`);
    return 1;
  }
  if (!fs.existsSync(workspace)) {
    console.error(`integration: workspace ${workspace} does not exist`);
    return 1;
  }
  fs.mkdirSync(path.dirname(reportPath), { recursive: true });
  fs.rmSync(reportPath, { force: true });

  if (env.NEWS_LENS_TEST_WORKSPACE_COPY === '0') {
    return run({ repo, extensionDevelopmentPath, extensionTestsPath, workspace, reportPath });
  }
  const copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-ws-'));
  const removeCopy = () => fs.rmSync(copyRoot, { recursive: true, force: true });
  process.on('exit', removeCopy); // test-electron exits the process itself on Ctrl+C
  const copy = path.join(copyRoot, path.basename(workspace));
  fs.cpSync(workspace, copy, { recursive: true });
  try {
    return await run({ repo, extensionDevelopmentPath, extensionTestsPath, workspace: copy, reportPath });
  } finally {
    removeCopy();
  }
}

async function run(o: Options): Promise<number> {
  const env = process.env;
  const launchArgs = [o.workspace, '--disable-extensions'];
  let vscodeExecutablePath: string | undefined;
  if (env.VSCODE_EXECUTABLE) {
    vscodeExecutablePath = path.resolve(env.VSCODE_EXECUTABLE);
  } else if (env.NEWS_LENS_USE_DESKTOP !== '1') {
    const setup = spawnSync('bash', [path.join(o.repo, 'scripts/editor/setup.sh'), '--quiet'], { stdio: 'inherit' });
    if (setup.status !== 0) {
      console.error('integration: scripts/editor/setup.sh failed');
      return 1;
    }
    const standIn = path.join(o.repo, 'scripts/editor/code-server-vscode.mjs');
    if (isExecutable(standIn)) {
      vscodeExecutablePath = standIn;
    } else {
      // Lost its executable bit (e.g. unpacked from an archive): run it with this Node.
      vscodeExecutablePath = process.execPath;
      launchArgs.unshift(standIn);
    }
  }
  // Otherwise (NEWS_LENS_USE_DESKTOP=1) runTests downloads VS Code desktop into .vscode-test/.

  let runError: unknown;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: o.extensionDevelopmentPath,
      extensionTestsPath: o.extensionTestsPath,
      launchArgs,
      // NEWS_LENS_TEST_FAIL_ON: documents containing this marker fail their full analysis (src/server/fault-injection.ts).
      extensionTestsEnv: { NEWS_LENS_TEST_REPORT: o.reportPath, NEWS_LENS_TEST_FAIL_ON: INJECTED_FAILURE_MARKER },
    });
  } catch (e) {
    runError = e;
  }

  let report: Report | undefined;
  try {
    report = JSON.parse(fs.readFileSync(o.reportPath, 'utf8')) as Report;
  } catch {
    report = undefined;
  }

  if (runError && !(runError instanceof TestRunFailedError)) {
    console.error('integration: could not run VS Code:', runError);
  }
  if (!report) {
    console.error(`integration: no test report at ${o.reportPath} (the tests did not run to the end)`);
    return 1;
  }
  for (const f of report.failures ?? []) {
    console.error(`FAILED ${f.title}\n  ${f.error.split('\n').join('\n  ')}`);
  }
  const skipped = report.pending ? `, ${report.pending} skipped` : '';
  console.log(`${report.passed} passed, ${report.failed} failed${skipped}`);
  if (runError || report.failed > 0) return 1;
  if (report.passed === 0) {
    console.error('integration: no test passed (none ran?)');
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('integration:', e);
    process.exit(1);
  },
);
