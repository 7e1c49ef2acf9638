// Spam phrases injected into real text: brand compounds (bet365官网), bracket and quote injections (【亚博体育官网】), prefixes before a colon and tag-list items; only the phrase is flagged.
import type { Annotation } from '../types';
import { CLASS_CJK, CLASS_LATIN_OR_DIGIT, charTables } from './char-classes';
import { clampConfidence, isSpaceCode, junkAt } from './common';
import { ROLE_BRAND, ROLE_CONTEXT, ROLE_DUAL, ROLE_TERM, roleName, type LexiconHit } from './lexicon';
import { describeTop, normalizeSpan, scoreSpan, type SpanScore } from './spam-scorer';
import { brandShape, TYPE_WORDS } from './brand-shape';
import { fluency } from './fluency';
import { moldScore } from './unseen-head';

/*
 * A candidate is a chain of lexicon hits glued together (no gap), with Latin or digit runs glued to them
 * (`yabovip188登录`). It is flagged when the scorer agrees and the lexicon gives the right kind of evidence:
 *   brand (亚博体育, 九游会)                          scorer ≥ BRAND_MIN, in a compound or an injected position
 *   spam term of weight ≥ 2 (百家乐, 代开发票)        with a compound word (…代理开户) or in an injected position
 *   dual name (金沙, 新葡京, bet365)                  only with a compound word or spam term: 金沙娱乐场官网, bet365官网
 *   Latin run + compound word (yabo188登录)            scorer ≥ UNSEEN_MIN
 *   full site-name mold (恒通体育官网, brand-shape.ts)   scorer ≥ COMPOUND_MIN, in an injected position (a prefix
 *                                                     with a Latin or digit head, vk8注册：, is scored on its mold)
 *   unknown name glued in a sentence (…富贵国际官网…)  full mold, scorer ≥ COMPOUND_MIN, cut where removal mends the sentence
 * Injected positions: the whole content of a bracket or quote pair, a whole item of a separator-joined list, or
 * the start of a line followed by a colon. Without a spam term or brand, such a position is flagged only when the
 * scorer is nearly sure and a compound word is present (an unseen brand: 【某某体育官网】).
 * Bare names stay: 金沙中国 and 永利 are listed companies, 澳门新葡京 is a hotel, bet365 quotes odds.
 */
export const BRAND_MIN = 0.5;
export const COMPOUND_MIN = 0.8;
export const UNSEEN_MIN = 0.97;

const OPEN_TO_CLOSE = new Map<number, number>(
  [['【', '】'], ['[', ']'], ['〖', '〗'], ['“', '”'], ['"', '"'], ['「', '」'], ['『', '』'], ['（', '）'], ['(', ')'], ['《', '》'], ['〔', '〕']]
    .map(([o, c]) => [o.charCodeAt(0), c.charCodeAt(0)]),
);
const CLOSERS = new Set(OPEN_TO_CLOSE.values());
const SQUARE = new Set(Array.from('【[〖〔', (c) => c.charCodeAt(0)));
/** Separators between list items, and colons after a label or before the text a prefix was glued to. */
const LIST_SEPARATORS = new Set(Array.from('|｜丨,，、_/', (c) => c.charCodeAt(0)));
const COLONS = new Set(Array.from('：:', (c) => c.charCodeAt(0)));
const DASHES = new Set(Array.from('-－﹣—–~～', (c) => c.charCodeAt(0)));

interface Chain {
  start: number;
  end: number;
  hits: LexiconHit[];
}

/** Maximal runs of hits that touch each other, each extended over Latin/digit runs glued to its ends. */
function chains(line: string, hits: readonly LexiconHit[]): Chain[] {
  const { classes } = charTables();
  const isLatin = (i: number) => i >= 0 && i < line.length && (classes[line.charCodeAt(i)] & CLASS_LATIN_OR_DIGIT) !== 0 && (classes[line.charCodeAt(i)] & CLASS_CJK) === 0;
  const out: Chain[] = [];
  for (const hit of hits) {
    const last = out[out.length - 1];
    // Glued Latin/digits between two hits (bet365 官网 needs no gap; yabo188 between hits) join them.
    let gapEnd = last ? last.end : -1;
    while (last && isLatin(gapEnd) && gapEnd < hit.start) gapEnd++;
    if (last && gapEnd === hit.start) {
      last.end = hit.end;
      last.hits.push(hit);
    } else {
      out.push({ start: hit.start, end: hit.end, hits: [hit] });
    }
  }
  for (const c of out) {
    // Weight-0 compound words (体育, 娱乐, 国际, 官方) only bind inside a chain, not at its ends: 幸运飞艇官网入口 in
    // front of 国际合作 stops before 国际.
    while (c.hits.length > 1 && c.hits[c.hits.length - 1].weight === 0 && c.hits[c.hits.length - 1].role === ROLE_CONTEXT) c.hits.pop();
    while (c.hits.length > 1 && c.hits[0].weight === 0 && c.hits[0].role === ROLE_CONTEXT) c.hits.shift();
    c.start = c.hits[0].start;
    c.end = c.hits[c.hits.length - 1].end;
    while (isLatin(c.start - 1)) c.start--;
    while (isLatin(c.end)) c.end++;
  }
  return out;
}

