// Which character a byte the wrong decoder lost stood for: the candidate that fits best between its neighbours, by news character-pair counts (data/lost-byte-bigrams.json).
import { characterCost, isHan } from './han-frequency';

interface Counts {
  total: number;
  /** Lines counted: how often a line start precedes a character. */
  lines: number;
  unigrams: Map<string, number>;
  pairs: Map<string, number>;
  simplifiedOnly: Set<string>;
  traditionalOnly: Set<string>;
}

let counts: Counts | undefined;

/** The counts, loaded on the first lost byte (about 2 MB of JSON that clean text never pays for). */
function model(): Counts {
  if (counts) return counts;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('../../../data/lost-byte-bigrams.json') as {
    total: number; lines: number; unigrams: Record<string, string>; pairs: Record<string, string>; simplifiedOnly: string; traditionalOnly: string;
  };
  const unigrams = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const [bucket, characters] of Object.entries(data.unigrams)) {
    const n = 2 ** (Number(bucket) / 2);
    for (const ch of characters) unigrams.set(ch, n);
  }
  for (const [bucket, concatenated] of Object.entries(data.pairs)) {
    const n = 2 ** (Number(bucket) / 2);
    for (let i = 0; i + 1 < concatenated.length; i += 2) pairs.set(concatenated.slice(i, i + 2), n);
  }
  counts = { total: data.total, lines: data.lines, unigrams, pairs, simplifiedOnly: new Set(data.simplifiedOnly), traditionalOnly: new Set(data.traditionalOnly) };
  return counts;
}

/** Stands for the start or the end of a line as a neighbour. */
export const LINE_EDGE = '\n';

/** The symbol the counts use for a neighbour: digits are `0`, ASCII letters `a`; '' when it tells nothing (a space). */
function symbol(ch: string): string {
  if (ch >= '0' && ch <= '9') return '0';
  if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) return 'a';
  if (ch === '' || ch === ' ' || ch === '\t' || ch === '\u3000') return '';
  return ch;
}

/**
 * Share of P(next | previous) left to P(next) (interpolation): pairs seen fewer than three times are not in the
 * table, so an unseen pair is common. Tuned on the dev split.
 */
const UNIGRAM_SHARE = 0.1;

/** -log2 P(next) over the symbols counted. */
function unigramProbability(m: Counts, next: string): number {
  return ((m.unigrams.get(next) ?? 0) + 0.5) / (m.total + m.unigrams.size);
}

/** -log2 P(next | previous), interpolated with P(next). */
function transitionCost(m: Counts, previous: string, next: string): number {
  const previousCount = previous === LINE_EDGE ? m.lines : m.unigrams.get(previous) ?? 0;
  const pair = m.pairs.get(previous + next) ?? 0;
  const conditional = previousCount === 0 ? 0 : Math.min(1, pair / previousCount);
  return -Math.log2((1 - UNIGRAM_SHARE) * conditional + UNIGRAM_SHARE * unigramProbability(m, next));
}

export type Script = 'simplified' | 'traditional' | undefined;

/** The script a text is written in, by the characters only one script writes; undefined when it does not tell. */
export function scriptOf(text: string): Script {
  const m = model();
  let simplified = 0;
  let traditional = 0;
  for (const ch of text) {
    if (m.simplifiedOnly.has(ch)) simplified++;
    else if (m.traditionalOnly.has(ch)) traditional++;
  }
  return simplified > traditional ? 'simplified' : traditional > simplified ? 'traditional' : undefined;
}

/** Bits a character of the other script costs: 張 in a Simplified line is as unlikely as a rare character. */
const OTHER_SCRIPT_COST = 6;

/**
 * What a character costs before a line end. The source's line ends are page structure (a list item ends in ；, a
 * heading in ：), so this is a rule rather than its counts: a line of text ends a sentence, or in a Han character
 * (a title), and those cost nothing; a closing bracket, ： or ； sometimes end a line, a comma or an opening
 * bracket hardly ever.
 */
function lineEndCost(ch: string): number {
  if ('。！？…”’」』'.includes(ch) || isHan(ch.charCodeAt(0))) return 0;
  if ('）》】'.includes(ch)) return 2;
  if ('：；'.includes(ch)) return 6;
  return 16;
}

/**
 * Cost of `ch` as the character a lost byte completes, between `before` and `after` (LINE_EDGE at a line's start
 * or end, '' when unknown), in a line of `script`: -log2 P(ch | before) - log2 P(after | ch). Lower is likelier.
 */
export function lostCharacterCost(before: string, ch: string, after: string, script?: Script): number {
  if (ch.length !== 1) return Infinity;
  const m = model();
  const b = symbol(before);
  const a = symbol(after);
  const c = symbol(ch);
  const own = -Math.log2(unigramProbability(m, c));
  let cost = b ? transitionCost(m, b, c) : own;
  if (a === LINE_EDGE && !isHan(ch.charCodeAt(0))) {
    // Punctuation ending a line: broadcast news seldom asks or exclaims, so ？ and ！ take their frequency in
    // general text (characterCost); the pair with the character before still counts, within ±2 bits.
    cost = characterCost(ch.charCodeAt(0)) + lineEndCost(c) - Math.max(-2, Math.min(2, own - cost));
  } else if (a) cost += transitionCost(m, c, a);
  if ((script === 'simplified' && m.traditionalOnly.has(ch)) || (script === 'traditional' && m.simplifiedOnly.has(ch))) cost += OTHER_SCRIPT_COST;
  return cost;
}
