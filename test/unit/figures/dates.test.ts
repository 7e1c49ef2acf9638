// Unit tests of DATE and TIME figures: ISO-like and Chinese dates, partial dates, clock times with 上午/下午.
import { strict as assert } from 'node:assert';
import { assertNotFigure, figures, only, SIMP } from './helpers';

describe('figures: dates', () => {
  it('reads 2022年 and 二〇二二年 as the year 2022', () => {
    for (const line of ['翻看2022年的成績單', '二〇二二年', '二零二二年']) {
      const f = only(line);
      assert.equal(f.label, 'DATE', line);
      assert.equal(f.value?.iso, '2022', line);
      assert.ok(f.text.endsWith('年'));
    }
  });

  it('reads 2023年1月16日 and 二〇二三年一月十六日 as 2023-01-16', () => {
    const a = only('2023年1月16日召開');
    assert.deepEqual([a.label, a.text, a.value?.iso], ['DATE', '2023年1月16日', '2023-01-16']);
    const b = only('二〇二三年一月十六日');
    assert.equal(b.value?.iso, '2023-01-16');
    assert.equal(only('2023年1月').value?.iso, '2023-01');
  });

  it('reads full-width years: １９９７年', () => {
    const f = only('１９９７年香港回歸');
    assert.deepEqual([f.label, f.text, f.value?.iso], ['DATE', '１９９７年', '1997']);
  });

  it('reads 2023-01-16 11:13:00 as one DATE with the time in its iso', () => {
    const line = '發布時間:2023-01-16 11:13:00來源: 嘉興日報';
    const f = only(line);
    assert.equal(f.label, 'DATE');
    assert.equal(f.text, '2023-01-16 11:13:00');
    assert.equal(f.start, line.indexOf('2023'));
    assert.equal(f.value?.iso, '2023-01-16T11:13:00');
  });

  it('reads 2023/1/16, 2023.1.16, 2023-01-16T11:13 and 2023-01', () => {
    assert.equal(only('2023/1/16').value?.iso, '2023-01-16');
    assert.equal(only('2023.1.16').value?.iso, '2023-01-16');
    assert.equal(only('2023-01-16T11:13').value?.iso, '2023-01-16T11:13');
    assert.equal(only('2023-01').value?.iso, '2023-01');
  });

  it('joins a Chinese date and the time after it: 2023年1月16日下午3點', () => {
    const f = only('2023年1月16日下午3點');
    assert.deepEqual([f.label, f.value?.iso], ['DATE', '2023-01-16T15:00']);
  });

  it('writes a date without year as --MM-DD and a day alone as ---DD', () => {
    const a = only('1月16日');
    assert.deepEqual([a.label, a.value?.iso], ['DATE', '--01-16']);
    assert.equal(only('12月31日').value?.iso, '--12-31');
    assert.equal(only('3月份').value?.iso, '--03');
    assert.equal(only('本月16日').value?.iso, '---16');
    assert.equal(only('十六日上午', SIMP).value?.iso, '---16');
  });

  it('reads Republic of China years: 民國112年 = 2023', () => {
    const f = only('民國112年1月16日');
    assert.deepEqual([f.label, f.text, f.value?.iso], ['DATE', '民國112年1月16日', '2023-01-16']);
    assert.equal(only('民国一百一十二年', SIMP).value?.iso, '2023');
  });

  it('reads decades: 1990年代, 90年代, 八十年代', () => {
    assert.equal(only('1990年代').value?.iso, '199');
    assert.equal(only('90年代').value?.iso, '199');
    assert.equal(only('八十年代').value?.iso, '198');
  });

  it('skips relative words: 去年, 前不久, 今年, 明年', () => {
    assert.deepEqual(figures('去年、前不久、今年和明年'), []);
  });

  it('does not take a number that is not a month or a day for one', () => {
    const f = figures('2023年13月');
    assert.deepEqual(f.map((x) => [x.label, x.text]), [['DATE', '2023年'], ['QUANTITY', '13月']]);
    const g = only('100日');
    assert.equal(g.label, 'QUANTITY');
    assert.notEqual(only('三日遊').label, 'DATE');
  });

  it('reads a short number before 年 as a duration, not a year', () => {
    const f = only('建設3年');
    assert.deepEqual([f.label, f.value?.number, f.value?.unit], ['QUANTITY', 3, '年']);
    assert.equal(only('5000年文明').label, 'QUANTITY');
  });
});

describe('figures: times', () => {
  it('reads 11:13 and 11:13:00', () => {
    const a = only('會議於11:13開始');
    assert.deepEqual([a.label, a.text, a.value?.iso], ['TIME', '11:13', '11:13']);
    assert.equal(only('11:13:05').value?.iso, '11:13:05');
    assert.equal(only('１１：１３').value?.iso, '11:13');
  });

  it('reads 上午9時30分 and 下午3点 with the part of the day in the span', () => {
    const a = only('上午9時30分');
    assert.deepEqual([a.label, a.text, a.value?.iso], ['TIME', '上午9時30分', '09:30']);
    const b = only('下午3点', SIMP);
    assert.deepEqual([b.label, b.text, b.value?.iso], ['TIME', '下午3点', '15:00']);
    assert.equal(only('晚上8點半').value?.iso, '20:30');
    assert.equal(only('下午三點').value?.iso, '15:00');
    assert.equal(only('十二時三十分').value?.iso, '12:30');
    assert.equal(only('凌晨2时', SIMP).value?.iso, '02:00');
  });

  it('rejects impossible clock times and plain ratios', () => {
    for (const line of ['25:00', '12:60', '比分3:2']) {
      assert.ok(figures(line).every((f) => f.label !== 'TIME'), line);
    }
  });

  it('does not read 一時, 一點 or a bare 兩點 as a time', () => {
    assertNotFigure('一時難以判斷', '一時');
    assertNotFigure('一點點', '一點');
    assertNotFigure('兩點一線', '兩點');
  });
});