type Position = 'bracketed' | 'list-item' | 'line-prefix' | 'inline';

interface Placement {
  position: Position;
  /** The phrase the scorer reads: a bracket's content, a list item, a prefix, or the chain itself. */
  content: { start: number; end: number };
  /** The range flagged: the content, with its bracket pair when bracketed. */
  start: number;
  end: number;
  /** What clean removes: the flagged range plus one separator, or the colon after a prefix. */
  removal: { start: number; end: number };
}

/** Longest bracket content, list item or prefix that a chain may stand for (an unseen brand around a known word). */
const MAX_UNIT = 16;
const STOPS = new Set(Array.from('。！？!?；;，,、：:\n', (c) => c.charCodeAt(0)));

function skipSpaceLeft(line: string, i: number): number {
  while (i > 0 && isSpaceCode(line.charCodeAt(i - 1))) i--;
  return i;
}
function skipSpaceRight(line: string, i: number): number {
  while (i < line.length && isSpaceCode(line.charCodeAt(i))) i++;
  return i;
}

function bracketAround(line: string, start: number, end: number): Placement | undefined {
  let open = start - 1;
  while (open >= 0 && start - open <= MAX_UNIT && !OPEN_TO_CLOSE.has(line.charCodeAt(open))) {
    const c = line.charCodeAt(open);
    if (STOPS.has(c) || CLOSERS.has(c)) return undefined;
    open--;
  }
  if (open < 0 || start - open > MAX_UNIT) return undefined;
  const closeCode = OPEN_TO_CLOSE.get(line.charCodeAt(open));
  let close = end;
  while (close < line.length && close - open <= MAX_UNIT + 1 && line.charCodeAt(close) !== closeCode) {
    if (STOPS.has(line.charCodeAt(close)) || OPEN_TO_CLOSE.has(line.charCodeAt(close))) return undefined;
    close++;
  }
  if (close >= line.length || line.charCodeAt(close) !== closeCode) return undefined;
  // Quotes and round brackets inside a sentence quote or explain (查获所谓“国产精品”等视频): only at the edge of a
  // line (a title) are they an injection. 【】 and [] are not how news quotes.
  if (!SQUARE.has(line.charCodeAt(open)) && skipSpaceLeft(line, open) > 0 && !/^[\s。！？!?]*$/.test(line.slice(close + 1))) return undefined;
  return { position: 'bracketed', content: { start: open + 1, end: close }, start: open, end: close + 1, removal: { start: open, end: close + 1 } };
}

export const TAG_LABEL = /^\s*(标签|標籤|关键词|關鍵詞|关键字|關鍵字|热门标签|相关标签|tags?)\s*[:：]/i;

/**
 * A keyword or tag list: a tag label (标签：…), or at least three short items joined by | , _ / or spaces (not by
 * the clause marks ，、； of prose).
 */
function isKeywordList(line: string): boolean {
  if (TAG_LABEL.test(line)) return true;
  const items = line.split(/[|｜丨,_/\s]+/).filter((item) => item.length > 0);
  if (items.length < 3) return false;
  const mean = items.reduce((n, item) => n + item.length, 0) / items.length;
  return mean <= 10 && !items.some((item) => /[。！？!?]/.test(item));
}

function isItemBoundary(code: number): boolean {
  return LIST_SEPARATORS.has(code) || COLONS.has(code) || isSpaceCode(code);
}

