// Package check: the platform .vsix holds nodejieba unbundled (the patched, lean addon), and its language server runs standalone from the extracted package.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { noToolchainSkipReason } from '../support/nodejieba-status';

const root = path.join(__dirname, '..', '..');

describe('the .vsix package', function () {
  this.timeout(120000);
  let extracted: string;
  let server: ChildProcess | undefined;
  let connection: MessageConnection | undefined;

  before(() => {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/package.mjs')], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr || built.stdout);
    const vsix = fs.readdirSync(root).find((f) => /^news-lens-.*\.vsix$/.test(f));
    assert.ok(vsix, 'no .vsix was produced');
    extracted = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-vsix-'));
    const unzip = spawnSync('python3', ['-m', 'zipfile', '-e', path.join(root, vsix), extracted], { encoding: 'utf8' });
    assert.equal(unzip.status, 0, unzip.stderr);
  });
  after(() => {
    connection?.dispose();
    server?.kill();
    fs.rmSync(extracted, { recursive: true, force: true });
  });

  it('contains the bundles, the localization files and nodejieba with its dictionaries', () => {
    for (const file of [
      'extension/package.json',
      'extension/dist/client/extension.js',
      'extension/dist/server/server.js',
      'extension/package.nls.zh-cn.json',
      'extension/l10n/bundle.l10n.zh-tw.json',
      'extension/node_modules/nodejieba/build/Release/nodejieba.node',
      'extension/node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
      'extension/data/ner/model.bin',
      'extension/data/ner/MODEL_CARD.md',
      'extension/data/lost-byte-bigrams.json',
      'extension/data/lost-byte-words.json',
      'extension/data/lost-byte-sentence-marks.json',
    ]) {
      assert.ok(fs.existsSync(path.join(extracted, file)), `${file} is missing`);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(extracted, 'extension/package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.dependencies), ['nodejieba']);
    assert.ok(!fs.existsSync(path.join(extracted, 'extension/node_modules/opencc-js')), 'bundled libraries must not ship twice');
  });

  it('ships pure-ASCII bundles, which Node reads without decoding UTF-8 at each start', () => {
    for (const bundle of ['extension/dist/client/extension.js', 'extension/dist/server/server.js', 'extension/dist/server/language-server.js']) {
      const bytes = fs.readFileSync(path.join(extracted, bundle));
      const at = bytes.findIndex((b) => b >= 0x80);
      assert.equal(at, -1, `${bundle} has a non-ASCII byte at ${at}: …${bytes.subarray(Math.max(0, at - 40), at + 8).toString('utf8')}`);
    }
  });

  it('keeps the entity model within 15 MB, and the whole .vsix small', () => {
    const model = fs.statSync(path.join(extracted, 'extension/data/ner/model.bin')).size;
    assert.ok(model <= 15 * 1024 * 1024, `model.bin is ${model} bytes`);
    const vsix = fs.readdirSync(root).find((f) => /^news-lens-.*\.vsix$/.test(f))!;
    const packed = fs.statSync(path.join(root, vsix)).size;
    assert.ok(packed <= 25 * 1024 * 1024, `the .vsix is ${packed} bytes`);
  });

  it('ships the patched nodejieba addon (load() without the TextRank extractor)', function () {
    const skip = noToolchainSkipReason();
    if (skip) {
      console.log(`      ${skip}`);
      this.skip();
    }
    const addon = path.join(extracted, 'extension/node_modules/nodejieba/build/Release/nodejieba.node');
    const marker = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(require(process.argv[1]).lazyTextRank))', addon], { encoding: 'utf8' });
    assert.equal(marker.status, 0, marker.stderr);
    assert.equal(marker.stdout, 'true', 'the .vsix holds the stock addon: run `npm run patch:nodejieba`, then package again');
  });

  it('runs its language server from the package: junk, then entities', async () => {
    server = spawn(process.execPath, [path.join(extracted, 'extension/dist/server/server.js'), '--stdio'], { stdio: 'pipe' });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 0 })));
    const annotations: { entitiesPending: boolean; counts: { junk: number; entities: number; figures: number } }[] = [];
    const full = new Promise<void>((resolve) =>
      connection!.onNotification('newsLens/annotations', (params) => {
        annotations.push(params);
        if (!params.entitiesPending) resolve();
      }),
    );
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await connection.sendNotification('initialized', {});
    const text = fs.readFileSync(path.join(extracted, 'extension/samples/mirror-article-zh-hant.txt'), 'utf8');
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///sample.txt', languageId: 'plaintext', version: 1, text } });
    await full;
    const last = annotations[annotations.length - 1];
    assert.ok(last.counts.junk >= 160, JSON.stringify(last.counts));
    assert.ok(last.counts.entities > 20, JSON.stringify(last.counts));
    assert.ok(last.counts.figures > 10, JSON.stringify(last.counts));
  });
});
