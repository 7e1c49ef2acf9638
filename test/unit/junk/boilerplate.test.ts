// The boilerplate detector: copyright notices, editor credits, share/print/navigation bars and breadcrumbs.
import { strict as assert } from 'node:assert';
import { detectLineJunk } from '../../../src/core/junk/index';
import { applyRemovals, assertWellFormed, junkOf, SIMP, TRAD } from './helpers';

const boilerplateIn = (line: string, context = TRAD) => {
  const found = detectLineJunk(line, context);
  assertWellFormed(line, found);
  return junkOf(found, 'boilerplate');
};

function assertWholeLine(line: string, context = TRAD): void {
  const found = boilerplateIn(line, context);
  assert.equal(found.length, 1, JSON.stringify(line));
  assert.deepEqual(found[0].removal, { start: 0, end: line.length }, JSON.stringify(line));
  assert.equal(found[0].text, line.trim());
}

describe('boilerplate detector', () => {
  it('flags copyright notices in both scripts as whole lines', () => {
    for (const line of [
      '    版權聲明:凡注明“來源:中國西藏網(wǎng)”的所有作品,版權歸高原(北京)文化傳播有限公司。',
      '版权声明：本文为原创，转载请注明出处。',
      '免责声明：本站内容仅供参考。',
      'Copyright © 2023 新華網 All rights reserved',
      '© 2001-2023 人民網',
      '版权所有：人民网',
      '未經授權不得轉載',
      '京ICP备12345678号 京公网安备11010502000001号',
    ]) {
      assertWholeLine(line);
    }
  });

  it('flags editor credits that make up the line, and bracketed credits at the end of a paragraph', () => {
    for (const line of ['    (責編:李文治)', '编辑：张三', '责任编辑：李四 校对：王五', '【責任編輯：王小明】', '（责任编辑：张三、李四）']) {
      assertWholeLine(line, SIMP);
    }
    const line = '加快推進高鐵新城建設。（責任編輯：王小明）';
    const [credit] = boilerplateIn(line);
    assert.equal(credit.text, '（責任編輯：王小明）');
    assert.equal(applyRemovals(line, [credit]), '加快推進高鐵新城建設。');
  });

  it('never flags a paragraph that mentions 版權 or 編輯 in a sentence', () => {
    for (const line of [
      '他表示，版權保護是文化產業發展的基礎，編輯們需要提高版權意識。',
      '版權所有者可以依法維權，法院近日判決被告賠償50萬元。',
      '该报编辑部表示，编辑：是一份需要耐心的工作，每天要审读数十篇稿件并反复核实。',
      '编辑记者深入一线，采写了大量反映基层变化的稿件。',
      '網站稱未經授權不得轉載其作品，但多家媒體仍然全文轉發了這篇報道，引發了業界對新聞作品版權保護的廣泛討論。',
    ]) {
      assert.deepEqual(boilerplateIn(line, SIMP), [], line);
    }
  });

  it('flags share, print and navigation bars as whole lines', () => {
    for (const line of ['分享到: 微信 微博', '分享到：微信 | 微博 | QQ空間', '首頁 關於我們 新聞中心 聯繫我們', '首页 | 关于我们 | 新闻中心 | 产品中心 | 联系我们',
      '上一篇', '下一篇：嘉興召開長三角一體化工作會議', '相关新闻', '返回顶部', '打印本页 关闭窗口', '【打印】【关闭】【返回顶部】', '字号：大 中 小 打印本页']) {
      assertWholeLine(line, SIMP);
    }
  });

  it('does not flag short lines that only look like lists', () => {
    for (const line of ['新聞 國際', '微信 微博 成为主要传播渠道', '习近平 李强 赵乐际', '更多精彩内容请关注本报', '首都北京']) {
      assert.deepEqual(boilerplateIn(line, SIMP), [], line);
    }
  });

  it('flags breadcrumbs as whole lines', () => {
    for (const line of ['    中國西藏網(wǎng)\u00a0>\u00a0即時新聞\u00a0>\u00a0地方', '首页 > 新闻 > 正文', '当前位置：首页 > 国内新闻', '首頁 » 財經 » 要聞', '新闻中心 / 国内新闻 / 正文', '首页/新闻/国际']) {
      assertWholeLine(line, SIMP);
    }
  });

  it('does not flag comparisons, fractions or slash lists as breadcrumbs', () => {
    for (const line of ['增速 > 5%', '中/美/日三國外長會議', '2023/01/16', '3 > 2 > 1', 'A > B', '嘉興持續發力全面融入長三角一體化發展']) {
      assert.deepEqual(boilerplateIn(line), [], line);
    }
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const line = '加快建設😀。（責任編輯：王小明）';
    const [credit] = boilerplateIn(line);
    assert.equal(credit.start, 7);
  });
});
