// Unit tests of offset tracking: decisions move with edits, stretch with typing inside, and go (recorded, restorable) when their text is deleted.
import { strict as assert } from 'node:assert';
import { moveSpan, restoredByUndo, trackChanges, type GoldAnnotation } from '../../../src/core/gold';

const gold = (start: number, end: number, text: string, id = 'T1'): GoldAnnotation => ({ id, kind: 'entity', label: 'PER', start, end, text });

describe('gold: tracking edits', () => {
  const span = { start: 10, end: 13 };
  it('shifts a span when text is inserted or deleted before it, also right at its start', () => {
    assert.deepEqual(moveSpan(span, { start: 2, end: 2, insertedLength: 4 }), { start: 14, end: 17 });
    assert.deepEqual(moveSpan(span, { start: 10, end: 10, insertedLength: 1 }), { start: 11, end: 14 });
    assert.deepEqual(moveSpan(span, { start: 5, end: 10, insertedLength: 0 }), { start: 5, end: 8 });
  });
  it('leaves a span alone when the change is after it, also right at its end', () => {
    assert.equal(moveSpan(span, { start: 13, end: 13, insertedLength: 3 }), span);
    assert.equal(moveSpan(span, { start: 13, end: 20, insertedLength: 0 }), span);
  });
  it('stretches a span when text is typed strictly inside it', () => {
    assert.deepEqual(moveSpan(span, { start: 11, end: 11, insertedLength: 2 }), { start: 10, end: 15 });
  });
  it('removes a span when any of its characters is deleted or overwritten', () => {
    assert.equal(moveSpan(span, { start: 12, end: 14, insertedLength: 0 }), undefined);
    assert.equal(moveSpan(span, { start: 9, end: 11, insertedLength: 2 }), undefined);
    assert.equal(moveSpan(span, { start: 10, end: 13, insertedLength: 3 }), undefined);
  });
  it('applies several changes in order, each in the coordinates the previous one left', () => {
    const spans = [gold(0, 2, '張三', 'T1'), gold(5, 7, '北京', 'T2'), gold(10, 12, '上海', 'T3')];
    // Multi-cursor edits come last-first: delete 北京, then insert 2 units at 0.
    const { kept, removed } = trackChanges(spans, [
      { start: 5, end: 7, insertedLength: 0 },
      { start: 0, end: 0, insertedLength: 2 },
    ]);
    assert.deepEqual(kept.map((a) => [a.id, a.start, a.end]), [['T1', 2, 4], ['T3', 10, 12]]);
    assert.deepEqual(removed.map((a) => a.id), ['T2']);
  });
  it('brings back what an edit deleted when an undo puts its very text back in place', () => {
    const before = '我見到張三和李四';
    const annotations = [gold(3, 5, '張三', 'T1'), gold(6, 8, '李四', 'T2')];
    const { removed } = trackChanges(annotations, [{ start: 2, end: 6, insertedLength: 1 }]); // "到張三和" → "X"
    assert.deepEqual(removed.map((a) => a.id), ['T1']);
    const slice = (text: string) => (start: number, end: number) => text.slice(start, end);
    assert.deepEqual(restoredByUndo(removed, slice(before)).map((a) => [a.id, a.start, a.end]), [['T1', 3, 5]]);
    assert.deepEqual(restoredByUndo(removed, slice('我見X李四')), []);
  });
});
