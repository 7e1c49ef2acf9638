// Shared helpers of the junk detectors: annotation builders, whitespace tests, keyword patterns and gloss-free views of a line.
import type { Annotation, JunkKind, TextRange } from '../types';

/** Letters a tone-marked pinyin syllable is written with (lower case only, as spam mirrors insert them). */
export const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\\/-]/g;

/** Escapes a literal string for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(REGEX_SPECIAL, '\\$&');
}

/** An alternation of literal words, longest first so that the longest word wins. */
export function alternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length);
  return unique.map(escapeRegExp).join('|');
}

/**
 * A line with the pinyin glosses that follow CJK characters taken out (`發(fā)布時間` → `發布時間`), and the
 * way back to the line's offsets. Keyword patterns run on it: patterns that allowed a gloss after every
 * character were 20 times larger and cost tens of milliseconds to compile before the first diagnostics.
 */
export interface GlossFreeView {
  text: string;
  /** Offset in the line of the code unit at `offset` in the view. */
  start(offset: number): number;
  /** Offset in the line just past a view range that ends (exclusive) at `end`. */
  end(end: number): number;
}

const GLOSS_AFTER_CJK = new RegExp(`[(（]([${PINYIN_LETTERS}]{1,7})[)）]`, 'g');
const IDENTITY = (offset: number): number => offset;

export function withoutGlosses(line: string): GlossFreeView {
  if (line.indexOf('(') < 0 && line.indexOf('（') < 0) return { text: line, start: IDENTITY, end: IDENTITY };
  /** cutAt[k]: view offset where the k-th gloss was; removedBy[k]: code units removed up to and including it. */
  const cutAt: number[] = [];
  const removedBy: number[] = [];
  let text = '';
  let last = 0;
  let removed = 0;
  GLOSS_AFTER_CJK.lastIndex = 0;
  for (let m = GLOSS_AFTER_CJK.exec(line); m; m = GLOSS_AFTER_CJK.exec(line)) {
    // Only after a CJK character, and `(c)` is a copyright sign, not a syllable.
    if (m.index === 0 || line.charCodeAt(m.index - 1) < 0x3400 || m[1] === 'c') continue;
    text += line.slice(last, m.index);
    removed += m[0].length;
    cutAt.push(text.length);
    removedBy.push(removed);
    last = m.index + m[0].length;
  }
  if (cutAt.length === 0) return { text: line, start: IDENTITY, end: IDENTITY };
  text += line.slice(last);
  const start = (offset: number): number => {
    let lo = 0;
    let hi = cutAt.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cutAt[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + (lo > 0 ? removedBy[lo - 1] : 0);
  };
  return { text, start, end: (end: number) => (end <= 0 ? start(0) : start(end - 1) + 1) };
}

const GLOSS_GLOBAL = new RegExp(`[(（][${PINYIN_LETTERS}]{1,7}[)）]`, 'g');

/** Removes parenthesised lower-case pinyin-like runs; used only to measure or compare short segments. */
export function stripGlossLike(text: string): string {
  return text.indexOf('(') < 0 && text.indexOf('（') < 0 ? text : text.replace(GLOSS_GLOBAL, '');
}

/** True for code units JavaScript's `\s` treats as whitespace (incl. NBSP and the ideographic space). */
export function isSpaceCode(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x3000 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0xfeff
  );
}

/** The range of a line's non-whitespace content, or undefined for a blank line. */
export function contentRange(line: string): TextRange | undefined {
  let start = 0;
  let end = line.length;
  while (start < end && isSpaceCode(line.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(line.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : undefined;
}

/** A junk finding inside one line, with offsets relative to the line. */
export function junkAt(
  line: string,
  label: JunkKind,
  start: number,
  end: number,
  reason: string,
  confidence: number,
  removal: TextRange = { start, end },
): Annotation {
  return { kind: 'junk', label, start, end, text: line.slice(start, end), reason, confidence, removal };
}

/** A finding that makes up the whole line: the content is flagged, the whole line (and so its break) is removed. */
export function wholeLine(line: string, label: JunkKind, reason: string, confidence: number): Annotation | undefined {
  const range = contentRange(line);
  if (!range) return undefined;
  return junkAt(line, label, range.start, range.end, reason, confidence, { start: 0, end: line.length });
}

/** Shortens text for use inside a reason sentence. */
export function excerpt(text: string, max = 24): string {
  if (text.length <= max) return text;
  // Cut at a code-point boundary: never split a surrogate pair.
  let end = max;
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--;
  return text.slice(0, end) + '…';
}

/** Rounds a confidence into 0..1 with two decimals. */
export function clampConfidence(value: number): number {
  return Math.round(Math.min(0.99, Math.max(0.01, value)) * 100) / 100;
}
