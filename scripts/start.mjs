#!/usr/bin/env node
// `npm start`: try News Lens in a real VS Code (code-server) in your browser.
//
// Builds and packages the extension (scripts/package.mjs), installs the editor tools
// (scripts/editor/setup.sh: Node 24, code-server, Chromium; cached), installs the .vsix into
// code-server and serves VS Code on 127.0.0.1 with a workspace holding copies of samples/
// (edit and clean them freely: the repository's samples/ are never touched).
// Prints the URL to open. Ctrl+C (or SIGTERM) stops everything.
//
// Usage: node scripts/start.mjs [options]
//   --port N      port to serve on (default: $PORT, else 8080 or the next free one)
//   --keep        keep the workspace as it is (default: restore the sample files from samples/)
//   --no-build    use the existing .vsix instead of building and packaging again
//   --desktop     also install the .vsix into desktop VS Code (the `code` command), if present
//   --help        this text
//
// Where things are (all gitignored):
//   .vscode-test/start-workspace/   the workspace folder (copies of samples/*)
//   .vscode-test/start/             code-server's settings, state and installed extension
//                                   (in the tool cache instead if the repository's path is very long)
//   code-server runs with a throwaway runtime folder /tmp/nl-start-XXXXXX (removed on exit).
// Env: PORT, NEWS_LENS_CACHE (tool cache, see scripts/editor/README.md),
//      NEWS_LENS_TARGET (platform of the .vsix, as for scripts/package.mjs).

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cacheRoot, ensureTools, installVsix, makeStateDirs, nextFreePort, isPortFree, serverEnv, startCodeServer,
  startReaper, sweepMarked, waitForHealthz, workbenchUrl, writeUserSettings, remoteUri,
  BASE_USER_SETTINGS,
} from './editor/code-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const say = (msg) => process.stdout.write(`${msg}\n`);
const warn = (msg) => process.stderr.write(`start: ${msg}\n`);

function usage() {
  const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  return src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n').trim();
}

