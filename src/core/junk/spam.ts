// SEO keyword spam: whole lines of joined keywords (link lists, keyword stuffing), a keyword prefix/suffix glued to real text, and injected phrases (spam-phrases.ts).
import type { Annotation, LineContext } from '../types';
import * as lexicon from './lexicon';
import type { LexiconHit } from './lexicon';
import * as common from './common';
import { detectSpamPhrases, TAG_LABEL } from './spam-phrases';
import { describeTop, normalizeSpan, scoreSpan } from './spam-scorer';
import { brandShape } from './brand-shape';

// Module-level copies of what the per-character loops use: a CommonJS build reads every import through a getter.
const CLASS_CJK = lexicon.CLASS_CJK;
const CLASS_CONTENT = lexicon.CLASS_CJK | lexicon.CLASS_LATIN_OR_DIGIT;
const CLASS_FULLWIDTH_LATIN = lexicon.CLASS_FULLWIDTH_LATIN;
const CLASS_LOOKALIKE = lexicon.CLASS_LOOKALIKE;
const CLASS_SIMPLIFIED_ONLY = lexicon.CLASS_SIMPLIFIED_ONLY;
const CLASS_TRADITIONAL_ONLY = lexicon.CLASS_TRADITIONAL_ONLY;
const { lexiconTables, scanExtraTerms, scanLexicon } = lexicon;
const ROLE_CONTEXT = lexicon.ROLE_CONTEXT;
const { clampConfidence, excerpt, isSpaceCode, junkAt, wholeLine } = common;

/**
 * Scoring. Each signal is measured on the candidate region: the whole line, or a run of keyword segments at its
 * start or end.
 *   0.45 × min(1, weighted lexicon coverage / 0.35)  share of the content covered by spam terms (weight/3 per unit)
 * + 0.15 × min(1, separators per 100 units / 5) × min(1, separators / 3)
 *                                                   `|` `,` `_` `-` … between segments, a space run counts ½;
 *                                                   a single separator (a title's `_新华网`) is weak evidence
 * + 0.15 × keyword-segment share                    segments ≤ 24 units without sentence punctuation
 * + 0.15 × Simplified-only share                    only when the document is Traditional
 * + 0.10 × min(1, look-alike characters / 2)        а∨, Aⅴ, A√, full-width Latin inside CJK
 * − 0.20 when the region has sentence-final punctuation (。！？!?)
 * A region is spam when the score ≥ SPAM_THRESHOLD, the lexicon gate holds (total weight ≥ 4 with at least one
 * strong term, or total weight ≥ 8, and weighted coverage ≥ 0.25: a news title naming one spam term,
 * 无码视频传播者被判刑_新华网, stays below it) and the phrase scorer calls at least half of the region's content spam
 * (警方捣毁网络赌博平台 涉案百家乐游戏资金过亿 holds spam terms, but reads as news). Without spam-lexicon evidence
 * nothing is ever flagged, so separators, script mix or look-alikes alone (a tag line of political terms, a
 * Simplified quote in a Traditional text) never are.
 */
export const SPAM_THRESHOLD = 0.55;
/** A keyword segment counts as spam content when the phrase scorer gives it at least this. */
const SEGMENT_SPAM = 0.5;
const MIN_SPAM_SHARE = 0.5;
/** A prefix or suffix cut off real text must be spam nearly throughout: real text that looks like keywords stays. */
const MIN_EDGE_SPAM_SHARE = 0.6;
const MIN_WEIGHT = 4;
const MIN_WEIGHT_WITHOUT_STRONG = 8;
const MIN_COVERAGE = 0.25;
const MAX_KEYWORD_SEGMENT = 24;

/** Separator code units between keywords: | ｜ 丨 , _ ﹣ － - – — ~ ～ (whitespace is handled apart). */
const SEPARATORS = new Set([0x7c, 0xff5c, 0x4e28, 0x2c, 0x5f, 0xfe63, 0xff0d, 0x2d, 0x2013, 0x2014, 0x7e, 0xff5e]);
/** Punctuation that marks a sentence or a clause: a segment holding one is not a keyword. */
const SENTENCE_PUNCTUATION = new Set(Array.from('。！？；，、：:;!?“”「」『』《》', (ch) => ch.charCodeAt(0)));
const ONLY_SEPARATORS = /^[\s|｜丨,_﹣－\-–—~～]*$/;
const SENTENCE_END = new Set(Array.from('。！？!?', (ch) => ch.charCodeAt(0)));

