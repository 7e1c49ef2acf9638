// Unit tests of the brat .ann storage: code points, ids kept, the gold layer's attributes and notes, other lines kept.
import { strict as assert } from 'node:assert';
import { loadBratGold, parseAnn, serializeAnn, type GoldAnnotation } from '../../../src/core/gold';

// 𠀋 (CJK Extension B) is two UTF-16 units and one code point: offsets after it differ between the two.
const text = '𠀋張三在北京，收入增長138%。\n(擴大)計劃';

describe('gold: brat .ann storage', () => {
  const decisions: GoldAnnotation[] = [
    { id: 'T1', kind: 'entity', label: 'PER', start: 2, end: 4, text: '張三' },
    { id: 'T2', kind: 'entity', label: 'LOC', start: 5, end: 7, text: '北京', accepted: true },
    { id: 'T4', kind: 'figure', label: 'PERCENT', start: 12, end: 16, text: '138%', value: '1.38' },
    { id: 'T5', kind: 'rejected', label: 'ORG', start: 8, end: 10, text: '收入' },
    { id: 'T7', kind: 'not-junk', label: 'pinyin-gloss', start: 18, end: 22, text: '(擴大)' },
  ];

  it('writes plain brat lines in code points, with attributes and notes for the extras', () => {
    const ann = serializeAnn(decisions, text);
    assert.equal(
      ann,
      [
        'T1\tPER 1 3\t張三',
        'T2\tLOC 4 6\t北京',
        'A1\tAccepted T2',
        'T5\tRejected 7 9\t收入',
        'A2\tRejectedLabel T5 ORG',
        'T4\tPERCENT 11 15\t138%',
        '#1\tValue T4\t1.38',
        'T7\tNotJunk 17 21\t(擴大)',
        'A3\tJunkKind T7 pinyin-gloss',
        '',
      ].join('\n'),
    );
  });

  it('reads back exactly what it wrote', () => {
    const parsed = parseAnn(serializeAnn(decisions, text), text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.misplaced, []);
    assert.deepEqual(parsed.annotations, [...decisions].sort((a, b) => a.start - b.start));
  });

  it('keeps relations and notes of other tools while the spans they refer to exist', () => {
    const ann = serializeAnn(decisions, text) + 'R1\tLives_in Arg1:T1 Arg2:T2\n#9\tAnnotatorNotes T1\tthe minister\nA8\tNegated T5\n';
    const parsed = parseAnn(ann, text);
    assert.deepEqual(parsed.extra, ['R1\tLives_in Arg1:T1 Arg2:T2', 'A8\tNegated T5', '#9\tAnnotatorNotes T1\tthe minister']);
    const withoutT2 = serializeAnn(parsed.annotations.filter((a) => a.id !== 'T2'), text, parsed.extra);
    assert.ok(!withoutT2.includes('Lives_in'), 'the relation to a removed span is dropped');
    assert.ok(withoutT2.includes('AnnotatorNotes T1'));
    // New attribute and note ids do not collide with the kept ones.
    assert.ok(withoutT2.includes('A9\t'), withoutT2);
    assert.ok(withoutT2.includes('#10\tValue T4'), withoutT2);
  });

  it('flags spans whose offsets no longer fit the text, and reports unreadable lines', () => {
    const parsed = parseAnn('T1\tPER 1 3\t李四\nT2\tLOC 4 6\t北京\nT3\tPER x y\tbad\nhello\n', text);
    assert.deepEqual(parsed.annotations.map((a) => a.id), ['T2']);
    assert.deepEqual(parsed.misplaced.map((a) => [a.id, a.text]), [['T1', '李四']]);
    assert.equal(parsed.problems.length, 2);
    assert.match(parsed.problems[0], /^line 3:/);
  });

  it('loads gold re-anchored on a changed text, and keeps what cannot be placed as conflicts', () => {
    const ann = serializeAnn(decisions.slice(0, 2), text);
    const changed = '前言。' + text.replace('張三', '李四');
    const loaded = loadBratGold(changed, ann);
    assert.deepEqual(loaded.annotations.map((a) => [a.id, changed.slice(a.start, a.end)]), [['T2', '北京']]);
    assert.equal(loaded.annotations[0].accepted, true);
    assert.deepEqual(loaded.conflicts.map((c) => [c.annotation.id, c.reason]), [['T1', 'not-found']]);
    assert.equal(loaded.moved, 1);
  });

  it('reads a discontinuous span as its extent, and line breaks in span text as spaces', () => {
    const t = '上海\n浦東';
    const parsed = parseAnn('T1\tLOC 0 2;3 5\t上海 浦東\nT2\tLOC 0 5\t上海 浦東\n', t);
    assert.deepEqual(parsed.annotations.map((a) => [a.id, a.start, a.end]), [['T1', 0, 5], ['T2', 0, 5]]);
    assert.equal(serializeAnn(parsed.annotations, t), 'T1\tLOC 0 5\t上海 浦東\nT2\tLOC 0 5\t上海 浦東\n');
  });
});
