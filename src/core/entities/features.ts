// Feature extraction of the entity tagger: per UTF-16 position of a Simplified line, a fixed number of hashed integer features.
//
// The same code runs when training (scripts/ner/train.ts) and when tagging, so a feature means the
// same in both. Each feature is a 32-bit hash of its template number and its values (characters,
// jieba's word and part-of-speech tag at the position, list memberships); 0 means "no feature".
// FEATURE_VERSION is stored in the model: change it whenever a template changes, and retrain.
import { placeTrie, PLACE_FULL, PLACE_SHORT, PLACE_SHORT_COUNTY, PLACE_WORLD } from './gazetteer';
import { lexicon } from './lexicon';
import type { Tokens } from './segmenter';

export const FEATURE_VERSION = 2;

/** Template numbers. Their count is the number of features per position. */
const enum Template {
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

/** jieba's part-of-speech tags, numbered (an unknown tag is 0). */
const TAG_IDS = new Map<string, number>(
  'a ad ag an b c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz s t tg u ud ug uj ul uv uz v vd vg vi vn vq x y z zg'
    .split(' ')
    .map((tag, index) => [tag, index + 1]),
);

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

/** Normalized code unit and class per code unit, built once. */
const NORMAL = new Uint16Array(65536);
const KIND = new Uint8Array(65536);
(function buildTables(): void {
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
    } else if ('〇一二三四五六七八九十百千万亿两零'.includes(String.fromCharCode(n))) kind = Kind.Numeral;
    else if ((n >= 0x4e00 && n <= 0x9fff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0xf900 && n <= 0xfaff)) kind = Kind.Han;
    else if ((n >= 0x21 && n <= 0x2f) || (n >= 0x3a && n <= 0x40) || (n >= 0x5b && n <= 0x60) || (n >= 0x7b && n <= 0x7e) || (n >= 0x2000 && n <= 0x206f) || (n >= 0x3000 && n <= 0x303f) || n === 0xff65 || n === 0x30fb) kind = Kind.Punct;
    else kind = Kind.Other;
    NORMAL[c] = n;
    KIND[c] = kind;
  }
})();

/** Sentinel code units before and after the line. */
const BEFORE = 0x110001;
const AFTER = 0x110002;

function mix(h: number, x: number): number {
  h ^= x;
  h = Math.imul(h, 0x5bd1e995);
  return h ^ (h >>> 15);
}

const seed = (template: Template): number => Math.imul(template + 1, 0x9e3779b9);

const WORD_SEED = 0x2545f491;

/** Longest dictionary word the lexicon features look for. */
export const MAX_LEXICON_WORD = 6;

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

/** Reusable buffers (grown as needed): the tagger runs sentence after sentence. */
class Scratch {
  size = 0;
  codes = new Int32Array(0);
  kinds = new Uint8Array(0);
  position = new Uint8Array(0);
  word = new Int32Array(0);
  place = new Uint8Array(0);
  /** Per token of the range, from index 1 (0 and count + 1 are the edges): tag id, word hash, length, word classes. */
  tag = new Int32Array(0);
  hash = new Int32Array(0);
  length = new Int32Array(0);
  klass = new Int32Array(0);
  lexBegin = new Uint8Array(0);
  lexEnd = new Uint8Array(0);
  lexInside = new Uint8Array(0);
  ensure(n: number): void {
    if (n <= this.size) return;
    this.size = Math.max(n, this.size * 2, 256);
    this.codes = new Int32Array(this.size + 4);
    this.kinds = new Uint8Array(this.size + 4);
    this.position = new Uint8Array(this.size);
    this.word = new Int32Array(this.size);
    this.place = new Uint8Array(this.size);
    this.tag = new Int32Array(this.size + 2);
    this.hash = new Int32Array(this.size + 2);
    this.length = new Int32Array(this.size + 2);
    this.klass = new Int32Array(this.size + 2);
    this.lexBegin = new Uint8Array(this.size);
    this.lexEnd = new Uint8Array(this.size);
    this.lexInside = new Uint8Array(this.size);
  }
}
const scratch = new Scratch();

const PLACE_KIND_CODE: Record<number, number> = { [PLACE_FULL]: 1, [PLACE_SHORT]: 2, [PLACE_WORLD]: 3, [PLACE_SHORT_COUNTY]: 4 };

/**
 * Writes TEMPLATE_COUNT features per position of text[from, to) into `out` (grown when too
 * small) and returns it: out[(i - from) * TEMPLATE_COUNT + t]. `tokens` is jieba's segmentation
 * of `text`, `words` the model's dictionary of names (no dictionary features without it); tokens crossing the range's edges are cut there, and the range reads as a whole
 * sentence (what lies outside it is never looked at).
 */
