// news-lens dedup (exact and near duplicates across JSONL files, --drop --out) and news-lens serve (tasks on stdin).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { cliCommand, crawledRecords, jsonl, run, sample } from './helpers';

describe('news-lens dedup', function () {
  this.timeout(120000);
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-dedup-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const business = sample('simplified-business-news.txt');
  const mirror = sample('mirror-article-zh-hant.txt');
  const wire = sample('english-wire-story.txt');

  it('lists each later exact or near duplicate with what it repeats, across files', async () => {
    const a = file('a.jsonl', jsonl([{ id: 'b1', text: business }, { id: 'm1', text: mirror }, { text: wire }]));
    const b = file('b.jsonl', jsonl([
      { id: 'x', text: '一篇完全不同的短消息，說的是別的事情。' },
      { id: 'b2', text: business.replace(/\n/g, '\n\n') },
      { id: 'm2', text: mirror.replace('嘉興', '嘉兴') + '\n(來源：鏡像站)' },
      { text: wire + ' ' },
    ]));
    const statsFile = path.join(dir, 'stats.json');
    const r = await run('dedup', '--input', 'jsonl', '--jobs', '1', '--stats', statsFile, a, b);
    assert.equal(r.code, 0, r.stderr);
    const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
    assert.equal(stats.documents, 7);
    assert.deepEqual([stats.duplicates.exactDuplicates, stats.duplicates.nearDuplicates, stats.duplicates.clusters], [2, 1, 3]);
    const found = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(found.length, 3);
    assert.deepEqual(found[0], { file: b, line: 2, id: 'b2', duplicateOf: { file: a, line: 1, id: 'b1' }, similarity: 1, exact: true });
    assert.deepEqual({ ...found[1], similarity: undefined }, { file: b, line: 3, id: 'm2', duplicateOf: { file: a, line: 2, id: 'm1' }, similarity: undefined, exact: false });
    assert.ok(found[1].similarity >= 0.8 && found[1].similarity < 1);
    assert.deepEqual(found[2], { file: b, line: 4, duplicateOf: { file: a, line: 3 }, similarity: 1, exact: true }, 'no id field when the records have none');
    assert.match(r.stderr, /7 document\(s\); 2 exact and 1 near duplicate/);
  });

  it('--threshold decides what is near enough; --jobs 2 gives the same list', async () => {
    const records = crawledRecords(120, 21);
    const corpus = file('c.jsonl', jsonl(records));
    const one = await run('dedup', '--input', 'jsonl', '--jobs', '1', corpus);
    const two = await run('dedup', '--input', 'jsonl', '--jobs', '2', corpus);
    assert.equal(two.stdout, one.stdout);
    const strict = await run('dedup', '--input', 'jsonl', '--jobs', '1', '--threshold', '0.99', corpus);
    const loose = await run('dedup', '--input', 'jsonl', '--jobs', '1', '--threshold', '0.3', corpus);
    const count = (s: string) => s.trim().split('\n').filter(Boolean).length;
    assert.ok(count(strict.stdout) < count(one.stdout) && count(one.stdout) <= count(loose.stdout), `${count(strict.stdout)} ${count(one.stdout)} ${count(loose.stdout)}`);
    assert.ok(count(one.stdout) >= 10);
  });

  it('--drop --out writes the corpus without its duplicates, lines unchanged', async () => {
    const lines = [JSON.stringify({ id: 1, text: business }), JSON.stringify({ id: 2, text: mirror }), JSON.stringify({ text: business, note: 'copy' })];
    const corpus = file('c.jsonl', lines.join('\n') + '\n');
    const out = path.join(dir, 'kept.jsonl');
    const r = await run('dedup', '--input', 'jsonl', '--drop', '--out', out, corpus);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), lines[0] + '\n' + lines[1] + '\n');
    assert.match(r.stderr, /2 kept/);
  });

  it('bad input stops before --out is written', async () => {
    const corpus = file('c.jsonl', jsonl([{ text: business }]) + '{"text": 1}\n');
    const out = path.join(dir, 'kept.jsonl');
    const r = await run('dedup', '--input', 'jsonl', '--drop', '--out', out, corpus);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /c\.jsonl:2: field "text" is not a string/);
    assert.ok(!fs.existsSync(out));
    assert.deepEqual(fs.readdirSync(dir), ['c.jsonl']);
    assert.match((await run('dedup', corpus)).stderr, /dedup works on JSONL corpora: give --input jsonl/);
    assert.match((await run('dedup', '--input', 'jsonl', '--drop', corpus)).stderr, /--drop and --out FILE go together/);
  });
});

describe('news-lens serve', function () {
  this.timeout(120000);
  it('runs several tasks in one process, each with its own reply; a failing task does not stop it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-serve-'));
    try {
      const corpus = path.join(dir, 'c.jsonl');
      fs.writeFileSync(corpus, jsonl(crawledRecords(6, 31)));
      const [node, ...args] = cliCommand();
      const child = spawn(node, [...args, 'serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const tasks = [
        { id: 1, argv: ['annotate', '--input', 'jsonl', '--jobs', '1', '--out-dir', path.join(dir, 'out'), corpus] },
        { id: 'two', argv: ['annotate', '--input', 'jsonl', path.join(dir, 'missing.jsonl')] },
        { id: 3, argv: ['annotate', '--input', 'jsonl', '--jobs', '1', corpus] },
      ];
      child.stdin.end(tasks.map((t) => JSON.stringify(t)).join('\n') + '\nnot json\n');
      const code = await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(code, 0);
      const replies = out.trim().split('\n').map((l) => JSON.parse(l));
      assert.deepEqual(replies.map((r) => [r.id, r.code]), [[1, 0], ['two', 2], [3, 0], [null, 2]]);
      assert.match(replies[1].stderr, /missing\.jsonl: no such file/);
      assert.equal(replies[2].stdout, fs.readFileSync(path.join(dir, 'out', 'c.00000.jsonl'), 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
