// Unit tests of the news-lens CLI: annotate, clean, export, JSONL corpora and one-line errors for bad input.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { writeFileAtomic } from '../../src/cli/atomic-write';

const ARTICLE = [
  '<strike id="qc0qw"></strike>',
  '嘉興持續(xù)發(fā)力全面融入長三角一體化發(fā)展',
  '總投資超千億元的通蘇嘉甬高鐵開工建設,2022年完成投資102.54億元,完成年度投資計劃的138%。',
  '(責編:李文治)',
  '久久国产精品范冰啊| 日韩人妻无码免费视频一区二区三区| 麻豆成人精品国产免费| 欧产日产国产精品精品| 亚洲精品成人片在线播放',
].join('\n');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('news-lens CLI', function () {
  this.timeout(30000);
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('annotate prints one JSON object per file with code-point offsets', async () => {
    const text = '😀' + ARTICLE;
    const r = await run('annotate', file('a.txt', text));
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const doc = JSON.parse(lines[0]);
    assert.equal(doc.file.endsWith('a.txt'), true);
    const money = doc.spans.find((s: { text: string }) => s.text === '102.54億元');
    assert.equal(money.kind, 'figure');
    assert.equal(money.value.number, 10254000000);
    assert.equal(money.start, [...text.slice(0, text.indexOf('102.54億元'))].length);
    assert.equal(money.end - money.start, '102.54億元'.length);
    const gloss = doc.spans.filter((s: { label: string }) => s.label === 'pinyin-gloss');
    assert.equal(gloss.length, 3);
    assert.ok(doc.spans.some((s: { kind: string; label: string }) => s.kind === 'junk' && s.label === 'spam'));
  });

  it('annotate --convention fixes whose labelling the tagger follows, and each tagged entity says which', async () => {
    const conventions = async (...flags: string[]): Promise<Set<string>> => {
      const r = await run('annotate', ...flags, file('conv.txt', ARTICLE));
      assert.equal(r.code, 0, r.stderr);
      const tagged = JSON.parse(r.stdout).spans.filter((s: { kind: string; convention?: string }) => s.kind === 'entity' && s.convention);
      assert.ok(tagged.length > 0, r.stdout);
      return new Set(tagged.map((s: { convention: string }) => s.convention));
    };
    assert.deepEqual([...(await conventions('--convention', 'cluener'))], ['cluener']);
    assert.deepEqual([...(await conventions('--convention', 'gsd'))], ['gsd']);
    for (const c of await conventions()) assert.ok(['msra', 'cluener', 'gsd'].includes(c), c);
  });

  it('annotate --input jsonl keeps the corpus order and passes ids through', async () => {
    const corpus = [{ id: 'a', text: '嘉興日報記者報道。' }, { id: 'b', content: 'x', text: '增長138%。' }].map((r) => JSON.stringify(r)).join('\n');
    const r = await run('annotate', '--input', 'jsonl', file('c.jsonl', corpus + '\n'));
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => o.id), ['a', 'b']);
    assert.equal(out[1].line, 2);
    assert.ok(out[1].spans.some((s: { label: string }) => s.label === 'PERCENT'));
  });

  it('clean prints the text without junk and summarises on stderr', async () => {
    const r = await run('clean', file('a.txt', ARTICLE));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '嘉興持續發力全面融入長三角一體化發展\n總投資超千億元的通蘇嘉甬高鐵開工建設,2022年完成投資102.54億元,完成年度投資計劃的138%。\n');
    assert.match(r.stderr, /3 pinyin-gloss/);
    assert.match(r.stderr, /1 spam/);
  });

  it('clean --kinds strips only the chosen kinds, and keeps CRLF line breaks', async () => {
    const r = await run('clean', '--kinds', 'pinyin-gloss', file('a.txt', ARTICLE.replace(/\n/g, '\r\n')));
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('(xù)'));
    assert.ok(r.stdout.includes('久久国产精品'));
    assert.ok(r.stdout.includes('<strike'));
    assert.equal(r.stdout.split('\r\n').length, 5);
  });

  it('clean --in-place rewrites atomically and keeps a backup', async () => {
    const target = file('a.txt', ARTICLE);
    const r = await run('clean', '--in-place', '--backup-suffix', '.orig', target);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(target + '.orig', 'utf8'), ARTICLE);
    assert.ok(!fs.readFileSync(target, 'utf8').includes('(fā)'));
    assert.deepEqual(fs.readdirSync(dir).sort(), ['a.txt', 'a.txt.orig']);
    const again = await run('clean', file('b.txt', fs.readFileSync(target, 'utf8')));
    assert.equal(again.stdout, fs.readFileSync(target, 'utf8'), 'clean is idempotent');
  });

  it('clean of a JSONL corpus replaces the text field', async () => {
    const r = await run('clean', '--input', 'jsonl', '--text-field', 'body', file('c.jsonl', JSON.stringify({ id: 1, body: '網(wǎng)站' }) + '\n'));
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { id: 1, body: '網站' });
  });

  it('export writes brat, doccano, conll and label-studio', async () => {
    const input = file('story.txt', '楊克建表示，嘉興日報報道。');
    const out = path.join(dir, 'brat');
    assert.equal((await run('export', '--format', 'brat', '--out-dir', out, input)).code, 0);
    assert.match(fs.readFileSync(path.join(out, 'story.ann'), 'utf8'), /^T1\tPER 0 3\t楊克建$/m);
    assert.equal(fs.readFileSync(path.join(out, 'story.txt'), 'utf8'), '楊克建表示，嘉興日報報道。');
    const doccano = JSON.parse((await run('export', '--format', 'doccano', input)).stdout);
    assert.deepEqual(doccano.labels[0], [0, 3, 'PER']);
    assert.match((await run('export', '--format', 'conll', input)).stdout, /^楊\tB-PER\n克\tI-PER\n建\tI-PER\n表\tO/);
    const studio = JSON.parse((await run('export', '--format', 'label-studio', input)).stdout);
    assert.equal(studio[0].annotations[0].result[0].value.labels[0], 'PER');
  });

  describe('errors are one line with a non-zero exit', () => {
    const expectError = async (pattern: RegExp, ...argv: string[]) => {
      const r = await run(...argv);
      assert.notEqual(r.code, 0);
      assert.equal(r.stdout, '', 'nothing may be written to stdout');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, pattern);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    };
    it('missing file', () => expectError(/no such file/, 'annotate', path.join(os.tmpdir(), 'does-not-exist.txt')));
    it('directory', async () => expectError(/is a directory/, 'annotate', dir));
    it('binary file', async () => expectError(/binary/, 'annotate', file('b.bin', Buffer.from([0x89, 0x50, 0x00, 0x01]))));
    it('invalid UTF-8, with its place', async () =>
      expectError(/invalid UTF-8 at byte 7 \(line 2\)/, 'annotate', file('bad.txt', Buffer.concat([Buffer.from('abc\n中'), Buffer.from([0xff, 0x41])]))));
    it('empty input', async () => expectError(/empty input/, 'annotate', file('e.txt', '')));
    it('a truncated JSONL line', async () => expectError(/c\.jsonl:2: not valid JSON/, 'annotate', '--input', 'jsonl', file('c.jsonl', '{"text":"a"}\n{"text":"b\n')));
    it('a missing text field', async () => expectError(/field "text" is missing/, 'annotate', '--input', 'jsonl', file('c.jsonl', '{"body":"a"}\n')));
    it('an unknown junk kind', () => expectError(/unknown junk kind "ads"/, 'clean', '--kinds', 'ads', 'x.txt'));
    it('an unknown labelling convention', () => expectError(/--convention must be one of auto, msra, cluener, gsd, not "weibo"/, 'annotate', '--convention', 'weibo', 'x.txt'));
    it('an unknown command', () => expectError(/unknown command "tidy"/, 'tidy'));
    it('export without a format', () => expectError(/export needs --format/, 'export', 'x.txt'));
    it('a bad file among good ones writes nothing', async () => {
      await expectError(/no such file/, 'annotate', file('ok.txt', '文字'), path.join(dir, 'missing.txt'));
    });
    it('a full disk on --in-place leaves the original unchanged and no temp file', async function () {
      // A tiny tmpfs makes a real ENOSPC; mounting needs root (CI and the dev machines run as root).
      const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-full-'));
      const mounted = process.getuid?.() === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status === 0;
      if (!mounted) {
        fs.rmSync(mountPoint, { recursive: true, force: true });
        this.skip();
      }
      try {
        const target = path.join(mountPoint, 'a.txt');
        fs.writeFileSync(target, ARTICLE);
        const filler = Buffer.alloc(4096, 0x61);
        try {
          for (let i = 0; ; i++) fs.writeFileSync(path.join(mountPoint, `fill-${i}`), filler);
        } catch {
          // the disk is full now
        }
        const r = await run('clean', '--in-place', target);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /a\.txt: could not write \(the disk is full\); the original file is unchanged/);
        assert.equal(fs.readFileSync(target, 'utf8'), ARTICLE);
        assert.ok(fs.readdirSync(mountPoint).every((name) => name === 'a.txt' || name.startsWith('fill-')), 'no temp file is left');
      } finally {
        spawnSync('umount', [mountPoint]);
        fs.rmSync(mountPoint, { recursive: true, force: true });
      }
    });
    it('a failed atomic write reports the target and leaves no temp file', () => {
      const target = path.join(dir, 'gone', 'a.txt');
      assert.throws(() => writeFileAtomic(target, 'x'), /gone\/a\.txt: could not write .*the original file is unchanged/);
      assert.deepEqual(fs.readdirSync(dir), []);
    });
  });
});
