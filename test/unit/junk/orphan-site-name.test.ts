// Bare site names foreign to their page: a quoted name in front of a title, or a tag item, that the article never mentions again.
import { strict as assert } from 'node:assert';
import { cleanText } from '../../../src/core/index';
import { detectOrphanSiteNames, siteNameCandidates } from '../../../src/core/junk/orphan-site-name';
import { splitLines } from '../../../src/core/lines';
import { toTraditional } from '../../../src/core/script';

// The site names below are invented for these tests; they are in no list and not in the evaluation lists.
const BODY = [
  '记者从市农业农村局获悉，今年全市春耕生产有序推进，农资供应充足，农机具检修已全部完成，各地抢抓农时开展播种。',
  '市农业农村局相关负责人表示，将加强技术指导服务，组织农技人员深入田间地头，帮助农民解决生产中遇到的实际问题。',
  '据了解，全市今年计划粮食播种面积稳定在一百二十万亩以上，其中水稻四十万亩，玉米三十五万亩，大豆十万亩。',
  '气象部门提醒，近期气温波动较大，请广大农户关注天气变化，做好防寒保暖工作，确保春耕生产顺利进行。',
  '此外，各县区还组织了农资打假专项行动，严厉查处销售假冒伪劣种子化肥的违法行为，保障农民合法权益。',
];
const orphans = (text: string) => detectOrphanSiteNames(splitLines(text));

describe('site names foreign to their page', () => {
  it('flags a quoted site name in front of a title that the article never mentions, and clean removes only it', () => {
    const text = ['“瑞禾娱乐”全市春耕生产有序推进', ...BODY].join('\n');
    const found = orphans(text);
    assert.deepEqual(found.map((a) => a.text), ['“瑞禾娱乐”']);
    assert.equal(found[0].label, 'spam');
    assert.match(found[0].reason ?? '', /瑞禾 \+ 娱乐.*never mentions/);
    assert.equal(cleanText(text).text, ['全市春耕生产有序推进', ...BODY].join('\n'));
  });

  it('flags a site-name item of a tag line, and clean keeps the list well formed', () => {
    const text = [...BODY, '标签：春耕,隆泰国际,农业,生产'].join('\n');
    assert.deepEqual(orphans(text).map((a) => a.text), ['隆泰国际']);
    assert.equal(cleanText(text).text, [...BODY, '标签：春耕,农业,生产'].join('\n'));
    const first = [...BODY, '标签：隆泰国际,春耕,农业'].join('\n');
    assert.equal(cleanText(first).text, [...BODY, '标签：春耕,农业'].join('\n'));
  });

  it('flags a bare lower-case site handle, not a model code in capitals', () => {
    assert.deepEqual(orphans([...BODY, '标签：春耕,qx8866,农业'].join('\n')).map((a) => a.text), ['qx8866']);
    assert.deepEqual(orphans([...BODY, '标签：春耕,C919,农业'].join('\n')), []);
    assert.deepEqual(orphans(['“MH370”全市春耕生产有序推进', ...BODY].join('\n')), []);
  });

  it('leaves a quoted name alone when the article speaks of it', () => {
    const body = [...BODY.slice(0, 3), '瑞禾公司负责人介绍，今年已向农户捐赠化肥两百吨，并将继续支持春耕生产。'];
    assert.deepEqual(orphans(['“瑞禾娱乐”全市春耕生产有序推进', ...body].join('\n')), []);
    assert.deepEqual(orphans([...body, '标签：春耕,瑞禾娱乐,农业'].join('\n')), []);
  });

  it('needs a page: a title alone, or a short note, is no evidence', () => {
    assert.deepEqual(orphans('“瑞禾娱乐”全市春耕生产有序推进'), []);
    assert.deepEqual(orphans(['“瑞禾娱乐”全市春耕生产有序推进', BODY[0]].join('\n')), []);
  });

  it('counts a name repeated only in other injected positions as foreign', () => {
    const text = ['“瑞禾娱乐”全市春耕生产有序推进', ...BODY, '标签：春耕,瑞禾娱乐,农业'].join('\n');
    assert.deepEqual(orphans(text).map((a) => a.text), ['“瑞禾娱乐”', '瑞禾娱乐']);
  });

  it('reads only site molds with a gambling site type, in a title\'s edge quotes or a tag line', () => {
    const lines = (first: string) => splitLines([first, ...BODY].join('\n'));
    assert.deepEqual(siteNameCandidates(lines('“瑞禾集团”全市春耕生产有序推进')), [], '集团 names ordinary firms');
    assert.deepEqual(siteNameCandidates(lines('“春耕生产”全市各地有序推进')), [], 'no site type');
    assert.deepEqual(siteNameCandidates(lines('全市春耕生产有序推进，“瑞禾娱乐”等企业参与')), [], 'a quote inside a sentence');
    assert.deepEqual(siteNameCandidates(lines('春耕,瑞禾娱乐,农业,生产')), [], 'a list without a tag label');
    assert.equal(siteNameCandidates(lines('全市春耕生产有序推进【瑞禾体育】')).length, 1, 'brackets at a title\'s end');
    assert.deepEqual(siteNameCandidates(lines('全市春耕生产有序推进（瑞禾体育）')), [], 'round brackets credit a source');
    assert.deepEqual(siteNameCandidates(lines('全市春耕生产有序推进“来源：瑞禾体育”')), [], 'a credit is no bare name');
    assert.deepEqual(siteNameCandidates(lines(`${BODY[0]}${BODY[1]}“瑞禾体育”`)), [], 'a paragraph is no title');
  });

  it('reads Traditional pages the same way', () => {
    const text = toTraditional(['“瑞禾娱乐”全市春耕生产有序推进', ...BODY].join('\n'));
    assert.deepEqual(orphans(text).map((a) => a.text), ['“瑞禾娛樂”']);
    const mentioned = toTraditional(['“瑞禾娱乐”全市春耕生产有序推进', ...BODY, '瑞禾公司负责人介绍，今年已向农户捐赠化肥。'].join('\n'));
    assert.deepEqual(orphans(mentioned), []);
  });
});
