// The spam lexicon (data/junk/spam-lexicon.json: hand terms plus labelled public lists, with provenance) and a folding matcher that also finds Traditional and look-alike spellings.
import data from '../../../data/junk/spam-lexicon.json';
import { CLASS_CJK, CLASS_FULLWIDTH_LATIN, CLASS_LATIN_OR_DIGIT, CLASS_LOOKALIKE, CLASS_SIMPLIFIED_ONLY, CLASS_TRADITIONAL_ONLY, charTables } from './char-classes';

export { CLASS_CJK, CLASS_FULLWIDTH_LATIN, CLASS_LATIN_OR_DIGIT, CLASS_LOOKALIKE, CLASS_SIMPLIFIED_ONLY, CLASS_TRADITIONAL_ONLY };

/*
 * Terms are Simplified and lower-case ASCII; lines are matched through the fold table of char-classes.ts, so 無碼,
 * 國產, 百家樂, ＡＶ and а∨ are found by 无码, 国产, 百家乐 and av.
 *
 * Roles (see data/junk/hand/spam-terms.tsv):
 *   term    spam evidence wherever it occurs; weight 3 unambiguous, 2 rare in news, 1 also ordinary vocabulary
 *   brand   a spam brand (亚博体育, 九游会, 91视频): spam as a name on its own
 *   dual    a name news also uses (金沙, 永利, 新葡京, bet365): spam only in a spam compound or an injected position
 *   context a part of spam compounds (官网, 注册, app下载 …); no evidence alone
 *   safe    an ordinary phrase holding a spam term (成人教育, 金沙江, 金沙中国): the longest match wins, so it shields it
 * Political and ordinary news vocabulary is absent by construction (scripts/junk/build-lexicon.ts drops imported terms
 * that occur in real news): it can never add to a spam score.
 */
export type LexiconRole = 'term' | 'brand' | 'dual' | 'context' | 'safe';

export const ROLE_TERM = 0;
export const ROLE_BRAND = 1;
export const ROLE_DUAL = 2;
export const ROLE_CONTEXT = 3;
export const ROLE_SAFE = 4;
const ROLE_CODES: Record<string, number> = { term: ROLE_TERM, brand: ROLE_BRAND, dual: ROLE_DUAL, context: ROLE_CONTEXT, safe: ROLE_SAFE };
const ROLE_NAMES: LexiconRole[] = ['term', 'brand', 'dual', 'context', 'safe'];

export interface LexiconHit {
  start: number;
  end: number;
  weight: number;
  /** The lexicon term (Simplified, lower-case) or the user's literal term. */
  term: string;
  /** ROLE_* code. */
  role: number;
  category: string;
}

interface BucketEntry {
  term: string;
  weight: number;
  role: number;
  category: string;
}

interface Tables {
  fold: Uint16Array;
  classes: Uint8Array;
  /** Folded code unit → 1 when some term starts with it. */
  first: Uint8Array;
  /** Folded code unit → 1 when some term has it as second unit (a cheap filter before the bucket). */
  second: Uint8Array;
  /**
   * Terms by their folded first unit, then their second, longest first. Two levels rather than one key
   * (first << 16 | second): keys stay small integers, where a key above 2^30 is a heap number per lookup.
   */
  byFirst: (Map<number, BucketEntry[]> | undefined)[];
}

let tables: Tables | undefined;

/**
 * The tables, built once, on the first line scanned: it runs cold, in the interpreter, on the way to a document's
 * first diagnostics. Plain loops, and each entry inserted at its place (longest first, in file order among equal
 * lengths) rather than a comparator sort of every bucket afterwards: about half the time (100 → 45 ms here).
 */
