// Which character a byte the wrong decoder lost stood for: the candidate that fits best between its neighbours, by news character-pair counts (data/lost-byte-bigrams.json).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDataFile } from '../data-file';
import { characterCost, isHan } from './han-frequency';

/** Where the counts are (shipped beside dist/, like the entity model). */
export const LOST_BYTE_MODEL = path.join('data', 'lost-byte-bigrams.json');

interface Counts {
  total: number;
  /** Lines counted: how often a line start precedes a character. */
  lines: number;
  /** Distinct symbols counted, for smoothing. */
  symbols: number;
  /** Count per BMP code unit. */
  unigrams: Float64Array;
  /** Pairs as first · 0x10000 + second, ascending, and the count of each (binary search: no map to build). */
  pairKeys: Uint32Array;
  pairCounts: Float64Array;
  /** The same for two symbols with a number between them (分、16个: 、 then 个). */
  acrossKeys: Uint32Array;
  acrossCounts: Float64Array;
  /** Per BMP code unit: 1 when only Simplified text writes it, 2 when only Traditional. */
  scriptOnly: Uint8Array;
  /** P(symbol) per BMP code unit (unigramProbability), computed once. */
  probability: Float64Array;
}

let counts: Counts | undefined;

const SIMPLIFIED_ONLY = 1;
const TRADITIONAL_ONLY = 2;

/** The counts, loaded on the first lost byte (2 MB of JSON that clean text never pays for; numeric keys load fast). */
function model(): Counts {
  if (counts) return counts;
  // Read from disk, not bundled: 4 MB of bundle that every start of the server would read and compile.
  const file = findDataFile(LOST_BYTE_MODEL);
  if (!file) throw new Error(`the lost-byte model is missing (${LOST_BYTE_MODEL})`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    total: number; lines: number; unigrams: Record<string, string>; pairs: string; pairBuckets: string; acrossNumbers: string; acrossNumberBuckets: string;
    simplifiedOnly: string; traditionalOnly: string;
  };
  const unigrams = new Float64Array(0x10000);
  let symbols = 0;
  for (const [bucket, characters] of Object.entries(data.unigrams)) {
    const n = 2 ** (Number(bucket) / 2);
    for (let i = 0; i < characters.length; i++) {
      unigrams[characters.charCodeAt(i)] = n;
      symbols++;
    }
  }
  const [pairKeys, pairCounts] = pairTable(data.pairs, data.pairBuckets);
  const [acrossKeys, acrossCounts] = pairTable(data.acrossNumbers, data.acrossNumberBuckets);
  const scriptOnly = new Uint8Array(0x10000);
  for (let i = 0; i < data.simplifiedOnly.length; i++) scriptOnly[data.simplifiedOnly.charCodeAt(i)] = SIMPLIFIED_ONLY;
  for (let i = 0; i < data.traditionalOnly.length; i++) scriptOnly[data.traditionalOnly.charCodeAt(i)] = TRADITIONAL_ONLY;
  const probability = new Float64Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const own = (unigrams[code] + 0.5) / (data.total + symbols);
    probability[code] = isHan(code) ? (1 - GENERAL_SHARE) * own + GENERAL_SHARE * 2 ** -characterCost(code) : own;
  }
  counts = { total: data.total, lines: data.lines, symbols, unigrams, pairKeys, pairCounts, acrossKeys, acrossCounts, scriptOnly, probability };
  return counts;
}

/** Keys (first · 0x10000 + second, ascending) and counts of pairs stored as concatenated pairs and one bucket each. */
function pairTable(pairs: string, buckets: string): [Uint32Array, Float64Array] {
  const keys = new Uint32Array(buckets.length);
  const values = new Float64Array(buckets.length);
  for (let k = 0; k < keys.length; k++) {
    keys[k] = pairs.charCodeAt(2 * k) * 0x10000 + pairs.charCodeAt(2 * k + 1);
    values[k] = 2 ** ((buckets.charCodeAt(k) - 0x30) / 2);
  }
  return [keys, values];
}

/** Stands for the start or the end of a line as a neighbour. */
export const LINE_EDGE = '\n';

const DIGIT = 0x30;
const LETTER = 0x61;
const NOTHING = -1;

/** The symbol the counts use for a neighbour (code unit): digits are `0`, ASCII letters `a`; NOTHING for a space or ''. */
function symbol(ch: string): number {
  if (ch.length !== 1) return NOTHING;
  const code = ch.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return DIGIT;
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return LETTER;
  if (code === 0x20 || code === 0x09 || code === 0x3000) return NOTHING;
  return code;
}

/**
 * Share of P(next | previous) left to P(next) (interpolation): pairs seen fewer than three times are not in the
 * table, so an unseen pair is common. Tuned on the dev split.
 */
const UNIGRAM_SHARE = 0.2;

/**
 * Share of a Han character's P(next) taken from general text (char-frequency.json, jieba's model) rather than the
 * broadcast transcripts, whose register seldom writes 却 or 又. Tuned on the dev split.
 */
const GENERAL_SHARE = 0.5;

/** P(next) over the symbols counted, for a Han character mixed with its frequency in general text. */
function unigramProbability(m: Counts, next: number): number {
  return m.probability[next];
}

const EDGE = 0x0a;

function pairCount(m: Counts, key: number): number {
  return countIn(m.pairKeys, m.pairCounts, key);
}

