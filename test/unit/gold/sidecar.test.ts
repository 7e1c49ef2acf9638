// Unit tests of the JSONL sidecar: records keyed by id and text hash, code points, re-anchoring when a record's text changed.
import { strict as assert } from 'node:assert';
import { GoldSidecar, recordId, textHash, type GoldAnnotation } from '../../../src/core/gold';

const text = '😀張三訪問北京';
const decisions: GoldAnnotation[] = [
  { id: 'T1', kind: 'entity', label: 'PER', start: 2, end: 4, text: '張三' },
  { id: 'T2', kind: 'rejected', label: 'ORG', start: 4, end: 6, text: '訪問' },
  { id: 'T3', kind: 'entity', label: 'LOC', start: 6, end: 8, text: '北京', accepted: true },
];

describe('gold: JSONL sidecar', () => {
  it('stores a record by id and text hash, in code points, and reads it back', () => {
    const sidecar = new GoldSidecar();
    sidecar.set('a1', text, decisions);
    const line = JSON.parse(sidecar.serialize());
    assert.equal(line.id, 'a1');
    assert.equal(line.sha256, textHash(text));
    assert.deepEqual(line.spans[0], { id: 'T1', start: 1, end: 3, label: 'PER', text: '張三' });
    assert.deepEqual(line.spans[1].kind, 'rejected');
    const { sidecar: back, problems } = GoldSidecar.parse(sidecar.serialize());
    assert.deepEqual(problems, []);
    const got = back.get('a1', text);
    assert.equal(got.match, 'exact');
    assert.deepEqual(got.annotations, decisions);
  });

  it('finds a record by the hash of its text when its id changed', () => {
    const sidecar = new GoldSidecar();
    sidecar.set('line:3', text, decisions);
    const got = sidecar.get('line:4', text);
    assert.equal(got.match, 'by-hash');
    assert.equal(got.annotations.length, 3);
    assert.equal(sidecar.get('other', '別的文字').match, 'none');
  });

  it('re-anchors the spans of a record whose text changed, listing what is gone as conflicts', () => {
    const sidecar = new GoldSidecar();
    sidecar.set('a1', text, decisions);
    const changed = '新聞：😀李四訪問北京';
    const got = sidecar.get('a1', changed);
    assert.equal(got.match, 'reanchored');
    assert.deepEqual(got.annotations.map((a) => changed.slice(a.start, a.end)), ['訪問', '北京']);
    assert.deepEqual(got.conflicts.map((c) => c.annotation.text), ['張三']);
    // Conflicts are stored with the record, so nothing is lost.
    sidecar.set('a1', changed, got.annotations, got.conflicts);
    const again = GoldSidecar.parse(sidecar.serialize()).sidecar.get('a1', changed);
    assert.deepEqual(again.conflicts.map((c) => c.annotation.text), ['張三']);
  });

  it('removes a record left without decisions, and reports bad lines', () => {
    const sidecar = new GoldSidecar();
    sidecar.set('a1', text, decisions);
    sidecar.set('a1', text, []);
    assert.equal(sidecar.size, 0);
    const { sidecar: parsed, problems } = GoldSidecar.parse('{"id":"x","sha256":"y","spans":[{"start":3,"end":1,"label":"PER","text":"a"}]}\nnot json\n');
    assert.equal(parsed.size, 1);
    assert.equal(problems.length, 2);
  });

  it('keys a record by its id field, else by its line', () => {
    assert.equal(recordId({ id: 17 }, 3), '17');
    assert.equal(recordId({ text: 'x' }, 3), 'line:3');
    assert.equal(recordId({ doc_id: 'n1' }, 3, 'doc_id'), 'n1');
  });
});
