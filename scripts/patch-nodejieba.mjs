// Patches the installed nodejieba so load() no longer builds the TextRank extractor (patches/nodejieba+VERSION.patch) and rebuilds its addon offline; on failure keeps the stock addon and warns.
//
//   node scripts/patch-nodejieba.mjs             apply and rebuild (root postinstall; safe to rerun: a no-op once applied)
//   node scripts/patch-nodejieba.mjs --check     exit 0 only if the sources are patched and the built addon is the lean one
//   node scripts/patch-nodejieba.mjs --revert    stock sources and the stock addon again (from the cache, else rebuilt)
//   --no-build                                   only patch (or revert) the sources
//   --dir DIR                                    another nodejieba package folder (tests)
//
// The stock addon is kept as node_modules/.cache/news-lens-nodejieba/stock-VERSION.node, which is what a
// failed build falls back to and what bench/jieba-load.ts compares against. Under `npm ci`/`npm install`
// a failure only warns (News Lens works with the stock addon, with more memory); run by hand it exits 1.
// The rebuild needs a C++ toolchain (make and g++; Debian: `apt-get install g++ make`). Without one nothing is
// changed, and status.json in the cache folder says so (reason "no-toolchain"), for the tests to report.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFileAtomic as copyAtomic, writeFileAtomic as writeAtomic } from '../src/shared/atomic-write.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const dirFlag = args.indexOf('--dir');
const dir = resolve(dirFlag >= 0 ? args[dirFlag + 1] : join(root, 'node_modules', 'nodejieba'));
const underInstall = process.env.npm_lifecycle_event === 'postinstall';
const cacheDir = join(dir, '..', '.cache', 'news-lens-nodejieba');
const addon = join(dir, 'build', 'Release', 'nodejieba.node');
const show = (p) => {
  const r = relative(process.cwd(), p);
  return r.startsWith('..') ? p : r || '.';
};
const log = (line) => console.log(`news-lens: nodejieba: ${line}`);

class PatchError extends Error {}
class NoToolchainError extends PatchError {}

/** What the last run left in place, for tests and the language server's warning: { addon, reason?, message? }. */
function writeStatus(status) {
  try {
    writeAtomic(join(cacheDir, 'status.json'), JSON.stringify({ ...status, at: new Date().toISOString() }) + '\n', { makeDirectory: true });
  } catch {
    // a read-only node_modules: the warning on the console is what remains
  }
}

/** What node-gyp needs and cannot find: make, and a C++ compiler ($CXX, else c++, g++ or clang++). */
function missingToolchain() {
  const runs = (command) => !spawnSync(command, ['--version'], { stdio: 'ignore', timeout: 30_000 }).error;
  const missing = [];
  if (!runs(process.env.MAKE || 'make')) missing.push('make');
  const compilers = process.env.CXX ? [process.env.CXX.trim().split(/\s+/)[0]] : ['c++', 'g++', 'clang++'];
  if (!compilers.some(runs)) missing.push(`a C++ compiler (${compilers.join(', ')})`);
  return missing;
}

function requireToolchain() {
  const missing = missingToolchain();
  if (missing.length) {
    throw new NoToolchainError(`no C++ toolchain to rebuild the addon: ${missing.join(' and ')} not found. Install them (Debian/Ubuntu: sudo apt-get install g++ make), then run npm run patch:nodejieba`);
  }
}

/** Files and hunks of a unified diff; each hunk's old and new text, located by content (unique match), not line number. */
function parsePatch(text) {
  const lines = text.split('\n');
  const files = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i].startsWith('--- ') && lines[i + 1]?.startsWith('+++ '))) continue;
    const file = { path: lines[i + 1].slice(4).split('\t')[0].trim().replace(/^b\//, ''), hunks: [] };
    files.push(file);
    i += 2;
    while (i < lines.length && lines[i].startsWith('@@')) {
      const m = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/.exec(lines[i]);
      if (!m) throw new PatchError(`bad hunk header: ${lines[i]}`);
      const hunk = { header: lines[i].trim(), old: [], new: [] };
      let oldLeft = Number(m[1] ?? 1);
      let newLeft = Number(m[2] ?? 1);
      i++;
      while (oldLeft > 0 || newLeft > 0) {
        if (i >= lines.length) throw new PatchError(`${file.path}: hunk ${hunk.header} is cut short`);
        const line = lines[i++];
        const body = line.slice(1);
        // An empty line counts as an empty context line (editors strip the lone space).
        if (line === '' || line[0] === ' ') {
          hunk.old.push(body);
          hunk.new.push(body);
          oldLeft--;
          newLeft--;
        } else if (line[0] === '-') {
          hunk.old.push(body);
          oldLeft--;
        } else if (line[0] === '+') {
          hunk.new.push(body);
          newLeft--;
        } else throw new PatchError(`${file.path}: unexpected line in hunk ${hunk.header}: ${line}`);
      }
      if (oldLeft !== 0 || newLeft !== 0) throw new PatchError(`${file.path}: hunk ${hunk.header} does not match its line counts`);
      file.hunks.push({ header: hunk.header, oldText: `${hunk.old.join('\n')}\n`, newText: `${hunk.new.join('\n')}\n` });
    }
    i--;
  }
  if (!files.length || files.some((f) => !f.hunks.length)) throw new PatchError('the patch has no hunks');
  return files;
}

