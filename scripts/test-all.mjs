// Runs every test suite (typecheck, unit, integration in a real VS Code, end-to-end in a browser) and prints "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const scratch = mkdtempSync(join(tmpdir(), 'news-lens-tests-'));
const results = [];
const skips = [];
const mochaTs = ['mocha', '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--reporter', join(root, 'test/support/summary-reporter.js')];

function run(command, args, env = {}) {
  const started = Date.now();
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: child.status ?? 1, seconds: (Date.now() - started) / 1000 };
}

function suite(name, command, args, summaryEnv) {
  if (only.length && !only.includes(name)) return;
  console.log(`\n=== ${name} ===`);
  const summary = join(scratch, `${name}.json`);
  const { status, seconds } = run(command, args, summaryEnv ? { [summaryEnv]: summary } : {});
  let passed = 0;
  let failed = 0;
  if (summaryEnv && existsSync(summary)) {
    let skipped;
    ({ passed, failed, skipped } = JSON.parse(readFileSync(summary, 'utf8')));
    for (const title of skipped ?? []) skips.push(`${name}: ${title}`);
    if (status !== 0 && failed === 0) failed = 1; // the runner itself failed after its tests
  } else if (status === 0) passed = 1;
  else failed = 1;
  results.push({ name, passed, failed, seconds });
}

suite('typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']);
suite('build', 'node', ['scripts/build.mjs']);
suite('unit', 'npx', ['mocha', '--reporter', join(root, 'test/support/summary-reporter.js')], 'NEWS_LENS_SUMMARY');
suite('package', 'npx', [...mochaTs, '--timeout', '180000', 'test/package/vsix.test.ts'], 'NEWS_LENS_SUMMARY');
// The editor tools (Chromium, Node 24, code-server), installed on first use into $NEWS_LENS_CACHE exactly as a
// newcomer's `npm test` does (inside npm's run-script environment); then checks that setup and that the tools start.
if (!only.length || only.includes('setup')) {
  console.log('\n=== setup: scripts/editor/setup.sh ===');
  const setup = run('bash', ['scripts/editor/setup.sh']);
  if (setup.status !== 0) results.push({ name: 'setup.sh', passed: 0, failed: 1, seconds: setup.seconds });
}
suite('setup', 'npx', [...mochaTs, '--timeout', '300000', 'test/setup/tools.test.ts'], 'NEWS_LENS_SUMMARY');
suite('integration', 'npx', ['tsx', 'test/integration/runTest.ts'], 'NEWS_LENS_TEST_REPORT');
// The Dask integration on a local 2-worker cluster (Debian's python3-dask and python3-distributed, installed by setup).
suite('dask', 'npx', [...mochaTs, '--timeout', '300000', 'test/dask/dask.test.ts'], 'NEWS_LENS_SUMMARY');
if (existsSync(join(root, 'test/e2e/run.ts'))) suite('e2e', 'npx', ['tsx', 'test/e2e/run.ts'], 'NEWS_LENS_SUMMARY');

console.log('\n=== summary ===');
if (skips.length) {
  console.log(`skipped (${skips.length}), each with its reason above:`);
  for (const s of skips) console.log(`  - ${s}`);
}
for (const r of results) console.log(`${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
