// Starts the language server bundle (language-server.js) through V8's code cache, so starts after the first skip most compilation.
//
// Compiling the 1.5 MB bundle is a fifth of a cold start. Node ≥ 22.1 (VS Code's Electron, code-server)
// has a module compile cache built in; older Node gets the same from vm.Script's cachedData. The cache
// lives in the temp directory, keyed by Node version and bundle; a stale or foreign one is rejected by
// V8 and rewritten. Nothing here may stop the server from starting: every cache failure is ignored.
import { isAscii } from 'node:buffer';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { writeFileAtomic } from '../shared/atomic-write.mjs';

const BUNDLE = path.join(__dirname, 'language-server.js');
/** Written this long after start, when the first analyses have compiled the functions they use. */
const WRITE_AFTER_MS = 8000;

interface NodeCompileCache {
  enableCompileCache?: (directory?: string) => unknown;
  flushCompileCache?: () => void;
}

/** NEWS_LENS_COMPILE_CACHE_DIR overrides the directory (the benchmark measures a first start with an empty one). */
function cacheDirectory(): string {
  return process.env.NEWS_LENS_COMPILE_CACHE_DIR || path.join(os.tmpdir(), `news-lens-compile-cache-${os.userInfo().uid}`);
}

/** Runs the bundle as a CommonJS module from a vm.Script, with cached data when a valid cache exists. */
function runWithScriptCache(): void {
  const bytes = fs.readFileSync(BUNDLE);
  // The build makes the bundle pure ASCII (scripts/build.mjs): read as Latin-1 it needs no decoding (1 ms, not 40–80).
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const stat = fs.statSync(BUNDLE);
  const cacheFile = path.join(cacheDirectory(), `${process.version}-${process.arch}-${stat.size}-${Math.round(stat.mtimeMs)}.cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeAtomically(cacheFile, () => script.createCachedData());
    };
    setTimeout(write, WRITE_AFTER_MS).unref();
    process.once('exit', write);
  }
  const bundleModule = new Module(BUNDLE, module);
  bundleModule.filename = BUNDLE;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(bundleModule.exports, bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
}

function writeAtomically(file: string, data: () => Buffer): void {
  try {
    writeFileAtomic(file, data(), { makeDirectory: true });
  } catch {
    // A read-only or full temp directory only costs the next start its compile time.
  }
}

function start(): void {
  const builtIn = Module as unknown as NodeCompileCache;
  // NEWS_LENS_COMPILE_CACHE=0 starts without any cache.
  if (process.env.NEWS_LENS_COMPILE_CACHE === '0') {
    require(BUNDLE);
    return;
  }
  if (typeof builtIn.enableCompileCache === 'function') {
    try {
      builtIn.enableCompileCache(cacheDirectory());
    } catch {
      // Start without the cache.
    }
    require(BUNDLE);
    // Node writes its cache at exit; a language server is often killed instead, so flush once warmed up.
    if (typeof builtIn.flushCompileCache === 'function') setTimeout(() => builtIn.flushCompileCache?.(), WRITE_AFTER_MS).unref();
    return;
  }
  runWithScriptCache();
}

start();
