// The nodejieba lean load: the installed addon is the patched build (no TextRank extractor in load()), it answers like the stock one, and the patch script is strict and idempotent.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { segmenterLeanLoad } from '../../src/core/entities/segmenter';
import { noToolchainSkipReason, patchStatus } from '../support/nodejieba-status';

const root = path.join(__dirname, '..', '..');
const script = path.join(root, 'scripts', 'patch-nodejieba.mjs');
const child = path.join(__dirname, 'nodejieba-lean-load-child.cjs');
const jiebaRoot = path.dirname(require.resolve('nodejieba/package.json'));
const version = (JSON.parse(fs.readFileSync(path.join(jiebaRoot, 'package.json'), 'utf8')) as { version: string }).version;
/** Where scripts/patch-nodejieba.mjs keeps the stock build. */
const stockAddon = path.join(jiebaRoot, '..', '.cache', 'news-lens-nodejieba', `stock-${version}.node`);

interface Answers {
  lazyTextRank: boolean;
  textRank: { word: string; weight: number }[];
  [name: string]: unknown;
}

function answers(addon?: string): Answers {
  const r = spawnSync(process.execPath, [child, ...(addon ? [addon] : [])], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr || `exit ${r.status ?? r.signal}`);
  return JSON.parse(r.stdout) as Answers;
}

/** Runs the patch script without npm's lifecycle variables (so a failure exits 1, as by hand). */
function patchScript(...args: string[]): { status: number | null; out: string } {
  return patchScriptWith({}, ...args);
}

