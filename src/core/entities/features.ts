// Feature extraction of the entity tagger: per UTF-16 position of a Simplified sentence, one integer key per feature template.
//
// The same code runs when training (scripts/ner/train.ts) and when tagging, so a feature means the
// same in both. Keys are built from character codes, jieba's tokens (offsets and tag ids, no
// strings) and list memberships, without hashing except for word identities. Templates are grouped
// by what their key is made of, so that the tagger (tagger.ts) finds all of a character's,
// character pair's or word's weights with one lookup:
// - CHAR: the character at −2…+2 (key: its code), and the character with its place and length in
//   its word (CharPosLength); rows of a table indexed by character;
// - BIGRAM: the character pairs at −2…+2 (key: the two codes), one hashed record per pair;
// - WORD: the word at the position and the words before and after it (key: a 30-bit word hash),
//   one hashed record per word;
// - CHAR_TAG: the character with its word's part-of-speech tag, hashed;
// - the rest have small key ranges and are dense tables.
// FEATURE_VERSION is stored in the model: change it whenever a template changes, and retrain.
import { placeTrie, PLACE_FULL, PLACE_SHORT, PLACE_SHORT_COUNTY, PLACE_WORLD } from './gazetteer';
import { lexicon } from './lexicon';
import type { PackedTokens } from './segmenter';

export const FEATURE_VERSION = 4;

/** Template numbers. Their count is the number of features per position. */
export const enum Template {
  Bias,
  CharM2,
  CharM1,
  Char0,
  CharP1,
  CharP2,
  BigramM2M1,
  BigramM1C0,
  BigramC0P1,
  BigramP1P2,
  Types,
  PosTag,
  Word,
  PrevTagTag,
  TagNextTag,
  PrevWord,
  NextWord,
  CharPosLength,
  Place,
  CharClasses,
  PrevWordClass,
  WordClass,
  CharTag,
  LexiconBegin,
  LexiconEnd,
  LexiconInside,
  Count,
}

export const TEMPLATE_COUNT = Template.Count;

/** Template names, for logs and ablations (`--drop`). */
export const TEMPLATE_NAMES = [
  'Bias', 'CharM2', 'CharM1', 'Char0', 'CharP1', 'CharP2', 'BigramM2M1', 'BigramM1C0', 'BigramC0P1', 'BigramP1P2', 'Types', 'PosTag', 'Word',
  'PrevTagTag', 'TagNextTag', 'PrevWord', 'NextWord', 'CharPosLength', 'Place', 'CharClasses', 'PrevWordClass', 'WordClass', 'CharTag',
  'LexiconBegin', 'LexiconEnd', 'LexiconInside',
];

/** Key of a feature a position does not have. */
export const ABSENT = 0xffffffff;

/** Tag ids: 0 unknown, 1… jieba's tags (segmenter.ts TAG_NAMES), then the two line edges. */
export const TAG_SPACE = 64;
const TAG_BEFORE = 62;
const TAG_AFTER = 63;

/** Rows of the dense templates (key < rows), in template order; templates not listed are not dense. */
export const DENSE_ROWS: Partial<Record<Template, number>> = {
  [Template.Bias]: 1,
  [Template.Types]: 9 * 9 * 9,
  [Template.PosTag]: TAG_SPACE * 4,
  [Template.PrevTagTag]: TAG_SPACE * TAG_SPACE * 4,
  [Template.TagNextTag]: TAG_SPACE * TAG_SPACE * 4,
  [Template.Place]: 24,
  [Template.CharClasses]: 16 * 4,
  [Template.PrevWordClass]: 512 * 4,
  [Template.WordClass]: 512 * 4,
  [Template.LexiconBegin]: 64,
  [Template.LexiconEnd]: 64,
  [Template.LexiconInside]: 8,
};

/** Rows of the CharPosLength template per character: place in the word (4) × length (1…7, 8 kinds). */
export const CHAR_POS_LENGTH_ROWS = 32;
/** Rows of a WORD record: Word, PrevWord and NextWord, each by the place of the position in its own word (4). */
export const WORD_ROWS = 12;
export const WORD_PREV_ROW = 4;
export const WORD_NEXT_ROW = 8;

/** Character classes: Han, digit, Latin letter, Chinese numeral, space, punctuation, other, line edge. */
const enum Kind {
  Han = 1,
  Digit,
  Latin,
  Numeral,
  Space,
  Punct,
  Other,
  Edge,
}

/** Sentinel codes before and after the sentence (no text unit normalizes to them). */
export const BEFORE = 0xfffd;
export const AFTER = 0xfffe;

