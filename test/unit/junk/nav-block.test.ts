// Navigation blocks: runs of short link lines before or after a page's article, told by a navigation word, removed line by line; the title, the article and what stands beside it stay.
import { strict as assert } from 'node:assert';
import { cleanText } from '../../../src/core/index';
import { detectNavigationBlocks } from '../../../src/core/junk/nav-block';
import { splitLines } from '../../../src/core/lines';
import { toTraditional } from '../../../src/core/script';

// A constructed page in the shape a naive scraper gives: menu, title, dateline, article, footer.
const MENU = ['首页', '新闻', '财经', '股票', '登录'];
const TITLE = ['全市春耕生产有序推进', '2026-03-12 08:30 来源：本报'];
const ARTICLE = [
  '记者从市农业农村局获悉，今年全市春耕生产有序推进，农资供应充足，农机具检修已全部完成，各地抢抓农时开展播种。',
  '市农业农村局相关负责人表示，将加强技术指导服务，组织农技人员深入田间地头，帮助农民解决生产中遇到的实际问题。',
];
const FOOTER = ['关于我们', '联系我们', '网站地图', '广告服务'];
const flagged = (lines: string[]) => detectNavigationBlocks(splitLines(lines.join('\n'))).map((a) => a.text);

describe('navigation blocks', () => {
  it('flags the menu above the title and the links below the article, and clean keeps the title and the article', () => {
    const page = [...MENU, ...TITLE, ...ARTICLE, ...FOOTER];
    assert.deepEqual(flagged(page), [...MENU, ...FOOTER]);
    // Whole lines go with their line breaks; the last line has none, so the break before it stays.
    assert.equal(cleanText(page.join('\n')).text, [...TITLE, ...ARTICLE, ''].join('\n'));
    assert.match(detectNavigationBlocks(splitLines(page.join('\n')))[0].reason ?? '', /Navigation block.*5 short link lines before the article.*“首页”/);
  });

  it('keeps a page title and site name above the menu, and a signature and date below the article', () => {
    const page = ['全市春耕生产有序推进_本报网', '本报网', ...MENU, ...TITLE, ...ARTICLE, '市农业农村局', '2026年3月12日', ...FOOTER];
    assert.deepEqual(flagged(page), [...MENU, ...FOOTER]);
  });

  it('leaves a list of names after the article alone: it has no navigation word', () => {
    const names = ['获奖名单', '张三丰', '李四海', '王五福', '赵六顺'];
    assert.deepEqual(flagged([...TITLE, ...ARTICLE, ...names]), []);
  });

  it('never reads short lines inside the article: a table between paragraphs stays', () => {
    const table = ['新闻来源　本报', '下周趋势　看平', '中线趋势　看多', '下周热点　农业'];
    assert.deepEqual(flagged([...TITLE, ARTICLE[0], ...table, ARTICLE[1]]), []);
  });

  it('needs an article: a page of short lines only is left alone', () => {
    assert.deepEqual(flagged([...MENU, ...TITLE, ...FOOTER]), []);
  });

  it('needs a run: fewer than four link lines are no block', () => {
    assert.deepEqual(flagged(['首页', '登录', TITLE[0], ...ARTICLE]), []);
    assert.deepEqual(flagged(['首页', '新闻', '登录', TITLE[0], ...ARTICLE]), ['首页', '新闻', '登录']);
  });

  it('reads a menu written on one line as a link line', () => {
    const page = ['首页', '新闻 体育 NBA 娱乐 财经 股票 汽车 科技 手机 数码 女人 论坛', '登录', '注册', ...TITLE, ...ARTICLE];
    assert.equal(flagged(page).length, 4);
  });

  it('counts boilerplate the line-level detectors removed towards a run, never as its navigation word: headlines stay', () => {
    const headlines = ['南方多地气温创下同期新高', '海关总署发布外贸数据'];
    // Two removed lines (a related-news heading, a copyright line) make a run of four with the two menu items.
    const withMenu = [...TITLE, ...ARTICLE, '相关新闻', '首页', '登录', '版权所有：本报社　未经授权不得转载'];
    assert.equal(cleanText(withMenu.join('\n')).text.trimEnd(), [...TITLE, ...ARTICLE].join('\n'));
    // Headlines between removed footer lines carry no navigation word: only the footer lines go.
    const withHeadlines = [...TITLE, ...ARTICLE, '相关新闻', ...headlines, '版权所有：本报社　未经授权不得转载'];
    assert.equal(cleanText(withHeadlines.join('\n')).text.trimEnd(), [...TITLE, ...ARTICLE, ...headlines].join('\n'));
  });

  it('reads Traditional pages the same way', () => {
    const page = [...MENU, ...TITLE, ...ARTICLE, ...FOOTER].map(toTraditional);
    assert.deepEqual(flagged(page), [...MENU, ...FOOTER].map(toTraditional));
  });
});
