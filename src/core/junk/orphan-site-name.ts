// A bare site name in an injected position that its page never mentions again: “福运娱乐” in front of a title, or an item of a tag line (标签：春耕,金豪国际,农业).
import type { Annotation } from '../types';
import type { DocLine } from '../lines';
import { brandParts } from './brand-shape';
import { charTables, CLASS_CJK, foldText } from './char-classes';
import { contentRange, isSpaceCode, junkAt } from './common';
import { normalizeSpan } from './spam-scorer';
import { TAG_LABEL } from './spam-phrases';

/*
 * A bare name carries no evidence by itself: 腾讯体育, 银河娱乐 and 中信国际 are companies, and the phrase scorer
 * cannot tell them from an invented 恒通体育 (it rates 银河娱乐 0.92 and 恒通体育 0.01). What an injection gives away is
 * its relation to the page. A news title that quotes a name is about that name, and the article says it again; a tag
 * line names what the article is about. A spam mirror pastes the same gambling site into every page it copies, so
 * the name is foreign to the page: its head (福运 of 福运娱乐) occurs nowhere else in it.
 * Flagged when all hold:
 *  - the position: the whole content of a quote or square-bracket pair at the start or end of a line of at most
 *    MAX_TITLE characters with other text (a title), or a whole item of a tag line (a tag label such as 标签：).
 *    Round brackets are left out: a line that ends in （腾讯体育） or （来源：新华体育） credits its source;
 *  - the mold of a site name (brand-shape.ts): a head of 2–4 Han or of Latin letters and digits, then a gambling
 *    site type (SITE_TYPES; types that name ordinary firms, 集团, 会, 电子, 游戏, are left out), or a bare site handle
 *    in lower case (SITE_HANDLE);
 *  - the head occurs nowhere else in a document of at least MIN_CONTEXT Han characters (folded to Simplified and
 *    lower case; other candidates do not count). Without a page around it, nothing is flagged.
 * The line-level detector has already removed what it knows (亚博体育, bet365官网): documents are judged as `clean`
 * leaves their lines, so this sees only names no list holds.
 */
export const SITE_TYPES: ReadonlySet<string> = new Set(['娱乐城', '娱乐场', '娱乐', '体育', '国际', '棋牌', '彩票', '真人', '电竞']);
/**
 * A bare site handle: lower-case letters then digits, as gambling domains are named (hg0088, js66, vk8). Product and
 * model codes are written in capitals or mixed case (C919, G20, MH370, Mate60) and are left alone.
 */
export const SITE_HANDLE = /^[a-z]{2,4}[0-9]{1,6}$/;
export const MIN_CONTEXT = 200;
/** Longest bracket content or tag item read as one name. */
const MAX_NAME = 12;
/** Longest line read as a title: a paragraph that ends in a quote is no title. */
const MAX_TITLE = 80;

const PAIRS = new Map<number, number>(
  [['“', '”'], ['"', '"'], ['「', '」'], ['『', '』'], ['【', '】'], ['[', ']'], ['〖', '〗']]
    .map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]),
);
const CLOSE_TO_OPEN = new Map<number, number>([...PAIRS].map(([o, c]) => [c, o]));
const ITEM_SEPARATORS = new Set(Array.from('|｜丨,，、_/;；', (c) => c.charCodeAt(0)));

export interface Candidate {
  line: number;
  /** The name, line-relative. */
  start: number;
  end: number;
  /** What clean removes: the quote pair, or the item with one separator. */
  removal: { start: number; end: number };
  position: 'title' | 'tag';
  head: string;
  /** The site type after the head; none for a bare handle (wz777). */
  type: string | undefined;
}

/** The quote or bracket pair that opens or closes the line, when other text follows or precedes it. */
function edgePairs(text: string): { start: number; end: number }[] {
  const bounds = contentRange(text);
  if (!bounds || bounds.end - bounds.start > MAX_TITLE) return [];
  const out: { start: number; end: number }[] = [];
  const close = PAIRS.get(text.charCodeAt(bounds.start));
  if (close !== undefined) {
    const at = text.indexOf(String.fromCharCode(close), bounds.start + 1);
    if (at > bounds.start + 1 && at - bounds.start - 1 <= MAX_NAME && at + 1 < bounds.end) out.push({ start: bounds.start, end: at + 1 });
  }
  const open = CLOSE_TO_OPEN.get(text.charCodeAt(bounds.end - 1));
  if (open !== undefined) {
    const at = text.lastIndexOf(String.fromCharCode(open), bounds.end - 2);
    if (at > bounds.start && bounds.end - 2 - at <= MAX_NAME && at + 1 < bounds.end - 1) out.push({ start: at, end: bounds.end });
  }
  return out;
}