/** Normalized code unit and class per code unit, built once. */
export const NORMAL = new Uint16Array(65536);
const KIND = new Uint8Array(65536);
(function buildTables(): void {
  const numerals = '〇一二三四五六七八九十百千万亿两零';
  for (let c = 0; c < 65536; c++) {
    let n = c;
    // Full-width ASCII (０-９, Ａ-Ｚ, ，：（）…) reads as ASCII.
    if (n >= 0xff01 && n <= 0xff5e) n -= 0xfee0;
    if (n === 0x3000) n = 0x20;
    let kind: Kind;
    if (n >= 0x30 && n <= 0x39) {
      n = 0x30;
      kind = Kind.Digit;
    } else if ((n >= 0x41 && n <= 0x5a) || (n >= 0x61 && n <= 0x7a)) {
      n |= 0x20;
      kind = Kind.Latin;
    } else if (n === 0x20 || n === 0x09 || n === 0xa0) {
      n = 0x20;
      kind = Kind.Space;
    } else if (numerals.includes(String.fromCharCode(n))) kind = Kind.Numeral;
    else if ((n >= 0x4e00 && n <= 0x9fff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0xf900 && n <= 0xfaff)) kind = Kind.Han;
    else if ((n >= 0x21 && n <= 0x2f) || (n >= 0x3a && n <= 0x40) || (n >= 0x5b && n <= 0x60) || (n >= 0x7b && n <= 0x7e) || (n >= 0x2000 && n <= 0x206f) || (n >= 0x3000 && n <= 0x303f) || n === 0xff65 || n === 0x30fb) kind = Kind.Punct;
    else kind = Kind.Other;
    // NUL and the last code units read as one "other" unit: 0 and the sentinels stay free.
    if (n === 0 || n >= 0xfffc) n = 0xfffc;
    NORMAL[c] = n;
    KIND[c] = kind;
  }
})();

export function mix(h: number, x: number): number {
  h ^= x;
  h = Math.imul(h, 0x5bd1e995);
  return h ^ (h >>> 15);
}

const WORD_SEED = 0x2545f491;

/** Longest dictionary word the lexicon features look for. */
export const MAX_LEXICON_WORD = 6;
/** Longest word the word templates look at. */
const MAX_WORD = 6;

/** Category of a word hash: -1 unknown, 0 only a prefix of words, 1 person, 2 place, 3 organisation. */
export interface WordLexicon {
  lookup(hash: number): number;
}

/** Hash of a string's normalized code units (word identities). */
export function wordHash(text: string, start: number, end: number): number {
  let h = WORD_SEED;
  for (let i = start; i < end; i++) h = mix(h, NORMAL[text.charCodeAt(i)]);
  return h;
}

/** The 30-bit, non-zero key of a word hash in the WORD templates. */
const wordKey = (hash: number): number => hash >>> 2 || 1;
const EDGE_WORD_BEFORE = wordKey(0x5eed0);
const EDGE_WORD_AFTER = wordKey(0x5eed1);

/**
 * What the templates read, per position of the current range (index i) or token of the range
 * (index k from 1; 0 and count + 1 are the line edges). Buffers are reused sentence after sentence.
 */
export class Positions {
  n = 0;
  /** Tokens of the range, edges included: count + 2. */
  tokenCount = 0;
  private size = 0;
  private tokenSize = 0;
  /** codes[i + 2] / kinds[i + 2]: normalized unit and class at position i; two sentinels on each side. */
  codes = new Int32Array(0);
  kinds = new Uint8Array(0);
  /** Token of each position, and the position's place in it: 0 begin, 1 middle, 2 end, 3 single. */
  token = new Int32Array(0);
  place = new Uint8Array(0);
  /** Gazetteer: kind * 4 + place in the match + 1; 0 outside a match. */
  gazetteer = new Uint8Array(0);
  lexBegin = new Uint8Array(0);
  lexEnd = new Uint8Array(0);
  lexInside = new Uint8Array(0);
  /** Per token: tag id, word key (30 bits, non-zero; 0 when the word is longer than MAX_WORD), length, word classes. */
  tag = new Int32Array(0);
  word = new Int32Array(0);
  length = new Int32Array(0);
  klass = new Int32Array(0);

  ensure(n: number): void {
    if (n <= this.size) return;
    this.size = Math.max(n, this.size * 2, 256);
    const s = this.size;
    this.codes = new Int32Array(s + 4);
    this.kinds = new Uint8Array(s + 4);
    this.token = new Int32Array(s);
    this.place = new Uint8Array(s);
    this.gazetteer = new Uint8Array(s);
    this.lexBegin = new Uint8Array(s);
    this.lexEnd = new Uint8Array(s);
    this.lexInside = new Uint8Array(s);
  }

