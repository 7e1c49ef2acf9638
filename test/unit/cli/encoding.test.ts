// CLI input encodings: UTF-16 with a BOM, --encoding NAME (iconv-lite) and auto (BOM, then chardet), written back in kind.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import { jsonl, run, sample } from './helpers';

/** The mirror article without the characters Big5 or GB18030 cannot write (Big5 lacks Simplified and tone marks). */
function representableArticle(): string {
  const fits = (c: string) => ['big5', 'gb18030'].every((e) => iconv.decode(iconv.encode(c, e), e) === c);
  return [...sample('mirror-article-zh-hant.txt')].filter(fits).join('');
}

describe('news-lens CLI input encodings', function () {
  this.timeout(60000);
  let dir: string;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-enc-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const spansOf = async (...argv: string[]) => {
    const r = await run('annotate', '--jobs', '1', ...argv);
    assert.equal(r.code, 0, r.stderr);
    return r.stdout.trim().split('\n').map((l) => JSON.parse(l).spans);
  };

  it('the same article as UTF-16 LE/BE with a BOM, GB18030 and Big5 (--encoding auto) gives exactly the spans of UTF-8', async () => {
    const article = representableArticle();
    assert.ok(article.length > 1000 && /[網發]/.test(article));
    const utf8 = await spansOf(file('a.txt', article));
    assert.ok(utf8[0].length > 20);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(article, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(article, 'utf-16be')]);
    assert.deepEqual(await spansOf(file('le.txt', le)), utf8, 'UTF-16 LE with a BOM, no option needed');
    assert.deepEqual(await spansOf(file('be.txt', be)), utf8, 'UTF-16 BE with a BOM, no option needed');
    assert.deepEqual(await spansOf('--encoding', 'auto', file('gb.txt', iconv.encode(article, 'gb18030'))), utf8, 'GB18030, detected');
    assert.deepEqual(await spansOf('--encoding', 'auto', file('big5.txt', iconv.encode(article, 'big5'))), utf8, 'Big5, detected');
    assert.deepEqual(await spansOf('--encoding', 'gb18030', file('gb2.txt', iconv.encode(article, 'gb18030'))), utf8, 'GB18030, named');
    assert.deepEqual(await spansOf('--encoding', 'auto', file('u8.txt', article)), utf8, 'UTF-8, detected');
  });

  it('offsets are code points of the decoded text, astral characters included', async () => {
    const text = '😀𠀀嘉興日報記者報道，完成投資102.54億元。';
    const [spans] = await spansOf('--encoding', 'gb18030', file('a.txt', iconv.encode(text, 'gb18030')));
    const money = spans.find((s: { label: string }) => s.label === 'MONEY');
    assert.equal(money.start, [...text.slice(0, text.indexOf('102.54'))].length);
  });

  it('reads JSONL corpora in UTF-16 and GB18030 line by line, with the same spans', async () => {
    const records = [{ id: 1, text: representableArticle().slice(0, 400) }, { id: 2, text: '嘉興日報記者報道，增長138%。' }];
    const utf8 = await spansOf('--input', 'jsonl', file('c.jsonl', jsonl(records)));
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(jsonl(records), 'utf-16le')]);
    assert.deepEqual(await spansOf('--input', 'jsonl', file('le.jsonl', le)), utf8);
    assert.deepEqual(await spansOf('--input', 'jsonl', '--encoding', 'auto', file('gb.jsonl', iconv.encode(jsonl(records), 'gb18030'))), utf8);
  });

  it('clean --in-place writes the file back in its own encoding, BOM included', async () => {
    const article = representableArticle();
    const expected = (await run('clean', file('ref.txt', article))).stdout;
    assert.ok(expected.length < article.length);
    const gb = file('gb.txt', iconv.encode(article, 'gb18030'));
    const le = file('le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(article, 'utf-16le')]));
    const r = await run('clean', '--in-place', '--encoding', 'auto', gb, le);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(iconv.decode(fs.readFileSync(gb), 'gb18030'), expected);
    const leBytes = fs.readFileSync(le);
    assert.deepEqual([...leBytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(iconv.decode(leBytes.subarray(2), 'utf-16le'), expected);
  });

  it('clean --in-place stops with a clear error and writes nothing when a character cannot be written back', async () => {
    // Cleaning turns the entity into 😀, which Big5 has no code for.
    const ok = file('ok.txt', iconv.encode('嘉興日報記者報道&amp;評論。', 'big5'));
    const bad = file('bad.txt', iconv.encode('新聞報道&#128512;今天。\n嘉興日報記者報道。', 'big5'));
    const before = [fs.readFileSync(ok), fs.readFileSync(bad)];
    const r = await run('clean', '--in-place', '--encoding', 'big5', ok, bad);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), `news-lens: error: ${bad}: "😀" (U+1F600, line 1) cannot be written in big5; the file is unchanged`);
    assert.deepEqual([fs.readFileSync(ok), fs.readFileSync(bad)], before, 'no file is written');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['bad.txt', 'ok.txt']);
  });

  it('UTF-16 without a BOM is refused unless named; bytes invalid in the named encoding are an error with the line', async () => {
    const text = '嘉興日報記者報道。';
    const raw = file('raw.txt', iconv.encode(text, 'utf-16le'));
    const refused = await run('annotate', raw);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /invalid UTF-8 at byte \d+ \(line 1\); convert the file to UTF-8 first, or give --encoding/);
    const binary = await run('annotate', file('ascii16.txt', iconv.encode('Xinhua reported.', 'utf-16le')));
    assert.match(binary.stderr, /looks like a binary file/);
    assert.equal((await spansOf('--encoding', 'utf-16le', raw))[0].length, (await spansOf(file('u.txt', text)))[0].length);
    const broken = file('broken.txt', Buffer.concat([iconv.encode('第一行\n第二', 'gb18030'), Buffer.from([0x81, 0x20]), iconv.encode('行', 'gb18030')]));
    const r = await run('annotate', '--encoding', 'gb18030', broken);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bytes that are not valid gb18030 at byte \d+ \(line 2\)/);
    const unknown = await run('annotate', '--encoding', 'klingon', raw);
    assert.match(unknown.stderr, /unknown encoding "klingon"/);
  });
});