interface Segment {
  start: number;
  end: number;
  /** Short and without sentence punctuation. */
  keyword: boolean;
  /** CJK, Latin and digit code units. */
  content: number;
  /** Separator run before this segment: 0 none, 0.5 whitespace only, 1 with a separator character. */
  sepBefore: number;
  /** The run before this segment held only whitespace and clause commas (, ， 、), which join real text too. */
  commaJoined: boolean;
}

function segmentLine(line: string, classes: Uint8Array): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  let sep = 0;
  let onlyCommas = true;
  const n = line.length;
  while (i < n) {
    const code = line.charCodeAt(i);
    if (SEPARATORS.has(code)) {
      sep = 1;
      if (code !== 0x2c) onlyCommas = false;
      i++;
      continue;
    }
    if (isSpaceCode(code)) {
      sep = Math.max(sep, 0.5);
      i++;
      continue;
    }
    const start = i;
    let content = 0;
    let punctuation = false;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (SEPARATORS.has(c) || isSpaceCode(c)) break;
      if (classes[c] & CLASS_CONTENT || (c >= 0xd800 && c <= 0xdbff)) content++;
      else if (SENTENCE_PUNCTUATION.has(c)) punctuation = true;
      i++;
    }
    segments.push({
      start,
      end: i,
      keyword: !punctuation && i - start <= MAX_KEYWORD_SEGMENT,
      content,
      sepBefore: segments.length === 0 ? 0 : sep,
      commaJoined: segments.length > 0 && onlyCommas,
    });
    sep = 0;
    onlyCommas = true;
  }
  return segments;
}

interface Evaluation {
  score: number;
  reason: string;
}

