// Shared helpers of the junk detectors: annotation builders, whitespace tests and gloss-tolerant keyword patterns.
import type { Annotation, JunkKind, TextRange } from '../types';

/** Letters a tone-marked pinyin syllable is written with (lower case only, as spam mirrors insert them). */
export const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';

/** An optional inserted pinyin gloss such as `(wǎng)`; keyword patterns allow one after each character. */
const OPTIONAL_GLOSS = `(?:[(（][${PINYIN_LETTERS}]{1,7}[)）])?`;

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\\/-]/g;

/** Escapes a literal string for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(REGEX_SPECIAL, '\\$&');
}

/**
 * Regex source matching `word` even when a spam mirror inserted pinyin glosses after its characters
 * (`發(fā)布時間` for 發布時間). Only characters of CJK words get the optional gloss.
 */
export function glossTolerant(word: string): string {
  let source = '';
  for (const ch of word) {
    source += escapeRegExp(ch);
    if (ch.charCodeAt(0) >= 0x3400) source += OPTIONAL_GLOSS;
  }
  return source;
}

/** An alternation of gloss-tolerant words, longest first so that the longest key wins. */
export function glossTolerantAlternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length);
  return unique.map(glossTolerant).join('|');
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