/** Where a chain sits in its line: that decides how much evidence it needs and what its removal takes along. */
function place(line: string, start: number, end: number, isList: () => boolean): Placement {
  const bracket = bracketAround(line, start, end);
  if (bracket) return bracket;
  const lineStart = skipSpaceRight(line, 0);
  // `开云体育app下载：记者从…`: a prefix ending in a colon or dash goes with it.
  let colon = end;
  while (colon < line.length && colon - lineStart <= MAX_UNIT + 4 && !COLONS.has(line.charCodeAt(colon)) && !DASHES.has(line.charCodeAt(colon))) {
    if (STOPS.has(line.charCodeAt(colon))) break;
    colon++;
  }
  if (start - lineStart <= 6 && colon < line.length && (COLONS.has(line.charCodeAt(colon)) || DASHES.has(line.charCodeAt(colon)))
    && colon - lineStart <= MAX_UNIT && !/[。！？，、]/.test(line.slice(lineStart, colon)) && skipSpaceRight(line, colon + 1) < line.length) {
    const contentEnd = skipSpaceLeft(line, colon);
    return { position: 'line-prefix', content: { start: lineStart, end: contentEnd }, start: lineStart, end: contentEnd, removal: { start: 0, end: skipSpaceRight(line, colon + 1) } };
  }
  // A whole item of a keyword or tag list (`标签：九游会,春耕`): removed with one separator.
  if (isList()) {
    let a = start;
    while (a > 0 && !isItemBoundary(line.charCodeAt(a - 1))) a--;
    let b = end;
    while (b < line.length && !isItemBoundary(line.charCodeAt(b))) b++;
    if (b - a <= MAX_UNIT && !/[。！？]/.test(line.slice(a, b))) {
      const prev = a > 0 ? line.charCodeAt(a - 1) : -1;
      const after = skipSpaceRight(line, b);
      const next = after < line.length ? line.charCodeAt(after) : -1;
      let removal = { start: a, end: b };
      if (LIST_SEPARATORS.has(prev) || (isSpaceCode(prev) && a > lineStart)) removal = { start: LIST_SEPARATORS.has(prev) ? a - 1 : skipSpaceLeft(line, a), end: b };
      else if (LIST_SEPARATORS.has(next) || isSpaceCode(line.charCodeAt(b))) removal = { start: a, end: skipSpaceRight(line, LIST_SEPARATORS.has(next) ? after + 1 : b) };
      return { position: 'list-item', content: { start: a, end: b }, start: a, end: b, removal };
    }
  }
  // Glued to the start of the line with no separator (`必威买球泽连斯基…`), or inside a sentence.
  return { position: 'inline', content: { start, end }, start, end, removal: { start, end } };
}

interface Evidence {
  /** Hits that can make a compound: brands, dual names, spam terms of weight ≥ 2 and compound words (not 视频, 免费). */
  parts: number;
  brand: boolean;
  strongTerm: boolean;
  dual: boolean;
  context: boolean;
  latin: boolean;
}

function evidenceOf(line: string, chain: Chain): Evidence {
  const e: Evidence = { parts: 0, brand: false, strongTerm: false, dual: false, context: false, latin: false };
  let covered = 0;
  for (const h of chain.hits) {
    covered += h.end - h.start;
    if (h.role !== ROLE_TERM || h.weight >= 2) e.parts++;
    if (h.role === ROLE_BRAND) e.brand = true;
    else if (h.role === ROLE_TERM && h.weight >= 2) e.strongTerm = true;
    else if (h.role === ROLE_DUAL) e.dual = true;
    else if (h.role === ROLE_CONTEXT) e.context = true;
  }
  // Latin letters and digits glued to the hits: a site name (yabovip188, hg0088), not a product or an English word
  // (下载BoBo客户端, iPhone官网).
  const glued = line.slice(chain.start, chain.end);
  e.latin = chain.end - chain.start > covered && /[a-z]/i.test(glued) && /[0-9]/.test(glued);
  return e;
}

/**
 * The full mold of a site name (brand-shape.ts): a head of 2–4 Han with a site type and a site word (恒通体育官网),
 * or letters-and-digits with a site word (js66注册). In an injected position such a phrase needs COMPOUND_MIN, not
 * UNSEEN_MIN: the mold is the evidence the unknown head cannot give.
 */
function isFullMold(content: string): boolean {
  const shape = brandShape(normalizeSpan(content));
  if (!shape || shape.sites === 0) return false;
  return shape.type !== undefined || shape.head === 'LD';
}

function decide(e: Evidence, position: Position, p: number, mold = false): boolean {
  const injected = position !== 'inline';
  // A second spam word makes a compound (bet365官网, 百家乐代理开户, 必威买球); a name alone in a sentence is a
  // mention (警方查处乐鱼体育等平台), in an injected position it is spam.
  const compound = e.parts >= 2;
  if (e.brand) return p >= BRAND_MIN && (compound || injected);
  // A spam term alone as one item of a list is a menu entry as often as spam (彩票 双色球 时时彩 on a news portal).
  if (e.strongTerm) return p >= COMPOUND_MIN && (compound || position === 'bracketed' || position === 'line-prefix');
  if (e.dual) return p >= COMPOUND_MIN && compound;
  // No term or brand: an unseen site name glued to compound words (yabovip188登录), or an unseen brand compound
  // in an injected position (【星耀娱乐官网】).
  if (e.context && injected && mold) return p >= COMPOUND_MIN;
  if (e.context && (e.latin || injected)) return p >= UNSEEN_MIN && e.parts + (e.latin ? 1 : 0) >= 2;
  return false;
}

