// Unit tests of the forms of issue 13: financial numerals, signs, spelled decimals, mixed and colloquial forms, ranges, qualifiers, fractions, English.
import { strict as assert } from 'node:assert';
import { parseChineseNumber } from '../../../src/core/figures';
import { assertNotFigure, figures, only, SIMP, TRAD } from './helpers';

describe('figures: financial numerals', () => {
  it('reads 壹万贰仟叁佰元整, 玖仟陆佰元伍角 and 人民币叁拾万元 as money', () => {
    const a = only('合同总价为壹万贰仟叁佰元整，', SIMP);
    assert.deepEqual([a.text, a.label, a.value?.number, a.value?.currency], ['壹万贰仟叁佰元整', 'MONEY', 12300, 'CNY']);
    const b = only('赔偿玖仟陆佰元伍角。', SIMP);
    assert.deepEqual([b.text, b.value?.number], ['玖仟陆佰元伍角', 9600.5]);
    const c = only('判處罰金人民幣叁拾萬元。', TRAD);
    assert.deepEqual([c.text, c.value?.number, c.value?.currency], ['人民幣叁拾萬元', 300000, 'CNY']);
    assert.equal(parseChineseNumber('貳拾萬'), 200000);
  });

  it('does not read a lone financial digit in a word: 大陆, 队伍, 收拾, 陸續, and not 整体 after 元', () => {
    for (const [line, word] of [['大陆三年', '大陆'], ['人才队伍', '队伍'], ['收拾东西', '收拾'], ['代表們陸續到達', '陸續']]) {
      assertNotFigure(line, word, SIMP);
    }
    assert.deepEqual(figures('三年大陆三个', SIMP).map((f) => f.text), ['三年', '三个']);
    assert.equal(only('投资3亿元整体推进', SIMP).text, '3亿元');
  });
});

describe('figures: signs and spelled-out decimals', () => {
  it('reads 负三, -3.5%, 零下五摄氏度, －５℃ as negative numbers and 负增长 as growth under zero', () => {
    assert.equal(only('气温降到负三。', SIMP).value?.number, -3);
    assert.deepEqual([only('同比增长-3.5%，', SIMP).text, only('同比增长-3.5%，', SIMP).value?.number], ['-3.5%', -0.035]);
    const t = only('气温将降至零下五摄氏度。', SIMP);
    assert.deepEqual([t.text, t.value?.number, t.value?.unit], ['零下五摄氏度', -5, '摄氏度']);
    assert.equal(only('最低气温－５℃', SIMP).value?.number, -5);
    const g = only('出口出现负增长', SIMP);
    assert.deepEqual([g.label, g.text, g.value?.number, g.value?.qualifier], ['PERCENT', '负增长', 0, 'under']);
  });

  it('does not take 负 of 胜负 or a hyphen between numbers as a sign', () => {
    assert.equal(only('胜负三场', SIMP).value?.number, 3);
    assert.deepEqual(figures('比分3-2', SIMP).map((f) => f.value?.number), [3, 2]);
  });

  it('reads 三点一四 and 零点零五 alone, but not 一点一滴 or 两点一线', () => {
    assert.equal(only('圆周率取三点一四。', SIMP).value?.number, 3.14);
    assert.equal(only('误差为零点零五。', SIMP).value?.number, 0.05);
    assert.equal(only('人数达到一点五万。', SIMP).value?.number, 15000);
    assertNotFigure('一点一滴积累', '一点一滴', SIMP);
    assertNotFigure('兩點一線', '兩點一線');
  });
});

describe('figures: mixed and colloquial numerals', () => {
  const cases: Array<[string, number]> = [
    ['3万5千', 35000], ['1亿2000万', 120000000], ['20万零300', 200300], ['2万5', 25000], ['一百十一', 111],
    ['三万五', 35000], ['两千六', 2600], ['兩千六', 2600], ['一亿五', 150000000],
  ];
  for (const [text, n] of cases) {
    it(`${text} = ${n}`, () => {
      const f = only(`总数${text}。`, SIMP);
      assert.deepEqual([f.text, f.value?.number], [text, n]);
    });
  }
  it('reads 三块五 as 3.5 yuan', () => {
    const f = only('一斤白菜三块五。', SIMP);
    assert.deepEqual([f.label, f.value?.number, f.value?.currency], ['MONEY', 3.5, 'CNY']);
  });
});

