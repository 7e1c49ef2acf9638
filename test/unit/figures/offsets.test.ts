// Unit and property tests of offsets (UTF-16 units, astral characters), result invariants, options and throughput.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findFigures } from '../../../src/core/figures';
import { checkInvariants, figures, only, SIMP, TRAD } from './helpers';
import { SAMPLE_LINES } from './sample-lines';

describe('figures: offsets and invariants', () => {
  it('counts offsets in UTF-16 units after astral characters (𠀀, 😀)', () => {
    const line = '𠀀😀投資102.54億元';
    const f = only(line);
    assert.equal(f.start, 6); // 𠀀 and 😀 are two units each, then 投資
    assert.equal(f.end, 6 + '102.54億元'.length);
    assert.equal(f.text, '102.54億元');
    const g = only('😀😀第三');
    assert.deepEqual([g.start, g.end], [4, 6]);
  });

  it('returns nothing when figures are switched off', () => {
    assert.deepEqual(findFigures('2023年1月16日 102.54億元', { script: 'traditional', options: { figures: false } }), []);
  });

  it('does not depend on the document script for the same line', () => {
    for (const line of SAMPLE_LINES) assert.deepEqual(findFigures(line, TRAD), findFigures(line, SIMP));
  });

  it('returns nothing for a line without numerals', () => {
    assert.deepEqual(figures('嘉興持續發力全面融入長三角'), []);
    assert.deepEqual(figures(''), []);
  });

  const pieces = [
    '一', '二', '兩', '三', '十', '百', '千', '萬', '億', '零', '〇', '五', '九', '點', '1', '2', '0', '9', '.', ',', '，', '１',
    '%', '％', '年', '月', '日', '時', '分', '個', '项', '項', '人', '元', '美元', '萬元', '億元', '第', '屆', '次', '超', '近', '多',
    '以上', '百分之', '分之', '個百分點', '上午', '下午', ':', '-', '/', ' ', 'G', 'D', 'x', '$', 'US$', 'million', '𠀀', '😀',
    '。', '的', '體化', '批', '成', 'http://a.b/', '@', '公里', '千米',
  ];
  const lineArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));

  it('always returns sorted, non-overlapping spans whose text is the slice (property)', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        checkInvariants(line, findFigures(line, TRAD));
      }),
      { numRuns: 3000 },
    );
  });

  it('shifts offsets by the length of text before a full stop and finds the same figures (property)', () => {
    const prefixArb = fc.array(fc.constantFrom('𠀀', '😀', '的', 'abc', ' ', '嘉興'), { maxLength: 6 }).map((a) => `${a.join('')}。`);
    fc.assert(
      fc.property(prefixArb, lineArb, (prefix, line) => {
        const plain = findFigures(line, TRAD);
        const shifted = findFigures(prefix + line, TRAD);
        assert.deepEqual(
          shifted.map((f) => [f.start - prefix.length, f.end - prefix.length, f.label, f.value]),
          plain.map((f) => [f.start, f.end, f.label, f.value]),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
