// Duplicated paragraphs: later copies of an earlier line (document level), and a paragraph repeated twice within one line.
import type { Annotation } from '../types';
import type { DocLine } from '../lines';
import { contentRange, excerpt, isSpaceCode } from './common';

/** A line must have this many non-whitespace code units (and a letter, CJK or digit) to count as a paragraph. */
export const MIN_DUPLICATE_LENGTH = 10;
const WORDISH = /[\p{L}\p{N}]/u;

/** True when the text has at least `min` non-whitespace code units (stops counting there: lines are long). */
function hasNonSpace(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length && n < min; i++) if (!isSpaceCode(text.charCodeAt(i))) n++;
  return n >= min;
}

/** A line's text without surrounding whitespace, when it is long enough to count as a paragraph. */
export interface Paragraph {
  content: string;
  /** Offset of the content in the line. */
  start: number;
}

export function paragraphOf(text: string): Paragraph | undefined {
  const range = contentRange(text);
  if (!range) return undefined;
  const content = text.slice(range.start, range.end);
  if (!hasNonSpace(content, MIN_DUPLICATE_LENGTH) || !WORDISH.test(content)) return undefined;
  return { content, start: range.start };
}

/**
 * One pass with a hash map from trimmed line text to its first line: O(total length). `paragraphs`
 * (one per line, from paragraphOf) may be given when the caller keeps them between calls.
 */
export function detectDuplicates(lines: readonly DocLine[], paragraphs?: readonly (Paragraph | undefined)[]): Annotation[] {
  const found: Annotation[] = [];
  const firstSeen = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const paragraph = paragraphs ? paragraphs[i] : paragraphOf(line.text);
    if (!paragraph) continue;
    const { content } = paragraph;
    const range = { start: paragraph.start, end: paragraph.start + content.length };

    const earlier = firstSeen.get(content);
    if (earlier === undefined) {
      firstSeen.set(content, i);
      continue;
    }
    const consecutive = previousParagraph(lines, i) === earlier;
    found.push({
      kind: 'junk',
      label: 'duplicate',
      start: line.start + range.start,
      end: line.start + range.end,
      text: content,
      reason: consecutive
        ? `The paragraph is repeated right after itself (first copy on line ${earlier + 1})`
        : `The line repeats line ${earlier + 1} (“${excerpt(content, 16)}”)`,
      confidence: consecutive ? 0.92 : 0.88,
      removal: { start: line.start, end: line.end },
    });
  }
  return found;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** A paragraph repeated twice within one line (`XX` or `X X`): the second copy, offsets relative to the line. */
export function detectDoubledLine(line: string): Annotation[] {
  const range = contentRange(line);
  if (!range) return [];
  const content = line.slice(range.start, range.end);
  if (!WORDISH.test(content)) return [];
  const doubled = doubledWithin(content);
  if (!doubled) return [];
  return [{
    kind: 'junk',
    label: 'duplicate',
    start: range.start + doubled.start,
    end: range.end,
    text: content.slice(doubled.start),
    reason: `The paragraph repeats itself within the line (“${excerpt(content.slice(doubled.start), 16)}”)`,
    confidence: 0.85,
    removal: { start: range.start + doubled.removalStart, end: range.end },
  }];
}

/** Index of the nearest earlier non-blank line, or -1. */
function previousParagraph(lines: readonly DocLine[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (lines[j].text.trim() !== '') return j;
  return -1;
}

/**
 * The length of the shortest prefix that, repeated, makes up `content` and still counts as a paragraph;
 * `fallback` (half of it) when there is none shorter. Uses the smallest period (prefix function, O(n)).
 */
function shortestRepeatedUnit(content: string, fallback: number): number {
  const n = content.length;
  const border = new Int32Array(n);
  for (let i = 1, k = 0; i < n; i++) {
    while (k > 0 && content.charCodeAt(i) !== content.charCodeAt(k)) k = border[k - 1];
    if (content.charCodeAt(i) === content.charCodeAt(k)) k++;
    border[i] = k;
  }
  const period = n - border[n - 1];
  if (n % period !== 0) return fallback;
  for (let unit = period; unit < fallback; unit += period) {
    if (n % unit !== 0 || isHighSurrogate(content.charCodeAt(unit - 1))) continue;
    if (hasNonSpace(content.slice(0, unit), MIN_DUPLICATE_LENGTH)) return unit;
  }
  return fallback;
}

/**
 * A content string made of the same text twice (`XX` or `X X`): returns where the second copy starts and where
 * its removal starts (including the separating whitespace).
 */
function doubledWithin(content: string): { start: number; removalStart: number } | undefined {
  const n = content.length;
  if (n < 2 * MIN_DUPLICATE_LENGTH) return undefined;
  const half = n >> 1;
  // Never cut between the halves of a surrogate pair.
  const splitsPair = isHighSurrogate(content.charCodeAt(half - 1)) && isLowSurrogate(content.charCodeAt(half));
  if (n % 2 === 0 && !splitsPair && content.charCodeAt(0) === content.charCodeAt(half) && content.slice(0, half) === content.slice(half)) {
    if (hasNonSpace(content.slice(0, half), MIN_DUPLICATE_LENGTH)) {
      // The copy may itself be repeated (X = YYY): keep one Y, so that one clean removes every extra copy.
      const unit = shortestRepeatedUnit(content, half);
      return { start: unit, removalStart: unit };
    }
  }
  // `X<space>X`: one whitespace unit in the middle.
  if (n % 2 === 1 && /\s/.test(content[half]) && content.slice(0, half) === content.slice(half + 1)) {
    if (hasNonSpace(content.slice(0, half), MIN_DUPLICATE_LENGTH)) return { start: half + 1, removalStart: half };
  }
  return undefined;
}