describe('figures: ranges are one figure', () => {
  const cases: Array<[string, string, string, number | string, number | string, string | undefined]> = [
    ['有期徒刑3至5年', '3至5年', 'QUANTITY', 3, 5, '年'],
    ['判處三至五年有期徒刑', '三至五年', 'QUANTITY', 3, 5, '年'],
    ['预计增长3-5%。', '3-5%', 'PERCENT', 0.03, 0.05, undefined],
    ['价格上涨百分之十到二十。', '百分之十到二十', 'PERCENT', 0.1, 0.2, undefined],
    ['现场来了五六十人。', '五六十人', 'QUANTITY', 50, 60, '人'],
    ['预计投入5到10亿元。', '5到10亿元', 'MONEY', 5e8, 1e9, undefined],
    ['工程完成七八成。', '七八成', 'PERCENT', 0.7, 0.8, undefined],
    ['1至3月，', '1至3月', 'DATE', '--01', '--03', undefined],
    ['展会于5月10日至12日举行', '5月10日至12日', 'DATE', '--05-10', '--05-12', undefined],
  ];
  for (const [line, text, label, from, to, unit] of cases) {
    it(`${text}`, () => {
      const f = only(line, SIMP);
      assert.deepEqual([f.text, f.label, f.value?.range, f.value?.unit], [text, label, { from, to }, unit]);
      assert.equal(f.value?.number, undefined);
    });
  }
  it('writes a date range as an ISO 8601 interval', () => {
    assert.equal(only('2021年至2023年，', SIMP).value?.iso, '2021/2023');
  });
  it('does not join a score, a code or an idiom: 比分3-2, 010-12345678, 三五成群, 一五一十', () => {
    assert.ok(figures('比分3-2', SIMP).every((f) => f.value?.range === undefined));
    for (const [line, word] of [['游客三五成群', '三五成群'], ['一五一十地说了', '一五一十']]) assertNotFigure(line, word, SIMP);
  });
});

describe('figures: qualifiers', () => {
  const cases: Array<[string, string, string, number]> = [
    ['现场约3000人。', '约3000人', 'about', 3000], ['融资近3000万美元', '近3000万美元', 'approx', 3e7],
    ['总投资超千亿元', '超千亿元', 'over', 1e11], ['逾百人受伤', '逾百人', 'over', 100], ['上千名志愿者', '上千名', 'approx', 1000],
    ['数十万人涌入', '数十万人', 'approx', 100000], ['参会3000人左右', '3000人左右', 'about', 3000], ['不足百人', '不足百人', 'under', 100],
    ['He won nearly 50% of the vote.', 'nearly 50%', 'approx', 0.5], ['more than 1,000 people', 'more than 1,000', 'over', 1000],
  ];
  for (const [line, text, qualifier, n] of cases) {
    it(`${text}: ${qualifier} ${n}`, () => {
      const f = only(line, SIMP);
      assert.deepEqual([f.text, f.value?.qualifier, f.value?.number], [text, qualifier, n]);
    });
  }
});

describe('figures: fractions, full-width digits and English text', () => {
  it('reads 三分之二 and 3/4 as fractions, 1/16/2023 not', () => {
    assert.ok(Math.abs((only('三分之二的人', SIMP).value?.number ?? 0) - 2 / 3) < 1e-12);
    const f = only('有3/4的受访者', SIMP);
    assert.deepEqual([f.text, f.value?.number, f.value?.display], ['3/4', 0.75, '3/4']);
  });

  it('reads ２０２３年 and １２．５％', () => {
    assert.deepEqual([only('２０２３年全年', SIMP).value?.iso, only('２０２３年全年', SIMP).value?.precision], ['2023', 'year']);
    assert.equal(only('增长１２．５％', SIMP).value?.number, 0.125);
  });

  it('reads English dates with their precision, and a year of English text as a DATE, not CARDINAL 2,023', () => {
    const a = only('signed on Jan. 5, 2023, in Beijing');
    assert.deepEqual([a.text, a.value?.iso, a.value?.precision], ['Jan. 5, 2023', '2023-01-05', 'day']);
    assert.deepEqual([only('in December 2023 prices').value?.iso, only('in December 2023 prices').value?.precision], ['2023-12', 'month']);
    const y = only('Sales fell in 2023 as demand slowed.');
    assert.deepEqual([y.label, y.value?.iso, y.value?.display], ['DATE', '2023', '2023']);
    assert.equal(only('The firm has 2,023 employees.').label, 'CARDINAL');
    assert.equal(only('共計2023').label, 'CARDINAL');
    assert.deepEqual([only('at 3 p.m. on Friday').label, only('at 3 p.m. on Friday').value?.iso], ['TIME', '15:00']);
  });

  it('reads $3.5 billion and 1.2 million', () => {
    assert.deepEqual([only('raised $3.5 billion').value?.number, only('raised $3.5 billion').value?.currency], [3.5e9, 'USD']);
    assert.equal(only('has 1.2 million residents').value?.number, 1.2e6);
  });
});