function evaluate(
  line: string,
  segments: Segment[],
  from: number,
  to: number,
  hits: LexiconHit[],
  ctx: LineContext,
  minSpamShare = MIN_SPAM_SHARE,
): Evaluation | undefined {
  const start = segments[from].start;
  const end = segments[to].end;
  const inside = hits.filter((h) => h.start >= start && h.end <= end);
  const weight = inside.reduce((sum, h) => sum + h.weight, 0);
  const strong = inside.some((h) => h.weight >= 3);
  if (weight < MIN_WEIGHT || (!strong && weight < MIN_WEIGHT_WITHOUT_STRONG)) return undefined;

  const { classes } = lexiconTables();
  let content = 0;
  let keywordContent = 0;
  let separators = 0;
  for (let s = from; s <= to; s++) {
    content += segments[s].content;
    if (segments[s].keyword) keywordContent += segments[s].content;
    if (s > from) separators += segments[s].sepBefore;
  }
  if (content === 0) return undefined;
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  let lookalikes = 0;
  let sentenceEnds = 0;
  for (let i = start; i < end; i++) {
    const code = line.charCodeAt(i);
    const cls = classes[code];
    if (cls & CLASS_SIMPLIFIED_ONLY) simplifiedOnly++;
    else if (cls & CLASS_TRADITIONAL_ONLY) traditionalOnly++;
    if (cls & CLASS_LOOKALIKE) lookalikes++;
    else if (cls & CLASS_FULLWIDTH_LATIN) {
      const near = (classes[line.charCodeAt(i - 1)] | classes[line.charCodeAt(i + 1)]) & CLASS_CJK;
      if (near) lookalikes++;
    }
    if (SENTENCE_END.has(code)) sentenceEnds++;
  }

  const weightedCoverage = inside.reduce((sum, h) => sum + ((h.end - h.start) * h.weight) / 3, 0) / content;
  if (weightedCoverage < MIN_COVERAGE) return undefined;
  // The phrase scorer's view, segment by segment (a segment is one keyword of the list).
  let spamContent = 0;
  let best: ReturnType<typeof scoreSpan> | undefined;
  for (let s = from; s <= to; s++) {
    const scored = scoreSpan(line.slice(segments[s].start, segments[s].end));
    // The user's own terms are spam whatever the scorer learned.
    const userTerm = inside.some((h) => h.category === 'user' && h.start < segments[s].end && h.end > segments[s].start);
    if (scored.probability >= SEGMENT_SPAM || userTerm) spamContent += segments[s].content;
    if (!best || scored.probability > best.probability) best = scored;
  }
  const spamShare = spamContent / content;
  if (spamShare < minSpamShare) return undefined;
  const perHundred = (separators * 100) / content;
  const keywordShare = keywordContent / content;
  const scriptKnown = simplifiedOnly + traditionalOnly;
  const simplifiedShare = ctx.script === 'traditional' && scriptKnown >= 2 ? simplifiedOnly / scriptKnown : 0;

  const score =
    0.45 * Math.min(1, weightedCoverage / 0.35) +
    0.15 * Math.min(1, perHundred / 5) * Math.min(1, separators / 3) +
    0.15 * keywordShare +
    0.15 * simplifiedShare +
    0.1 * Math.min(1, lookalikes / 2) -
    (sentenceEnds > 0 ? 0.2 : 0);
  if (score < SPAM_THRESHOLD) return undefined;

  const terms = [...new Set(inside.filter((h) => h.role !== ROLE_CONTEXT).map((h) => line.slice(h.start, h.end)))];
  const parts = [`${inside.length} spam-lexicon hit${inside.length === 1 ? '' : 's'} (${excerpt(terms.slice(0, 6).join(', '), 40)})`];
  parts.push(`scorer: ${Math.round(spamShare * 100)}% of the content scored spam (top features ${describeTop(best?.top ?? [])})`);
  if (separators >= 1) parts.push(`${Math.round(separators)} keyword separators`);
  if (simplifiedShare >= 0.5) parts.push(`${Math.round(simplifiedShare * 100)}% Simplified-only characters in a Traditional document`);
  if (lookalikes > 0) parts.push(`${lookalikes} look-alike character${lookalikes === 1 ? '' : 's'}`);
  if (sentenceEnds === 0) parts.push('no sentence structure');
  return { score, reason: parts.join(', ') };
}

/**
 * True when a keyword-like segment at the inner edge of a prefix/suffix is more likely the start (or end) of the real
 * text than spam: it holds no spam term (or one weak term among other words) and either is joined to the spam only by whitespace (spam keywords are glued
 * with `,` `|` `﹣` …; `﹣百度` stays with the spam, `无码 新华社电` does not) or holds Traditional-only characters in a
 * Traditional document. Keeping such a segment may leave a scrap of spam; it never deletes real text.
 */
function belongsToText(line: string, segment: Segment, join: number, hits: LexiconHit[], ctx: LineContext, commaJoined = false): boolean {
  // One weak term (App, 视频, 下载) in a segment that is mostly other words does not make it spam.
  const inside = hits.filter((h) => h.start < segment.end && h.end > segment.start);
  const weight = inside.reduce((sum, h) => sum + h.weight, 0);
  const covered = inside.reduce((sum, h) => sum + (h.end - h.start), 0);
  if (weight > 1 || (inside.length > 0 && covered * 2 >= segment.end - segment.start)) return false;
  if (join < 1 || commaJoined) return true;
  if (ctx.script !== 'traditional') return false;
  const { classes } = lexiconTables();
  for (let i = segment.start; i < segment.end; i++) if (classes[line.charCodeAt(i)] & CLASS_TRADITIONAL_ONLY) return true;
  return false;
}

