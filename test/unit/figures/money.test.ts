// Unit tests of MONEY figures: amounts with 萬/億, currencies before and after, qualifiers, English fragments.
import { strict as assert } from 'node:assert';
import { assertNotFigure, figureWithText, only, SIMP, TRAD } from './helpers';

describe('figures: money', () => {
  it('reads 102.54億元 as one MONEY span of 10,254,000,000 CNY (Traditional and Simplified)', () => {
    for (const [line, ctx] of [['完成投資102.54億元,', TRAD], ['完成投资102.54亿元，', SIMP]] as const) {
      const f = only(line, ctx);
      assert.equal(f.label, 'MONEY');
      assert.equal(f.text, line.includes('億') ? '102.54億元' : '102.54亿元');
      assert.equal(f.value?.number, 10254000000);
      assert.equal(f.value?.currency, 'CNY');
      assert.equal(f.value?.display, '10,254,000,000 CNY');
      assert.equal(f.value?.qualifier, undefined);
    }
  });

  it('reads 超千億元 as over 1e11 CNY, the qualifier word inside the span', () => {
    const f = only('總投資超千億元、跨越長江');
    assert.equal(f.label, 'MONEY');
    assert.equal(f.text, '超千億元');
    assert.equal(f.value?.qualifier, 'over');
    assert.equal(f.value?.display, '> 100,000,000,000 CNY');
    assert.equal(f.value?.number, 1e11);
    assert.equal(f.value?.currency, 'CNY');
    assert.equal(only('总投资超千亿元', SIMP).value?.number, 1e11);
  });

  it('reads 近3000萬美元 as approx (nearly) 30,000,000 USD', () => {
    const f = only('融資近3000萬美元');
    assert.equal(f.text, '近3000萬美元');
    assert.equal(f.value?.qualifier, 'approx');
    assert.equal(f.value?.number, 30000000);
    assert.equal(f.value?.currency, 'USD');
    const g = only('融资近3000万美元', SIMP);
    assert.deepEqual([g.text, g.value?.number, g.value?.qualifier], ['近3000万美元', 30000000, 'approx']);
  });

  it('reads 不到/不足 as under and 以上 after the amount as over, inclusive', () => {
    assert.equal(only('成本不到5000元').value?.qualifier, 'under');
    const f = only('投資5億元以上');
    assert.equal(f.text, '5億元以上');
    assert.deepEqual([f.value?.qualifier, f.value?.inclusive, f.value?.display], ['over', true, '≥ 500,000,000 CNY']);
  });

  it('reads 5000元 and a plain Chinese amount 一億零五百萬元', () => {
    const a = only('票價5000元');
    assert.deepEqual([a.label, a.value?.number, a.value?.currency], ['MONEY', 5000, 'CNY']);
    const b = only('撥款一億零五百萬元');
    assert.equal(b.text, '一億零五百萬元');
    assert.equal(b.value?.number, 105000000);
  });

  it('keeps a currency word before the amount in the span: 人民幣3.5億元, 港币3亿', () => {
    const a = only('約合人民幣3.5億元的項目');
    assert.equal(a.text, '約合人民幣3.5億元');
    assert.equal(a.value?.number, 350000000);
    assert.equal(a.value?.currency, 'CNY');
    assert.equal(a.value?.qualifier, 'about');
    const s = only('约合人民币3.5亿元', SIMP);
    assert.deepEqual([s.text, s.value?.number, s.value?.currency], ['约合人民币3.5亿元', 350000000, 'CNY']);
    const b = only('港币3亿', SIMP);
    assert.deepEqual([b.value?.number, b.value?.currency], [300000000, 'HKD']);
  });

  it('maps currency words to ISO 4217 codes in both scripts', () => {
    const cases: Array<[string, string]> = [
      ['3億港元', 'HKD'], ['3亿港元', 'HKD'], ['5港幣', 'HKD'], ['20歐元', 'EUR'], ['20欧元', 'EUR'],
      ['100日元', 'JPY'], ['10英鎊', 'GBP'], ['10英镑', 'GBP'], ['5萬元人民幣', 'CNY'], ['8新台幣', 'TWD'],
    ];
    for (const [line, code] of cases) {
      const f = only(line);
      assert.equal(f.label, 'MONEY', line);
      assert.equal(f.text, line);
      assert.equal(f.value?.currency, code, line);
    }
  });

  it('reads English fragments: $12.5 million, US$3 billion, HK$5, RMB100, 3,000 yuan', () => {
    const a = only('raised $12.5 million in');
    assert.deepEqual([a.text, a.value?.number, a.value?.currency], ['$12.5 million', 12500000, 'USD']);
    const b = only('a US$3 billion deal');
    assert.deepEqual([b.text, b.value?.number, b.value?.currency], ['US$3 billion', 3e9, 'USD']);
    const c = figureWithText('HK$5 RMB100 and 3,000 yuan', 'HK$5');
    assert.equal(c.value?.currency, 'HKD');
    assert.equal(figureWithText('HK$5 RMB100 and 3,000 yuan', 'RMB100').value?.currency, 'CNY');
    assert.equal(figureWithText('HK$5 RMB100 and 3,000 yuan', '3,000 yuan').value?.number, 3000);
    assert.equal(only('HK$1.2bn').value?.number, 1.2e9);
  });

  it('does not treat 元 starting another word as a currency', () => {
    assertNotFigure('元旦假期', '元旦');
    assertNotFigure('二元結構', '二元');
  });

  it('does not take a currency word that is not next to an amount', () => {
    assertNotFigure('美元匯率走強', '美元');
    assertNotFigure('人民幣國際化', '人民幣');
  });
});
