// Shared pieces for running the extension in code-server (a real VS Code served over HTTP)
// and driving it with Debian's Chromium through playwright-core. Used by
//   scripts/editor/code-server-vscode.mjs  (stand-in VS Code executable for runTests)
//   scripts/start.mjs                      (`npm start`: the extension in code-server for people)
//   test/e2e/                              (end-to-end checks, screenshots)
//
// Every process a run starts carries `NEWS_LENS_EDITOR_STATE=<marker>` in its environment, so
// that whatever process groups they end up in, they can all be found (markedPids) and stopped.
// A detached reaper (startReaper) does that if the owner is killed outright (SIGKILL).
//
// Run directly only as the reaper: node code-server.mjs --reap <json>

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const editorDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(editorDir, '..', '..');
export const STATE_MARKER = 'NEWS_LENS_EDITOR_STATE';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------
// Tools (installed by setup.sh, cached per version)
// ---------------------------------------------------------------------------------------
export function readVersions() {
  const v = {};
  for (const line of fs.readFileSync(path.join(editorDir, 'versions.env'), 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) v[m[1]] = m[2].trim();
  }
  return v;
}

export function cacheRoot() {
  return process.env.NEWS_LENS_CACHE
    || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'news-lens');
}

export function locateTools() {
  const v = readVersions();
  const cache = cacheRoot();
  return {
    node: process.env.NEWS_LENS_NODE24 || path.join(cache, `node-v${v.NODE_VERSION}`, 'bin', 'node'),
    codeServer: process.env.NEWS_LENS_CODE_SERVER
      || path.join(cache, `code-server-${v.CODE_SERVER_VERSION}`, 'node_modules', 'code-server'),
    chromium: process.env.NEWS_LENS_CHROMIUM || '/usr/bin/chromium',
    versions: v,
  };
}

export function toolsPresent(t) {
  return fs.existsSync(t.node) && fs.existsSync(path.join(t.codeServer, 'out', 'node', 'entry.js'))
    && fs.existsSync(t.chromium);
}

/** The tools, running setup.sh first when some are missing (or always, with `always`). */
export function ensureTools({ log = () => {}, always = false } = {}) {
  let t = locateTools();
  if (!always && toolsPresent(t)) return t;
  if (!always) log('editor tools missing; running scripts/editor/setup.sh');
  const r = spawnSync('bash', [path.join(editorDir, 'setup.sh'), '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('scripts/editor/setup.sh failed');
  t = locateTools();
  if (!toolsPresent(t)) throw new Error(`tools still missing after setup: ${JSON.stringify(t)}`);
  return t;
}

// ---------------------------------------------------------------------------------------
// Ports, URIs
// ---------------------------------------------------------------------------------------
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free port among the following `tries` ones (undefined if none). */
export async function nextFreePort(preferred, tries = 50) {
  for (let p = preferred; p < preferred + tries && p < 65536; p++) {
    if (await isPortFree(p)) return p;
  }
  return undefined;
}

export function remoteUri(authority, absPath) {
  const p = absPath.split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${p.startsWith('/') ? '' : '/'}${p}`;
}

/** The workbench URL that opens a folder (or a .code-workspace file). */
export function workbenchUrl(authority, target, extraQuery = []) {
  const query = [];
  if (target) {
    const kind = target.endsWith('.code-workspace') ? 'workspace' : 'folder';
    query.push(`${kind}=${encodeURIComponent(target).replace(/%2F/g, '/')}`);
  }
  query.push(...extraQuery);
  return `http://${authority}/${query.length ? `?${query.join('&')}` : ''}`;
}

// ---------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------
export function pidAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

export function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
  try { process.kill(pid, signal); } catch { /* already gone */ }
}

/** All processes carrying the marker in their environment (code-server, its extension host,
 *  pty host, file watcher, Chromium and its helpers). */
export function markedPids(marker) {
  const needle = Buffer.from(`${STATE_MARKER}=${marker}\0`);
  const pids = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const envBuf = fs.readFileSync(`/proc/${entry}/environ`);
      if (envBuf.indexOf(needle) !== -1) pids.push(Number(entry));
    } catch { /* gone or not ours */ }
  }
  return pids;
}