function reasonFor(line: string, chain: Chain, position: Position, score: SpanScore): string {
  const where = { bracketed: 'injected in brackets or quotes', 'list-item': 'a spam item of a keyword or tag list', 'line-prefix': 'a spam prefix before the text', inline: 'a spam compound inside the text' }[position];
  const terms = chain.hits.filter((h) => h.role !== ROLE_CONTEXT || chain.hits.length <= 3).slice(0, 4)
    .map((h) => `${line.slice(h.start, h.end)} [${h.category} ${roleName(h.role)}]`);
  return `Spam phrase, ${where}: scorer ${score.probability.toFixed(2)} (top features ${describeTop(score.top)}); lexicon: ${terms.join(', ')}`;
}

/** A cheap test before place(): a Latin run glued to the chain, a bracket or list around it, or the line's start. */
function mayBeInjected(line: string, chain: Chain, isList: () => boolean): boolean {
  const covered = chain.hits.reduce((n, h) => n + h.end - h.start, 0);
  if (chain.end - chain.start > covered) return true;
  if (chain.start <= MAX_UNIT || isList()) return true;
  const from = Math.max(0, chain.start - MAX_UNIT);
  for (let i = from; i < chain.start; i++) if (OPEN_TO_CLOSE.has(line.charCodeAt(i))) return true;
  return false;
}

/** Hits inside [start, end), found from a nearby index of the sorted hit list (no scan of the whole list). */
function hitsWithin(hits: readonly LexiconHit[], near: number, start: number, end: number): LexiconHit[] {
  let i = near;
  while (i > 0 && hits[i - 1].start >= start) i--;
  const out: LexiconHit[] = [];
  for (; i < hits.length && hits[i].start < end; i++) if (hits[i].start >= start && hits[i].end <= end) out.push(hits[i]);
  return out;
}

/** A site type (娱乐, 体育, 国际 …) ends right before `at` or opens the chain there: maybe an unknown site name. */
function afterTypeWord(line: string, at: number): boolean {
  return TYPE_WORDS.some((w) => (at >= w.length && line.startsWith(w, at - w.length)) || line.startsWith(w, at));
}

const isHanCode = (c: number) => c >= 0x3400 && c <= 0x9fff;
const isLatinCode = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/** log P of the pair a→b under the news model (folded), or of nothing when either is not Han. */
function joinLogProb(line: string, i: number, j: number): number | undefined {
  if (i < 0 || j >= line.length) return undefined;
  const { fold } = charTables();
  const a = line.charCodeAt(i);
  const b = line.charCodeAt(j);
  if (!isHanCode(a) || !isHanCode(b)) return undefined;
  return fluency(String.fromCharCode(fold[a], fold[b])).meanLogProb;
}

/**
 * An unknown site name glued inside a sentence (`原来实富贵国际官网体平台`): the chain holds only compound words
 * (官网), preceded by a site type (国际) and a head the lexicon cannot know. The head is a glued Latin run, or 2–4
 * Han characters: of those, the cut whose removal leaves the most fluent join in the host sentence (实|体). It is
 * spam only when the cut sentence reads better than the sentence with the phrase in it: an injection breaks its
 * host (实富 and 网体 are no pairs of news), a mention does not (据腾讯体育官网消息: 网消 reads well).
 */
function inlineSiteName(line: string, chain: Chain): { start: number; end: number } | undefined {
  let typeStart = -1;
  for (const w of TYPE_WORDS) {
    if (chain.start >= w.length && line.startsWith(w, chain.start - w.length)) { typeStart = chain.start - w.length; break; }
  }
  if (typeStart < 0) {
    // The type word may already open the chain (its weight-0 hit was kept): 体育真人平台.
    if (!TYPE_WORDS.some((w) => line.startsWith(w, chain.start))) return undefined;
    typeStart = chain.start;
  }
  let latin = typeStart;
  while (latin > 0 && isLatinCode(line.charCodeAt(latin - 1))) latin--;
  if (latin < typeStart) return typeStart - latin <= 10 ? { start: latin, end: chain.end } : undefined;
  let best: { start: number; end: number; join: number } | undefined;
  for (let k = 2; k <= 4; k++) {
    const start = typeStart - k;
    if (start < 1 || ![...line.slice(start, typeStart)].every((ch) => isHanCode(ch.charCodeAt(0)))) break;
    const join = joinLogProb(line, start - 1, chain.end);
    if (join === undefined) continue;
    if (!best || join > best.join) best = { start, end: chain.end, join };
  }
  if (!best) return undefined;
  const left = joinLogProb(line, best.start - 1, best.start);
  const right = joinLogProb(line, best.end - 1, best.end);
  if (left === undefined || right === undefined || best.join <= Math.max(left, right)) return undefined;
  return { start: best.start, end: best.end };
}