function buildTables(): Tables {
  const { fold, classes } = charTables();
  const first = new Uint8Array(65536);
  const second = new Uint8Array(65536);
  const byFirst: (Map<number, BucketEntry[]> | undefined)[] = new Array(65536).fill(undefined);
  // data/junk/spam-lexicon.json: "category role weight sources" → terms joined by |.
  const groups = (data as { groups: Record<string, string> }).groups;
  const keys = Object.keys(groups);
  for (let g = 0; g < keys.length; g++) {
    const [category, roleName, weightText] = keys[g].split(' ');
    const role = ROLE_CODES[roleName] ?? ROLE_TERM;
    const weight = Number(weightText);
    const terms = groups[keys[g]].split('|');
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t];
      if (term.length < 2) continue;
      const code = term.charCodeAt(0);
      const next = term.charCodeAt(1);
      first[code] = 1;
      second[next] = 1;
      let bySecond = byFirst[code];
      if (bySecond === undefined) byFirst[code] = bySecond = new Map();
      let bucket = bySecond.get(next);
      if (bucket === undefined) bySecond.set(next, (bucket = []));
      let at = bucket.length;
      while (at > 0 && bucket[at - 1].term.length < term.length) at--;
      bucket.splice(at, 0, { term, weight, role, category });
    }
  }
  return { fold, classes, first, second, byFirst };
}

export function lexiconTables(): Tables {
  return (tables ??= buildTables());
}

function isAsciiLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/**
 * Leftmost-longest, non-overlapping lexicon matches in a line (through the fold table). Latin terms must not be
 * part of a longer Latin word (`av` does not match in `avenue`). Safe matches are dropped after they have shielded
 * the terms inside them.
 */
export function scanLexicon(line: string): LexiconHit[] {
  const { fold, first, second, byFirst } = lexiconTables();
  const hits: LexiconHit[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const f = fold[line.charCodeAt(i)];
    // Every term has at least two units, so both filters must pass before the bucket is read.
    if (first[f] === 0 || i + 1 >= n) {
      i++;
      continue;
    }
    const s = fold[line.charCodeAt(i + 1)];
    const bucket = second[s] === 0 ? undefined : byFirst[f]?.get(s);
    if (!bucket) {
      i++;
      continue;
    }
    let matched = 0;
    for (let b = 0; b < bucket.length; b++) {
      const entry = bucket[b];
      const term = entry.term;
      const len = term.length;
      if (i + len > n) continue;
      let k = 2;
      while (k < len && fold[line.charCodeAt(i + k)] === term.charCodeAt(k)) k++;
      if (k < len) continue;
      if (isAsciiLetter(term.charCodeAt(0)) && i > 0 && isAsciiLetter(fold[line.charCodeAt(i - 1)])) continue;
      if (isAsciiLetter(term.charCodeAt(len - 1)) && i + len < n && isAsciiLetter(fold[line.charCodeAt(i + len)])) continue;
      if (entry.role !== ROLE_SAFE) hits.push({ start: i, end: i + len, weight: entry.weight, term, role: entry.role, category: entry.category });
      matched = len;
      break;
    }
    i += matched > 0 ? matched : 1;
  }
  return hits;
}

/** Every literal occurrence of the user's extra spam terms (plain string search: no pattern syntax). */
export function scanExtraTerms(line: string, terms: readonly string[] | undefined): LexiconHit[] {
  const hits: LexiconHit[] = [];
  if (!terms) return hits;
  for (const term of terms) {
    if (!term) continue;
    for (let at = line.indexOf(term); at >= 0; at = line.indexOf(term, at + term.length)) {
      hits.push({ start: at, end: at + term.length, weight: 3, term, role: ROLE_TERM, category: 'user' });
    }
  }
  return hits;
}

/** The lexicon's entries (for tests and documentation). */
export function lexiconEntries(): { term: string; weight: number; role: LexiconRole; category: string }[] {
  const { byFirst } = lexiconTables();
  return byFirst.flatMap((bySecond) => (bySecond ? [...bySecond.values()] : [])).flatMap((bucket) => bucket.map((e) => ({ term: e.term, weight: e.weight, role: ROLE_NAMES[e.role], category: e.category })));
}

export function roleName(role: number): LexiconRole {
  return ROLE_NAMES[role];
}
