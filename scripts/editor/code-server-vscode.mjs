#!/usr/bin/env node
// A stand-in for the VS Code executable, for machines that cannot download VS Code desktop.
//
// @vscode/test-electron's runTests({ vscodeExecutablePath }) spawns the executable with
//   [launchArgs...] --no-sandbox ... --extensionTestsPath=T --extensionDevelopmentPath=D
//   [--extensions-dir=... --user-data-dir=...]
// and the extensionTestsEnv merged into the environment. This script accepts that command
// line, starts code-server (a real VS Code 1.139 served over HTTP) on a free loopback port,
// opens its workbench in headless Chromium (playwright-core) with the extension-test payload,
// forwards the test output to stdout/stderr, and exits with the tests' exit code
// (0 = the tests' run() resolved, 1 = it rejected or the run failed/timed out).
//
// Usage:
//   code-server-vscode.mjs [options] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE
//                          [WORKSPACE_FOLDER | FILE.code-workspace]
//   Known flags (both --flag=value and --flag value):
//     --extensionDevelopmentPath   the extension under test (may be repeated)
//     --extensionTestsPath         module whose run() runs the tests (in the extension host)
//     --folder-uri=file:///...     same as a positional folder
//   Accepted and ignored: --user-data-dir, --extensions-dir (a fresh one is used each run),
//   --locale, --log, --profile, and any other --flag (e.g. --no-sandbox, --disable-updates,
//   --skip-welcome, --skip-release-notes, --disable-workspace-trust, --disable-extensions).
//   --help, --version.
//
// Environment:
//   NEWS_LENS_EDITOR_TIMEOUT   overall limit in seconds for one run (default 600)
//   NEWS_LENS_ARTIFACTS        folder for a screenshot and the server log when a run fails
//   NEWS_LENS_EDITOR_VERBOSE=1 also print code-server's output and the page's console
//   NEWS_LENS_EDITOR_KEEP=1    keep the state folder (/tmp/nl-vsc-XXXXXX) for inspection
//   NEWS_LENS_CACHE            cache root used by setup.sh (tools are found there)
//   NEWS_LENS_NODE24, NEWS_LENS_CODE_SERVER, NEWS_LENS_CHROMIUM   explicit tool paths
//   Everything else in the environment is passed on to the extension host
//   (that is how runTests' extensionTestsEnv reaches the tests).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import util from 'node:util';
import {
  ensureTools as ensureEditorTools, freePort, killGroup, launchChromium, makeStateDirs, markedPids, pidAlive,
  reapRun, remoteUri, serverEnv, sleep, startCodeServer, startReaper as startRunReaper,
  sweepMarked, waitForHealthz, writeUserSettings, BASE_USER_SETTINGS,
} from './code-server.mjs';

const log = (...a) => process.stderr.write(`[code-server-vscode] ${util.format(...a)}\n`);

// ---------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------
const VALUE_FLAGS = new Set([
  'extensionDevelopmentPath', 'extensionTestsPath', 'folder-uri', 'file-uri',
  'user-data-dir', 'extensions-dir', 'locale', 'log', 'profile', 'extensionDevelopmentKind',
  'inspect-extensions', 'inspect-brk-extensions', 'sync', 'enable-proposed-api', 'remote',
]);

