// Navigation blocks of a scraped page: runs of short link lines before or after the article's text (menus, channel lists), told by a navigation word among them.
import type { Annotation } from '../types';
import type { DocLine } from '../lines';
import { contentRange, wholeLine } from './common';
import { hasNavigationWord } from './boilerplate';

/*
 * A naive scraper puts every link of a menu on its own line: 首页 / 新闻 / 财经 / 股票 / … The line-level detector
 * sees one word at a time and cannot tell the menu item 股票 from a one-word line of text. A page shows it: the
 * article is a stretch of long punctuated lines, and menus stand before or after it as runs of short lines with no
 * sentence punctuation. Flagged when all hold:
 *  - the document has an article: lines of at least ARTICLE_MIN characters with a comma or full stop; of their
 *    stretches (article lines at most MAX_GAP lines apart), the one with the most text. A comment section or a long
 *    disclaimer further down is a stretch of its own;
 *  - a run of at least MIN_RUN link lines or removed boilerplate lines lies wholly before or after that stretch. A
 *    link line has at most MAX_LINK characters, or is a menu of short items on one line, and no mark that ends a
 *    sentence; blank lines do not break a run. Tables, lists and subheadings inside the article are never read;
 *  - a line of the run holds a navigation word (boilerplate.ts: 首页, 新闻, 登录 …). A list of names or a signature
 *    after the article has none, and neither has a headline: boilerplate that the line-level detectors removed whole
 *    (a copyright line, 相关新闻) counts towards a run's length, never as its navigation word, so real headlines
 *    between footer lines stay.
 * The run is trimmed to its navigation lines: lines before the first one stay (a page's title and site name above
 * the menu; a signature or a date below the article), and before the article so do lines after the last one (the
 * title and dateline above the article). Thresholds were set on the dev pages of `npm run eval:junk`, never on the
 * held-out third.
 */
export const ARTICLE_MIN = 40;
export const MIN_RUN = 4;
export const MAX_LINK = 20;
export const MAX_GAP = 8;
/** Marks that end a sentence: a menu item has none (a login widget's 忘记密码？ and a greeting's 欢迎您， may). */
const SENTENCE_MARKS = /[。！!；;]/;
/** A menu written on one line: at least MENU_ITEMS items of at most MENU_ITEM characters, separated by spaces or bars. */
const MENU_ITEMS = 4;
const MENU_ITEM = 8;
const MENU_SPLIT = /[\s|｜丨]+/;
const ARTICLE_MARKS = /[。，]/;

function isArticleLine(text: string): boolean {
  const range = contentRange(text);
  return range !== undefined && range.end - range.start >= ARTICLE_MIN && ARTICLE_MARKS.test(text);
}

function isLinkLine(text: string): boolean {
  const range = contentRange(text);
  if (range === undefined || SENTENCE_MARKS.test(text)) return false;
  if (range.end - range.start <= MAX_LINK) return true;
  const items = text.slice(range.start, range.end).split(MENU_SPLIT);
  return items.length >= MENU_ITEMS && items.every((item) => item.length <= MENU_ITEM);
}

/**
 * Navigation blocks' lines (offsets absolute, as DocLine.start). `removed[i]` is true when line i held text that the
 * line-level detectors removed whole (a share bar, a copyright line): blank here, it counts towards a run's length.
 */
export function detectNavigationBlocks(lines: readonly DocLine[], removed?: readonly boolean[]): Annotation[] {
  const article = mainArticle(lines);
  if (!article) return [];
  const { first, last } = article;
  const found: Annotation[] = [];
  const flagRun = (from: number, to: number, before: boolean) => {
    const links: number[] = [];
    let size = 0;
    for (let i = from; i < to; i++) {
      if (contentRange(lines[i].text)) links.push(i);
      if (removed?.[i] || contentRange(lines[i].text)) size++;
    }
    if (size < MIN_RUN || links.length === 0) return;
    const nav = links.filter((i) => hasNavigationWord(lines[i].text));
    if (nav.length === 0) return;
    // Only from the first navigation line on (a page's title and site name stand above its menu, a signature below
    // the article), and before the article only up to the last one (the title and dateline above the article).
    const kept = links.filter((i) => i >= nav[0] && (!before || i <= nav[nav.length - 1]));
    const reason = `Navigation block of the web page: ${kept.length} short link lines ${before ? 'before' : 'after'} the article, among them “${contentOf(lines[nav[0]].text)}”`;
    for (const i of kept) {
      const finding = wholeLine(lines[i].text, 'boilerplate', reason, 0.7);
      if (finding) found.push({ ...finding, start: finding.start + lines[i].start, end: finding.end + lines[i].start, removal: { start: lines[i].start, end: lines[i].end } });
    }
  };
  const scan = (from: number, to: number, before: boolean) => {
    for (let i = from; i < to;) {
      if (!isLinkLine(lines[i].text) && !removed?.[i]) {
        i++;
        continue;
      }
      let j = i;
      while (j < to && (isLinkLine(lines[j].text) || !contentRange(lines[j].text))) j++;
      flagRun(i, j, before);
      i = j;
    }
  };
  scan(0, first, true);
  scan(last + 1, lines.length, false);
  return found;
}

/**
 * The article: of the stretches of article lines that lie at most MAX_GAP lines apart, the one with the most text.
 * A comment section or a long disclaimer further down is a stretch of its own, not part of the article.
 */
function mainArticle(lines: readonly DocLine[]): { first: number; last: number } | undefined {
  let best: { first: number; last: number; size: number } | undefined;
  let current: { first: number; last: number; size: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!isArticleLine(lines[i].text)) continue;
    if (current && i - current.last <= MAX_GAP) {
      current.last = i;
      current.size += lines[i].text.length;
    } else {
      current = { first: i, last: i, size: lines[i].text.length };
    }
    if (!best || current.size > best.size) best = current;
  }
  return best && { first: best.first, last: best.last };
}

function contentOf(text: string): string {
  const range = contentRange(text)!;
  return text.slice(range.start, range.end);
}
