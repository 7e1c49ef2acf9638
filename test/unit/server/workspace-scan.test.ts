// Unit tests of the workspace scan's file listing (files.exclude, nested .gitignore, size cap) and of the corpus report's statistics.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusReportBuilder, spamTermsOf } from '../../../src/core/corpus-report';
import type { Annotation } from '../../../src/core/types';
import { listScanFiles } from '../../../src/server/workspace-scan-files';

describe('workspace scan file listing', () => {
  let root: string;
  const write = (file: string, content = 'x') => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-list-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists text, Markdown and JSONL files in path order, skipping excluded, ignored, .git and too large ones', async () => {
    for (const file of ['b.txt', 'a.md', 'c.jsonl', 'd.ndjson', 'e.js', 'news/x.markdown', 'drafts/y.txt', 'out/z.txt', 'news/tmp/w.txt', '.git/info.txt', 'news/keep.log.txt']) write(file);
    write('big.txt', 'x'.repeat(2048));
    write('.gitignore', 'out/\n');
    write('news/.gitignore', 'tmp/\n*.log.txt\n');
    const listing = await listScanFiles(root, ['**/drafts'], 1024, () => false);
    assert.deepEqual(listing.files.map((f) => f.relative), ['a.md', 'b.txt', 'c.jsonl', 'd.ndjson', 'news/x.markdown']);
    assert.deepEqual(listing.files.map((f) => f.kind), ['markdown', 'text', 'jsonl', 'jsonl', 'markdown']);
    assert.equal(listing.tooLarge, 1);
    assert.equal(listing.excluded, 1, 'news/keep.log.txt, ignored by the nested .gitignore');
  });
});

describe('corpus report statistics', () => {
  const junk = (label: string, text: string): Annotation => ({ start: 0, end: text.length, kind: 'junk', label, text });
  const entity = (label: string, text: string, simplified?: string): Annotation => ({ start: 0, end: text.length, kind: 'entity', label, text, ...(simplified ? { simplified } : {}) });

  it('splits spam lines into their keywords', () => {
    assert.deepEqual(spamTermsOf('久久国产精品范冰啊| 日韩人妻无码免费视频一区二区三区| 麻豆'), ['久久国产精品范冰啊', '日韩人妻无码免费视频一区二区三区', '麻豆']);
  });

  it('counts junk by kind, entities by Simplified name, scripts and lengths, with the documents behind each bar', () => {
    const builder = new CorpusReportBuilder(['spam', 'markup']);
    const a = { uri: 'file:///a.jsonl', line: 0, label: 'a.jsonl:1' };
    const b = { uri: 'file:///a.jsonl', line: 1, label: 'a.jsonl:2' };
    const c = { uri: 'file:///c.txt', label: 'c.txt' };
    builder.add(a, 150, [junk('markup', '<b>'), junk('markup', '<i>'), entity('LOC', '嘉興', '嘉兴')], 'traditional');
    builder.add(b, 2500, [junk('spam', '久久精品|国产精品'), entity('LOC', '嘉兴')], 'simplified');
    builder.add(c, 50, [], 'unknown');
    builder.addDuplicate(c, a, 0.91);
    const report = builder.build('test', new Date(0));
    assert.deepEqual(report.junkByKind.map((bar) => [bar.label, bar.count, bar.docs.length]), [['spam', 1, 1], ['markup', 2, 1]]);
    assert.deepEqual(report.spamTerms.map((bar) => bar.label), ['久久精品', '国产精品']);
    assert.deepEqual(report.entities, [{ type: 'LOC', bars: [{ label: '嘉兴', count: 2, docs: [a, b] }] }]);
    assert.deepEqual(report.scripts.map((bar) => bar.count), [1, 1, 1]);
    assert.deepEqual(report.lengths.filter((bar) => bar.count).map((bar) => bar.label), ['< 200', '1k–3k']);
    assert.deepEqual(report.duplicates, [{ docs: [a, c], similarity: 0.91 }]);
    assert.deepEqual([report.documents, report.files, report.records, report.characters], [3, 2, 2, 2700]);
  });
});