export function detectSpam(line: string, ctx: LineContext): Annotation[] {
  const lexiconHits = scanLexicon(line);
  const extraHits = scanExtraTerms(line, ctx.options.extraSpamTerms);
  const hits = extraHits.length === 0
    ? lexiconHits
    : [...extraHits, ...lexiconHits.filter((h) => !extraHits.some((e) => e.start < h.end && h.start < e.end))].sort((a, b) => a.start - b.start);
  if (hits.length === 0) return [];
  const keywordRegions = detectKeywordRegions(line, hits, ctx);
  if (keywordRegions.length === 1 && keywordRegions[0].removal?.start === 0 && keywordRegions[0].removal.end === line.length) return keywordRegions;
  const phrases = detectSpamPhrases(line, hits, keywordRegions);
  if (phrases.length === 0) {
    if (keywordRegions.length > 0) return keywordRegions;
    // Nothing injected and no keyword list: the line may still be an advertisement written as clauses.
    const ad = detectAdLine(line, hits);
    return ad ? [ad] : [];
  }
  const found = [...keywordRegions, ...phrases].sort((a, b) => a.start - b.start);
  // Phrases that together make up the whole line (a link list of brands nobody joined with `|`) are a spam line.
  const whole = coversLine(line, found) ? 'every part of it is spam' : listOfMold(line, found);
  if (whole) {
    const reason = `SEO keyword spam line: ${whole} (${found.length} phrases). ${phrases[0].reason ?? ''}`;
    const all = wholeLine(line, 'spam', reason, clampConfidence(Math.min(...found.map((a) => a.confidence ?? 0))));
    if (all) return [all];
  }
  return found;
}

/** A short line of spam clauses (`代开发票联系电话…`, `网贷口子大全，黑户秒下款`): every clause scores as spam. */
const AD_LINE_MAX = 80;
const AD_CLAUSE_MIN = 0.9;
function detectAdLine(line: string, hits: readonly LexiconHit[]): Annotation | undefined {
  if (line.length > AD_LINE_MAX || !hits.some((h) => h.role === lexicon.ROLE_BRAND || (h.role === lexicon.ROLE_TERM && h.weight >= 3))) return undefined;
  const clauses = line.split(/[，,。！？!?；;\s]+/).filter((c) => c.length >= 2);
  if (clauses.length === 0) return undefined;
  let weakest: ReturnType<typeof scoreSpan> | undefined;
  for (const clause of clauses) {
    const scored = scoreSpan(clause);
    if (scored.probability < AD_CLAUSE_MIN) return undefined;
    if (!weakest || scored.probability < weakest.probability) weakest = scored;
  }
  const strongest = scoreSpan(line);
  const terms = hits.filter((h) => h.role !== ROLE_CONTEXT).map((h) => line.slice(h.start, h.end));
  return wholeLine(line, 'spam', `Spam advertisement line: every clause scores as spam (scorer ≥ ${weakest!.probability.toFixed(2)}; top features ${describeTop(strongest.top)}); lexicon: ${excerpt(terms.join(', '), 40)}`, clampConfidence(weakest!.probability));
}

/**
 * A link list of site names (`恒通体育网址 乐盈棋牌平台 天润体育注册`): at least half of its items, and two, are spam
 * phrases, and every other item has the same mold (a short name + site type and/or site word, brand-shape.ts). The
 * list is then spam as a whole, its unknown names included. Tag lines keep their real tags (judged item by item).
 */
function listOfMold(line: string, found: readonly Annotation[]): string | undefined {
  if (TAG_LABEL.test(line)) return undefined;
  const items = [...line.matchAll(/[^|｜丨,，、_/\s]+/g)];
  if (items.length < 3) return undefined;
  let flagged = 0;
  for (const m of items) {
    const start = m.index!;
    const end = start + m[0].length;
    if (found.some((a) => a.start <= start && a.end >= end)) flagged++;
    else if (!brandShape(normalizeSpan(m[0]))) return undefined;
  }
  return flagged >= 2 && flagged * 2 >= items.length ? `a list of site names: ${flagged} of ${items.length} items are spam and the rest share their mold` : undefined;
}

/** True when the findings' removals leave nothing but separators and punctuation. */
function coversLine(line: string, found: readonly Annotation[]): boolean {
  const { classes } = lexiconTables();
  const covered = new Uint8Array(line.length);
  for (const a of found) for (let i = a.removal?.start ?? a.start; i < (a.removal?.end ?? a.end); i++) covered[i] = 1;
  for (let i = 0; i < line.length; i++) if (!covered[i] && classes[line.charCodeAt(i)] & CLASS_CONTENT) return false;
  return true;
}

