// Unit tests of a JSONL corpus's gold in document offsets: escapes, astral characters, CRLF, ids, and the round trip through the sidecar and `news-lens export --gold`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { corpusRecords, GoldSidecar, loadCorpusGold, saveCorpusGold, snapToRecord, type GoldAnnotation } from '../../../src/core/gold';

/** A decision on the first occurrence of `raw` (as written in the document) in the document. */
function on(document: string, raw: string, label: string, id: string, from = 0): GoldAnnotation {
  const start = document.indexOf(raw, from);
  assert.ok(start >= 0, raw);
  return { id, kind: 'entity', label, start, end: start + raw.length, text: raw };
}

describe('gold: JSONL records in document offsets', () => {
  it('keys records by their id, else by line, skipping blank and invalid lines, with CRLF', () => {
    const document = '{"id":"a","text":"張三"}\r\n\r\nnot json\r\n{"text":"李四","id":7}\r\n{"text":"王五"}';
    const records = corpusRecords(document);
    assert.deepEqual(records.map((r) => [r.id, r.line, r.text.value]), [['a', 1, '張三'], ['7', 4, '李四'], ['line:5', 5, '王五']]);
    assert.equal(document.slice(records[2].lineOffset, records[2].lineOffset + 2), '{"');
  });

  it('maps \\u escapes and \\" to decoded offsets (code points in the sidecar) and back', () => {
    // 中國 written as \u escapes, a quoted word before it, and an astral character.
    const line = JSON.stringify({ id: 'r1', text: '說"好"的😀中國人' }).replace(/中/g, '\\u4e2d').replace(/國/g, '\\u570b');
    const document = `{"id":"r0","text":"x"}\n${line}\n`;
    const decision = on(document, '\\u4e2d\\u570b', 'LOC', 'T1');
    const saved = saveCorpusGold(document, [decision], []);
    assert.deepEqual(saved.unplaced, []);
    const record = JSON.parse(saved.content);
    // 說 " 好 " 的 😀 → 6 code points before 中國
    assert.deepEqual({ id: record.id, spans: record.spans }, { id: 'r1', spans: [{ id: 'T1', start: 6, end: 8, label: 'LOC', text: '中國' }] });
    const loaded = loadCorpusGold(document, saved.content);
    assert.deepEqual(loaded.annotations, [decision]);
    assert.equal(loaded.moved, 0);
  });

  it('snaps a selection to whole escapes and whole surrogate pairs, and refuses one outside a record text', () => {
    const document = JSON.stringify({ id: 'e', text: 'a\u4e2db😀c' }).replace('中', '\\u4e2d').replace('😀', '\\ud83d\\ude00');
    const escape = document.indexOf('\\u4e2d');
    // Starting inside the escape: it counts whole.
    const snapped = snapToRecord(document, escape + 3, escape + 7);
    assert.deepEqual(snapped && [snapped.start, snapped.end], [escape, escape + 7]);
    // Half of an escaped surrogate pair: the whole pair.
    const pair = document.indexOf('\\ud83d');
    const astral = snapToRecord(document, pair, pair + 6);
    assert.deepEqual(astral && [astral.start, astral.end], [pair, pair + 12]);
    assert.equal(snapToRecord(document, 2, 4), undefined, 'a selection on the key "id"');
    assert.equal(snapToRecord('not json', 0, 3), undefined);
  });

  it('re-anchors a record whose text changed outside the editor, and lists what is gone as a conflict', () => {
    const before = '{"id":"a","text":"張三和李四"}\n';
    const saved = saveCorpusGold(before, [on(before, '張三', 'PER', 'T1'), on(before, '李四', 'PER', 'T2')], []).content;
    const after = '{"id":"a","text":"昨天李四來了"}\n';
    const loaded = loadCorpusGold(after, saved);
    assert.deepEqual(loaded.annotations.map((a) => [a.text, after.slice(a.start, a.end)]), [['李四', '李四']]);
    assert.deepEqual(loaded.conflicts.map((c) => [c.annotation.text, c.record]), [['張三', 'a']]);
    // The conflict stays with its record in the sidecar.
    const again = JSON.parse(saveCorpusGold(after, loaded.annotations, loaded.conflicts).content);
    assert.deepEqual(again.conflicts.map((c: { text: string }) => c.text), ['張三']);
  });

  it('gives a conflict of an outside change of the open document to the record where it was, with its text decoded', () => {
    const document = '{"id":"a","text":"x"}\n{"id":"b","text":"\\u674e\\u56db\\u4f86\\u4e86"}\n';
    const at = document.indexOf('\\u56db');
    const conflict = { annotation: { id: 'T1', kind: 'entity' as const, label: 'PER', start: at, end: at + 12, text: '\\u5f35\\u4e09' }, reason: 'not-found' as const };
    const saved = JSON.parse(saveCorpusGold(document, [], [conflict]).content);
    assert.equal(saved.id, 'b');
    assert.deepEqual(saved.conflicts.map((c: { text: string; reason: string }) => [c.text, c.reason]), [['張三', 'not-found']]);
  });

  it('gives two records\' decisions distinct ids in the document, and keeps records the document does not hold', () => {
    const sidecar = new GoldSidecar();
    sidecar.set('a', '張三', [{ id: 'T1', kind: 'entity', label: 'PER', start: 0, end: 2, text: '張三' }]);
    sidecar.set('b', '李四', [{ id: 'T1', kind: 'entity', label: 'PER', start: 0, end: 2, text: '李四' }]);
    sidecar.set('gone', '王五', [{ id: 'T1', kind: 'entity', label: 'PER', start: 0, end: 2, text: '王五' }]);
    const document = '{"id":"a","text":"張三"}\n{"id":"b","text":"李四"}\n';
    const loaded = loadCorpusGold(document, sidecar.serialize());
    assert.equal(new Set(loaded.annotations.map((a) => a.id)).size, 2);
    assert.deepEqual(loaded.orphans.map((r) => r.id), ['gone']);
    const saved = saveCorpusGold(document, loaded.annotations, [], { orphans: loaded.orphans });
    assert.deepEqual(saved.content.trim().split('\n').map((l) => JSON.parse(l).id).sort(), ['a', 'b', 'gone']);
  });

  it('keeps the last gold of a record whose line is not valid JSON while it is being edited', () => {
    const valid = '{"id":"a","text":"張三"}\n';
    const previous = saveCorpusGold(valid, [on(valid, '張三', 'PER', 'T1')], []).content;
    const broken = '{"id":"a","text":"張三"\n';
    const saved = saveCorpusGold(broken, [on(broken, '張三', 'PER', 'T1')], [], { previous });
    assert.equal(saved.unplaced.length, 1);
    assert.equal(saved.content, previous);
  });

  describe('round trip with news-lens export --gold', () => {
    let dir: string;
    beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-gold-jsonl-'))));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('exports what the document offsets say, in code points of the decoded text (escapes, astral, CRLF, no id)', async () => {
      const escaped = JSON.stringify({ text: '😀張三在\u4e2d國' }).replace('中', '\\u4e2d').replace('國', '\\u570b');
      const document = `{"id":"x","text":"無"}\r\n${escaped}\r\n`;
      const corpus = path.join(dir, 'news.jsonl');
      fs.writeFileSync(corpus, document);
      const decisions = [on(document, '張三', 'PER', 'T1'), on(document, '\\u4e2d\\u570b', 'LOC', 'T2')];
      fs.writeFileSync(`${corpus}.gold`, saveCorpusGold(document, decisions, []).content);
      let stdout = '';
      let stderr = '';
      const write = process.stdout.write;
      const writeError = process.stderr.write;
      process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
      process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
      let code: number;
      try {
        code = await main(['export', '--gold', '--input', 'jsonl', '--format', 'doccano', corpus]);
      } finally {
        process.stdout.write = write;
        process.stderr.write = writeError;
      }
      assert.equal(code, 0, stderr);
      assert.match(stderr, /1 of 2 document\(s\) have no gold/);
      const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
      const exported = lines.find((l) => l.text === '😀張三在中國');
      assert.deepEqual(exported.labels, [[1, 3, 'PER'], [4, 6, 'LOC']]);
    });
  });
});