/** Injected spam phrases of one line; `skip` ranges (already flagged by the line-level detector) are left alone. */
export function detectSpamPhrases(line: string, hits: readonly LexiconHit[], skip: readonly { start: number; end: number }[]): Annotation[] {
  const found: Annotation[] = [];
  let doneUntil = -1;
  let list: boolean | undefined;
  const isList = () => (list ??= isKeywordList(line));
  let hitIndex = 0;
  for (const chain of chains(line, hits)) {
    while (hitIndex < hits.length && hits[hitIndex].start < chain.start) hitIndex++;
    if (chain.start < doneUntil || skip.some((r) => chain.start < r.end && r.start < chain.end)) continue;
    // Compound words alone (平台, 下载, 体育 are everywhere in news) matter only next to a glued site name or in an
    // injected position; most lines of real text stop here.
    if (chain.hits.every((h) => h.role === ROLE_CONTEXT || (h.role === ROLE_TERM && h.weight < 2)) && !mayBeInjected(line, chain, isList) && !afterTypeWord(line, chain.start)) continue;
    const placement = place(line, chain.start, chain.end, isList);
    const { content } = placement;
    if (skip.some((r) => placement.start < r.end && r.start < placement.end)) continue;
    // The content's evidence: every hit inside it (an item or bracket may hold more than this chain).
    const same = content.start === chain.start && content.end === chain.end;
    const unit: Chain = same ? chain : { start: content.start, end: content.end, hits: hitsWithin(hits, hitIndex, content.start, content.end) };
    if (unit.hits.length === 0) continue;
    const evidence = evidenceOf(line, unit);
    if (!evidence.brand && !evidence.strongTerm && !evidence.dual && !evidence.context) continue;
    // An unknown site name glued inside a sentence: only a type word and compound words are known (…娱乐官网).
    const unknownInline = placement.position === 'inline' && !evidence.brand && !evidence.dual && !evidence.latin && afterTypeWord(line, chain.start);
    if (!evidence.brand && !evidence.strongTerm && !evidence.dual && !evidence.latin && placement.position === 'inline' && !unknownInline) continue;
    // Compound words alone inside a sentence are never spam by decide(): only the unknown-name test remains.
    const contextOnly = !evidence.brand && !evidence.strongTerm && !evidence.dual && !evidence.latin && placement.position === 'inline';
    let score: SpanScore = contextOnly ? { probability: 0, top: [] } : scoreSpan(line.slice(content.start, content.end));
    const mold = placement.position !== 'inline' && !evidence.brand && !evidence.strongTerm && !evidence.dual && isFullMold(line.slice(content.start, content.end));
    // A prefix before a colon that is a full mold with a Latin or digit head (vk8注册：…): its mold speaks, not the head.
    if (mold && placement.position === 'line-prefix') {
      const blind = moldScore(line.slice(content.start, content.end));
      if (blind && blind.probability > score.probability) score = blind;
    }
    if (contextOnly || !decide(evidence, placement.position, score.probability, mold)) {
      const name = unknownInline ? inlineSiteName(line, chain) : undefined;
      if (!name || skip.some((r) => name.start < r.end && r.start < name.end) || name.start < doneUntil) continue;
      const text = line.slice(name.start, name.end);
      const scored = scoreSpan(text);
      if (scored.probability < COMPOUND_MIN || !isFullMold(text)) continue;
      const reason = `Spam phrase, an unknown site name inside the text (its removal mends the sentence): scorer ${scored.probability.toFixed(2)} (top features ${describeTop(scored.top)})`;
      found.push(junkAt(line, 'spam', name.start, name.end, reason, clampConfidence(scored.probability), { start: name.start, end: name.end }));
      doneUntil = name.end;
      continue;
    }
    found.push(junkAt(line, 'spam', placement.start, placement.end, reasonFor(line, unit, placement.position, score),
      clampConfidence(score.probability), placement.removal));
    doneUntil = placement.end;
  }
  return found;
}
