// Page boilerplate: copyright notices, editor credits, share/print/navigation bars and breadcrumbs.
import type { Annotation } from '../types';
import { toSimplified, toTraditional } from '../script';
import { alternation, contentRange, excerpt, junkAt, stripGlossLike, wholeLine, withoutGlosses, type GlossFreeView } from './common';

/** A word list in Simplified with its Traditional forms (opencc first candidates) and any extra hand-written forms. */
function bothScripts(simplified: readonly string[], extra: readonly string[] = []): string[] {
  return [...new Set([...simplified, ...simplified.map(toTraditional), ...extra])];
}

const COPYRIGHT_HEADINGS = bothScripts(['版权声明', '免责声明', '版权说明', '郑重声明', '特别声明'], ['版權聲明', '免責聲明']);
const COPYRIGHT_OWNER = bothScripts(['版权所有'], ['版權所有']);
const COPYRIGHT_PHRASES = bothScripts(
  ['未经授权不得转载', '未经许可不得转载', '未经授权禁止转载', '未经书面授权', '转载请注明出处', '转载请注明来源',
    '禁止转载', '不得转载', '本站所有文章', '本网站所有'],
  ['未經授權不得轉載', '轉載請註明出處', '轉載請註明來源'],
);
/** What may stand before a copyright phrase on a footer line: nothing, or a copyright word (not a sentence's subject). */
const PHRASE_LEAD = /^(?:|.*(?:版[权權]|©|copyright|[声聲]明|本站|本[网網]).*|.*[\s|｜:：]|.*\d{4}.*)$/i;
/** Site registration numbers: 京ICP备12345678号, 京公网安备 11010502000001号. */
const REGISTRATION = /icp[备備证證]\s*[字第]*\s*\d|公[网網]安[备備]\s*\d/i;
const EDITOR_KEYS = bothScripts(
  ['责编', '责任编辑', '编辑', '主编', '校对', '审核', '审校', '编审', '终审', '值班编辑', '实习编辑', '美编', '监制', '责任校对', '签发'],
  ['責編', '責任編輯', '編輯', '監製', '審稿'],
);

// The keyword patterns below run on text without its pinyin glosses (withoutGlosses), so keywords are plain words.
const HEADING_LINE = new RegExp(`^\\s*(?:${alternation(COPYRIGHT_HEADINGS)})\\s*[:：]`);
const OWNER_LINE = new RegExp(
  `^\\s*(?:(?:${alternation(COPYRIGHT_OWNER)})(?=\\s|[:：©(（0-9]|$)|copyright\\b|©|\\(c\\)|（c）)`,
  'i',
);
const PHRASE = new RegExp(`all rights reserved|${alternation(COPYRIGHT_PHRASES)}`, 'i');

