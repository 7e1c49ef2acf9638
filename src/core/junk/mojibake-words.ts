// Which character a lost byte completes, by the words it would make: word costs from jieba's dictionary (data/lost-byte-words.json), looked up in Simplified.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDataFile } from '../data-file';
import { simplifiedUnits } from '../script';

/** Where the words are (shipped beside dist/, like the character-pair counts). */
export const LOST_BYTE_WORDS = path.join('data', 'lost-byte-words.json');

/** The longest word kept (the build script's MAX_LENGTH). */
const MAX_WORD = 4;

/** The words of one length, concatenated in code-unit order, and a count bucket per word. */
interface OfLength {
  words: string;
  buckets: string;
}

interface Words {
  /** Index 1–4: the words of that length. */
  byLength: OfLength[];
  logTotal: number;
  /** What a character costs that the dictionary does not have (half a count). */
  unknown: number;
}

let words: Words | undefined;

/** The words, loaded on the first lost byte together with the character pairs (strings only: nothing to build). */
function model(): Words {
  if (words) return words;
  const file = findDataFile(LOST_BYTE_WORDS);
  if (!file) throw new Error(`the lost-byte word list is missing (${LOST_BYTE_WORDS})`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { total: number; words: Record<string, OfLength> };
  const byLength: OfLength[] = [];
  for (let length = 1; length <= MAX_WORD; length++) byLength[length] = data.words[length] ?? { words: '', buckets: '' };
  const logTotal = Math.log2(data.total);
  words = { byLength, logTotal, unknown: logTotal + 1 };
  return words;
}

/** -log2 P(word), or undefined when the dictionary lacks it: a binary search of the words of its length. */
function wordCost(m: Words, text: string, start: number, end: number): number | undefined {
  const length = end - start;
  const list = m.byLength[length];
  let low = 0;
  let high = list.buckets.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    let order = 0;
    for (let k = 0; k < length && order === 0; k++) order = list.words.charCodeAt(mid * length + k) - text.charCodeAt(start + k);
    if (order === 0) return m.logTotal - (list.buckets.charCodeAt(mid) - 0x30) / 2;
    if (order < 0) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

const isHanUnit = (code: number) => code >= 0x3400 && code <= 0x9fff;

function simplify(text: string): string {
  const units = simplifiedUnits();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(units[text.charCodeAt(i)]);
  return out;
}

/**
 * Best segmentation costs of a stretch of Han text: best[i] is the cheapest way to write its first i characters as
 * words of the dictionary (a character it lacks as a word of its own).
 */
function segmentCosts(text: string, m: Words, from: number[] = [0]): number[] {
  const best = from.slice();
  for (let end = best.length; end <= text.length; end++) {
    let cost = Infinity;
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      const word = wordCost(m, text, start, end) ?? (end - start === 1 ? m.unknown : undefined);
      if (word !== undefined && best[start] + word < cost) cost = best[start] + word;
    }
    best.push(cost);
  }
  return best;
}

/** The Han characters at the end of `text` (at most `n`), and at its start. */
function hanTail(text: string, n: number): string {
  let i = text.length;
  while (i > 0 && text.length - i < n && isHanUnit(text.charCodeAt(i - 1))) i--;
  return text.slice(i);
}
function hanHead(text: string, n: number): string {
  let i = 0;
  while (i < text.length && i < n && isHanUnit(text.charCodeAt(i))) i++;
  return text.slice(0, i);
}

/**
 * Scores candidates for one lost byte by the words they make with their Han neighbours: for each candidate code, the
 * bits that the best segmentation of `before + candidate + after` saves over the candidate standing alone as a word
 * (0 for a candidate that makes no word, or is not Han). Only the Han characters next to the candidate count.
 */
export function wordGains(before: string, after: string): (code: number) => number {
  const m = model();
  const left = simplify(hanTail(before, MAX_WORD - 1));
  const right = simplify(hanHead(after, MAX_WORD - 1));
  if (left === '' && right === '') return () => 0;
  const leftBest = segmentCosts(left, m);
  const units = simplifiedUnits();
  return (code: number) => {
    if (!isHanUnit(code)) return 0;
    const ch = String.fromCharCode(units[code]);
    const alone = (wordCost(m, ch, 0, 1) ?? m.unknown) + leftBest[left.length] + (right === '' ? 0 : segmentCosts(right, m)[right.length]);
    const joined = segmentCosts(left + ch + right, m, leftBest);
    return Math.max(0, alone - joined[joined.length - 1]);
  };
}