const occurrences = (text, part) => text.split(part).length - 1;

/** 'stock' or 'patched' when every hunk's old (or new) text occurs exactly once and the other does not; else a PatchError. */
function sourceState(content, file) {
  const counts = file.hunks.map((h) => ({ header: h.header, stock: occurrences(content, h.oldText), patched: occurrences(content, h.newText) }));
  if (counts.every((c) => c.stock === 1 && c.patched === 0)) return 'stock';
  if (counts.every((c) => c.patched === 1 && c.stock === 0)) return 'patched';
  const detail = counts.map((c) => `${c.header} stock text ${c.stock}×, patched text ${c.patched}×`).join('; ');
  throw new PatchError(`${file.path} matches neither the stock nor the patched source this patch expects (${detail}); the patch needs updating for this nodejieba`);
}

function transform(content, file, to) {
  let out = content;
  for (const h of file.hunks) out = to === 'patched' ? out.replace(h.oldText, () => h.newText) : out.replace(h.newText, () => h.oldText);
  if (sourceState(out, file) !== to) throw new PatchError(`${file.path}: the result is not the ${to} source`);
  return out;
}


/** 'lean' (the patched build's marker), 'stock', 'missing' or 'broken'; checked in a child so this process never maps the file. */
function addonState(file) {
  if (!existsSync(file)) return 'missing';
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(require(process.argv[1]).lazyTextRank === true))', file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) return 'broken';
  return r.stdout === 'true' ? 'lean' : 'stock';
}

/** Loads the freshly built addon with a tiny dictionary: tag(), extract() and the lazily built textRankExtract() must answer. */
const SMOKE = `
const fs = require('fs'), os = require('os'), path = require('path');
const [dir, addon] = process.argv.slice(1);
if (require(addon).lazyTextRank !== true) throw new Error('the built addon lacks the lazyTextRank marker');
const jieba = require(dir);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-jieba-smoke-'));
try {
  const dict = path.join(tmp, 'dict.utf8');
  fs.writeFileSync(dict, '南京市 100 ns\\n长江 100 ns\\n大桥 100 n\\n市长 100 n\\n江大桥 100 nr\\n');
  const stub = path.join(tmp, 'stub.utf8');
  fs.writeFileSync(stub, '的 1.0\\n');
  jieba.load({ dict, hmmDict: jieba.DEFAULT_HMM_DICT, userDict: jieba.DEFAULT_USER_DICT, idfDict: stub, stopWordDict: stub });
  const text = '南京市长江大桥，南京市长江大桥';
  if (jieba.tag(text).map((t) => t.word).join('') !== text) throw new Error('tag() lost text');
  if (!Array.isArray(jieba.extract(text, 3))) throw new Error('extract() failed');
  if (!jieba.textRankExtract(text, 3).length) throw new Error('textRankExtract() returned nothing');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write('ok');
`;

function smokeTest() {
  const r = spawnSync(process.execPath, ['-e', SMOKE, dir, addon], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 || r.stdout !== 'ok') throw new PatchError(`the rebuilt addon failed its check: ${(r.stderr || r.stdout || `exit ${r.status ?? r.signal}`).trim().split('\n').slice(0, 4).join(' | ')}`);
}

function npmConfig(key) {
  const r = spawnSync('npm', ['config', 'get', key], { encoding: 'utf8', timeout: 30_000, shell: process.platform === 'win32' });
  const value = r.status === 0 ? r.stdout.trim() : '';
  return value && value !== 'undefined' && value !== 'null' ? value : undefined;
}