export function extractFeatures(text: string, tokens: Tokens, words: WordLexicon | undefined, from = 0, to = text.length, out?: Uint32Array): Uint32Array {
  const n = to - from;
  const F = TEMPLATE_COUNT;
  if (!out || out.length < n * F) out = new Uint32Array(Math.max(n * F, 256) * 2);
  scratch.ensure(n);
  const { codes, kinds, position, word, place, tag: tagOf, hash: hashOf, length: lengthOf, klass: classOf } = scratch;
  // codes[i + 2] is the normalized unit at from + i; two sentinels on each side.
  codes[0] = codes[1] = BEFORE;
  kinds[0] = kinds[1] = Kind.Edge;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(from + i);
    codes[i + 2] = NORMAL[c];
    kinds[i + 2] = KIND[c];
  }
  codes[n + 2] = codes[n + 3] = AFTER;
  kinds[n + 2] = kinds[n + 3] = Kind.Edge;

  // Tokens of the range (numbered from 1), the token of each position and the position inside
  // it: 0 begin, 1 middle, 2 end, 3 single. Positions no token covers read as one-unit tokens.
  const classes = lexicon().wordClasses;
  const starts = tokens.starts;
  const tokenTotal = tokens.words.length;
  tagOf[0] = 100;
  hashOf[0] = 0x5eed0;
  lengthOf[0] = 0;
  classOf[0] = 0;
  word.fill(0, 0, n);
  let count = 0;
  let k = 0;
  // Binary search for the first token that ends after `from`.
  for (let lo = 0, hi = tokenTotal; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (starts[mid + 1] <= from) lo = k = mid + 1;
    else hi = k = mid;
  }
  for (; k < tokenTotal && starts[k] < to; k++) {
    const start = Math.max(starts[k], from);
    const end = Math.min(starts[k + 1], to);
    if (end <= start) continue;
    count++;
    tagOf[count] = TAG_IDS.get(tokens.tags[k]) ?? 0;
    lengthOf[count] = end - start;
    const h = wordHash(text, start, end);
    hashOf[count] = h;
    classOf[count] = end - start <= 8 ? (classes.get(h) ?? 0) : 0;
    for (let i = start; i < end; i++) {
      word[i - from] = count;
      position[i - from] = end - start === 1 ? 3 : i === start ? 0 : i === end - 1 ? 2 : 1;
    }
  }
  for (let i = 0; i < n; i++) {
    if (word[i] !== 0) continue;
    count++;
    tagOf[count] = 0;
    lengthOf[count] = 1;
    hashOf[count] = wordHash(text, from + i, from + i + 1);
    classOf[count] = 0;
    word[i] = count;
    position[i] = 3;
  }
  tagOf[count + 1] = 101;
  hashOf[count + 1] = 0x5eed1;
  lengthOf[count + 1] = 0;
  classOf[count + 1] = 0;

  // Gazetteer matches (leftmost-longest): place[i] = kind * 4 + position in the match, + 1; 0 outside.
  place.fill(0, 0, n);
  for (const m of placeTrie().scan(text, from, to)) {
    const kind = PLACE_KIND_CODE[m.value] ?? 0;
    for (let i = m.start; i < m.end; i++) {
      const p = m.end - m.start === 1 ? 3 : i === m.start ? 0 : i === m.end - 1 ? 2 : 1;
      place[i - from] = kind * 4 + p + 1;
    }
  }

  if (words) markLexicon(words, n);
  else {
    scratch.lexBegin.fill(0, 0, n);
    scratch.lexEnd.fill(0, 0, n);
    scratch.lexInside.fill(0, 0, n);
  }
  const { lexBegin, lexEnd, lexInside } = scratch;
  const charClass = lexicon().charClasses;
  for (let i = 0; i < n; i++) {
    const o = i * F;
    const m2 = codes[i];
    const m1 = codes[i + 1];
    const c0 = codes[i + 2];
    const p1 = codes[i + 3];
    const p2 = codes[i + 4];
    const k = word[i];
    const pos = position[i];
    const tag = tagOf[k];
    const length = lengthOf[k];
    out[o + Template.Bias] = seed(Template.Bias);
    out[o + Template.CharM2] = mix(seed(Template.CharM2), m2);
    out[o + Template.CharM1] = mix(seed(Template.CharM1), m1);
    out[o + Template.Char0] = mix(seed(Template.Char0), c0);
    out[o + Template.CharP1] = mix(seed(Template.CharP1), p1);
    out[o + Template.CharP2] = mix(seed(Template.CharP2), p2);
    out[o + Template.BigramM2M1] = mix(mix(seed(Template.BigramM2M1), m2), m1);
    out[o + Template.BigramP1P2] = mix(mix(seed(Template.BigramP1P2), p1), p2);
    out[o + Template.BigramM1C0] = mix(mix(seed(Template.BigramM1C0), m1), c0);
    out[o + Template.BigramC0P1] = mix(mix(seed(Template.BigramC0P1), c0), p1);
    out[o + Template.Types] = mix(seed(Template.Types), kinds[i + 1] | (kinds[i + 2] << 4) | (kinds[i + 3] << 8));
    out[o + Template.PosTag] = mix(seed(Template.PosTag), tag * 4 + pos);
    out[o + Template.Word] = length <= 6 ? mix(mix(seed(Template.Word), hashOf[k]), pos) : 0;
    out[o + Template.PrevTagTag] = mix(seed(Template.PrevTagTag), (tagOf[k - 1] * 128 + tag) * 4 + pos);
    out[o + Template.TagNextTag] = mix(seed(Template.TagNextTag), (tag * 128 + tagOf[k + 1]) * 4 + pos);
    out[o + Template.PrevWord] = lengthOf[k - 1] <= 6 ? mix(mix(seed(Template.PrevWord), hashOf[k - 1]), pos) : 0;
    out[o + Template.NextWord] = lengthOf[k + 1] <= 6 ? mix(mix(seed(Template.NextWord), hashOf[k + 1]), pos) : 0;
    out[o + Template.CharPosLength] = mix(seed(Template.CharPosLength), c0 * 32 + pos * 8 + Math.min(length, 7));
    out[o + Template.Place] = place[i] ? mix(seed(Template.Place), place[i]) : 0;
    const classes = c0 < 65536 ? charClass[c0] : 0;
    out[o + Template.CharClasses] = classes ? mix(seed(Template.CharClasses), classes * 4 + pos) : 0;
    const previousClass = classOf[k - 1];
    out[o + Template.PrevWordClass] = previousClass ? mix(seed(Template.PrevWordClass), previousClass * 4 + pos) : 0;
    const wordClass = classOf[k];
    out[o + Template.WordClass] = wordClass ? mix(seed(Template.WordClass), wordClass * 4 + pos) : 0;
    out[o + Template.CharTag] = mix(seed(Template.CharTag), c0 * 128 + tag);
    out[o + Template.LexiconBegin] = lexBegin[i] ? mix(seed(Template.LexiconBegin), lexBegin[i]) : 0;
    out[o + Template.LexiconEnd] = lexEnd[i] ? mix(seed(Template.LexiconEnd), lexEnd[i]) : 0;
    out[o + Template.LexiconInside] = lexInside[i] ? mix(seed(Template.LexiconInside), lexInside[i]) : 0;
  }
  return out;
}

