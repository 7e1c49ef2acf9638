// Unit tests of CARDINAL and ORDINAL figures, of digits glued to Latin letters, URLs and IDs, and of 一 in words.
import { strict as assert } from 'node:assert';
import { assertNotFigure, figures, only, SIMP } from './helpers';

describe('figures: cardinals', () => {
  it('reads a bare number as CARDINAL', () => {
    const a = only('共計2023');
    assert.deepEqual([a.label, a.value?.number], ['CARDINAL', 2023]);
    assert.equal(only('1,234,567').value?.number, 1234567);
    assert.equal(only('3000萬').value?.number, 30000000);
    assert.equal(only('12.5 million people').value?.number, 12500000);
  });

  it('reads a bare 4-digit number followed by 年 as a DATE, not a CARDINAL', () => {
    assert.equal(only('2023年').label, 'DATE');
  });

  it('reads multi-character Chinese numerals that are clearly numbers: 一百, 兩千, 二〇二〇', () => {
    assert.equal(only('一百').value?.number, 100);
    assert.equal(only('兩千').value?.number, 2000);
    const f = only('二〇二〇');
    assert.deepEqual([f.label, f.value?.number], ['CARDINAL', 2020]);
  });

  it('reads fractions: 三分之一', () => {
    const f = only('三分之一的人');
    assert.equal(f.text, '三分之一');
    assert.equal(f.label, 'CARDINAL');
    assert.ok(Math.abs((f.value?.number ?? 0) - 1 / 3) < 1e-12);
  });

  it('does not annotate digits glued to Latin letters: G60, 3D, MP3, H5N1, 5G, COVID-19', () => {
    const line = '入浙“第一站”G60科創大平臺, 3D打印, MP3, H5N1, 5G網絡, COVID-19, v1.2.3';
    const found = figures(line);
    assert.deepEqual(found.map((f) => f.text), ['第一']);
  });

  it('does not annotate digits inside markup IDs, URLs and e-mail addresses', () => {
    assert.deepEqual(figures('<strike id="qc0qw"></strike>'), []);
    assert.deepEqual(figures('見 http://www.example.com/2023/01/16/123.html 與 www.x.cn/a/99'), []);
    assert.deepEqual(figures('聯系 abc123@163.com'), []);
    assert.deepEqual(figures('192.168.1.1'), []);
  });

  it('does not annotate numbers written as codes with leading zeros', () => {
    assert.deepEqual(figures('區號0573'), []);
  });

  it('does not read 一 in ordinary words as a CARDINAL: 一體化, 一批, 一網通辦, 統一', () => {
    const line = '長三角一體化發展,統籌推進一批一體化重大事項,“一網通辦”平臺,統一部署,唯一,之一';
    assert.deepEqual(figures(line), []);
    assert.deepEqual(figures('长三角一体化发展，统筹推进一批一体化重大事项，“一网通办”平台，统一部署', SIMP), []);
  });

  it('does not read malformed or idiomatic runs as numbers: 十四五, 一五一十, 千萬不要, 萬一', () => {
    for (const line of ['十四五規劃', '一五一十', '千萬不要', '萬一下雨', '九九歸一']) assert.deepEqual(figures(line), [], line);
  });

  it('finds a figure after a word ending in 一: 統一三個', () => {
    const f = only('統一三個標準');
    assert.deepEqual([f.text, f.value?.number], ['三個', 3]);
  });
});

describe('figures: ordinals', () => {
  it('reads 第三 and 第1 as ORDINAL', () => {
    const a = only('第三');
    assert.deepEqual([a.label, a.value?.number, a.value?.display], ['ORDINAL', 3, '3rd']);
    assert.equal(only('第1名').text, '第1');
    assert.equal(only('第十四屆').text, '第十四');
  });

  it('reads 第一站 as an ORDINAL on 第一', () => {
    const line = '入浙“第一站”G60科創大平臺';
    const f = only(line);
    assert.deepEqual([f.label, f.text, f.value?.number], ['ORDINAL', '第一', 1]);
    assert.equal(f.start, line.indexOf('第一'));
  });

  it('reads 九屆二次 as one ORDINAL: the 9th term, 2nd plenary session', () => {
    const f = only('嘉興市委九屆二次全體(擴大)會議');
    assert.equal(f.label, 'ORDINAL');
    assert.equal(f.text, '九屆二次');
    assert.equal(f.value?.number, 9);
    assert.equal(f.value?.display, '9th term, 2nd plenary session');
    const g = only('九届二次全会', SIMP);
    assert.equal(g.text, '九届二次');
  });

  it('reads 十九屆四中全會 and 十四屆 terms', () => {
    const f = only('十九屆四中全會');
    assert.deepEqual([f.text, f.value?.number], ['十九屆四中', 19]);
    assert.equal(only('十四屆全國人大').value?.display, '14th term');
  });

  it('reads 一季度 / 四季度 as quarters and 3個季度 as a count', () => {
    const a = only('一季度，同比增長');
    assert.deepEqual([a.label, a.text, a.value?.number, a.value?.display], ['ORDINAL', '一季度', 1, 'Q1']);
    assert.equal(only('比上年四季度加快', SIMP).value?.display, 'Q4');
    const c = only('連續3個季度');
    assert.deepEqual([c.label, c.value?.unit], ['QUANTITY', '個季度']);
  });

  it('reads English ordinals: 1st, 22nd', () => {
    assert.deepEqual(figures('the 1st and 22nd').map((f) => [f.label, f.value?.number]), [['ORDINAL', 1], ['ORDINAL', 22]]);
  });

  it('does not read 首期 or a lone 一屆 as an ordinal', () => {
    assert.deepEqual(figures('首期開園'), []);
    assertNotFigure('一屆又一屆', '一屆');
  });
});