/** npm's bundled node-gyp: npm names it in lifecycle scripts; by hand, look next to the npm that is on PATH. */
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8', timeout: 30_000, shell: process.platform === 'win32' });
  if (r.status === 0) candidates.push(join(r.stdout.trim(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new PatchError("npm's node-gyp was not found (npm_config_node_gyp is unset and npm root -g has none)");
  return found;
}

/** Local Node headers, so node-gyp never downloads them: npm's nodedir, else the headers next to this node. */
function findNodeDir() {
  const configured = process.env.npm_config_nodedir || npmConfig('nodedir');
  if (configured) return configured;
  const prefix = join(dirname(process.execPath), '..');
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

function rebuild() {
  const nodeGyp = findNodeGyp();
  const nodeDir = findNodeDir();
  const buildLog = join(cacheDir, 'build.log');
  mkdirSync(cacheDir, { recursive: true });
  const gypArgs = [nodeGyp, 'rebuild', `--jobs=${availableParallelism()}`, ...(nodeDir ? [`--nodedir=${nodeDir}`] : [])];
  log(`rebuilding the addon (node-gyp rebuild${nodeDir ? ` --nodedir=${nodeDir}` : ''}; log: ${show(buildLog)}) …`);
  const fd = openSync(buildLog, 'w');
  const started = Date.now();
  let r;
  try {
    r = spawnSync(process.execPath, gypArgs, { cwd: dir, stdio: ['ignore', fd, fd], timeout: 900_000 });
  } finally {
    closeSync(fd);
  }
  if (r.status !== 0) {
    // The compiler's and make's complaints, not node-gyp's closing banner.
    const errors = readFileSync(buildLog, 'utf8')
      .split('\n')
      .filter((l) => /error|\*\*\*|not found|No such file/i.test(l) && !/^gyp ERR! (System|command|cwd|node -v|node-gyp -v|\$npm|not ok|stack at)/.test(l))
      .slice(0, 8)
      .map((l) => `    ${l}`)
      .join('\n');
    throw new PatchError(`node-gyp rebuild failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}); from ${show(buildLog)}:\n${errors}`);
  }
  log(`rebuilt in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function main() {
  if (!existsSync(join(dir, 'package.json'))) throw new PatchError(`nodejieba is not installed at ${show(dir)}`);
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const patchFile = join(root, 'patches', `nodejieba+${version}.patch`);
  if (!existsSync(patchFile)) {
    const have = readdirSync(join(root, 'patches')).filter((f) => f.startsWith('nodejieba+'));
    throw new PatchError(`no patch for nodejieba ${version} (patches/ has ${have.join(', ') || 'none'}); port it to this version`);
  }
  const stockCopy = join(cacheDir, `stock-${version}.node`);
  const files = parsePatch(readFileSync(patchFile, 'utf8')).map((f) => {
    const file = join(dir, f.path);
    if (!existsSync(file)) throw new PatchError(`${f.path} is missing from ${show(dir)}`);
    const content = readFileSync(file, 'utf8');
    return { ...f, file, content, state: sourceState(content, f) };
  });
  const patched = files.every((f) => f.state === 'patched');
  const noBuild = flag('--no-build');

  if (flag('--check')) {
    const state = addonState(addon);
    log(`sources ${patched ? 'patched' : files.map((f) => `${f.path} ${f.state}`).join(', ')}; addon ${state}; stock copy ${existsSync(stockCopy) ? show(stockCopy) : 'absent'}`);
    return patched && state === 'lean' ? 0 : 1;
  }

  if (flag('--revert')) {
    for (const f of files) if (f.state === 'patched') writeAtomic(f.file, transform(f.content, f, 'stock'));
    log(`sources of ${show(dir)} are stock`);
    if (noBuild || addonState(addon) === 'stock') return 0;
    if (existsSync(stockCopy)) {
      copyAtomic(stockCopy, addon);
      log(`restored the stock addon from ${show(stockCopy)}`);
    } else {
      requireToolchain();
      rebuild();
    }
    return addonState(addon) === 'stock' ? 0 : 1;
  }

  if (noBuild) {
    for (const f of files) if (f.state === 'stock') writeAtomic(f.file, transform(f.content, f, 'patched'));
    log(patched ? `sources already patched (${show(patchFile)})` : `patched the sources with ${show(patchFile)} (not rebuilt)`);
    return 0;
  }

  const before = addonState(addon);
  if (patched && before === 'lean') {
    log(`lean load already in place (${show(patchFile)} applied, addon rebuilt)`);
    writeStatus({ addon: 'lean' });
    return 0;
  }
  requireToolchain(); // before anything changes
  if (before === 'stock') copyAtomic(addon, stockCopy);
  try {
    for (const f of files) if (f.state === 'stock') writeAtomic(f.file, transform(f.content, f, 'patched'));
    log(`applied ${show(patchFile)}`);
    rebuild();
    smokeTest();
  } catch (error) {
    // Back to what npm installed: stock sources and the stock addon.
    for (const f of files) writeAtomic(f.file, f.state === 'stock' ? f.content : transform(f.content, f, 'stock'));
    if (existsSync(stockCopy)) copyAtomic(stockCopy, addon);
    throw error;
  }
  log(`lean load in place: load() no longer builds the TextRank extractor (stock addon kept as ${show(stockCopy)})`);
  writeStatus({ addon: 'lean' });
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  const message = error instanceof PatchError ? error.message : (error?.stack ?? String(error));
  const current = existsSync(addon) ? addonState(addon) : 'missing';
  const state = current === 'missing' ? 'NO addon (run `npm rebuild nodejieba`)' : current === 'lean' ? 'the lean addon' : 'the stock addon';
  writeStatus({ addon: current, reason: error instanceof NoToolchainError ? 'no-toolchain' : 'failed', message });
  console.error(`news-lens: WARNING: the nodejieba lean-load patch was not applied: ${message}`);
  console.error(`news-lens: WARNING: nodejieba keeps ${state}. News Lens works, but each process that loads the segmenter uses about 110 MB more memory and twice the load time. Retry: npm run patch:nodejieba`);
  process.exitCode = underInstall ? 0 : 1;
}