/** Signals every marked process until none is left: SIGTERM for `termRounds` rounds, then SIGKILL. */
export async function sweepMarked(marker, { rounds = 20, termRounds = 5 } = {}) {
  for (let round = 0; round < rounds; round++) {
    const left = markedPids(marker);
    if (left.length === 0) return true;
    for (const pid of left) { try { process.kill(pid, round < termRounds ? 'SIGTERM' : 'SIGKILL'); } catch { /* gone */ } }
    await sleep(100);
  }
  return markedPids(marker).length === 0;
}

// ---------------------------------------------------------------------------------------
// State folders and settings
// ---------------------------------------------------------------------------------------
export const BASE_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Creates the sub-folders code-server needs under `state` and returns their paths. Keys may be
 *  mapped to folders elsewhere through `locations` (e.g. a persistent user-data-dir). */
export function makeStateDirs(state, names, locations = {}) {
  const dirs = {};
  for (const d of names) {
    dirs[d] = locations[d] || path.join(state, d);
    fs.mkdirSync(dirs[d], { recursive: true, mode: 0o700 });
  }
  return dirs;
}

/** Writes <userDir>/User/settings.json (only when `overwrite` or it does not exist yet). */
export function writeUserSettings(userDir, settings, { overwrite = true } = {}) {
  const file = path.join(userDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (overwrite || !fs.existsSync(file)) fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  return file;
}

// ---------------------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------------------
/** The environment of code-server (and everything it starts): Node 24 first on PATH, XDG
 *  folders and TMPDIR in the state, no extension gallery, and the marker. */
export function serverEnv(tools, dirs, marker, base = process.env) {
  const env = {
    ...base,
    PATH: `${path.dirname(tools.node)}${path.delimiter}${base.PATH || ''}`,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_STATE_HOME: dirs.statehome,
    XDG_RUNTIME_DIR: dirs.runtime,
    TMPDIR: dirs.tmp,
    // No extension gallery (there is no network): stops open-vsx look-ups and their errors.
    EXTENSIONS_GALLERY: '{}',
    [STATE_MARKER]: marker,
  };
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_)/.test(k) || k === 'NODE_OPTIONS') delete env[k];
  }
  return env;
}

/** code-server's command line (without the node executable). */
export function serverArgs(tools, { authority, config, userDataDir, extensionsDir, extra = [] }) {
  return [
    path.join(tools.codeServer, 'out', 'node', 'entry.js'),
    '--bind-addr', authority,
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--reconnection-grace-time', '10',
    ...extra,
  ];
}

/**
 * Starts code-server in its own process group. Output goes to `logFd` (and `onOutput`).
 * Returns { child, authority, exited (boolean getter), stop() }.
 */
export function startCodeServer({ tools, env, cwd, authority, config, userDataDir, extensionsDir, extra, logFd, onOutput }) {
  if (config && !fs.existsSync(config)) fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const child = spawn(tools.node, serverArgs(tools, { authority, config, userDataDir, extensionsDir, extra }), {
    env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const handle = {
    child,
    authority,
    exited: false,
    async stop() {
      if (handle.exited) return;
      killGroup(child.pid, 'SIGTERM');
      for (let i = 0; i < 30 && !handle.exited; i++) await sleep(100);
      if (!handle.exited) killGroup(child.pid, 'SIGKILL');
    },
  };
  child.on('exit', () => { handle.exited = true; });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d) => {
      if (logFd !== undefined) { try { fs.writeSync(logFd, d); } catch { /* closed */ } }
      if (onOutput) onOutput(d);
    });
  }
  return handle;
}

