// Unit tests of re-anchoring after an outside change: by the decision's text, near its expected place; conflicts, not guesses.
import { strict as assert } from 'node:assert';
import { reanchor, type GoldAnnotation } from '../../../src/core/gold';

const gold = (id: string, start: number, text: string, label = 'PER'): GoldAnnotation => ({ id, kind: 'entity', label, start, end: start + text.length, text });

describe('gold: re-anchoring by text', () => {
  it('keeps decisions whose text is still at their offsets', () => {
    const text = '張三在北京';
    const result = reanchor([gold('T1', 0, '張三'), gold('T2', 3, '北京', 'LOC')], text);
    assert.equal(result.moved, 0);
    assert.equal(result.conflicts.length, 0);
    assert.deepEqual(result.anchored.map((a) => a.start), [0, 3]);
  });
  it('follows text inserted before the decisions, choosing the occurrence nearest to the shifted place', () => {
    // 張三 occurs twice; after a new first line, the second decision belongs to the second occurrence.
    const old = '張三說，張三在北京';
    const text = '新的一行\n' + old;
    const result = reanchor([gold('T1', 0, '張三'), gold('T2', 4, '張三'), gold('T3', 7, '北京', 'LOC')], text);
    assert.deepEqual(result.anchored.map((a) => [a.id, a.start, text.slice(a.start, a.end)]), [['T1', 5, '張三'], ['T2', 9, '張三'], ['T3', 12, '北京']]);
    assert.equal(result.moved, 3);
  });
  it('lists a decision whose text is gone as a conflict, with its old offsets', () => {
    const result = reanchor([gold('T1', 0, '張三'), gold('T2', 3, '北京', 'LOC')], '李四在北京');
    assert.deepEqual(result.anchored.map((a) => a.id), ['T2']);
    assert.equal(result.conflicts.length, 1);
    assert.equal(result.conflicts[0].reason, 'not-found');
    assert.equal(result.conflicts[0].annotation.start, 0);
  });
  it('does not guess between two occurrences equally near', () => {
    const result = reanchor([gold('T1', 2, '張三')], '張三和和張三');
    assert.equal(result.conflicts[0].reason, 'ambiguous');
    assert.deepEqual(result.conflicts[0].candidates, [0, 4]);
  });
  it('never puts two identical decisions on one occurrence', () => {
    const result = reanchor([gold('T1', 0, '張三'), gold('T2', 10, '張三')], 'xx張三');
    assert.equal(result.anchored.length, 1);
    assert.equal(result.conflicts.length, 1);
  });
});
