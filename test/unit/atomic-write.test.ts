// The one atomic write: content and mode, no temporary file left behind, nothing changed on failure, and no second copy.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyFileAtomic, writeFileAtomic } from '../../src/shared/atomic-write.mjs';

describe('atomic write (src/shared/atomic-write.mjs)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-atomic-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces a file, keeps its mode and leaves no temporary file', () => {
    const target = path.join(dir, 'a.txt');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o640);
    writeFileAtomic(target, '新內容 🥟');
    assert.equal(fs.readFileSync(target, 'utf8'), '新內容 🥟');
    assert.equal(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(dir), ['a.txt']);
  });

  it('writes bytes, and creates the folder when asked', () => {
    const target = path.join(dir, 'x', 'y', 'b.bin');
    assert.throws(() => writeFileAtomic(target, new Uint8Array([1, 2, 3])), { code: 'ENOENT' });
    writeFileAtomic(target, new Uint8Array([1, 2, 3]), { makeDirectory: true });
    assert.deepEqual([...fs.readFileSync(target)], [1, 2, 3]);
  });

  it('leaves the target unchanged and removes its temporary file when the write fails', () => {
    const target = path.join(dir, 'c.txt');
    fs.mkdirSync(target); // renaming a file over a directory fails
    assert.throws(() => writeFileAtomic(target, 'x'));
    assert.ok(fs.statSync(target).isDirectory());
    assert.deepEqual(fs.readdirSync(dir), ['c.txt']);
  });

  it('copies a file with its mode', () => {
    const from = path.join(dir, 'from.node');
    fs.writeFileSync(from, Buffer.from([0, 255, 7]));
    fs.chmodSync(from, 0o755);
    const to = path.join(dir, 'cache', 'to.node');
    copyFileAtomic(from, to);
    assert.deepEqual([...fs.readFileSync(to)], [0, 255, 7]);
    assert.equal(fs.statSync(to).mode & 0o777, 0o755);
  });

  it('is the only place in the project that renames a temporary file into place', () => {
    const root = path.join(__dirname, '..', '..');
    const hits = ['src', 'scripts', 'bench'].flatMap((folder) =>
      (fs.readdirSync(path.join(root, folder), { recursive: true }) as string[])
        .map((name) => path.join(folder, name).split(path.sep).join('/'))
        .filter((file) => /\.(ts|mts|js|mjs|cjs)$/.test(file) && fs.readFileSync(path.join(root, file), 'utf8').includes('renameSync(')),
    );
    assert.deepEqual(hits, ['src/shared/atomic-write.mjs']);
  });
});