function parseArgs(argv) {
  const out = { devPaths: [], testsPath: undefined, targets: [], ignored: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.targets.push(...argv.slice(i + 1)); break; }
    if (!a.startsWith('-')) { out.targets.push(a); continue; }
    const m = /^--?([^=]+)(?:=(.*))?$/s.exec(a);
    const name = m ? m[1] : a;
    let value = m ? m[2] : undefined;
    if (value === undefined && VALUE_FLAGS.has(name) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    switch (name) {
      case 'extensionDevelopmentPath': out.devPaths.push(value); break;
      case 'extensionTestsPath': out.testsPath = value; break;
      case 'folder-uri':
        out.targets.push(value.startsWith('file:') ? fileURLToPath(value) : value); break;
      case 'help': case 'h': out.help = true; break;
      case 'version': case 'v': out.version = true; break;
      default: out.ignored.push(value === undefined ? a : `--${name}=${value}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Tools (installed by setup.sh, cached per version)
// ---------------------------------------------------------------------------------------
function ensureTools() {
  return ensureEditorTools({ log });
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------
// Environment for the extension host: what we were given, less what describes this process
// or is re-pointed for the server (the host inherits the server's PATH/XDG/TMPDIR anyway).
const ENV_DROP = /^(PATH|PWD|OLDPWD|SHLVL|_|TMPDIR|TMP|TEMP|XDG_.*|VSCODE_.*|ELECTRON_.*|NODE_OPTIONS|NODE_CHANNEL_FD|NEWS_LENS_EDITOR_.*|NEWS_LENS_NODE24|NEWS_LENS_CODE_SERVER|NEWS_LENS_CHROMIUM|npm_.*|INIT_CWD)$/;
function extensionEnvironment() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !ENV_DROP.test(k)) env[k] = v;
  }
  return env;
}

// The workbench's own chatter, which shares the log channel with the tests' console output.
// Shown only with NEWS_LENS_EDITOR_VERBOSE=1.
const WORKBENCH_NOISE = [
  /^\[(ChatModelSelection|AgentHost[^\]]*|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token /,
  /^Creating a socket \(/,
  /^Creation of workbench contribution /,
  /^Updating additional builtin extensions cache/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^No search provider registered for scheme: /,
  /^Timed out waiting for authentication provider /,
  /^Extension host \(Remote\) is unresponsive|^Extension host \(Remote\) is responsive/,
];
function isWorkbenchNoise(text) {
  return WORKBENCH_NOISE.some((re) => re.test(text));
}

// Kill whatever a state folder's run left behind, then remove the folder (unless the run
// was asked to keep it: NEWS_LENS_EDITOR_KEEP=1 leaves a KEPT file there).
async function reapState(stateDir) {
  await reapRun({ marker: stateDir, removePaths: [stateDir], keepFlagDir: stateDir });
}

// A detached watcher (see code-server.mjs): if the run is killed outright (SIGKILL, e.g.
// test-electron's "force close" on a second Ctrl+C), it kills the run's code-server and Chromium
// and removes the state folder. It ends when the folder is gone (normal cleanup) or after reaping.
function startReaper(stateDir) {
  startRunReaper({ marker: stateDir, watchPath: stateDir, removePaths: [stateDir], keepFlagDir: stateDir });
}

// State folders of earlier runs whose owner died without cleaning up (and whose reaper was
// killed too, e.g. with the whole machine session).
async function reapStale(tmpRoot) {
  let names = [];
  try { names = fs.readdirSync(tmpRoot).filter((n) => n.startsWith('nl-vsc-')); } catch { return; }
  for (const n of names) {
    const dir = path.join(tmpRoot, n);
    let owner;
    try { owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8')); } catch { continue; }
    if (owner && !pidAlive(owner) && !fs.existsSync(path.join(dir, 'KEPT'))) await reapState(dir);
  }
}

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    process.stdout.write(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    return 0;
  }
  const tools = ensureTools();
  if (args.version) {
    // Like `code --version` (version, commit, arch); read from files because running
    // code-server --version would write a default config into ~/.config.
    const product = JSON.parse(fs.readFileSync(path.join(tools.codeServer, 'lib', 'vscode', 'product.json'), 'utf8'));
    const cs = JSON.parse(fs.readFileSync(path.join(tools.codeServer, 'package.json'), 'utf8'));
    process.stdout.write(`${product.version}\n${product.commit}\n${process.arch}\ncode-server ${cs.version}\n`);
    return 0;
  }
  if (args.devPaths.length === 0) throw new Error('need --extensionDevelopmentPath');
  if (!args.testsPath) throw new Error('need --extensionTestsPath');
  const devPaths = args.devPaths.map((p) => path.resolve(p));
  const testsPath = path.resolve(args.testsPath);
  for (const p of devPaths) {
    if (!fs.existsSync(p)) throw new Error(`extensionDevelopmentPath does not exist: ${p}`);
  }
  if (!fs.existsSync(testsPath) && !fs.existsSync(testsPath + '.js')) {
    throw new Error(`extensionTestsPath does not exist: ${testsPath}`);
  }
  if (args.targets.length > 1) throw new Error(`at most one workspace folder or .code-workspace file (got ${args.targets.join(', ')})`);
  let target;
  if (args.targets.length === 1) {
    const abs = path.resolve(args.targets[0]);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) throw new Error(`workspace does not exist: ${abs}`);
    if (st.isDirectory()) target = { kind: 'folder', path: abs };
    else if (abs.endsWith('.code-workspace')) target = { kind: 'workspace', path: abs };
    else throw new Error(`only a folder or a .code-workspace file can be opened, not ${abs}`);
  }
  const timeoutS = Number(process.env.NEWS_LENS_EDITOR_TIMEOUT || 600);
  const verbose = process.env.NEWS_LENS_EDITOR_VERBOSE === '1';
  const artifacts = process.env.NEWS_LENS_ARTIFACTS ? path.resolve(process.env.NEWS_LENS_ARTIFACTS) : undefined;
  const keep = process.env.NEWS_LENS_EDITOR_KEEP === '1';
  if (verbose && args.ignored.length) log('ignoring', args.ignored.join(' '));

  // Short state folder: code-server's IPC socket paths must stay under 107 characters.
  const tmpRoot = fs.existsSync('/tmp') ? '/tmp' : os.tmpdir();
  await reapStale(tmpRoot);
  const state = fs.mkdtempSync(path.join(tmpRoot, 'nl-vsc-'));
  fs.writeFileSync(path.join(state, 'owner.pid'), String(process.pid));
  startReaper(state);
  const dirs = makeStateDirs(state, ['user', 'exts', 'config', 'data', 'cache', 'statehome', 'runtime', 'tmp', 'chrome']);
  fs.writeFileSync(path.join(state, 'config.yaml'), 'auth: none\ncert: false\n');
  writeUserSettings(dirs.user, BASE_USER_SETTINGS);
  const serverLogPath = path.join(state, 'server.log');
  const serverLog = fs.openSync(serverLogPath, 'a');

  let server; // code-server ChildProcess
  let serverHandle; // from startCodeServer
  let context; // playwright BrowserContext
  let page;
  let cleaning;
  let serverExited = false;

  const cleanup = async (why) => {
    if (cleaning) return cleaning;
    cleaning = (async () => {
      if (verbose) log(`cleaning up (${why})`);
      if (context) {
        await Promise.race([context.close().catch(() => {}), sleep(5000)]);
      }
      if (serverHandle && !serverExited) await serverHandle.stop();
      // Sweep stragglers (extension host, watcher, pty host, Chromium helpers).
      await sweepMarked(state);
      try { fs.closeSync(serverLog); } catch { /* closed */ }
      if (!keep) {
        for (let i = 0; i < 5; i++) {
          try { fs.rmSync(state, { recursive: true, force: true }); break; } catch { await sleep(200); }
        }
      } else {
        fs.writeFileSync(path.join(state, 'KEPT'), '');
        log(`state kept in ${state}`);
      }
    })();
    return cleaning;
  };

  let firstSignalAt = 0;
  const onSignal = (sig) => {
    if (firstSignalAt) {
      // Ctrl+C reaches us twice (from the terminal and forwarded by test-electron): only a
      // later, deliberate second signal forces the exit.
      if (Date.now() - firstSignalAt < 2000) return;
      log(`${sig} again: killing everything now`);
      for (const pid of markedPids(state)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
      if (keep) fs.writeFileSync(path.join(state, 'KEPT'), '');
      else { try { fs.rmSync(state, { recursive: true, force: true }); } catch { /* best effort */ } }
      process.exit(sig === 'SIGINT' ? 130 : 143);
    }
    firstSignalAt = Date.now();
    log(`${sig}: stopping`);
    cleanup(sig).finally(() => process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143));
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
  // Last resort if we die with an exception: kill what we can synchronously.
  process.on('exit', () => {
    if (server && !serverExited) killGroup(server.pid, 'SIGKILL');
  });

  const saveArtifacts = async (reason) => {
    if (!artifacts) return;
    try {
      fs.mkdirSync(artifacts, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      if (page) {
        const shot = path.join(artifacts, `editor-failure-${stamp}.png`);
        await Promise.race([page.screenshot({ path: shot }).then(() => log(`screenshot: ${shot}`)), sleep(10000)]);
      }
      fs.copyFileSync(serverLogPath, path.join(artifacts, `code-server-${stamp}.log`));
      for (const { relativePath, contents } of workbenchLogs) {
        if (typeof relativePath !== 'string' || typeof contents !== 'string') continue;
        const dest = path.join(artifacts, `workbench-logs-${stamp}`, path.normalize(relativePath).replace(/^(\.\.(\/|$))+/, ''));
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.writeFileSync(dest, contents);
      }
      // The server-side logs (extension host, remote agent) live in the user-data-dir.
      const serverLogs = path.join(dirs.user, 'logs');
      if (fs.existsSync(serverLogs)) {
        fs.cpSync(serverLogs, path.join(artifacts, `server-logs-${stamp}`), { recursive: true });
      }
      fs.writeFileSync(path.join(artifacts, `editor-failure-${stamp}.txt`), `${reason}\n`);
    } catch (e) {
      log(`could not save artifacts: ${e.message}`);
    }
  };

  let workbenchLogs = [];
  let exitCode = 1;
  try {
    const port = await freePort();
    const authority = `127.0.0.1:${port}`;
    const childEnv = serverEnv(tools, dirs, state);
    serverHandle = startCodeServer({
      tools, env: childEnv, cwd: state, authority,
      config: path.join(state, 'config.yaml'), userDataDir: dirs.user, extensionsDir: dirs.exts,
      extra: ['--vscode-option', 'enable-smoke-test-driver'],
      logFd: serverLog, onOutput: verbose ? (d) => process.stderr.write(d) : undefined,
    });
    server = serverHandle.child;
    server.on('exit', () => { serverExited = true; });

    const deadline = Date.now() + timeoutS * 1000;
    const remaining = () => deadline - Date.now();

    // Wait for /healthz.
    await waitForHealthz(serverHandle, { timeoutMs: Math.min(60000, remaining()), logPath: serverLogPath });
    if (verbose) log(`code-server up on ${authority}`);

    // playwright-core keeps an artifacts folder in os.tmpdir(): keep it inside the state folder.
    process.env.TMPDIR = dirs.tmp;
    context = await launchChromium({ tools, userDataDir: dirs.chrome, env: childEnv, viewport: { width: 1400, height: 900 } });
    page = context.pages()[0] || await context.newPage();

    let settle;
    const finished = new Promise((resolve) => { settle = resolve; });
    // The workbench's log service (its own messages and, during extension tests, the
    // extension host's console) arrives here as (level, [format, ...args]).
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const parts = Array.isArray(logArgs) ? logArgs : [logArgs];
      const text = util.format(...parts);
      if (process.env.NEWS_LENS_EDITOR_DEBUG_LOG === '1') log('codeAutomationLog', JSON.stringify([type, parts]));
      if (!verbose && isWorkbenchNoise(text)) return;
      const out = /error|warn/i.test(String(type)) ? process.stderr : process.stdout;
      out.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    // The workbench calls codeAutomationExit(code, logs) when the tests' run() settles;
    // logs = [{ relativePath, contents }] of the browser-side log files.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      workbenchLogs = Array.isArray(logs) ? logs : [];
      settle({ code: typeof code === 'number' ? code : Number(code) || 0 });
    });
    page.on('crash', () => settle({ error: 'the workbench page crashed' }));
    page.on('close', () => settle({ error: firstSignalAt ? 'interrupted' : 'the workbench page closed' }));
    server.on('exit', (c, s) => settle({ error: firstSignalAt ? 'interrupted' : `code-server exited (${c ?? s}) during the run` }));
    if (verbose) {
      page.on('console', (m) => log(`page ${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
    }

    const payload = [
      ...devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]),
      ['extensionTestsPath', remoteUri(authority, testsPath)],
      ['extensionEnvironment', JSON.stringify(extensionEnvironment())],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const query = [];
    if (target) query.push(`${target.kind}=${encodeURIComponent(target.path)}`);
    query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const url = `http://${authority}/?${query.join('&')}`;
    if (verbose) log(`opening ${url.slice(0, 300)}${url.length > 300 ? '…' : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, Math.min(120000, remaining())) });

    const timer = setTimeout(() => settle({ error: `timed out after ${timeoutS}s waiting for the tests to finish` }), Math.max(0, remaining()));
    const result = await finished;
    clearTimeout(timer);
    if (result.error === 'interrupted') {
      exitCode = 130;
    } else if (result.error) {
      log(`FAILED: ${result.error}`);
      await saveArtifacts(result.error);
      exitCode = 1;
    } else {
      exitCode = result.code;
      if (exitCode !== 0) await saveArtifacts(`tests exited with code ${exitCode}`);
    }
  } catch (e) {
    log(`FAILED: ${e && e.stack ? e.stack : e}`);
    await saveArtifacts(String(e && e.message ? e.message : e));
    exitCode = 1;
  } finally {
    await cleanup('done');
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (e) => { log(`FAILED: ${e && e.message ? e.message : e}`); process.exit(1); },
);
