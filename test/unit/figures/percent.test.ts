// Unit tests of PERCENT figures (138%, 百分之三十八, ３８％, 三成) and of percentage points (5個百分點).
import { strict as assert } from 'node:assert';
import { assertNotFigure, only, SIMP } from './helpers';

describe('figures: percent', () => {
  it('reads 138% as the fraction 1.38', () => {
    const f = only('完成年度投資計劃的138%。');
    assert.equal(f.label, 'PERCENT');
    assert.equal(f.text, '138%');
    assert.equal(f.value?.number, 1.38);
    assert.equal(f.value?.display, '138% (1.38)');
  });

  it('reads 百分之三十八 (and 百分之三十八點五) in both scripts', () => {
    const a = only('佔百分之三十八');
    assert.deepEqual([a.label, a.text, a.value?.number], ['PERCENT', '百分之三十八', 0.38]);
    assert.equal(only('占百分之三十八点五', SIMP).value?.number, 0.385);
    assert.equal(only('百分之百').value?.number, 1);
    assert.equal(only('千分之五').value?.number, 0.005);
  });

  it('reads full-width ３８％ as 0.38', () => {
    const f = only('增長３８％');
    assert.deepEqual([f.label, f.text, f.value?.number], ['PERCENT', '３８％', 0.38]);
  });

  it('reads decimals without noise and per mille', () => {
    assert.equal(only('3.5%').value?.number, 0.035);
    assert.equal(only('0.5%').value?.number, 0.005);
    assert.equal(only('5‰').value?.number, 0.005);
    assert.equal(only('38 percent').value?.number, 0.38);
  });

  it('keeps qualifiers: 超過30%, 30%以上', () => {
    const a = only('增幅超過30%');
    assert.deepEqual([a.text, a.value?.qualifier, a.value?.number], ['超過30%', 'over', 0.3]);
    const b = only('30%以上');
    assert.deepEqual([b.text, b.value?.qualifier, b.value?.inclusive], ['30%以上', 'over', true]);
  });

  it('reads 三成 / 七成以上 / 不到一成 as tenths', () => {
    assert.equal(only('三成').value?.number, 0.3);
    const b = only('七成以上');
    assert.deepEqual([b.label, b.value?.number, b.value?.qualifier], ['PERCENT', 0.7, 'over']);
    const c = only('不到一成');
    assert.deepEqual([c.label, c.value?.number, c.value?.qualifier], ['PERCENT', 0.1, 'under']);
  });

  it('does not read 成 that starts a word as tenths', () => {
    assertNotFigure('一成不變', '一成');
    assertNotFigure('三成員', '三成');
    assertNotFigure('統一成本', '一成');
    assertNotFigure('合一成林', '一成');
    assert.equal(only('僅一成').value?.number, 0.1);
  });

  it('reads 5個百分點 as a QUANTITY of percentage points, not a percent', () => {
    const f = only('提高5個百分點');
    assert.equal(f.label, 'QUANTITY');
    assert.equal(f.text, '5個百分點');
    assert.equal(f.value?.number, 5);
    assert.equal(f.value?.unit, '百分點');
    const g = only('下降0.3个百分点', SIMP);
    assert.deepEqual([g.value?.number, g.value?.unit], [0.3, '百分点']);
    const h = only('三點五個百分點');
    assert.equal(h.value?.number, 3.5);
  });

  it('does not read a bare 百分 or 百分之 without a number', () => {
    assertNotFigure('百分百努力', '百分');
    assertNotFigure('百分之', '百分之');
  });
});