/** The items of a tag line after its label, each with the removal that keeps the list well formed. */
function tagItems(text: string): { start: number; end: number; removal: { start: number; end: number } }[] {
  const label = TAG_LABEL.exec(text);
  if (!label) return [];
  const items: { start: number; end: number }[] = [];
  let i = label[0].length;
  while (i < text.length) {
    while (i < text.length && (ITEM_SEPARATORS.has(text.charCodeAt(i)) || isSpaceCode(text.charCodeAt(i)))) i++;
    const start = i;
    while (i < text.length && !ITEM_SEPARATORS.has(text.charCodeAt(i)) && !isSpaceCode(text.charCodeAt(i))) i++;
    if (i > start) items.push({ start, end: i });
  }
  return items.map((item, k) => {
    // Take the separator before the item, or after it when it is the first: 标签：春耕,九游会,农业 → 标签：春耕,农业.
    const previous = items[k - 1];
    const next = items[k + 1];
    const removal = previous ? { start: previous.end, end: item.end } : next ? { start: item.start, end: next.start } : { start: item.start, end: item.end };
    return { ...item, removal };
  });
}

function candidateOf(text: string, line: number, start: number, end: number, removal: { start: number; end: number }, position: Candidate['position']): Candidate | undefined {
  if (end - start < 3 || end - start > MAX_NAME) return undefined;
  const name = text.slice(start, end);
  if (SITE_HANDLE.test(name)) return { line, start, end, removal, position, head: name, type: undefined };
  // The name alone: letters and digits only (来源：腾讯体育 is a credit, not a name).
  const normalized = normalizeSpan(name);
  if (normalized.length !== name.length) return undefined;
  const parts = brandParts(normalized);
  if (!parts || parts.sites > 0 || parts.type === undefined || !SITE_TYPES.has(parts.type)) return undefined;
  return { line, start, end, removal, position, head: parts.headText, type: parts.type };
}

/** Quoted title names and tag items with a site-name mold, before the page is consulted. */
export function siteNameCandidates(lines: readonly DocLine[]): Candidate[] {
  const out: Candidate[] = [];
  lines.forEach((line, index) => {
    const text = line.text;
    for (const pair of edgePairs(text)) {
      const c = candidateOf(text, index, pair.start + 1, pair.end - 1, pair, 'title');
      if (c) out.push(c);
    }
    for (const item of tagItems(text)) {
      const c = candidateOf(text, index, item.start, item.end, item.removal, 'tag');
      if (c) out.push(c);
    }
  });
  return out;
}

function countHan(text: string, start: number, end: number, classes: Uint8Array): number {
  let n = 0;
  for (let i = start; i < end; i++) if (classes[text.charCodeAt(i)] & CLASS_CJK) n++;
  return n;
}

/** Bare site names foreign to their page (offsets absolute, as DocLine.start). */
export function detectOrphanSiteNames(lines: readonly DocLine[]): Annotation[] {
  const found = siteNameCandidates(lines);
  if (found.length === 0) return [];
  // The page as one folded string (foldText), with every candidate's name blanked out: the other candidates do not count.
  const { classes } = charTables();
  const byLine = new Map<number, Candidate[]>();
  for (const c of found) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c]);
  const parts: string[] = [];
  let han = 0;
  lines.forEach((line, index) => {
    const text = line.text;
    let from = 0;
    for (const c of (byLine.get(index) ?? []).sort((a, b) => a.start - b.start)) {
      if (c.end <= from) continue;
      const start = Math.max(from, c.start);
      parts.push(foldText(text, from, start), ' '.repeat(c.end - start));
      han += countHan(text, from, start, classes);
      from = c.end;
    }
    parts.push(foldText(text, from), '\n');
    han += countHan(text, from, text.length, classes);
  });
  const page = parts.join('');
  if (han < MIN_CONTEXT) return [];
  const out: Annotation[] = [];
  for (const c of found) {
    if (page.includes(c.head)) continue;
    const line = lines[c.line];
    const where = c.position === 'title' ? 'quoted at the edge of a title' : 'an item of a tag line';
    const shape = c.type ? `a site name (${c.head} + ${c.type})` : `a site handle (${c.head})`;
    const reason = `Spam phrase, ${shape} ${where} that the page never mentions again: an injected name, not the page's subject`;
    const finding = junkAt(line.text, 'spam', c.position === 'title' ? c.removal.start : c.start, c.position === 'title' ? c.removal.end : c.end, reason, 0.6, c.removal);
    out.push({ ...finding, start: finding.start + line.start, end: finding.end + line.start, removal: { start: c.removal.start + line.start, end: c.removal.end + line.start } });
  }
  return out;
}
