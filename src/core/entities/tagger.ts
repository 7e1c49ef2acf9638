// The trained sequence tagger: a linear-chain model over character positions (BIO labels for PER/LOC/ORG) and its decoder.
//
// Scores are sums of feature weights (features.ts, weights in the model file: model-format.ts)
// plus label-transition weights; the best label sequence is found by Viterbi. An entity's
// confidence is its probability under the same scores read as a linear-chain CRF at the
// calibrated temperature stored in the model (forward-backward).
//
// The emission scores of a sentence do one lookup per character (its rows at −2…+2 and its
// CharPosLength rows), one per character pair (its rows at −2…+2), one per word (its rows as the
// word, the word before and the word after) and one per character and tag; the other templates
// index small dense tables. The rows found are summed through the codebook. (A view that reads an overlay,
// overlay.ts, reads a copy of the tables with the overlay's rows in them: the same lookups.)
import type { EntityType } from '../types';
import { expOfNonPositive } from './exp-table';
import * as features from './features';
import { featureKeys, Positions, readPositions, Template, TEMPLATE_COUNT } from './features';
import { FILTER_MULTIPLIER, filterOfSlots, type KeyFilter } from './key-filter';
import { lexicon } from './lexicon';
import * as format from './model-format';
import { featureRow, type TaggerModel } from './model-format';
import type { PackedTokens } from './segmenter';

export const LABEL_COUNT = format.LABEL_COUNT;
export type { TaggerModel } from './model-format';

export const ENTITY_LABELS = ['PER', 'LOC', 'ORG'] as const satisfies readonly EntityType[];
export type TaggedType = (typeof ENTITY_LABELS)[number];

/** Label numbering: 0 is O; type t has B 1+2t and I 2+2t. The decoder is written for these 7 labels. */
export const labelOf = (type: number, part: 'B' | 'I'): number => 1 + 2 * type + (part === 'I' ? 1 : 0);
const isInside = (label: number): boolean => label !== 0 && (label & 1) === 0;
const typeOf = (label: number): number => (label - 1) >> 1;

/** True when label `b` may follow label `a` (BIO: I-X only after B-X or I-X). */
export function allowedTransition(a: number, b: number): boolean {
  return !isInside(b) || (a !== 0 && typeOf(a) === typeOf(b));
}
export const allowedStart = (label: number): boolean => !isInside(label);
export const allowedEnd = (_label: number): boolean => true;

/** An entity found by the tagger: offsets into the tagged text, and its probability. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: TaggedType;
  confidence: number;
}

// Constants of the hot loop as locals of this module (an imported binding is a property read per use when not bundled).
const TAG_SPACE = features.TAG_SPACE;
const WORD_PREV_ROW = features.WORD_PREV_ROW;
const WORD_NEXT_ROW = features.WORD_NEXT_ROW;
const CHAR_POS_LENGTH_ROWS = features.CHAR_POS_LENGTH_ROWS;
const BIGRAM_SLOT = format.BIGRAM_SLOT;
const WORD_SLOT = format.WORD_SLOT;
const CHAR_TAG_SLOT = format.CHAR_TAG_SLOT;
const CHAR_ROWS = format.CHAR_ROWS;
const T_BIAS = Template.Bias;
const T_TYPES = Template.Types;
const T_POS_TAG = Template.PosTag;
const T_PREV_TAG_TAG = Template.PrevTagTag;
const T_TAG_NEXT_TAG = Template.TagNextTag;
const T_PLACE = Template.Place;
const T_CHAR_CLASSES = Template.CharClasses;
const T_PREV_WORD_CLASS = Template.PrevWordClass;
const T_WORD_CLASS = Template.WordClass;
const T_LEX_BEGIN = Template.LexiconBegin;
const T_LEX_END = Template.LexiconEnd;
const T_LEX_INSIDE = Template.LexiconInside;
const firstSlot = format.firstSlot;

/** Reusable buffers of the decoder. */
const positions = new Positions();
let emissionBuffer = new Float32Array(0);
let backPointer = new Uint8Array(0);
let alphaBuffer = new Float64Array(0);
let betaBuffer = new Float64Array(0);
let potentialBuffer = new Float64Array(0);
let scaleBuffer = new Float64Array(0);
let labelBuffer = new Uint8Array(0);
/** Per padded position: character id; per character pair: byte offset of its rows (-1: none); per token: the same for its word. */
let charIdBuffer = new Int32Array(0);
let pairRowBuffer = new Int32Array(0);
let wordRowBuffer = new Int32Array(0);
/** Rows of one position (at most one per template): codes, and weights (DecoderTables.weights). */
const rowBuffer = new Int32Array(TEMPLATE_COUNT + 4);
const floatRowBuffer = new Int32Array(TEMPLATE_COUNT + 4);

