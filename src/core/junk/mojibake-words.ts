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

/** The words of one length with an open-addressed index: slot → word number + 1 (0: empty). */
interface IndexedLength extends OfLength {
  slots: Int32Array;
  mask: number;
}

interface Words {
  /** Index 1–4: the words of that length. */
  byLength: IndexedLength[];
  logTotal: number;
  /** What a character costs that the dictionary does not have (half a count). */
  unknown: number;
}

let words: Words | undefined;

/** The words, loaded on the first lost byte together with the character pairs (the strings, and a hash index of each length). */
function model(): Words {
  if (words) return words;
  const file = findDataFile(LOST_BYTE_WORDS);
  if (!file) throw new Error(`the lost-byte word list is missing (${LOST_BYTE_WORDS})`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { total: number; words: Record<string, OfLength> };
  const byLength: IndexedLength[] = [];
  for (let length = 1; length <= MAX_WORD; length++) byLength[length] = indexed(data.words[length] ?? { words: '', buckets: '' }, length);
  const logTotal = Math.log2(data.total);
  words = { byLength, logTotal, unknown: logTotal + 1 };
  return words;
}

/** Code units of a text, or of the word list: what the hash and the comparison read. */
interface Units {
  charCodeAt(index: number): number;
}

/** A hash of units [start, end) (FNV-1a over code units). */
function hashOf(text: Units, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Indexes the words of one length by hash: lookups are hit or miss after a probe or two, where candidates are tried by the thousand. */
function indexed(list: OfLength, length: number): IndexedLength {
  const count = list.buckets.length;
  let size = 16;
  while (size < count * 2) size *= 2;
  const slots = new Int32Array(size);
  const mask = size - 1;
  for (let w = 0; w < count; w++) {
    let slot = hashOf(list.words, w * length, (w + 1) * length) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = w + 1;
  }
  return { ...list, slots, mask };
}

/** Code units in a typed array, read like a string's (no string is built per candidate). */
class CodeBuffer implements Units {
  constructor(readonly codes: Uint16Array) {}
  charCodeAt(index: number): number {
    return this.codes[index];
  }
}

/** -log2 P(word) of text[start, end), or undefined when the dictionary lacks it. */
function wordCost(m: Words, text: Units, start: number, end: number): number | undefined {
  const length = end - start;
  const list = m.byLength[length];
  const { slots, mask, words } = list;
  for (let slot = hashOf(text, start, end) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const at = (slots[slot] - 1) * length;
    let k = 0;
    while (k < length && words.charCodeAt(at + k) === text.charCodeAt(start + k)) k++;
    if (k === length) return m.logTotal - (list.buckets.charCodeAt(slots[slot] - 1) - 0x30) / 2;
  }
  return undefined;
}

const isHanUnit = (code: number) => code >= 0x3400 && code <= 0x9fff;

/** The Simplified code units of a text. */
function simplified(text: string): Uint16Array {
  const units = simplifiedUnits();
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = units[text.charCodeAt(i)];
  return out;
}

/**
 * Best segmentation costs of a stretch of Han text: best[i] is the cheapest way to write its first i characters as
 * words of the dictionary (a character it lacks as a word of its own). `best` holds the costs known already (a
 * prefix), and is extended to text.length + 1 entries.
 */
function segmentCosts(text: Units, length: number, m: Words, best: Float64Array, known: number): Float64Array {
  for (let end = known; end <= length; end++) {
    let cost = Infinity;
    for (let start = Math.max(0, end - MAX_WORD); start < end; start++) {
      const word = wordCost(m, text, start, end) ?? (end - start === 1 ? m.unknown : undefined);
      if (word !== undefined && best[start] + word < cost) cost = best[start] + word;
    }
    best[end] = cost;
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

/** Whether a candidate between `before` and `after` has a Han character beside it to make words with. */
export function hasHanNeighbour(before: string, after: string): boolean {
  return hanTail(before, 1).length > 0 || hanHead(after, 1).length > 0;
}

/** One code unit at a time, for looking a single character up as a word. */
const single = new Uint16Array(1);
const singleText = new CodeBuffer(single);

/** -log2 P of a Han character as a word of its own (又, 却 are words; 吴, 华 seldom stand alone), in Simplified. */
export function oneCharacterWordCost(code: number): number {
  const m = model();
  single[0] = simplifiedUnits()[code];
  return wordCost(m, singleText, 0, 1) ?? m.unknown;
}

/**
 * Scores candidates for one lost byte by the words they make with their Han neighbours: for each candidate code, the
 * bits that the best segmentation of `before + candidate + after` saves over the candidate standing alone as a word
 * (0 for a candidate that makes no word, or is not Han). Only the Han characters next to the candidate count.
 */
export function wordGains(before: string, after: string): (code: number) => number {
  const m = model();
  const left = simplified(hanTail(before, MAX_WORD - 1));
  const right = simplified(hanHead(after, MAX_WORD - 1));
  if (left.length === 0 && right.length === 0) return () => 0;
  // The candidate stands between its neighbours in one buffer: left, candidate, right.
  const joined = new Uint16Array(left.length + 1 + right.length);
  joined.set(left, 0);
  joined.set(right, left.length + 1);
  const text = new CodeBuffer(joined);
  const best = new Float64Array(joined.length + 1);
  segmentCosts(new CodeBuffer(left), left.length, m, best, 1);
  const leftCost = best[left.length];
  const rightAlone = right.length === 0 ? 0 : segmentCosts(new CodeBuffer(right), right.length, m, new Float64Array(right.length + 1), 1)[right.length];
  const units = simplifiedUnits();
  return (code: number) => {
    if (!isHanUnit(code)) return 0;
    joined[left.length] = units[code];
    const alone = (wordCost(m, text, left.length, left.length + 1) ?? m.unknown) + leftCost + rightAlone;
    segmentCosts(text, joined.length, m, best, left.length + 1);
    return Math.max(0, alone - best[joined.length]);
  };
}