function parseArgs(argv) {
  const opts = { port: undefined, keep: false, build: true, desktop: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unexpected argument: ${a}`);
    const [, name, inline] = m;
    switch (name) {
      case 'port': {
        const v = inline ?? argv[++i];
        if (!/^\d+$/.test(v ?? '') || Number(v) < 1 || Number(v) > 65535) throw new Error(`--port needs a port number, not ${v}`);
        opts.port = Number(v);
        break;
      }
      case 'keep': opts.keep = true; break;
      case 'no-build': opts.build = false; break;
      case 'desktop': opts.desktop = true; break;
      case 'help': opts.help = true; break;
      default: throw new Error(`unknown option --${name} (see --help)`);
    }
  }
  if (opts.port === undefined && process.env.PORT) {
    if (!/^\d+$/.test(process.env.PORT)) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
    opts.port = Number(process.env.PORT);
  }
  return opts;
}

function vsixPath() {
  const target = process.env.NEWS_LENS_TARGET ?? `${process.platform}-${process.arch}`;
  return path.join(root, `news-lens-${target}.vsix`);
}

/** Copies samples/* into the workspace (all of them, or only missing ones with --keep). */
function prepareWorkspace(workspace, keep) {
  fs.mkdirSync(workspace, { recursive: true });
  const samples = path.join(root, 'samples');
  const restored = [];
  for (const name of fs.readdirSync(samples)) {
    const dest = path.join(workspace, name);
    if (keep && fs.existsSync(dest)) continue;
    fs.cpSync(path.join(samples, name), dest, { recursive: true });
    restored.push(name);
  }
  return restored;
}

/** code-server's user data and extensions, kept between runs: .vscode-test/start, or a folder
 *  in the tool cache when the repository's path is so long that code-server's IPC socket
 *  (<user-data-dir>/code-server-ipc.sock) would pass the 107-character limit of socket paths. */
function persistentStateDir() {
  const local = path.join(root, '.vscode-test', 'start');
  if (path.join(local, 'user', 'code-server-ipc.sock').length <= 100) return local;
  const id = createHash('sha256').update(root).digest('hex').slice(0, 10);
  return path.join(cacheRoot(), `start-${id}`);
}

function installDesktop(vsix) {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  const code = which.status === 0 ? which.stdout.trim() : '';
  if (!code) {
    warn('--desktop: no `code` command on PATH, so desktop VS Code was NOT updated.');
    warn(`  Install it yourself from VS Code (Extensions view > … > Install from VSIX) or run: code --install-extension ${path.relative(process.cwd(), vsix) || vsix}`);
    return;
  }
  say(`installing ${path.basename(vsix)} into desktop VS Code (${code})`);
  const r = spawnSync(code, ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (r.status !== 0) warn(`code --install-extension failed (exit ${r.status}); code-server is started anyway`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) { say(usage()); return 0; }
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

  // 1. Port (first, to fail fast).
  let port;
  if (opts.port !== undefined) {
    if (!(await isPortFree(opts.port))) throw new Error(`port ${opts.port} is in use on 127.0.0.1; choose another with --port`);
    port = opts.port;
  } else {
    port = await nextFreePort(8080);
    if (port === undefined) throw new Error('no free port in 8080–8129; choose one with --port');
    if (port !== 8080) say(`port 8080 is in use; using ${port}`);
  }
  const authority = `127.0.0.1:${port}`;

  // 2. Build and package.
  const vsix = vsixPath();
  const build = opts.build || !fs.existsSync(vsix);
  if (build) {
    say('building and packaging the extension (scripts/package.mjs)…');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs')], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) {
      process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
      throw new Error(`scripts/package.mjs failed (exit ${r.status ?? r.signal})`);
    }
  }
  if (!fs.existsSync(vsix)) throw new Error(`no ${path.basename(vsix)} after packaging`);
  say(build ? `packaged ${path.relative(root, vsix)} (${secs()})` : `using the existing ${path.relative(root, vsix)} (--no-build)`);

  // 3. Editor tools (cached; the first run installs them, a few minutes).
  const tools = ensureTools({ always: true });

  // 4. Folders: persistent user data and extensions, a throwaway runtime folder (short path:
  // code-server's IPC socket paths must stay under 107 characters).
  const persistent = persistentStateDir();
  const workspace = path.join(root, '.vscode-test', 'start-workspace');
  const restored = prepareWorkspace(workspace, opts.keep);
  const runtime = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'nl-start-'));
  const dirs = makeStateDirs(runtime, ['user', 'exts', 'config', 'data', 'cache', 'statehome', 'runtime', 'tmp'], {
    user: path.join(persistent, 'user'),
    exts: path.join(persistent, 'extensions'),
  });
  writeUserSettings(dirs.user, {
    ...BASE_USER_SETTINGS,
    'editor.wordWrap': 'on',
    'files.autoSave': 'off',
  }, { overwrite: false });
  const config = path.join(runtime, 'config.yaml');
  const marker = runtime;
  const env = serverEnv(tools, dirs, marker);
  // If this script is killed outright, a detached watcher stops code-server and removes runtime.
  startReaper({ marker, watchPath: runtime, removePaths: [runtime] });

  let server;
  let stopping;
  const stop = async (why) => {
    if (stopping) return stopping;
    stopping = (async () => {
      if (why) say(`\n${why}: stopping code-server…`);
      if (server) await server.stop();
      const clean = await sweepMarked(marker);
      try { fs.rmSync(runtime, { recursive: true, force: true }); } catch { /* best effort */ }
      if (!clean) warn('some processes did not stop; see `ps`');
      else if (why) say('stopped.');
    })();
    return stopping;
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (stopping) return; // a second Ctrl+C while stopping: let the stop finish
      stop(sig).finally(() => process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143));
    });
  }

  try {
    // 5. Install the .vsix.
    installVsix(tools, { vsix, extensionsDir: dirs.exts, userDataDir: dirs.user, config, env });
    say(`installed ${path.basename(vsix)} into code-server (${secs()})`);
    if (opts.desktop) installDesktop(vsix);

    // 6. Serve.
    const logPath = path.join(persistent, 'code-server.log');
    const logFd = fs.openSync(logPath, 'w');
    server = startCodeServer({
      tools, env, cwd: runtime, authority, config, userDataDir: dirs.user, extensionsDir: dirs.exts, logFd,
    });
    server.child.on('exit', (code, signal) => {
      if (!stopping) {
        warn(`code-server exited (${code ?? signal}); log: ${path.relative(process.cwd(), logPath)}`);
        stop().finally(() => process.exit(1));
      }
    });
    await waitForHealthz(server, { timeoutMs: 60000, logPath });
  } catch (e) {
    await stop();
    throw e;
  }

  const url = workbenchUrl(authority, workspace);
  const article = path.join(workspace, 'mirror-article-zh-hant.txt');
  const articleUrl = workbenchUrl(authority, workspace, [
    `payload=${encodeURIComponent(JSON.stringify([['openFile', remoteUri(authority, article)]]))}`,
  ]);
  say('');
  say(`News Lens is running in VS Code ${tools.versions.CODE_SERVER_VERSION ? `(code-server ${tools.versions.CODE_SERVER_VERSION})` : ''} — ready in ${secs()}.`);
  say(`Workspace: ${path.relative(root, workspace)}/ (${restored.length ? `restored from samples/: ${restored.join(', ')}` : 'kept as it was'})`);
  say('');
  say(`  Open:  ${url}`);
  say(`  or, with the Traditional mirror article already open:`);
  say(`         ${articleUrl}`);
  say('');
  say('Press Ctrl+C to stop.');
  return new Promise(() => {}); // run until a signal
}

main().then(
  (code) => process.exit(code ?? 0),
  (e) => { warn(e && e.message ? e.message : String(e)); process.exit(1); },
);