function ensureBuffers(n: number, tokens: number): void {
  if (labelBuffer.length < n) {
    const size = Math.max(n, 256) * 2;
    emissionBuffer = new Float32Array(size * 7);
    backPointer = new Uint8Array(size * 7);
    alphaBuffer = new Float64Array(size * 7);
    betaBuffer = new Float64Array(size * 7);
    potentialBuffer = new Float64Array(size * 7);
    scaleBuffer = new Float64Array(size);
    labelBuffer = new Uint8Array(size);
    charIdBuffer = new Int32Array(size + 4);
    pairRowBuffer = new Int32Array(size + 4);
  }
  if (wordRowBuffer.length < tokens) wordRowBuffer = new Int32Array(Math.max(tokens, 256) * 2);
}

/** Emission scores of every position of text[from, to) and label (read as one sentence). */
export function emissionScores(model: TaggerModel, text: string, tokens: PackedTokens, from = 0, to = text.length): Float32Array {
  readPositions(positions, text, tokens, model.words, from, to);
  return emissionsOf(model, positions);
}

/** What the decoder derives from a model once (about 1.7 MB): all of it gives the same scores as the file's tables. */
interface DecoderTables {
  /** Filters of the keys of the character-pair and word tables. */
  bigrams: KeyFilter;
  words: KeyFilter;
  /**
   * The rows of the small tables every position reads (the dense tables and the character rows)
   * as weights rather than codebook codes: one load per weight instead of two. The character
   * rows come first (index: byte offset minus `charShift`), then the dense tables.
   */
  weights: Float32Array;
  /** Per template: index in `weights` of its dense table's first row. */
  dense: number[];
  charShift: number;
  /** Byte offset of the CharTag row of (character id, tag) (id * TAG_SPACE + tag), -1 for none; ids are those of model.charIds. */
  charTagRows: Int32Array;
}

const tablesCache = new WeakMap<TaggerModel, DecoderTables>();
/** The parts of DecoderTables that a model's conventions share (model-format.ts: the same bytes, other dense tables). */
const sharedCache = new WeakMap<Uint8Array, Pick<DecoderTables, 'bigrams' | 'words' | 'charTagRows'>>();
function decoderTables(model: TaggerModel): DecoderTables {
  let tables = tablesCache.get(model);
  if (tables) return tables;
  const { layout } = model.header;
  const { bytes, codebook } = model;
  // The dense tables lie one after another (model-format.ts buildModel): one span covers them.
  let denseStart = Infinity;
  let denseEnd = 0;
  layout.dense.forEach((at, t) => {
    if (at < 0) return;
    denseStart = Math.min(denseStart, at);
    denseEnd = Math.max(denseEnd, at + (features.DENSE_ROWS[t as Template] ?? 0) * LABEL_COUNT);
  });
  const charLength = layout.chars * CHAR_ROWS * LABEL_COUNT;
  const weights = new Float32Array(charLength + denseEnd - denseStart);
  for (let i = 0; i < charLength; i++) weights[i] = codebook[bytes[layout.charRows + i]];
  for (let i = denseStart; i < denseEnd; i++) weights[charLength + i - denseStart] = codebook[bytes[i]];
  tables = {
    ...sharedTables(model),
    weights,
    dense: layout.dense.map((at) => at - denseStart + charLength),
    charShift: layout.charRows,
  };
  tablesCache.set(model, tables);
  return tables;
}