  ensureTokens(count: number): void {
    if (count <= this.tokenSize) return;
    this.tokenSize = Math.max(count, this.tokenSize * 2, 256);
    const s = this.tokenSize;
    this.tag = new Int32Array(s);
    this.word = new Int32Array(s);
    this.length = new Int32Array(s);
    this.klass = new Int32Array(s);
  }
}

const PLACE_KIND_CODE: Record<number, number> = { [PLACE_FULL]: 1, [PLACE_SHORT]: 2, [PLACE_WORLD]: 3, [PLACE_SHORT_COUNTY]: 4 };

/**
 * Fills `p` for text[from, to) read as one sentence (what lies outside it is never looked at):
 * `tokens` is jieba's segmentation of `text` (tokens crossing the range's edges are cut there),
 * `words` the model's dictionary of names (no dictionary features without it).
 */
export function readPositions(p: Positions, text: string, tokens: PackedTokens, words: WordLexicon | undefined, from: number, to: number): void {
  const n = to - from;
  p.n = n;
  p.ensure(n);
  const { codes, kinds, token, place } = p;
  codes[0] = codes[1] = BEFORE;
  kinds[0] = kinds[1] = Kind.Edge;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(from + i);
    codes[i + 2] = NORMAL[c];
    kinds[i + 2] = KIND[c];
  }
  codes[n + 2] = codes[n + 3] = AFTER;
  kinds[n + 2] = kinds[n + 3] = Kind.Edge;

  // Tokens of the range, from 1; positions no token covers read as one-unit tokens.
  const starts = tokens.starts;
  const total = tokens.count;
  let k = 0;
  for (let lo = 0, hi = total; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1] <= from) lo = k = mid + 1;
    else hi = k = mid;
  }
  let first = k;
  while (first < total && starts[first] < to) first++;
  p.ensureTokens(first - k + n + 2);
  const { tag, word, length, klass } = p;
  const { wordClasses: classes, wordClassFilter: hasClass } = lexicon();
  tag[0] = TAG_BEFORE;
  word[0] = EDGE_WORD_BEFORE;
  length[0] = 0;
  klass[0] = 0;
  token.fill(0, 0, n);
  let count = 0;
  for (; k < total && starts[k] < to; k++) {
    const start = Math.max(starts[k], from);
    const end = Math.min(starts[k + 1], to);
    if (end <= start) continue;
    count++;
    tag[count] = tokens.tags[k];
    const size = end - start;
    length[count] = size;
    const h = size <= 8 ? wordHash(text, start, end) : 0;
    word[count] = size <= MAX_WORD ? wordKey(h) : 0;
    klass[count] = size <= 8 && hasClass[h & 0xffff] ? (classes.get(h) ?? 0) : 0;
    for (let i = start; i < end; i++) {
      token[i - from] = count;
      place[i - from] = size === 1 ? 3 : i === start ? 0 : i === end - 1 ? 2 : 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (token[i] !== 0) continue;
    count++;
    tag[count] = 0;
    length[count] = 1;
    word[count] = wordKey(wordHash(text, from + i, from + i + 1));
    klass[count] = 0;
    token[i] = count;
    place[i] = 3;
  }
  tag[count + 1] = TAG_AFTER;
  word[count + 1] = EDGE_WORD_AFTER;
  length[count + 1] = 0;
  klass[count + 1] = 0;
  p.tokenCount = count + 2;

  // Gazetteer matches (leftmost-longest).
  const gazetteer = p.gazetteer;
  gazetteer.fill(0, 0, n);
  for (const m of placeTrie().scan(text, from, to)) {
    const kind = PLACE_KIND_CODE[m.value] ?? 0;
    for (let i = m.start; i < m.end; i++) {
      const at = m.end - m.start === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
      gazetteer[i - from] = kind * 4 + at + 1;
    }
  }
  markLexicon(p, words, n);
}

/**
 * Marks the dictionary words (names, places, organisations of jieba's dictionary, two to
 * MAX_LEXICON_WORD units) found at each position: begin[i] and end[i] hold, per category, a
 * length bucket of the longest word starting or ending at i (2 bits each); inside[i] the
 * categories of words that cover i strictly inside. The lexicon also holds the words' prefixes
 * (category 0), so the walk from a position stops at the first unit no word continues with.
 */
