// Unit tests of turning junk annotations into edits and applying them.
import { strict as assert } from 'node:assert';
import { applyEdits, junkEdits, countByKind } from '../../src/core/edits';
import type { Annotation } from '../../src/core/types';

const junk = (start: number, end: number, label: string, removal?: { start: number; end: number }): Annotation => ({
  start, end, kind: 'junk', label, text: '', removal,
});

describe('junkEdits / applyEdits', () => {
  it('deletes the removal range, or the span when there is none', () => {
    const text = 'ab(x)cd\nspam|spam\nend';
    const edits = junkEdits([junk(2, 5, 'pinyin-gloss'), junk(8, 17, 'spam', { start: 8, end: 18 })]);
    assert.equal(applyEdits(text, edits), 'abcd\nend');
  });
  it('ignores entities and figures, and filters by kind', () => {
    const anns: Annotation[] = [junk(0, 1, 'markup'), junk(2, 3, 'spam'), { start: 0, end: 3, kind: 'entity', label: 'PER', text: 'abc' }];
    assert.deepEqual(junkEdits(anns, { kinds: ['spam'] }), [{ start: 2, end: 3, newText: '' }]);
  });
  it('merges overlapping and touching removals', () => {
    assert.deepEqual(junkEdits([junk(0, 4, 'markup'), junk(2, 6, 'encoding'), junk(6, 8, 'markup')]), [{ start: 0, end: 8, newText: '' }]);
  });
  it('writes replacements, keeps touching replacements apart, and lets a containing removal absorb them', () => {
    const entity = (start: number, end: number, replacement: string): Annotation => ({ ...junk(start, end, 'markup'), replacement });
    const text = 'a&lt;&gt;b';
    assert.equal(applyEdits(text, junkEdits([entity(1, 5, '<'), entity(5, 9, '>')])), 'a<>b');
    assert.deepEqual(junkEdits([entity(1, 5, '<'), junk(0, 10, 'spam')]), [{ start: 0, end: 10, newText: '' }]);
  });
  it('refuses overlapping edits and out-of-range edits', () => {
    assert.throws(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }]), RangeError);
    assert.throws(() => applyEdits('abc', [{ start: 2, end: 5, newText: '' }]), RangeError);
  });
  it('counts junk by kind', () => {
    assert.deepEqual(countByKind([junk(0, 1, 'spam'), junk(1, 2, 'spam'), junk(2, 3, 'markup')]), { spam: 2, markup: 1 });
  });
});