/** Waits until code-server answers /healthz; throws (with the log's tail) if it exits first. */
export async function waitForHealthz(handle, { timeoutMs = 60000, logPath } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (handle.exited) {
      const tail = logPath && fs.existsSync(logPath) ? `\n${fs.readFileSync(logPath, 'utf8').slice(-3000)}` : '';
      throw new Error(`code-server exited before it was ready${logPath ? ` (log: ${logPath})` : ''}${tail}`);
    }
    if (Date.now() > deadline) throw new Error('code-server did not answer /healthz in time');
    try {
      const r = await fetch(`http://${handle.authority}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return;
    } catch { /* not yet */ }
    await sleep(200);
  }
}

/** Installs a .vsix into an extensions folder with code-server's CLI (about 1.5 s). */
export function installVsix(tools, { vsix, extensionsDir, userDataDir, config, env }) {
  const args = [path.join(tools.codeServer, 'out', 'node', 'entry.js'),
    '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
  if (config) args.push('--config', config);
  args.push('--install-extension', vsix, '--force');
  const r = spawnSync(tools.node, args, { env, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
  return `${r.stdout}${r.stderr}`.trim();
}

// ---------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

/** Headless Chromium with a persistent profile; signals are left to the caller. playwright-core
 *  keeps an artifacts folder in os.tmpdir(): point TMPDIR into the state before calling. */
export async function launchChromium({ tools, userDataDir, env, viewport = { width: 1400, height: 900 }, extraArgs = [], deviceScaleFactor, colorScheme }) {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  const { chromium } = require('playwright-core');
  const options = {
    executablePath: tools.chromium,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    env: { ...env },
    viewport,
    timeout: 60000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  };
  if (deviceScaleFactor) options.deviceScaleFactor = deviceScaleFactor;
  if (colorScheme) options.colorScheme = colorScheme;
  return chromium.launchPersistentContext(userDataDir, options);
}

// ---------------------------------------------------------------------------------------
// Reaper: cleans up if the owner is killed outright
// ---------------------------------------------------------------------------------------
/**
 * Starts a detached watcher. While `watchPath` exists and `ownerPid` lives it waits; if the owner
 * dies while `watchPath` still exists (no clean shutdown), it kills every process with the
 * marker, removes `removePaths` (unless a KEPT file is in `keepFlagDir`) and ends. A clean
 * shutdown removes `watchPath` (or the owner leaves it with KEPT), which ends the watcher.
 */
export function startReaper({ marker, ownerPid = process.pid, watchPath, removePaths = [], keepFlagDir }) {
  const spec = JSON.stringify({ marker, ownerPid, watchPath, removePaths, keepFlagDir });
  // Double fork through sh so the watcher is no child of ours (killTree walks children).
  const child = spawn('sh', ['-c', '"$0" "$@" </dev/null >/dev/null 2>&1 &',
    process.execPath, fileURLToPath(import.meta.url), '--reap', spec], {
    detached: true, stdio: 'ignore',
  });
  child.unref();
}

/** Kills what a run left behind and removes its folders (unless kept). */
export async function reapRun({ marker, removePaths = [], keepFlagDir }) {
  await sweepMarked(marker, { rounds: 30, termRounds: 10 });
  if (keepFlagDir && fs.existsSync(path.join(keepFlagDir, 'KEPT'))) return;
  for (const p of removePaths) {
    try { fs.rmSync(p, { recursive: true, force: true }); } catch { /* best effort */ }
  }
}

async function reaper(spec) {
  while (fs.existsSync(spec.watchPath)) {
    if (!pidAlive(spec.ownerPid)) {
      await sleep(1000); // let a still-running cleanup finish first
      if (fs.existsSync(spec.watchPath)) {
        await reapRun(spec);
      }
      return 0;
    }
    await sleep(500);
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === '--reap') {
  reaper(JSON.parse(process.argv[3])).then((c) => process.exit(c), () => process.exit(1));
}
