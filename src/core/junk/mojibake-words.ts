// Which character a lost byte completes, by the words it would make: word costs from jieba's dictionary (data/lost-byte-words.json), looked up in Simplified.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDataFile } from '../data-file';
import { simplifiedUnits } from '../script';

/** Where the words are (shipped beside dist/, like the character-pair counts). */
export const LOST_BYTE_WORDS = path.join('data', 'lost-byte-words.json');

/** The longest word kept (the build script's MAX_LENGTH). */
const MAX_WORD = 4;

interface Words {
  /** -log2 P(word) per word, in Simplified. */
  cost: Map<string, number>;
  /** What a character costs that the dictionary does not have (half a count). */
  unknown: number;
}

let words: Words | undefined;

/** The words, loaded on the first lost byte together with the character pairs. */
function model(): Words {
  if (words) return words;
  const file = findDataFile(LOST_BYTE_WORDS);
  if (!file) throw new Error(`the lost-byte word list is missing (${LOST_BYTE_WORDS})`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { total: number; words: Record<string, string> };
  const cost = new Map<string, number>();
  const logTotal = Math.log2(data.total);
  for (const [bucket, list] of Object.entries(data.words)) {
    const bits = logTotal - Number(bucket) / 2;
    for (const word of list.split(' ')) cost.set(word, bits);
  }
  words = { cost, unknown: logTotal + 1 };
  return words;
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
      const word = m.cost.get(text.slice(start, end)) ?? (end - start === 1 ? m.unknown : undefined);
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
    const alone = (m.cost.get(ch) ?? m.unknown) + leftBest[left.length] + (right === '' ? 0 : segmentCosts(right, m)[right.length]);
    const joined = segmentCosts(left + ch + right, m, leftBest);
    return Math.max(0, alone - joined[joined.length - 1]);
  };
}