/** Whole keyword lines, and keyword prefixes or suffixes glued to real text (the line-level view). */
function detectKeywordRegions(line: string, hits: LexiconHit[], ctx: LineContext): Annotation[] {
  // The lexicon gate, on the whole line: the cheap exit for nearly every line of real text.
  const total = hits.reduce((sum, h) => sum + h.weight, 0);
  if (total < MIN_WEIGHT || (!hits.some((h) => h.weight >= 3) && total < MIN_WEIGHT_WITHOUT_STRONG)) return [];
  // A tag line (标签：…) keeps its label and real tags: its spam items are judged one by one (spam-phrases.ts).
  if (TAG_LABEL.test(line)) return [];

  const segments = segmentLine(line, lexiconTables().classes);
  // One segment is no keyword list: a single phrase is judged by detectSpamPhrases (a title with 【…】 glued on is
  // not a spam line as a whole).
  if (segments.length < 2) return [];
  const last = segments.length - 1;
  let content = 0;
  let keywordContent = 0;
  for (const s of segments) {
    content += s.content;
    if (s.keyword) keywordContent += s.content;
  }

  // A sentence without any spam term is real text: then the line is not spam as a whole, at most a prefix or suffix is.
  // Compound words (国际, 平台, 下载) are everyday vocabulary: a sentence holding only those is still prose.
  const holdsProse = segments.some((seg) => !seg.keyword && !hits.some((h) => h.role !== ROLE_CONTEXT && h.start < seg.end && h.end > seg.start));
  if (content > 0 && keywordContent / content >= 0.8 && !holdsProse) {
    const whole = evaluate(line, segments, 0, last, hits, ctx);
    if (whole) {
      const reason = `SEO keyword spam line: ${whole.reason}`;
      const confidence = clampConfidence(whole.score);
      const start = segments[0].start;
      const end = segments[last].end;
      if (ONLY_SEPARATORS.test(line.slice(0, start)) && ONLY_SEPARATORS.test(line.slice(end))) {
        const all = wholeLine(line, 'spam', reason, confidence);
        if (all) return [all];
      }
      return [junkAt(line, 'spam', start, end, reason, confidence)];
    }
  }

  const found: Annotation[] = [];
  // A keyword prefix glued before real text.
  let k = 0;
  while (k <= last && segments[k].keyword) k++;
  while (k > 0 && belongsToText(line, segments[k - 1], segments[k - 1].sepBefore, hits, ctx, segments[k - 1].commaJoined)) k--;
  let prefixEnd = -1;
  if (k >= 2 && k <= last) {
    const prefix = evaluate(line, segments, 0, k - 1, hits, ctx, MIN_EDGE_SPAM_SHARE);
    if (prefix) {
      const start = segments[0].start;
      const end = segments[k - 1].end;
      prefixEnd = end;
      found.push(junkAt(line, 'spam', start, end, `SEO keyword spam before the text: ${prefix.reason}`,
        clampConfidence(prefix.score), { start, end: segments[k].start }));
    }
  }
  // A keyword suffix glued after real text.
  let m = last;
  while (m >= 0 && segments[m].keyword) m--;
  let first = m + 1;
  while (first < last && belongsToText(line, segments[first], segments[first + 1].sepBefore, hits, ctx, segments[first + 1].commaJoined)) first++;
  if (last - first + 1 >= 2 && first >= 1 && segments[first].start >= prefixEnd) {
    const suffix = evaluate(line, segments, first, last, hits, ctx, MIN_EDGE_SPAM_SHARE);
    if (suffix) {
      const start = segments[first].start;
      const end = segments[last].end;
      found.push(junkAt(line, 'spam', start, end, `SEO keyword spam after the text: ${suffix.reason}`,
        clampConfidence(suffix.score), { start: segments[first - 1].end, end }));
    }
  }
  return found;
}