function patchScriptWith(extraEnv: Record<string, string>, ...args: string[]): { status: number | null; out: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  if (!extraEnv.npm_lifecycle_event) delete env.npm_lifecycle_event;
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', env, timeout: 60_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('nodejieba lean load (patches/nodejieba+VERSION.patch)', function () {
  this.timeout(120_000);

  /** On a machine without a C++ toolchain the stock addon is expected: the checks of the patched one say so and skip. */
  function skipWithoutToolchain(this: Mocha.Context): void {
    const reason = noToolchainSkipReason();
    if (!reason) return;
    console.log(`      ${reason}`);
    this.skip();
  }

  it('the installed addon is the patched build', function () {
    skipWithoutToolchain.call(this);
    assert.equal(
      segmenterLeanLoad(),
      true,
      'node_modules/nodejieba holds the stock addon: `npm ci` should have applied the patch; run `npm run patch:nodejieba` and read its warning',
    );
  });

  it('worker threads share one loaded dictionary, and a word one of them inserts stays its own', function () {
    skipWithoutToolchain.call(this);
    const r = spawnSync(process.execPath, [path.join(__dirname, 'nodejieba-shared-child.cjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr || `exit ${r.status ?? r.signal}`);
    const { main, worker } = JSON.parse(r.stdout) as Record<'main' | 'worker', Record<string, unknown>>;
    // [Jiebas alive in the process, whether this binding shares its Jieba]: one for both threads.
    assert.deepEqual(main.shared, [1, true]);
    assert.deepEqual(worker.shared, [1, true]);
    assert.deepEqual(worker.tag, main.tag);
    assert.deepEqual(worker.cut, ['杭州', '西湖区', '今天', '发布', '通知']);
    // The worker's word made it a Jieba of its own; the main thread's segmentation did not change.
    assert.equal(worker.inserted, true);
    assert.deepEqual(worker.cutAfterInsert, ['杭州西湖区', '今天', '发布', '通知']);
    assert.deepEqual(worker.sharedAfterInsert, [2, false]);
    assert.deepEqual(main.cutAfterWorkerInsert, worker.cut);
  });

  it('preload() loads the dictionaries on another thread, and load() then takes them instead of loading again', function () {
    skipWithoutToolchain.call(this);
    const r = spawnSync(process.execPath, [path.join(__dirname, 'nodejieba-preload-child.cjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr || `exit ${r.status ?? r.signal}`);
    const seen = JSON.parse(r.stdout) as Record<string, unknown>;
    // [Jiebas alive in the process, whether this binding shares its Jieba]
    assert.deepEqual(seen.beforePreload, [0, false]);
    // A synchronous load would have finished before the event loop turned.
    assert.equal(seen.immediateRanWhileLoading, true);
    assert.equal(seen.preloaded, true);
    assert.deepEqual(seen.beforeLoad, [1, false]);
    assert.deepEqual(seen.afterLoad, [1, true], 'load() built a second Jieba instead of taking the preloaded one');
    assert.deepEqual(
      (seen.tag as { word: string }[]).map((t) => t.word),
      ['杭州', '西湖区', '今天', '发布', '通知'],
    );
    assert.match(String(seen.badArguments), /preloadAsync\(dict, hmmDict, userDict, idfDict, stopWordDict\)/);
  });

  let lean: Answers | undefined;
  it('textRankExtract() still works after the lean load: the extractor is built on first use', function () {
    skipWithoutToolchain.call(this);
    lean = answers();
    assert.equal(lean.lazyTextRank, true);
    assert.ok(lean.textRank.length > 0, 'textRankExtract returned nothing');
    assert.deepEqual(lean.textRankAgain, lean.textRank);
    assert.deepEqual(lean.textRankAfterReload, lean.textRank);
    for (const { word, weight } of lean.textRank) assert.ok(weight > 0 && weight <= 1, `${word} ${weight}`);
  });

  it('every function answers as the stock addon does', function () {
    skipWithoutToolchain.call(this);
    if (!fs.existsSync(stockAddon)) this.skip(); // no stock build kept (the patch was not applied by the script)
    lean ??= answers();
    const stock = answers(stockAddon);
    assert.equal(stock.lazyTextRank, false);
    const { lazyTextRank: _lean, ...leanRest } = lean;
    const { lazyTextRank: _stock, ...stockRest } = stock;
    assert.deepEqual(leanRest, stockRest);
  });

  describe('scripts/patch-nodejieba.mjs on a copy of the sources', () => {
    let dir: string;
    let stockSources: Map<string, string>;
    const headers = ['DictTrie.hpp', 'Jieba.hpp', 'MixSegment.hpp', 'PosTagger.hpp', 'Trie.hpp'].map((f) => `submodules/cppjieba/include/cppjieba/${f}`);
    const sources = ['index.js', 'lib/nodejieba.cpp', 'lib/nodejieba.h', ...headers];
    const read = (): Map<string, string> => new Map(sources.map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));

    beforeEach(() => {
      dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-patch-')), 'nodejieba');
      for (const file of [...sources, 'package.json']) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.copyFileSync(path.join(jiebaRoot, file), path.join(dir, file));
      }
      // Start from the stock sources whatever state this checkout is in.
      assert.equal(patchScript('--dir', dir, '--revert', '--no-build').status, 0);
      stockSources = read();
    });
    afterEach(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

    it('patches the stock sources, leaves patched ones alone, and reverts to the same bytes', () => {
      const cpp = stockSources.get('lib/nodejieba.cpp')!;
      assert.match(cpp, /_text_rank_extractor_handle = new cppjieba\s*::TextRankExtractor\(dictPath/);
      const first = patchScript('--dir', dir, '--no-build');
      assert.equal(first.status, 0, first.out);
      const patched = read();
      assert.match(patched.get('lib/nodejieba.cpp')!, /exports\.Set\("lazyTextRank"/);
      assert.match(patched.get('lib/nodejieba.cpp')!, /InstanceMethod\("tagPacked"/);
      assert.match(patched.get(headers[2])!, /void TagPacked\(/);
      assert.doesNotMatch(patched.get('lib/nodejieba.cpp')!, /new cppjieba\s*::TextRankExtractor\(dictPath/);
      if (segmenterLeanLoad()) for (const f of sources) assert.equal(patched.get(f), fs.readFileSync(path.join(jiebaRoot, f), 'utf8'), f);

      const again = patchScript('--dir', dir, '--no-build');
      assert.equal(again.status, 0, again.out);
      assert.match(again.out, /already patched/);
      assert.deepEqual(read(), patched);

      assert.equal(patchScript('--dir', dir, '--revert', '--no-build').status, 0);
      assert.deepEqual(read(), stockSources);
    });

    it('refuses sources it does not recognise, and changes nothing', () => {
      const file = path.join(dir, 'lib/nodejieba.cpp');
      const changed = stockSources.get('lib/nodejieba.cpp')!.replace('delete _text_rank_extractor_handle;', 'delete  _text_rank_extractor_handle;');
      fs.writeFileSync(file, changed);
      const r = patchScript('--dir', dir, '--no-build');
      assert.equal(r.status, 1);
      assert.match(r.out, /lib\/nodejieba\.cpp matches neither the stock nor the patched source/);
      assert.equal(fs.readFileSync(file, 'utf8'), changed);
      assert.equal(fs.readFileSync(path.join(dir, 'lib/nodejieba.h'), 'utf8'), stockSources.get('lib/nodejieba.h'));
    });

    it('without a C++ toolchain, changes nothing, says what to install, and records why (npm ci still succeeds)', () => {
      // node-gyp reads $CXX and $MAKE too: pointing both nowhere is a machine without a toolchain.
      const missing = { CXX: '/nonexistent/g++', MAKE: '/nonexistent/make' };
      const byHand = patchScriptWith(missing, '--dir', dir);
      assert.equal(byHand.status, 1, byHand.out);
      assert.match(byHand.out, /no C\+\+ toolchain to rebuild the addon: make and a C\+\+ compiler \(\/nonexistent\/g\+\+\) not found.*apt-get install g\+\+ make/);
      assert.deepEqual(read(), stockSources, 'the sources are left stock');
      const underInstall = patchScriptWith({ ...missing, npm_lifecycle_event: 'postinstall' }, '--dir', dir);
      assert.equal(underInstall.status, 0, 'npm ci does not fail for it');
      assert.equal(patchStatus(dir)?.reason, 'no-toolchain');
    });

    it('names the missing patch when nodejieba has another version', () => {
      const pkg = path.join(dir, 'package.json');
      fs.writeFileSync(pkg, JSON.stringify({ ...JSON.parse(fs.readFileSync(pkg, 'utf8')), version: '9.9.9' }));
      const r = patchScript('--dir', dir, '--no-build');
      assert.equal(r.status, 1);
      assert.match(r.out, /no patch for nodejieba 9\.9\.9/);
      assert.deepEqual(read(), stockSources);
    });
  });
});