function sharedTables(model: TaggerModel): Pick<DecoderTables, 'bigrams' | 'words' | 'charTagRows'> {
  let shared = sharedCache.get(model.bytes);
  if (shared) return shared;
  const { layout } = model.header;
  const { words32, charIds } = model;
  const keyAt = (at: number, slotBytes: number) => (slot: number) => words32[(at + slot * slotBytes) >> 2];
  const charTagRows = new Int32Array(layout.chars * TAG_SPACE).fill(-1);
  for (let slot = 0; slot < layout.charTagSlots; slot++) {
    const at = layout.charTags + slot * CHAR_TAG_SLOT;
    const key = words32[at >> 2];
    if (key === 0) continue;
    const id = charIds[Math.floor(key / TAG_SPACE)];
    if (id !== 0) charTagRows[id * TAG_SPACE + (key % TAG_SPACE)] = at + 4;
  }
  shared = {
    bigrams: filterOfSlots(layout.bigramSlots, keyAt(layout.bigrams, BIGRAM_SLOT)),
    words: filterOfSlots(layout.wordSlots, keyAt(layout.words, WORD_SLOT)),
    charTagRows,
  };
  sharedCache.set(model.bytes, shared);
  return shared;
}

/** Emission scores of the positions `p` has read: n * 7 values (a reused buffer). */
export function emissionsOf(model: TaggerModel, p: Positions): Float32Array {
  const n = p.n;
  ensureBuffers(n, p.tokenCount);
  const { bytes, words32, charIds, codebook: cb } = model;
  const layout = model.header.layout;
  const { codes, kinds, token, place, gazetteer, lexBegin, lexEnd, lexInside, tag: tagOf, word: wordOf, length: lengthOf, klass: classOf } = p;
  const charClass = lexicon().charClasses;
  // The reused buffers as locals: a module-level `let` is reloaded at every use in a loop.
  const charIdAt = charIdBuffer;
  const pairRows = pairRowBuffer;
  const wordRows = wordRowBuffer;
  const emission = emissionBuffer;
  const rows = rowBuffer;

  for (let j = 0; j < n + 4; j++) charIdAt[j] = charIds[codes[j]];
  const filters = decoderTables(model);
  // Character pairs (codes[j], codes[j + 1]) of the padded sentence: the pair at −2 of position i is j = i.
  {
    const slots = layout.bigramSlots;
    const base = layout.bigrams;
    const stride = BIGRAM_SLOT >> 2;
    const { bits, shift } = filters.bigrams;
    for (let j = 0; j < n + 3; j++) {
      const key = ((codes[j] << 16) | codes[j + 1]) >>> 0;
      let ref = -1;
      // KeyFilter.mayHave, inlined: about half the pairs of a text have no weights.
      const bit = Math.imul(key, FILTER_MULTIPLIER) >>> shift;
      if ((bits[bit >>> 5] & (1 << (bit & 31))) === 0) {
        pairRows[j] = -1;
        continue;
      }
      for (let slot = firstSlot(key, slots); ; slot = slot + 1 === slots ? 0 : slot + 1) {
        const k = words32[(base >> 2) + slot * stride];
        if (k === key) {
          ref = base + slot * BIGRAM_SLOT + 4;
          break;
        }
        if (k === 0) break;
      }
      pairRows[j] = ref;
    }
  }
  {
    const slots = layout.wordSlots;
    const base = layout.words;
    const stride = WORD_SLOT >> 2;
    const { bits, shift } = filters.words;
    for (let k = 0; k < p.tokenCount; k++) {
      const key = wordOf[k];
      let ref = -1;
      const bit = Math.imul(key, FILTER_MULTIPLIER) >>> shift;
      if (key !== 0 && (bits[bit >>> 5] & (1 << (bit & 31))) !== 0) {
        for (let slot = firstSlot(key, slots); ; slot = slot + 1 === slots ? 0 : slot + 1) {
          const w = words32[(base >> 2) + slot * stride];
          if (w === key) {
            ref = base + slot * WORD_SLOT + 4;
            break;
          }
          if (w === 0) break;
        }
      }
      wordRows[k] = ref;
    }
  }
  const { weights, dense, charShift, charTagRows } = filters;
  const floatRows = floatRowBuffer;
  const dBias = dense[T_BIAS];
  const dTypes = dense[T_TYPES];
  const dPosTag = dense[T_POS_TAG];
  const dPrevTagTag = dense[T_PREV_TAG_TAG];
  const dTagNextTag = dense[T_TAG_NEXT_TAG];
  const dPlace = dense[T_PLACE];
  const dCharClasses = dense[T_CHAR_CLASSES];
  const dPrevWordClass = dense[T_PREV_WORD_CLASS];
  const dWordClass = dense[T_WORD_CLASS];
  const dLexBegin = dense[T_LEX_BEGIN];
  const dLexEnd = dense[T_LEX_END];
  const dLexInside = dense[T_LEX_INSIDE];
  const charRows = layout.charRows - charShift;
  const posLengthRows = layout.posLengthRows;
  const tagSlots = layout.charTagSlots;
  const tagBase = layout.charTags;
  const tagStride = CHAR_TAG_SLOT >> 2;
  const L = 7;
  for (let i = 0; i < n; i++) {
    const k = token[i];
    const pos = place[i];
    const tag = tagOf[k];
    const c0 = codes[i + 2];
    let r = 0;
    // Rows of the small tables (weights, in `floatRows`) and of the hashed ones (codes, in `rows`).
    // The sums are exact in any order (at most ~40 weights of 24 significant bits within 2^-31…2^7),
    // so splitting them changes no bit of the scores.
    // The dense tables always exist in a model file.
    let f = 0;
    floatRows[f++] = dBias;
    floatRows[f++] = dTypes + (kinds[i + 1] * 81 + kinds[i + 2] * 9 + kinds[i + 3]) * L;
    floatRows[f++] = dPosTag + (tag * 4 + pos) * L;
    floatRows[f++] = dPrevTagTag + ((tagOf[k - 1] * TAG_SPACE + tag) * 4 + pos) * L;
    floatRows[f++] = dTagNextTag + ((tag * TAG_SPACE + tagOf[k + 1]) * 4 + pos) * L;
    if (gazetteer[i]) floatRows[f++] = dPlace + gazetteer[i] * L;
    const classes = charClass[c0];
    if (classes) floatRows[f++] = dCharClasses + (classes * 4 + pos) * L;
    if (classOf[k - 1]) floatRows[f++] = dPrevWordClass + (classOf[k - 1] * 4 + pos) * L;
    if (classOf[k]) floatRows[f++] = dWordClass + (classOf[k] * 4 + pos) * L;
    if (lexBegin[i]) floatRows[f++] = dLexBegin + lexBegin[i] * L;
    if (lexEnd[i]) floatRows[f++] = dLexEnd + lexEnd[i] * L;
    if (lexInside[i]) floatRows[f++] = dLexInside + lexInside[i] * L;
    for (let q = 0; q < 5; q++) {
      const id = charIdAt[i + q];
      if (id !== 0) floatRows[f++] = charRows + (id * CHAR_ROWS + q) * L;
    }
    const id = charIdAt[i + 2];
    if (id !== 0) rows[r++] = posLengthRows + (id * CHAR_POS_LENGTH_ROWS + pos * 8 + (lengthOf[k] < 7 ? lengthOf[k] : 7)) * L;
    for (let q = 0; q < 4; q++) {
      const b = pairRows[i + q];
      if (b >= 0) rows[r++] = b + q * L;
    }
    if (wordRows[k] >= 0) rows[r++] = wordRows[k] + pos * L;
    if (wordRows[k - 1] >= 0) rows[r++] = wordRows[k - 1] + (WORD_PREV_ROW + pos) * L;
    if (wordRows[k + 1] >= 0) rows[r++] = wordRows[k + 1] + (WORD_NEXT_ROW + pos) * L;
    if (id !== 0) {
      // A character with an id: its CharTag row by index.
      const row = charTagRows[id * TAG_SPACE + tag];
      if (row >= 0) rows[r++] = row;
    } else {
      const tagKey = c0 * TAG_SPACE + tag;
      for (let slot = firstSlot(tagKey, tagSlots); ; slot = slot + 1 === tagSlots ? 0 : slot + 1) {
        const w = words32[(tagBase >> 2) + slot * tagStride];
        if (w === tagKey) {
          rows[r++] = tagBase + slot * CHAR_TAG_SLOT + 4;
          break;
        }
        if (w === 0) break;
      }
    }
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    let e4 = 0;
    let e5 = 0;
    let e6 = 0;
    for (let q = 0; q < f; q++) {
      const o = floatRows[q];
      e0 += weights[o];
      e1 += weights[o + 1];
      e2 += weights[o + 2];
      e3 += weights[o + 3];
      e4 += weights[o + 4];
      e5 += weights[o + 5];
      e6 += weights[o + 6];
    }
    for (let q = 0; q < r; q++) {
      const o = rows[q];
      e0 += cb[bytes[o]];
      e1 += cb[bytes[o + 1]];
      e2 += cb[bytes[o + 2]];
      e3 += cb[bytes[o + 3]];
      e4 += cb[bytes[o + 4]];
      e5 += cb[bytes[o + 5]];
      e6 += cb[bytes[o + 6]];
    }
    const base = i * L;
    emission[base] = e0;
    emission[base + 1] = e1;
    emission[base + 2] = e2;
    emission[base + 3] = e3;
    emission[base + 4] = e4;
    emission[base + 5] = e5;
    emission[base + 6] = e6;
  }
  return emission;
}

