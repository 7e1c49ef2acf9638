// Unit tests of the numeral parser: Chinese numerals with units and 零 gaps, digit strings, Arabic and full-width digits.
import { strict as assert } from 'node:assert';
import { parseChineseNumber } from '../../../src/core/figures';

describe('figures: parseChineseNumber', () => {
  const cases: Array<[string, number]> = [
    ['一億零五百萬', 105000000],
    ['一亿零五百万', 105000000],
    ['十五', 15],
    ['一百零三', 103],
    ['兩千', 2000],
    ['两千', 2000],
    ['三萬五千', 35000],
    ['三万五千', 35000],
    ['二〇二二', 2022],
    ['二零二二', 2022],
    ['一千零十', 1010],
    ['一百三十八', 138],
    ['二十一', 21],
    ['廿五', 25],
    ['卅', 30],
    ['千億', 1e11],
    ['萬億', 1e12],
    ['五萬億', 5e12],
    ['一萬五', 15000],
    ['兩千五', 2500],
    ['三點五', 3.5],
    ['十點五', 10.5],
    ['三點五億', 350000000],
    ['百', 100],
    ['1.2萬', 12000],
    ['102.54億', 10254000000],
    ['102.54亿', 10254000000],
    ['3萬5千', 35000],
    ['１９９７', 1997],
    ['１．５', 1.5],
    ['1,234,567', 1234567],
    ['1，234', 1234],
    ['12,345.67', 12345.67],
    ['0.5', 0.5],
    ['壹万贰仟叁佰', 12300],
    ['叁拾萬', 300000],
    ['一百十一', 111],
    ['三万五', 35000],
    ['两千六', 2600],
    ['2万5', 25000],
    ['20万零300', 200300],
    ['三点一四', 3.14],
    ['零点零五', 0.05],
    ['负三', -3],
    ['負二十', -20],
  ];
  for (const [text, expected] of cases) {
    it(`${text} = ${expected}`, () => {
      assert.equal(parseChineseNumber(text), expected);
    });
  }

  it('does not read 一億零五百萬 as 1,000,005,000,000', () => {
    assert.notEqual(parseChineseNumber('一億零五百萬'), 1000005000000);
  });

  it('scales decimals without floating-point noise', () => {
    // 102.54 * 1e8 is 10254000000.000002 in plain floating point.
    const value = parseChineseNumber('102.54億');
    assert.ok(Number.isInteger(value), String(value));
    assert.equal(parseChineseNumber('0.07萬'), 700);
    assert.equal(parseChineseNumber('1.1億'), 110000000);
  });

  const malformed = ['', '十四五', '一五一十', '千百', '萬萬', '兩三', '1,23', '1,2345', 'abc', '三x', '點五', '萬一', '万一'];
  for (const text of malformed) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      assert.equal(parseChineseNumber(text), undefined);
    });
  }
});