const NAME = `[^\\s:：()（）\\[\\]【】。，,！？；、/]{1,12}`;
const CREDIT = `(?:${alternation(EDITOR_KEYS)})\\s*[:：]\\s*${NAME}(?:[\\s、,，/]+${NAME})*?`;
const CREDIT_LINE = new RegExp(`^\\s*[(（\\[【]?\\s*${CREDIT}(?:\\s+${CREDIT})*\\s*[)）\\]】]?\\s*$`);
const CREDIT_BRACKETED = new RegExp(`[(（\\[【]\\s*${CREDIT}\\s*[)）\\]】]`, 'g');
/** Cheap pre-check for a bracketed credit inside a line: a colon and an opening bracket. */
const CREDIT_BRACKET_HINT = /[(（\[【]/;

/** Words of navigation, share and print bars, in Simplified lower case (tokens are folded before lookup). */
const NAV_WORDS = new Set([
  '首页', '主页', '网站首页', '返回首页', '关于我们', '关於我们', '新闻中心', '新闻动态', '联系我们', '网站地图', '返回顶部', '回到顶部',
  '顶部', '打印本页', '打印', '关闭窗口', '关闭', '收藏本站', '加入收藏', '设为首页', '登录', '注册', '退出', '上一篇', '下一篇',
  '上一页', '下一页', '上一条', '下一条', '相关新闻', '相关阅读', '相关文章', '相关链接', '推荐阅读', '热点新闻', '热门文章',
  '热门推荐', '更多', '更多>>', '分享到', '分享至', '分享', '微信', '微博', '新浪微博', '腾讯微博', 'qq空间', 'qq', '朋友圈',
  '复制链接', '扫一扫', '字号', '大', '中', '小', '产品中心', '解决方案', '客户案例', '人才招聘', '招聘', '在线留言', '留言板',
  '帮助中心', '免责声明', '隐私政策', '法律声明', '网站声明', '投稿', '订阅', 'rss', '返回列表', '评论', '点赞', '收藏', '举报',
  '纠错', '我要纠错', '责任编辑', '英文版', '繁体', '简体', '繁体中文', '简体中文', 'english', 'home', '手机版', '移动版',
  '客户端', '下载客户端', '二维码', '关注我们', '新闻', '国内', '国际', '社会', '财经', '体育', '娱乐', '科技', '视频', '图片',
  '专题', '评论', '要闻', '滚动', '即时新闻', '地方', '正文',
]);
/** Navigation phrases that are boilerplate even alone on their line. */
const NAV_ALONE = new Set([
  '返回顶部', '回到顶部', '打印本页', '关闭窗口', '收藏本站', '加入收藏', '设为首页', '上一篇', '下一篇', '上一页', '下一页',
  '相关新闻', '相关阅读', '相关文章', '相关链接', '推荐阅读', '热点新闻', '热门文章', '热门推荐', '分享到', '分享至', '我要纠错',
  '扫一扫', '网站地图', '返回首页', '返回列表', '更多>>',
]);
/** Words of the short generic sections a nav bar lists; a line of only these is a bar only with a stronger word. */
const NAV_WEAK = new Set(['新闻', '国内', '国际', '社会', '财经', '体育', '娱乐', '科技', '视频', '图片', '专题', '评论', '要闻',
  '滚动', '即时新闻', '地方', '正文', '大', '中', '小', '微信', '微博', 'qq', '分享', '打印', '关闭', '收藏', '注册', '登录', '退出']);

const NAV_SPLIT = /[\s|｜丨·•/,，、【】\[\]]+/;
const NAV_BRACKETS = /^[【\[「(（<]+|[】\]」)）>:：]+$/g;
const PREV_NEXT = new RegExp(`^\\s*[【\\[]?(?:${alternation(bothScripts(['上一篇', '下一篇', '上一条', '下一条', '上一页', '下一页']))})[】\\]]?\\s*[:：]?`);
const SHARE = new RegExp(`^\\s*[【\\[]?(?:${alternation(bothScripts(['分享到', '分享至', '分享']))})\\s*[:：]`);

const BREADCRUMB_SPLIT = /\s*(?:>>|[>＞»›→])\s*|\s+\/\s+|\//;
const BREADCRUMB_HINT = /[>＞»›→\/]/;
const BREADCRUMB_LEAD = new RegExp(`^\\s*(?:${alternation(bothScripts(['当前位置', '您的位置', '你的位置', '您现在的位置', '你现在的位置', '所在位置', '位置']))})\\s*[:：]`);
const HOME_WORDS = new Set(['首页', '主页', '网站首页', 'home', '当前位置', '您的位置', '你的位置', '位置']);
const SEGMENT_PUNCTUATION = /[。，,！？；;!?“”]/;
const LETTER = /[\p{L}]/u;

function navToken(token: string): string {
  return toSimplified(stripGlossLike(token.replace(NAV_BRACKETS, ''))).toLowerCase();
}

/** True when a token of the line is a word of navigation, share or print bars (首页, 财经, 登录 …). */
export function hasNavigationWord(line: string): boolean {
  return line.split(NAV_SPLIT).some((token) => token !== '' && NAV_WORDS.has(navToken(token)));
}

/** `bare` is `content` without its glosses. */
function detectCopyright(line: string, content: string, bare: string): Annotation | undefined {
  if (HEADING_LINE.test(bare)) return wholeLine(line, 'boilerplate', 'Copyright or disclaimer notice of the web site', 0.92);
  if (content.length <= 200 && OWNER_LINE.test(bare)) return wholeLine(line, 'boilerplate', 'Copyright line of the web site', 0.9);
  if (content.length > 120) return undefined;
  if (REGISTRATION.test(content)) return wholeLine(line, 'boilerplate', 'Site registration footer (ICP number)', 0.85);
  const phrase = PHRASE.exec(bare);
  if (phrase && PHRASE_LEAD.test(stripGlossLike(bare.slice(0, phrase.index)))) {
    return wholeLine(line, 'boilerplate', 'Copyright footer of the web site', 0.85);
  }
  return undefined;
}

/** `view` is `content` without its glosses. */
function detectNavigation(line: string, content: string, view: GlossFreeView): Annotation | undefined {
  if (content.length > 150) return undefined;
  const bare = view.text;
  if (PREV_NEXT.test(bare)) return wholeLine(line, 'boilerplate', 'Link to the previous or next article', 0.85);
  if (content.length <= 100 && SHARE.test(bare)) return wholeLine(line, 'boilerplate', 'Share bar of the web page', 0.85);
  const tokens = content.split(NAV_SPLIT).map(navToken).filter((t) => t !== '');
  if (tokens.length === 1) {
    return NAV_ALONE.has(tokens[0]) ? wholeLine(line, 'boilerplate', `Navigation link “${tokens[0]}” of the web page`, 0.8) : undefined;
  }
  let nav = 0;
  let strong = 0;
  for (const token of tokens) {
    if (NAV_WORDS.has(token)) {
      nav++;
      if (!NAV_WEAK.has(token)) strong++;
    }
  }
  if (tokens.length >= 2 && nav >= 2 && strong >= 1 && nav / tokens.length >= 0.6) {
    return wholeLine(line, 'boilerplate', `Navigation, share or print bar (${excerpt(tokens.slice(0, 5).join(' '), 30)})`, 0.8);
  }
  return undefined;
}

/** `view` is `content` without its glosses. */
function detectBreadcrumb(line: string, content: string, view: GlossFreeView): Annotation | undefined {
  if (content.length > 120 || !BREADCRUMB_HINT.test(content)) return undefined;
  const lead = BREADCRUMB_LEAD.exec(view.text);
  const body = lead ? content.slice(view.end(lead[0].length)) : content;
  const segments = body.split(BREADCRUMB_SPLIT).map((s) => s.trim());
  if (segments.length < 2 || segments.some((s) => s === '')) return undefined;
  for (const segment of segments) {
    const bare = stripGlossLike(segment);
    if ([...bare].length > 15 || SEGMENT_PUNCTUATION.test(bare)) return undefined;
  }
  const worded = segments.filter((s) => LETTER.test(s)).length;
  if (worded < 2) return undefined;
  const slashOnly = !/[>＞»›→]/.test(body);
  const home = HOME_WORDS.has(navToken(segments[0]));
  // `/` joins ordinary lists too (中/美/日): accept it only with spaces around or a home or location word.
  if (slashOnly && !lead && !home && !/\s\/\s/.test(body)) return undefined;
  if (segments.length < 3 && !lead && !home) return undefined;
  return wholeLine(line, 'boilerplate', `Breadcrumb navigation of the web page (${segments.length} levels)`, segments.length >= 3 || lead ? 0.85 : 0.75);
}

const TAG_LIKE = /<\/?[A-Za-z][^<>]*>/g;

export function detectBoilerplate(line: string): Annotation[] {
  const range = contentRange(line);
  if (!range) return [];
  const content = line.slice(range.start, range.end);

  // The line without glosses, for the keyword patterns. Longer lines are only tested by the anchored heading
  // pattern (the others have length limits): their first 80 code units are enough.
  const contentView = withoutGlosses(content.length <= 200 ? content : content.slice(0, 80));
  const bare = contentView.text;
  const copyright = detectCopyright(line, content, bare);
  if (copyright) return [copyright];

  if (content.length <= 80 && CREDIT_LINE.test(bare)) {
    const whole = wholeLine(line, 'boilerplate', 'Editor credit of the web page', 0.9);
    if (whole) return [whole];
  }
  if ((content.indexOf(':') >= 0 || content.indexOf('：') >= 0) && CREDIT_BRACKET_HINT.test(content)) {
    const credits: Annotation[] = [];
    const view = withoutGlosses(line);
    CREDIT_BRACKETED.lastIndex = 0;
    for (let m = CREDIT_BRACKETED.exec(view.text); m; m = CREDIT_BRACKETED.exec(view.text)) {
      credits.push(junkAt(line, 'boilerplate', view.start(m.index), view.end(m.index + m[0].length), 'Editor credit of the web page', 0.88));
    }
    if (credits.length > 0) return credits;
  }

  // A tag's `>` or `/` is no breadcrumb separator: judge navigation on the text without tags.
  const untagged = content.indexOf('<') >= 0 ? content.replace(TAG_LIKE, ' ').trim() : content;
  // Navigation and breadcrumbs are short lines (both give up above 150 code units).
  if (untagged === '' || untagged.length > 150) return [];
  const untaggedView = untagged === content ? contentView : withoutGlosses(untagged);
  const crumb = detectBreadcrumb(line, untagged, untaggedView);
  if (crumb) return [crumb];
  const nav = detectNavigation(line, untagged, untaggedView);
  return nav ? [nav] : [];
}
