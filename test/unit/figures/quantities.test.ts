// Unit tests of QUANTITY figures: numbers with measure words and units, approximate markers, qualifiers, ranges.
import { strict as assert } from 'node:assert';
import { assertNotFigure, figures, figureWithText, only, SIMP } from './helpers';

describe('figures: quantities', () => {
  const cases: Array<[string, string, number, string]> = [
    ['2022年嘉興15個“金南翼”', '15個', 15, '個'],
    ['累計簽約科技型項目82個,', '82個', 82, '個'],
    ['兩地135項民生高頻事項', '135項', 135, '項'],
    ['先行區20項年度重點項目', '20項', 20, '項'],
    ['等6項跨區域重點事項破難', '6項', 6, '項'],
    ['兩個建設方案獲國家層面印發', '兩個', 2, '個'],
    ['两个实施方案', '两个', 2, '个'],
    ['全長3公里', '3公里', 3, '公里'],
    ['運送100噸', '100噸', 100, '噸'],
    ['运送100吨', '100吨', 100, '吨'],
    ['約有500人', '500人', 500, '人'],
    ['吸引1.2萬人', '1.2萬人', 12000, '人'],
    ['三萬五千人', '三萬五千人', 35000, '人'],
    ['一百零三歲', '一百零三歲', 103, '歲'],
    ['3個月', '3個月', 3, '個月'],
    ['24小時', '24小時', 24, '小時'],
    ['5千米', '5千米', 5, '千米'],
    ['五千米長跑', '五千米', 5, '千米'],
    ['100萬千瓦', '100萬千瓦', 1000000, '千瓦'],
    ['一公里', '一公里', 1, '公里'],
    ['10km', '10km', 10, 'km'],
  ];
  for (const [line, text, number, unit] of cases) {
    it(`${text} → ${number} ${unit}`, () => {
      const f = figureWithText(line, text, /[个两吨]/.test(line) ? SIMP : undefined);
      assert.equal(f.label, 'QUANTITY');
      assert.equal(f.text, text);
      assert.equal(f.value?.number, number);
      assert.equal(f.value?.unit, unit);
    });
  }

  it('reads 30多家 / 3000餘人 / 十幾個 as over the number', () => {
    for (const [line, n] of [['30多家', 30], ['3000餘人', 3000], ['3000余人', 3000], ['十幾個', 10]] as const) {
      const f = only(line);
      assert.equal(f.text, line);
      assert.equal(f.value?.qualifier, 'over', line);
      assert.equal(f.value?.number, n, line);
    }
    const g = only('1萬多人');
    assert.deepEqual([g.value?.number, g.value?.qualifier], [10000, 'over']);
  });

  it('reads qualifier words around a quantity: 約500人左右, 不少於10人, 最多5個, 逾百人, 數千人, 上萬人', () => {
    const cases: Array<[string, string, number]> = [
      ['約500人左右', 'about', 500], ['不少於10人', 'over', 10], ['最多5個', 'under', 5], ['逾百人', 'over', 100],
      ['數千人', 'approx', 1000], ['上萬人', 'approx', 10000],
    ];
    for (const [line, qualifier, n] of cases) {
      const f = only(line);
      assert.equal(f.text, line);
      assert.deepEqual([f.value?.qualifier, f.value?.number], [qualifier, n], line);
    }
  });

  it('reads 近3年 as "the past three years" without a qualifier, 近3000人 as approx', () => {
    const a = only('近3年來');
    assert.deepEqual([a.text, a.value?.qualifier], ['3年', undefined]);
    assert.equal(only('近3000人').value?.qualifier, 'approx');
    assert.equal(only('最近3年').value?.qualifier, undefined);
    assert.equal(only('附近3公里').text, '3公里');
  });

  it('accepts 兩地 as 2 places', () => {
    const f = only('實現兩地通辦');
    assert.deepEqual([f.label, f.value?.number, f.value?.unit], ['QUANTITY', 2, '地']);
  });

  it('does not read 一 with an ordinary measure word as a figure: 一批, 一個, 一次, 一年, 一期', () => {
    for (const word of ['一批', '一個', '一次', '一年', '一期', '一度', '一起']) assertNotFigure(`統籌推進${word}重大事項`, word);
  });

  it('does not read idioms and names with numerals as quantities: 百家, 千家萬戶, 十分, 長三角', () => {
    assertNotFigure('百家爭鳴', '百家');
    assertNotFigure('千家萬戶', '千家萬戶');
    assertNotFigure('十分重要', '十分');
    assertNotFigure('融入長三角一體化', '三角');
    assertNotFigure('四大樞紐建設', '四大');
    assertNotFigure('万事通', '万事', SIMP);
  });

  it('reads Arabic numbers with units that Chinese numerals may not take: 5分, 50點', () => {
    assert.equal(only('得了5分').value?.unit, '分');
    assert.equal(only('上漲50點').value?.unit, '點');
  });

  it('reads a range as one figure without joining its digits: 3至5年', () => {
    const f = only('3至5年');
    assert.deepEqual([f.text, f.label, f.value?.range, f.value?.unit, f.value?.number], ['3至5年', 'QUANTITY', { from: 3, to: 5 }, '年', undefined]);
  });
});