/**
 * Marks the dictionary words (names, places, organisations of jieba's dictionary, two to
 * MAX_LEXICON_WORD units) found at each position: begin[i] and end[i] hold, per category, a
 * length bucket of the longest word starting or ending at i (2 bits each); inside[i] the
 * categories of words that cover i strictly inside. The lexicon also holds the words' prefixes
 * (category 0), so the walk from a position stops at the first unit no word continues with.
 */
function markLexicon(lexicon: WordLexicon, n: number): void {
  const { codes, lexBegin, lexEnd, lexInside } = scratch;
  lexBegin.fill(0, 0, n);
  lexEnd.fill(0, 0, n);
  lexInside.fill(0, 0, n);
  for (let i = 0; i + 1 < n; i++) {
    let h = mix(WORD_SEED, codes[i + 2]);
    for (let length = 2; length <= MAX_LEXICON_WORD && i + length <= n; length++) {
      h = mix(h, codes[i + length + 1]);
      const category = lexicon.lookup(h);
      if (category < 0) break;
      if (category === 0) continue;
      const bucket = length === 2 ? 1 : length === 3 ? 2 : 3;
      const shift = (category - 1) * 2;
      const end = i + length - 1;
      if (((lexBegin[i] >> shift) & 3) < bucket) lexBegin[i] = (lexBegin[i] & ~(3 << shift)) | (bucket << shift);
      if (((lexEnd[end] >> shift) & 3) < bucket) lexEnd[end] = (lexEnd[end] & ~(3 << shift)) | (bucket << shift);
      for (let k = i + 1; k < end; k++) lexInside[k] |= 1 << (category - 1);
    }
  }
}