function markLexicon(p: Positions, words: WordLexicon | undefined, n: number): void {
  const { codes, lexBegin, lexEnd, lexInside } = p;
  lexBegin.fill(0, 0, n);
  lexEnd.fill(0, 0, n);
  lexInside.fill(0, 0, n);
  if (!words) return;
  for (let i = 0; i + 1 < n; i++) {
    let h = mix(WORD_SEED, codes[i + 2]);
    for (let length = 2; length <= MAX_LEXICON_WORD && i + length <= n; length++) {
      h = mix(h, codes[i + length + 1]);
      // The table holds unsigned keys; mix() returns a signed 32-bit value (version 3 missed half the words).
      const category = words.lookup(h >>> 0);
      if (category < 0) break;
      if (category === 0) continue;
      const bucket = length === 2 ? 1 : length === 3 ? 2 : 3;
      const shift = (category - 1) * 2;
      const end = i + length - 1;
      if (((lexBegin[i] >> shift) & 3) < bucket) lexBegin[i] = (lexBegin[i] & ~(3 << shift)) | (bucket << shift);
      if (((lexEnd[end] >> shift) & 3) < bucket) lexEnd[end] = (lexEnd[end] & ~(3 << shift)) | (bucket << shift);
      for (let q = i + 1; q < end; q++) lexInside[q] |= 1 << (category - 1);
    }
  }
}

/** The Types key: the classes of the characters at −1, 0, +1. */
export const typesKey = (p: Positions, i: number): number => p.kinds[i + 1] * 81 + p.kinds[i + 2] * 9 + p.kinds[i + 3];
/** The CharPosLength row: place in the word and length (7 for 7 or more). */
export const posLengthRow = (place: number, length: number): number => place * 8 + Math.min(length, 7);

/**
 * The key of every template at every position of `p`: out[i * TEMPLATE_COUNT + t], ABSENT for a
 * feature the position lacks. This is the reference definition of the features (training reads
 * it); the tagger computes the same lookups directly (tagger.ts, checked against this in tests).
 */
export function featureKeys(p: Positions, out?: Uint32Array): Uint32Array {
  const F = TEMPLATE_COUNT;
  const n = p.n;
  if (!out || out.length < n * F) out = new Uint32Array(Math.max(n * F, 256) * 2);
  const { codes, token, place, gazetteer, lexBegin, lexEnd, lexInside, tag: tagOf, word: wordOf, length: lengthOf, klass: classOf } = p;
  const charClass = lexicon().charClasses;
  for (let i = 0; i < n; i++) {
    const o = i * F;
    const m2 = codes[i];
    const m1 = codes[i + 1];
    const c0 = codes[i + 2];
    const p1 = codes[i + 3];
    const p2 = codes[i + 4];
    const k = token[i];
    const pos = place[i];
    const tag = tagOf[k];
    out[o + Template.Bias] = 0;
    out[o + Template.CharM2] = m2;
    out[o + Template.CharM1] = m1;
    out[o + Template.Char0] = c0;
    out[o + Template.CharP1] = p1;
    out[o + Template.CharP2] = p2;
    out[o + Template.BigramM2M1] = ((m2 << 16) | m1) >>> 0;
    out[o + Template.BigramM1C0] = ((m1 << 16) | c0) >>> 0;
    out[o + Template.BigramC0P1] = ((c0 << 16) | p1) >>> 0;
    out[o + Template.BigramP1P2] = ((p1 << 16) | p2) >>> 0;
    out[o + Template.Types] = typesKey(p, i);
    out[o + Template.PosTag] = tag * 4 + pos;
    out[o + Template.Word] = wordOf[k] ? ((wordOf[k] << 2) | pos) >>> 0 : ABSENT;
    out[o + Template.PrevTagTag] = (tagOf[k - 1] * TAG_SPACE + tag) * 4 + pos;
    out[o + Template.TagNextTag] = (tag * TAG_SPACE + tagOf[k + 1]) * 4 + pos;
    out[o + Template.PrevWord] = wordOf[k - 1] ? ((wordOf[k - 1] << 2) | pos) >>> 0 : ABSENT;
    out[o + Template.NextWord] = wordOf[k + 1] ? ((wordOf[k + 1] << 2) | pos) >>> 0 : ABSENT;
    out[o + Template.CharPosLength] = c0 * CHAR_POS_LENGTH_ROWS + posLengthRow(pos, lengthOf[k]);
    out[o + Template.Place] = gazetteer[i] || ABSENT;
    const classes = charClass[c0];
    out[o + Template.CharClasses] = classes ? classes * 4 + pos : ABSENT;
    out[o + Template.PrevWordClass] = classOf[k - 1] ? classOf[k - 1] * 4 + pos : ABSENT;
    out[o + Template.WordClass] = classOf[k] ? classOf[k] * 4 + pos : ABSENT;
    out[o + Template.CharTag] = c0 * TAG_SPACE + tag;
    out[o + Template.LexiconBegin] = lexBegin[i] || ABSENT;
    out[o + Template.LexiconEnd] = lexEnd[i] || ABSENT;
    out[o + Template.LexiconInside] = lexInside[i] || ABSENT;
  }
  return out;
}
