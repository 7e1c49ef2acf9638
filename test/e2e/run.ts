// End-to-end checks of News Lens in a real VS Code: code-server with the packaged extension,
// driven by headless Chromium (playwright-core). Run: npx tsx test/e2e/run.ts
//
// Env:
//   NEWS_LENS_SUMMARY=FILE        write {passed, failed, failures:[{title, error}]} there
//   NEWS_LENS_ARTIFACTS=DIR       screenshots of key states and of failures (default test-results/e2e)
//   NEWS_LENS_E2E_EXTENSION=dev   load the repository (dist/ built) as a development extension
//                                 instead of packaging and installing the .vsix (default: vsix)
//   NEWS_LENS_E2E_VSIX=FILE       install this .vsix instead of packaging one
//   NEWS_LENS_E2E_GREP=REGEX      run only the checks whose title matches
//   NEWS_LENS_E2E_KEEP=1          keep the state folder (/tmp/nl-e2e-XXXXXX: logs, workspace)
// Prints `N passed, N failed`; exits non-zero unless all passed.
import * as path from 'node:path';
import { repoRoot, stopAllSessions } from './editor';
import { suite } from './checks';
import { runSuite, writeSummary, type Summary } from './runner';

async function main(): Promise<number> {
  const started = Date.now();
  const artifacts = path.resolve(process.env.NEWS_LENS_ARTIFACTS ?? path.join(repoRoot, 'test-results', 'e2e'));
  const mode = process.env.NEWS_LENS_E2E_EXTENSION === 'dev' ? 'dev' : 'vsix';
  const grep = process.env.NEWS_LENS_E2E_GREP ? new RegExp(process.env.NEWS_LENS_E2E_GREP, 'i') : undefined;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const s = suite({ artifacts, extension: mode, vsix: process.env.NEWS_LENS_E2E_VSIX ? path.resolve(process.env.NEWS_LENS_E2E_VSIX) : undefined, log });
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      log(`\n${sig}: stopping`);
      stopAllSessions().finally(() => process.exit(130));
    });
  }
  let summary: Summary;
  try {
    summary = await runSuite(s, { grep, log, defaultTimeoutMs: 60000 });
  } catch (e) {
    summary = { passed: 0, failed: 1, failures: [{ title: 'e2e runner', error: String(e instanceof Error ? e.stack : e) }] };
  }
  writeSummary(summary, process.env.NEWS_LENS_SUMMARY);
  log(`\n  screenshots: ${path.relative(process.cwd(), artifacts) || '.'}/`);
  log(`  ${((Date.now() - started) / 1000).toFixed(1)} s (extension: ${mode})`);
  log(`${summary.passed} passed, ${summary.failed} failed`);
  return summary.failed > 0 || summary.passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