function countIn(keys: Uint32Array, counts: Float64Array, key: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const k = keys[mid];
    if (k === key) return counts[mid];
    if (k < key) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

/** -log2 P(next | previous), interpolated with P(next). */
function transitionCost(m: Counts, previous: number, next: number): number {
  const previousCount = previous === EDGE ? m.lines : m.unigrams[previous];
  const pair = pairCount(m, previous * 0x10000 + next);
  const conditional = previousCount === 0 ? 0 : Math.min(1, pair / previousCount);
  return -Math.log2((1 - UNIGRAM_SHARE) * conditional + UNIGRAM_SHARE * unigramProbability(m, next));
}

/**
 * -log2 P(next | previous, then a number): a number is transparent to the symbols around it (`8分、16个`: 、 before
 * a number that 个 follows is a list, 。 before one is a new sentence). Interpolated with P(next | a digit).
 */
function acrossNumberCost(m: Counts, previous: number, next: number): number {
  const beforeNumbers = pairCount(m, previous * 0x10000 + DIGIT);
  const across = countIn(m.acrossKeys, m.acrossCounts, previous * 0x10000 + next);
  const conditional = beforeNumbers === 0 ? 0 : Math.min(1, across / beforeNumbers);
  // Trusted as far as `previous` was seen before numbers (抢断 seldom is, 实施 more): few sightings back off.
  const trust = beforeNumbers / (beforeNumbers + ACROSS_NUMBER_BACKOFF);
  return -Math.log2(trust * conditional + (1 - trust) * 2 ** -transitionCost(m, DIGIT, next));
}

/** Sightings before a number at which P(next | previous, a number) gets half the weight (Witten–Bell-like). Tuned on dev. */
const ACROSS_NUMBER_BACKOFF = 200;

/**
 * Weight of what follows the number against the character's own pairs and words: sparse counts must not outvote the
 * word a candidate makes (抢断5次, not 抢施5次). Tuned on dev (0.7 and 0.5 tie; 1 gains one item and loses that word).
 */
const ACROSS_NUMBER_WEIGHT = 0.7;

export type Script = 'simplified' | 'traditional' | undefined;

/** The script a text is written in, by the characters only one script writes; undefined when it does not tell. */
export function scriptOf(text: string): Script {
  const only = model().scriptOnly;
  let simplified = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const flag = only[text.charCodeAt(i)];
    if (flag === SIMPLIFIED_ONLY) simplified++;
    else if (flag === TRADITIONAL_ONLY) traditional++;
  }
  return simplified > traditional ? 'simplified' : traditional > simplified ? 'traditional' : undefined;
}

/** Bits a sentence-final mark costs between two digits. */
const BETWEEN_DIGITS_COST = 8;

/** Bits a character of the other script costs: 張 in a Simplified line is as unlikely as a rare character. */
const OTHER_SCRIPT_COST = 6;

/**
 * What a character costs before a line end. The source's line ends are page structure (a list item ends in ；, a
 * heading in ：), so this is a rule rather than its counts: a line of text ends a sentence, or in a Han character
 * (a title), and those cost nothing; a closing bracket, ： or ； sometimes end a line, a comma or an opening
 * bracket hardly ever.
 */
function lineEndCost(code: number): number {
  if (SENTENCE_FINAL.has(code) || isHan(code)) return 0;
  if (CLOSING.has(code)) return 2;
  if (code === 0xff1a || code === 0xff1b) return 6; // ： ；
  return 16;
}

const codes = (chars: string) => new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
const SENTENCE_FINAL = codes('。！？…”’」』');
const CLOSING = codes('）》】');

/** The symbols on the far side of a number beside a lost character (LINE_EDGE at the line's edge; '' or absent: unknown). */
export interface NumberSides {
  /** Before the number that the character follows (`后` in 最后7分). */
  before?: string;
  /** After the number that follows the character (`个` in 分、16个). */
  after?: string;
}

/**
 * Cost of the code unit `code` as the character a lost byte completes, between `before` and `after` (LINE_EDGE at a
 * line's start or end, '' when unknown), in a line of `script`: -log2 P(code | before) - log2 P(after | code). Lower
 * is likelier; NOTHING (not one character) costs Infinity.
 */
export function lostCodeCost(before: string, code: number, after: string, script?: Script, numbers?: NumberSides): number {
  if (code === NOTHING) return Infinity;
  const m = model();
  const b = symbol(before);
  const a = symbol(after);
  const c = symbol(String.fromCharCode(code));
  const own = -Math.log2(unigramProbability(m, c));
  const beforeNumber = b === DIGIT && numbers?.before ? symbol(numbers.before) : NOTHING;
  let cost = beforeNumber !== NOTHING ? acrossNumberCost(m, beforeNumber, c) : b !== NOTHING ? transitionCost(m, b, c) : own;
  // What follows the number after the candidate: P(digit | c) · P(that | c, a number).
  const afterNumber = a === DIGIT && numbers?.after ? symbol(numbers.after) : NOTHING;
  if (afterNumber !== NOTHING) cost += ACROSS_NUMBER_WEIGHT * acrossNumberCost(m, c, afterNumber);

  if (a === EDGE && !isHan(code)) {
    // Punctuation ending a line: broadcast news seldom asks or exclaims, so ？ and ！ take their frequency in
    // general text (characterCost); the pair with the character before still counts, within ±2 bits.
    cost = characterCost(code) + lineEndCost(code) - Math.max(-2, Math.min(2, own - cost));
  } else if (a !== NOTHING) cost += transitionCost(m, c, a);
  // Between digits a sentence does not end (`454、377`): the pairs alone cannot tell, as `5。2022年` is common.
  if (b === DIGIT && a === DIGIT && SENTENCE_FINAL.has(code)) cost += BETWEEN_DIGITS_COST;
  const only = m.scriptOnly[code];
  if ((script === 'simplified' && only === TRADITIONAL_ONLY) || (script === 'traditional' && only === SIMPLIFIED_ONLY)) cost += OTHER_SCRIPT_COST;
  return cost;
}