/**
 * The same scores through the reference definition of the features (featureKeys and one
 * featureRow lookup per feature): slow, for tests and training checks.
 */
export function referenceEmissions(model: TaggerModel, p: Positions): Float32Array {
  const F = TEMPLATE_COUNT;
  const keys = featureKeys(p);
  const out = new Float32Array(p.n * 7);
  for (let i = 0; i < p.n; i++) {
    for (let t = 0; t < F; t++) {
      const o = featureRow(model, t as Template, keys[i * F + t]);
      if (o < 0) continue;
      for (let l = 0; l < 7; l++) out[i * 7 + l] += model.codebook[model.bytes[o + l]];
    }
  }
  return out;
}

/** Viterbi's two score rows, reused. */
const viterbiRows = [new Float64Array(7), new Float64Array(7)];

/** Best label sequence for emission scores `e` of n positions (labels written into `out`). */
export function viterbi(model: TaggerModel, e: Float32Array, n: number, out: Uint8Array): void {
  const L = 7;
  const { transitions: t, start, end } = model;
  if (backPointer.length < n * L) backPointer = new Uint8Array(Math.max(n, 256) * 2 * L);
  const back = backPointer;
  let previous = viterbiRows[0];
  let current = viterbiRows[1];
  for (let l = 0; l < L; l++) previous[l] = start[l] + e[l];
  for (let i = 1; i < n; i++) {
    const base = i * L;
    const p0 = previous[0];
    const p1 = previous[1];
    const p2 = previous[2];
    const p3 = previous[3];
    const p4 = previous[4];
    const p5 = previous[5];
    const p6 = previous[6];
    for (let b = 0; b < L; b++) {
      if (b !== 0 && (b & 1) === 0) {
        // I-X: only B-X (b - 1) or I-X itself may precede it.
        const from = b - 1;
        let best = previous[from] + t[from * 7 + b];
        let arg = from;
        const s = previous[b] + t[b * 8];
        if (s > best) (best = s), (arg = b);
        current[b] = best + e[base + b];
        back[base + b] = arg;
        continue;
      }
      let best = p0 + t[b];
      let arg = 0;
      let s = p1 + t[7 + b];
      if (s > best) (best = s), (arg = 1);
      s = p2 + t[14 + b];
      if (s > best) (best = s), (arg = 2);
      s = p3 + t[21 + b];
      if (s > best) (best = s), (arg = 3);
      s = p4 + t[28 + b];
      if (s > best) (best = s), (arg = 4);
      s = p5 + t[35 + b];
      if (s > best) (best = s), (arg = 5);
      s = p6 + t[42 + b];
      if (s > best) (best = s), (arg = 6);
      current[b] = best + e[base + b];
      back[base + b] = arg;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  let best = -Infinity;
  let label = 0;
  for (let l = 0; l < L; l++) {
    const s = previous[l] + end[l];
    if (s > best) {
      best = s;
      label = l;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = label;
    label = back[i * L + label];
  }
}

/** Entities of a label sequence (BIO; I never follows O or another type: those transitions are -Infinity). */
export function spansOf(labels: Uint8Array, n: number): { start: number; end: number; type: number }[] {
  const spans: { start: number; end: number; type: number }[] = [];
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label === 0 || isInside(label)) continue;
    let j = i + 1;
    while (j < n && labels[j] === label + 1) j++;
    spans.push({ start: i, end: j, type: typeOf(label) });
    i = j - 1;
  }
  return spans;
}

const transitionCache = new WeakMap<TaggerModel, { temperature: number; potentials: Float64Array }>();
/** exp(transition / temperature), 0 for a forbidden transition (BIO: I-X only after B-X or I-X). */
function transitionPotentials(model: TaggerModel): Float64Array {
  const T = model.header.temperature;
  let cached = transitionCache.get(model);
  if (!cached || cached.temperature !== T) {
    // A transition BIO forbids is 0 whatever the file says: the forward-backward passes skip them.
    cached = { temperature: T, potentials: Float64Array.from(model.transitions, (w, k) => (w === -Infinity || !allowedTransition(Math.floor(k / 7), k % 7) ? 0 : Math.exp(w / T))) };
    transitionCache.set(model, cached);
  }
  return cached.potentials;
}

/**
 * Probabilities of the given spans (forward-backward over exp(score / temperature)): the
 * probability that exactly this span, with its type, is an entity of the sentence (its labels are
 * B I … I and the next label is not I of the same type).
 */
function spanProbabilities(model: TaggerModel, e: Float32Array, n: number, labels: Uint8Array, spans: { start: number; end: number }[]): number[] {
  const L = 7;
  const inverseT = 1 / model.header.temperature;
  const t = transitionPotentials(model);
  const potential = potentialBuffer;
  const alpha = alphaBuffer;
  const beta = betaBuffer;
  const scale = scaleBuffer;
  // Potentials, shifted per position by its best score (the shift cancels in the normalization).
  for (let i = 0; i < n; i++) {
    const base = i * L;
    let max = e[base];
    for (let l = 1; l < L; l++) if (e[base + l] > max) max = e[base + l];
    for (let l = 0; l < L; l++) potential[base + l] = expOfNonPositive((e[base + l] - max) * inverseT);
  }
  // Forward, scaled so each row sums to 1.
  let sum = 0;
  for (let l = 0; l < L; l++) {
    const s = model.start[l] === -Infinity ? 0 : Math.exp(model.start[l] * inverseT) * potential[l];
    alpha[l] = s;
    sum += s;
  }
  scale[0] = sum;
  for (let l = 0; l < L; l++) alpha[l] /= sum;
  for (let i = 1; i < n; i++) {
    const base = i * L;
    const prev = base - L;
    const a0 = alpha[prev];
    const a1 = alpha[prev + 1];
    const a2 = alpha[prev + 2];
    const a3 = alpha[prev + 3];
    const a4 = alpha[prev + 4];
    const a5 = alpha[prev + 5];
    const a6 = alpha[prev + 6];
    // I-X follows only B-X or I-X: the other terms of its column are 0 (dropping them changes no bit).
    const s0 = (a0 * t[0] + a1 * t[7] + a2 * t[14] + a3 * t[21] + a4 * t[28] + a5 * t[35] + a6 * t[42]) * potential[base];
    const s1 = (a0 * t[1] + a1 * t[8] + a2 * t[15] + a3 * t[22] + a4 * t[29] + a5 * t[36] + a6 * t[43]) * potential[base + 1];
    const s2 = (a1 * t[9] + a2 * t[16]) * potential[base + 2];
    const s3 = (a0 * t[3] + a1 * t[10] + a2 * t[17] + a3 * t[24] + a4 * t[31] + a5 * t[38] + a6 * t[45]) * potential[base + 3];
    const s4 = (a3 * t[25] + a4 * t[32]) * potential[base + 4];
    const s5 = (a0 * t[5] + a1 * t[12] + a2 * t[19] + a3 * t[26] + a4 * t[33] + a5 * t[40] + a6 * t[47]) * potential[base + 5];
    const s6 = (a5 * t[41] + a6 * t[48]) * potential[base + 6];
    alpha[base] = s0;
    alpha[base + 1] = s1;
    alpha[base + 2] = s2;
    alpha[base + 3] = s3;
    alpha[base + 4] = s4;
    alpha[base + 5] = s5;
    alpha[base + 6] = s6;
    sum = s0 + s1 + s2 + s3 + s4 + s5 + s6;
    scale[i] = sum;
    const inverse = 1 / sum;
    for (let b = 0; b < L; b++) alpha[base + b] *= inverse;
  }
  // Backward with the same scales: alpha[i][l] * beta[i][l] is the marginal of label l at i.
  const last = (n - 1) * L;
  let endSum = 0;
  for (let l = 0; l < L; l++) {
    beta[last + l] = model.end[l] === -Infinity ? 0 : Math.exp(model.end[l] * inverseT);
    endSum += alpha[last + l] * beta[last + l];
  }
  for (let l = 0; l < L; l++) beta[last + l] /= endSum;
  // Beta is read only where a span ends (or at the last position): the backward pass stops at the first such place.
  let lowest = n - 1;
  for (const span of spans) lowest = Math.min(lowest, span.end < n ? span.end : n - 1);
  for (let i = n - 2; i >= lowest; i--) {
    const base = i * L;
    const next = base + L;
    const inverse = 1 / scale[i + 1];
    const q0 = potential[next] * beta[next];
    const q1 = potential[next + 1] * beta[next + 1];
    const q2 = potential[next + 2] * beta[next + 2];
    const q3 = potential[next + 3] * beta[next + 3];
    const q4 = potential[next + 4] * beta[next + 4];
    const q5 = potential[next + 5] * beta[next + 5];
    const q6 = potential[next + 6] * beta[next + 6];
    // Only B-X and I-X go on to I-X: the other terms are 0, as in the forward pass.
    beta[base] = (t[0] * q0 + t[1] * q1 + t[3] * q3 + t[5] * q5) * inverse;
    beta[base + 1] = (t[7] * q0 + t[8] * q1 + t[9] * q2 + t[10] * q3 + t[12] * q5) * inverse;
    beta[base + 2] = (t[14] * q0 + t[15] * q1 + t[16] * q2 + t[17] * q3 + t[19] * q5) * inverse;
    beta[base + 3] = (t[21] * q0 + t[22] * q1 + t[24] * q3 + t[25] * q4 + t[26] * q5) * inverse;
    beta[base + 4] = (t[28] * q0 + t[29] * q1 + t[31] * q3 + t[32] * q4 + t[33] * q5) * inverse;
    beta[base + 5] = (t[35] * q0 + t[36] * q1 + t[38] * q3 + t[40] * q5 + t[41] * q6) * inverse;
    beta[base + 6] = (t[42] * q0 + t[43] * q1 + t[45] * q3 + t[47] * q5 + t[48] * q6) * inverse;
  }
  return spans.map(({ start: s, end: stop }) => {
    let p = alpha[s * L + labels[s]];
    for (let k = s + 1; k < stop; k++) p *= (t[labels[k - 1] * L + labels[k]] * potential[k * L + labels[k]]) / scale[k];
    const lastLabel = labels[stop - 1];
    if (stop === n) p *= beta[(stop - 1) * L + lastLabel];
    else {
      // The span ends here: any next label but I of its type.
      const inside = isInside(lastLabel) ? lastLabel : lastLabel + 1;
      let rest = 0;
      for (let b = 0; b < L; b++) if (b !== inside) rest += t[lastLabel * L + b] * potential[stop * L + b] * beta[stop * L + b];
      p *= rest / scale[stop];
    }
    return Math.min(1, Math.max(0, p));
  });
}

/**
 * Tags text[from, to) of a Simplified text as one sentence (`tokens`: jieba's tokens of `text`):
 * entities with their confidence, offsets into `text`.
 */
export function tagEntities(model: TaggerModel, text: string, tokens: PackedTokens, from = 0, to = text.length): TaggedSpan[] {
  const n = to - from;
  if (n <= 0) return [];
  const e = emissionScores(model, text, tokens, from, to);
  viterbi(model, e, n, labelBuffer);
  const spans = spansOf(labelBuffer, n);
  if (spans.length === 0) return [];
  const confidence = spanProbabilities(model, e, n, labelBuffer, spans);
  return spans.map((s, k) => ({ start: s.start + from, end: s.end + from, type: ENTITY_LABELS[s.type], confidence: confidence[k] }));
}
