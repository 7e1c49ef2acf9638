// CLI at corpus scale: --jobs gives the output of one job, --out-dir shards resume after a real kill, --stats, bad input.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crawledRecords, jsonl, run, runChild, startChild } from './helpers';

describe('news-lens CLI at corpus scale', function () {
  this.timeout(240000);
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-corpus-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('--jobs', () => {
    it('gives byte for byte the output of --jobs 1, in input order (annotate, clean, export)', async () => {
      const a = file('a.jsonl', jsonl(crawledRecords(70, 1)));
      const b = file('b.jsonl', '\n' + jsonl(crawledRecords(30, 2)) + '\n\n');
      for (const argv of [
        ['annotate', '--input', 'jsonl', a, b],
        ['clean', '--input', 'jsonl', a, b],
        ['export', '--format', 'label-studio', '--input', 'jsonl', b],
      ]) {
        const one = await run(...argv, '--jobs', '1');
        const two = await run(...argv, '--jobs', '2');
        assert.equal(one.code, 0, one.stderr);
        assert.equal(two.code, 0, two.stderr);
        assert.ok(one.stdout.length > 1000);
        assert.equal(two.stdout, one.stdout, `${argv[0]}: --jobs 2 differs from --jobs 1`);
      }
      const lines = (await run('annotate', '--input', 'jsonl', '--jobs', '1', a, b)).stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(lines.length, 100);
      assert.deepEqual(lines.slice(68, 72).map((l) => [path.basename(l.file), l.line]), [['a.jsonl', 69], ['a.jsonl', 70], ['b.jsonl', 2], ['b.jsonl', 3]]);
    });
  });

  describe('--out-dir: resumable shards', () => {
    const shardsOf = (out: string) => fs.readdirSync(out).filter((n) => n.endsWith('.jsonl')).sort();
    const concatenated = (out: string) => shardsOf(out).map((n) => fs.readFileSync(path.join(out, n), 'utf8')).join('');

    it('writes one shard per N records with a marker each, and a new run skips complete shards and redoes the rest', async () => {
      const a = file('a.jsonl', jsonl(crawledRecords(25, 3)));
      const b = file('b.jsonl', jsonl(crawledRecords(7, 4)));
      const reference = await run('annotate', '--input', 'jsonl', '--jobs', '1', a, b);
      const out = path.join(dir, 'out');
      const first = await run('annotate', '--input', 'jsonl', '--out-dir', out, '--shard-records', '10', '--stats', path.join(dir, 's1.json'), a, b);
      assert.equal(first.code, 0, first.stderr);
      assert.equal(first.stdout, '');
      assert.deepEqual(shardsOf(out), ['a.00000.jsonl', 'a.00001.jsonl', 'a.00002.jsonl', 'b.00000.jsonl']);
      assert.equal(concatenated(out), reference.stdout);
      const marker = JSON.parse(fs.readFileSync(path.join(out, 'a.00001.jsonl.done'), 'utf8'));
      assert.deepEqual([marker.firstLine, marker.lastLine, marker.records, marker.last], [11, 20, 10, false]);
      assert.equal(marker.outputSha256, createHash('sha256').update(fs.readFileSync(path.join(out, 'a.00001.jsonl'))).digest('hex'));
      assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'a.00002.jsonl.done'), 'utf8')).last, true);

      // Damage one shard and remove another's marker: only those two are redone.
      fs.appendFileSync(path.join(out, 'a.00001.jsonl'), 'garbage\n');
      fs.rmSync(path.join(out, 'b.00000.jsonl.done'));
      const before = fs.statSync(path.join(out, 'a.00000.jsonl')).mtimeMs;
      const second = await run('annotate', '--input', 'jsonl', '--out-dir', out, '--shard-records', '10', '--stats', path.join(dir, 's2.json'), a, b);
      assert.equal(second.code, 0, second.stderr);
      assert.equal(concatenated(out), reference.stdout);
      assert.equal(fs.statSync(path.join(out, 'a.00000.jsonl')).mtimeMs, before, 'a complete shard is not rewritten');
      const stats = JSON.parse(fs.readFileSync(path.join(dir, 's2.json'), 'utf8'));
      assert.deepEqual(stats.shards, { written: 2, skipped: 2 });
      assert.equal(stats.documents, 32, 'skipped shards count from their markers');
      assert.deepEqual(stats.entities, JSON.parse(fs.readFileSync(path.join(dir, 's1.json'), 'utf8')).entities);

      // Other options make other output: nothing counts as complete.
      const third = await run('annotate', '--input', 'jsonl', '--out-dir', out, '--shard-records', '10', '--kinds', 'spam', '--stats', path.join(dir, 's3.json'), a, b);
      assert.equal(third.code, 0, third.stderr);
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 's3.json'), 'utf8')).shards, { written: 4, skipped: 0 });
    });

    it('after a real SIGKILL in the middle, no shard looks complete that is not, and the next run finishes the same output', async () => {
      const corpus = file('c.jsonl', jsonl(crawledRecords(160, 5)));
      const reference = await run('annotate', '--input', 'jsonl', '--jobs', '1', corpus);
      const out = path.join(dir, 'out');
      const args = ['annotate', '--input', 'jsonl', '--jobs', '1', '--out-dir', out, '--shard-records', '4', corpus];
      const child = startChild(args);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Kill as soon as two shards are complete, while later ones are being written.
      const deadline = Date.now() + 200000;
      while (Date.now() < deadline) {
        const markers = fs.existsSync(out) ? fs.readdirSync(out).filter((n) => n.endsWith('.done')) : [];
        if (markers.length >= 2) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await exited;
      const markers = fs.readdirSync(out).filter((n) => n.endsWith('.done'));
      assert.ok(markers.length >= 2 && markers.length < 40, `${markers.length} markers: the kill came in the middle (${stderr})`);
      const expected = reference.stdout.match(/[^\n]*\n/g)!;
      for (const m of markers) {
        const shard = m.slice(0, -'.done'.length);
        const k = Number(shard.split('.')[1]);
        assert.equal(fs.readFileSync(path.join(out, shard), 'utf8'), expected.slice(k * 4, k * 4 + 4).join(''), `${shard} is complete and right`);
      }
      const resumed = await run('annotate', '--input', 'jsonl', '--jobs', '1', '--out-dir', out, '--shard-records', '4', '--stats', path.join(dir, 's.json'), corpus);
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.equal(concatenated(out), reference.stdout);
      assert.ok(fs.readdirSync(out).every((n) => !n.endsWith('.tmp')), 'temporary files of the killed run are gone');
      const stats = JSON.parse(fs.readFileSync(path.join(dir, 's.json'), 'utf8'));
      assert.equal(stats.shards.skipped, markers.length);
      assert.equal(stats.shards.written + stats.shards.skipped, 40);
    });

    it('Ctrl-C (SIGINT) stops with exit code 130, removes the shard being written, and leaves complete shards marked', async () => {
      const corpus = file('c.jsonl', jsonl(crawledRecords(80, 15)));
      const out = path.join(dir, 'out');
      const child = startChild(['annotate', '--input', 'jsonl', '--jobs', '1', '--out-dir', out, '--shard-records', '4', corpus]);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (const deadline = Date.now() + 200000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
        if (fs.existsSync(out) && fs.readdirSync(out).some((n) => n.endsWith('.done'))) break;
      }
      child.kill('SIGINT');
      assert.equal(await exited, 130);
      const names = fs.readdirSync(out);
      assert.ok(names.every((n) => !n.endsWith('.tmp')), names.join(' '));
      const markers = names.filter((n) => n.endsWith('.done'));
      assert.ok(markers.length >= 1 && markers.length < 20);
      for (const m of markers) assert.ok(names.includes(m.slice(0, -'.done'.length)));
    });

    it('on a full disk stops with a one-line error, and the shard it was writing is not marked complete', async function () {
      if (process.getuid?.() !== 0) this.skip(); // mounting a tmpfs needs root (CI and the dev machines run as root)
      const corpus = file('c.jsonl', jsonl(crawledRecords(60, 6)));
      const out = path.join(dir, 'tiny');
      fs.mkdirSync(out);
      const { spawnSync } = await import('node:child_process');
      const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', out]);
      if (mount.status !== 0) this.skip();
      try {
        const r = await run('annotate', '--input', 'jsonl', '--jobs', '1', '--out-dir', out, '--shard-records', '5', corpus);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /could not write \(the disk is full\); the shard is not marked complete/);
        assert.equal(r.stderr.trim().split('\n').length, 1);
        for (const m of fs.readdirSync(out).filter((n) => n.endsWith('.done'))) {
          const marker = JSON.parse(fs.readFileSync(path.join(out, m), 'utf8'));
          assert.equal(fs.statSync(path.join(out, marker.shard)).size, marker.outputBytes);
        }
        assert.ok(fs.readdirSync(out).every((n) => !n.endsWith('.tmp')));
      } finally {
        spawnSync('umount', [out]);
      }
    });

    it('shards export formats and cleaned text files too, each resumable', async () => {
      const corpus = file('c.jsonl', jsonl(crawledRecords(9, 16)));
      const out = path.join(dir, 'out');
      for (const format of ['conll', 'label-studio', 'doccano']) {
        const r = await run('export', '--format', format, '--input', 'jsonl', '--jobs', '1', '--out-dir', out, '--shard-records', '5', corpus);
        assert.equal(r.code, 0, r.stderr);
      }
      const ls = [0, 1].map((k) => JSON.parse(fs.readFileSync(path.join(out, `c.0000${k}.json`), 'utf8')));
      assert.deepEqual(ls.map((tasks) => tasks.length), [5, 4]);
      const whole = JSON.parse((await run('export', '--format', 'label-studio', '--input', 'jsonl', '--jobs', '1', corpus)).stdout);
      assert.deepEqual([...ls[0], ...ls[1]], whole);
      assert.equal(
        fs.readFileSync(path.join(out, 'c.00000.conll'), 'utf8') + fs.readFileSync(path.join(out, 'c.00001.conll'), 'utf8'),
        (await run('export', '--format', 'conll', '--input', 'jsonl', '--jobs', '1', corpus)).stdout,
      );
      assert.ok(fs.existsSync(path.join(out, 'c.00001.jsonl.done')));
      const a = file('a.txt', '網(wǎng)站報道。\n');
      const b = file('b.txt', '<p>新聞</p>\n');
      const cleaned = path.join(dir, 'cleaned');
      const r = await run('clean', '--out-dir', cleaned, '--stats', path.join(dir, 's.json'), a, b);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(fs.readFileSync(path.join(cleaned, 'a.txt'), 'utf8'), '網站報道。\n');
      assert.ok(fs.existsSync(path.join(cleaned, 'b.txt.done')));
      const again = await run('clean', '--out-dir', cleaned, '--stats', path.join(dir, 's.json'), a, b);
      assert.equal(again.code, 0, again.stderr);
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 's.json'), 'utf8')).shards, { written: 0, skipped: 2 });
    });

    it('refuses two inputs whose shards would have the same name', async () => {
      fs.mkdirSync(path.join(dir, 'x'));
      const a = file('c.jsonl', jsonl(crawledRecords(2, 1)));
      const b = file('x/c.jsonl', jsonl(crawledRecords(2, 2)));
      const r = await run('annotate', '--input', 'jsonl', '--out-dir', path.join(dir, 'out'), a, b);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /same name "c"/);
    });
  });

  describe('--stats', () => {
    it('writes documents, characters, junk, spam terms, entities, figures, duplicates and time, and a table on stderr', async () => {
      const records = crawledRecords(40, 7);
      records.push({ id: 'copy', text: records[0].text }, { id: 'spam', text: '久久国产精品范冰啊| 日韩人妻无码免费视频一区二区三区| 麻豆成人精品国产免费| 欧产日产国产精品精品' });
      const corpus = file('c.jsonl', jsonl(records));
      const statsFile = path.join(dir, 'stats.json');
      const r = await run('annotate', '--input', 'jsonl', '--stats', statsFile, corpus);
      assert.equal(r.code, 0, r.stderr);
      const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
      assert.equal(stats.documents, 42);
      assert.equal(stats.characters, records.reduce((n, rec) => n + [...(rec.text as string)].length, 0));
      assert.ok(stats.junk.spam >= 1 && stats.junk['pinyin-gloss'] > 0 && stats.junk.markup > 0);
      assert.ok(stats.topSpamTerms.some((t: { term: string }) => t.term === '国产精品'));
      assert.ok(stats.entities.LOC > 0 && stats.entities.PER > 0);
      assert.ok(stats.figures.MONEY > 0 && stats.figures.PERCENT > 0);
      assert.ok(stats.duplicates.exactDuplicates >= 1 && stats.duplicates.clusters >= 1);
      assert.ok(stats.seconds > 0 && stats.peakRssMB > 0 && stats.inputBytes === fs.statSync(corpus).size);
      assert.match(r.stderr, /documents\s+42 /);
      assert.match(r.stderr, /duplicates\s+\d+ exact, \d+ near/);
      assert.match(r.stderr, /spam terms\s+.*国产精品/);
    });
  });

  describe('bad input: stop with one line naming file and line, nothing written', () => {
    const expectError = async (pattern: RegExp, ...argv: string[]) => {
      const r = await run(...argv);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '', 'nothing is written');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, pattern);
    };
    it('invalid JSON deep in the second file, before any output of the first', async () => {
      const good = file('good.jsonl', jsonl(crawledRecords(20, 8)));
      const bad = file('bad.jsonl', jsonl(crawledRecords(5, 9)) + '{"text": "cut\n' + jsonl(crawledRecords(2, 10)));
      await expectError(/bad\.jsonl:6: not valid JSON/, 'annotate', '--input', 'jsonl', '--jobs', '2', good, bad);
    });
    it('a record without the text field, with --out-dir: no shard written', async () => {
      const bad = file('bad.jsonl', jsonl([...crawledRecords(12, 11), { body: 'x' }]));
      const out = path.join(dir, 'out');
      await expectError(/bad\.jsonl:13: field "text" is missing/, 'annotate', '--input', 'jsonl', '--out-dir', out, '--shard-records', '5', bad);
      assert.deepEqual(fs.readdirSync(out), []);
    });
    it('standard input is checked as it streams: records before the bad line are written, then the error', () => {
      const r = runChild(['annotate', '--input', 'jsonl', '--jobs', '1'], { input: jsonl(crawledRecords(3, 12)) + 'not json\n' });
      assert.equal(r.status, 2);
      assert.equal(r.stdout.trim().split('\n').length, 3);
      assert.match(r.stderr, /<stdin>:4: not valid JSON/);
    });
    it('an unreadable file (EACCES), checked as an unprivileged user', function () {
      if (process.getuid?.() !== 0) this.skip(); // switching to nobody needs root; as another user, chmod 000 does it
      const secret = file('secret.jsonl', jsonl(crawledRecords(2, 13)));
      fs.chmodSync(secret, 0o600);
      fs.chmodSync(dir, 0o755);
      const r = runChild(['annotate', '--input', 'jsonl', secret], { user: 'nobody' });
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim(), `news-lens: error: ${secret}: cannot read (permission denied, EACCES)`);
    });
  });

  describe('streaming', () => {
    it('a corpus far larger than memory use: peak RSS stays bounded', async function () {
      // Records with a short text and a 100 kB field the CLI must read and parse but not keep.
      const small = file('small.jsonl', jsonl([{ text: '嘉興日報記者報道。', pad: 'x'.repeat(100) }]));
      const line = JSON.stringify({ text: '嘉興日報記者報道，全市完成投資102.54億元。', pad: 'x'.repeat(100_000) }) + '\n';
      const records = (name: string, n: number) => {
        const at = path.join(dir, name);
        const fd = fs.openSync(at, 'w');
        for (let i = 0; i < n; i++) fs.writeSync(fd, line);
        fs.closeSync(fd);
        return at;
      };
      const half = records('half.jsonl', 1100);
      const big = records('big.jsonl', 2200);
      const peak = (input: string) => {
        const statsFile = path.join(dir, 'stats.json');
        const r = runChild(['annotate', '--input', 'jsonl', '--jobs', '1', '--stats', statsFile, input]);
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(fs.readFileSync(statsFile, 'utf8')).peakRssMB as number;
      };
      const baseline = peak(small);
      const middle = peak(half);
      const large = peak(big);
      const sizeMB = fs.statSync(big).size / 1e6;
      assert.ok(sizeMB > 200);
      const figures = `peak RSS ${large} MB on ${sizeMB.toFixed(0)} MB of input, ${middle} MB on half of it, ${baseline} MB on a tiny one`;
      // Flat in the corpus size: the second 110 MB adds less than keeping its records would (their lines alone are
      // 110 MB of strings). V8's heap still grows a little with the volume it has allocated (here 314, 358 and 376
      // MB for 110, 220 and 440 MB of input: +44, then +18), and all of it stays well below the input.
      assert.ok(large - middle < 80, figures);
      assert.ok(large - baseline < sizeMB, figures);
    });
  });
});
