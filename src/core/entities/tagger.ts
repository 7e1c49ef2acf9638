// The trained sequence tagger: a linear-chain model over character positions (BIO labels for PER/LOC/ORG), its file format and its decoder.
//
// Scores are sums of feature weights (features.ts) plus label-transition weights; the best label
// sequence is found by Viterbi. An entity's confidence is its probability under the same scores
// read as a linear-chain CRF at the calibrated temperature stored in the model (forward-backward).
//
// Weights are one byte per feature and label: an index into a 256-value codebook. Features live
// in two open-addressing tables of 12-byte slots (a u32 hash, 0 = empty, then the 7 codes), so a
// feature's key and weights share one cache line: a small "hot" table of the features most
// frequent in training (it stays in the CPU cache) and the main table of the others, guarded by a
// one-hash Bloom filter so that most features the model lacks cost no trip to main memory.
//
// File (little-endian): "NLNER\0\0\x05", a u32 header length and a JSON header (ModelHeader),
// padding to 4 bytes, then transitions f32[L*L], start f32[L], end f32[L], codebook f32[256], hot
// table (hotSlots * 12 bytes), filter (filterBits / 8 bytes), main table (slots * 12 bytes),
// dictionary of names (lexiconSlots * 8 bytes: see HashLexicon).
// Loading makes views of the file's bytes: nothing is copied or parsed beyond the header.
import type { EntityType } from '../types';
import { extractFeatures, FEATURE_VERSION, TEMPLATE_COUNT, type WordLexicon } from './features';
import type { Tokens } from './segmenter';

export const ENTITY_LABELS = ['PER', 'LOC', 'ORG'] as const satisfies readonly EntityType[];
export type TaggedType = (typeof ENTITY_LABELS)[number];

/** Label numbering: 0 is O; type t has B 1+2t and I 2+2t. The decoder is written for these 7 labels. */
export const LABEL_COUNT = 1 + 2 * ENTITY_LABELS.length;
export const labelOf = (type: number, part: 'B' | 'I'): number => 1 + 2 * type + (part === 'I' ? 1 : 0);
const isInside = (label: number): boolean => label !== 0 && (label & 1) === 0;
const typeOf = (label: number): number => (label - 1) >> 1;

/** True when label `b` may follow label `a` (BIO: I-X only after B-X or I-X). */
export function allowedTransition(a: number, b: number): boolean {
  return !isInside(b) || (a !== 0 && typeOf(a) === typeOf(b));
}
export const allowedStart = (label: number): boolean => !isInside(label);
export const allowedEnd = (_label: number): boolean => true;

/** Bytes per slot of a feature table: the hash and the label codes. */
export const SLOT_BYTES = 12;

export interface ModelHeader {
  featureVersion: number;
  templates: number;
  labels: number;
  /** Features in the model (both tables). */
  features: number;
  hotSlots: number;
  /** Bits of the filter of the main table (a power of two). */
  filterBits: number;
  /** Slots of the main table. */
  slots: number;
  /** Slots of the dictionary of names (8 bytes each: word hash, category). */
  lexiconSlots: number;
  /** Scores are divided by this before probabilities are taken (calibrated on dev). */
  temperature: number;
  /** Free-form provenance: sources, date, epochs, dev scores. */
  about?: Record<string, unknown>;
}

export interface TaggerModel {
  header: ModelHeader;
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
  codebook: Float32Array;
  /** A table as u32 words (word 4k is slot k's hash) and as bytes (byte 16k + 4 + l is slot k's code for label l). */
  hotKeys: Uint32Array;
  hotCodes: Uint8Array;
  filter: Uint32Array;
  keys: Uint32Array;
  codes: Uint8Array;
  /** The dictionary of names for the lexicon features: u32 pairs (word hash, category), open addressing. */
  lexicon: Uint32Array;
  words: WordLexicon;
}

const MAGIC = 'NLNER\u0000\u0000\u0005';

/** The dictionary of names as the features read it. */
export class HashLexicon implements WordLexicon {
  private readonly slots: number;
  constructor(private readonly table: Uint32Array) {
    this.slots = table.length >> 1;
  }
  lookup(hash: number): number {
    const { table, slots } = this;
    if (slots === 0) return -1;
    for (let slot = firstSlot(hash, slots); ; ) {
      const key = table[slot << 1];
      if (key === hash) return table[(slot << 1) + 1];
      if (key === 0) return -1;
      if (++slot === slots) slot = 0;
    }
  }
}

/** Builds the dictionary table from word hashes (non-zero, u32) and their categories (0 for prefixes). */
export function buildLexicon(entries: Map<number, number>): Uint32Array {
  const slots = Math.max(16, Math.ceil(entries.size / 0.7));
  const table = new Uint32Array(slots * 2);
  for (const [hash, category] of entries) {
    let slot = firstSlot(hash, slots);
    while (table[slot << 1] !== 0) if (++slot === slots) slot = 0;
    table[slot << 1] = hash;
    table[(slot << 1) + 1] = category;
  }
  return table;
}

const align = (n: number): number => (n + 3) & ~3;

/** Reads a model file's bytes (views into `bytes`, which must stay alive). */
export function parseModel(bytes: Uint8Array): TaggerModel {
  const text = (from: number, to: number): string => new TextDecoder().decode(bytes.subarray(from, to));
  if (bytes.length < 12 || text(0, 8) !== MAGIC) throw new Error('not a News Lens entity model (or one of an older format): retrain it');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(text(12, 12 + headerLength)) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION || header.templates !== TEMPLATE_COUNT || header.labels !== LABEL_COUNT) {
    throw new Error(`entity model was trained for other features (version ${header.featureVersion}, ${header.templates} templates): retrain it`);
  }
  const L = header.labels;
  let offset = align(12 + headerLength);
  const size = offset + (L * L + 2 * L + 256) * 4 + (header.hotSlots + header.slots) * SLOT_BYTES + header.filterBits / 8 + header.lexiconSlots * 8;
  if (size > bytes.length) throw new Error('entity model file is truncated');
  // Typed-array views need aligned offsets: copy once if the buffer itself is misaligned.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const { buffer, byteOffset } = bytes;
  const take = (byteLength: number): number => {
    const at = byteOffset + offset;
    offset += byteLength;
    return at;
  };
  const floats = (count: number): Float32Array => new Float32Array(buffer, take(count * 4), count);
  const transitions = floats(L * L);
  const start = floats(L);
  const end = floats(L);
  const codebook = floats(256);
  const hotAt = take(header.hotSlots * SLOT_BYTES);
  const filter = new Uint32Array(buffer, take(header.filterBits / 8), header.filterBits / 32);
  const mainAt = take(header.slots * SLOT_BYTES);
  const lexicon = new Uint32Array(buffer, take(header.lexiconSlots * 8), header.lexiconSlots * 2);
  return {
    header,
    transitions,
    start,
    end,
    codebook,
    hotKeys: new Uint32Array(buffer, hotAt, header.hotSlots * 3),
    hotCodes: new Uint8Array(buffer, hotAt, header.hotSlots * SLOT_BYTES),
    filter,
    keys: new Uint32Array(buffer, mainAt, header.slots * 3),
    codes: new Uint8Array(buffer, mainAt, header.slots * SLOT_BYTES),
    lexicon,
    words: new HashLexicon(lexicon),
  };
}

/** Writes a model to bytes (scripts/ner/train.ts). */
export function serializeModel(model: TaggerModel): Uint8Array {
  const headerBytes = new TextEncoder().encode(JSON.stringify(model.header));
  const bodyStart = align(12 + headerBytes.length);
  const parts = [model.transitions, model.start, model.end, model.codebook, model.hotCodes, model.filter, model.codes, model.lexicon];
  const out = new Uint8Array(bodyStart + parts.reduce((sum, a) => sum + a.byteLength, 0));
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let offset = bodyStart;
  for (const array of parts) {
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += array.byteLength;
  }
  return out;
}

/** First slot to probe for a feature hash in a table of `slots` slots (any size; the same when building and reading). */
export function firstSlot(hash: number, slots: number): number {
  return Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 0) / 4294967296) * slots);
}

/** Bit of the main table's filter for a hash (filterShift = 32 - log2(filterBits)). */
const filterBit = (hash: number, filterShift: number): number => Math.imul(hash, 0x85ebca6b) >>> filterShift;

/**
 * The feature tables of a model: `codes` holds L codes per feature; the `hotCapacity` features
 * with the highest `counts` go to the hot table, the rest to the main table.
 */
export function buildTables(
  hashes: Uint32Array,
  codes: Uint8Array,
  counts: ArrayLike<number>,
  L: number,
  hotCapacity: number,
): Pick<TaggerModel, 'hotKeys' | 'hotCodes' | 'filter' | 'keys' | 'codes'> & { hotSlots: number; slots: number; filterBits: number } {
  const order = Array.from(hashes.keys()).sort((a, b) => counts[b] - counts[a]);
  const hot = order.slice(0, hotCapacity);
  const rest = order.slice(hotCapacity);
  const table = (members: number[], load: number): { slots: number; keys: Uint32Array; codes: Uint8Array } => {
    const slots = Math.max(16, Math.ceil(members.length / load));
    const bytes = new Uint8Array(slots * SLOT_BYTES);
    const keys = new Uint32Array(bytes.buffer);
    for (const f of members) {
      let slot = firstSlot(hashes[f], slots);
      while (keys[slot * 3] !== 0) if (++slot === slots) slot = 0;
      keys[slot * 3] = hashes[f];
      bytes.set(codes.subarray(f * L, f * L + L), slot * SLOT_BYTES + 4);
    }
    return { slots, keys, codes: bytes };
  };
  // Linear probing stays short at these loads (a few probes for a feature the table lacks, mostly
  // in the same cache line); the main table is packed tighter for size.
  const hotTable = table(hot, 0.6);
  const mainTable = table(rest, 0.7);
  // About 5 bits per main feature: a feature the model lacks passes the filter ~18% of the time.
  let filterBits = 1 << 10;
  while (filterBits < rest.length * 5) filterBits *= 2;
  const filter = new Uint32Array(filterBits / 32);
  const shift = 32 - Math.log2(filterBits);
  for (const f of rest) {
    const bit = filterBit(hashes[f], shift);
    filter[bit >>> 5] |= 1 << (bit & 31);
  }
  return {
    hotSlots: hotTable.slots,
    hotKeys: hotTable.keys,
    hotCodes: hotTable.codes,
    filterBits,
    filter,
    slots: mainTable.slots,
    keys: mainTable.keys,
    codes: mainTable.codes,
  };
}

/** Where a feature's codes are: [codes array, byte offset], or undefined when the model lacks it. */
export function featureCodes(model: TaggerModel, hash: number): [Uint8Array, number] | undefined {
  const probe = (keys: Uint32Array, slots: number): number => {
    for (let slot = firstSlot(hash, slots); ; ) {
      const key = keys[slot * 3];
      if (key === hash) return slot;
      if (key === 0) return -1;
      if (++slot === slots) slot = 0;
    }
  };
  const hot = probe(model.hotKeys, model.header.hotSlots);
  if (hot >= 0) return [model.hotCodes, hot * SLOT_BYTES + 4];
  const bit = filterBit(hash, 32 - Math.log2(model.header.filterBits));
  if (!(model.filter[bit >>> 5] & (1 << (bit & 31)))) return undefined;
  const main = probe(model.keys, model.header.slots);
  return main >= 0 ? [model.codes, main * SLOT_BYTES + 4] : undefined;
}

/** An entity found by the tagger: offsets into the tagged text, and its probability. */
export interface TaggedSpan {
  start: number;
  end: number;
  type: TaggedType;
  confidence: number;
}

/** Reusable buffers of the decoder. */
let featureBuffer: Uint32Array = new Uint32Array(0);
let emission = new Float32Array(0);
let backPointer = new Uint8Array(0);
let alpha = new Float64Array(0);
let beta = new Float64Array(0);
let potential = new Float64Array(0);
let scale = new Float64Array(0);
let labelBuffer = new Uint8Array(0);

function ensureBuffers(n: number): void {
  if (labelBuffer.length >= n) return;
  const size = Math.max(n, 256) * 2;
  emission = new Float32Array(size * 7);
  backPointer = new Uint8Array(size * 7);
  alpha = new Float64Array(size * 7);
  beta = new Float64Array(size * 7);
  potential = new Float64Array(size * 7);
  scale = new Float64Array(size);
  labelBuffer = new Uint8Array(size);
}

/**
 * A direct-mapped cache of recent feature lookups (hash → where its codes are, or "absent"): the
 * same n-grams and words recur throughout a text, and a hit costs one access to this small table
 * instead of probes in the main table (or its filter). It never changes a result.
 */
const CACHE_BITS = 16;
const cacheKeys = new Uint32Array(1 << CACHE_BITS);
/** 0 absent; k > 0: hot table byte offset k - 1; k < 0: main table byte offset -k - 1. */
const cacheRefs = new Int32Array(1 << CACHE_BITS);
let cacheOwner: TaggerModel | undefined;

/** Emission scores of every position of text[from, to) and label: sums of the weights of the position's features. */
export function emissionScores(model: TaggerModel, text: string, tokens: Tokens, from = 0, to = text.length): Float32Array {
  const n = to - from;
  const F = TEMPLATE_COUNT;
  featureBuffer = extractFeatures(text, tokens, model.words, from, to, featureBuffer);
  ensureBuffers(n);
  if (cacheOwner !== model) {
    cacheKeys.fill(0);
    cacheOwner = model;
  }
  const { codebook, hotKeys, hotCodes, filter, keys, codes } = model;
  const { hotSlots, slots } = model.header;
  const filterShift = 32 - Math.log2(model.header.filterBits);
  // The seven label scores of a position are summed in locals (written once per position).
  for (let i = 0; i < n; i++) {
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    let e4 = 0;
    let e5 = 0;
    let e6 = 0;
    for (let f = i * F, stop = f + F; f < stop; f++) {
      const hash = featureBuffer[f];
      if (hash === 0) continue;
      const entry = Math.imul(hash, 0x2c1b3c6d) >>> (32 - CACHE_BITS);
      let ref: number;
      if (cacheKeys[entry] === hash) ref = cacheRefs[entry];
      else {
        ref = 0;
        let slot = firstSlot(hash, hotSlots);
        let key = hotKeys[slot * 3];
        while (key !== hash && key !== 0) {
          if (++slot === hotSlots) slot = 0;
          key = hotKeys[slot * 3];
        }
        if (key !== 0) ref = slot * 12 + 5;
        else {
          const bit = Math.imul(hash, 0x85ebca6b) >>> filterShift;
          if ((filter[bit >>> 5] & (1 << (bit & 31))) !== 0) {
            slot = firstSlot(hash, slots);
            key = keys[slot * 3];
            while (key !== hash && key !== 0) {
              if (++slot === slots) slot = 0;
              key = keys[slot * 3];
            }
            if (key !== 0) ref = -(slot * 12 + 5);
          }
        }
        cacheKeys[entry] = hash;
        cacheRefs[entry] = ref;
      }
      if (ref === 0) continue;
      const table = ref > 0 ? hotCodes : codes;
      const w = ref > 0 ? ref - 1 : -ref - 1;
      e0 += codebook[table[w]];
      e1 += codebook[table[w + 1]];
      e2 += codebook[table[w + 2]];
      e3 += codebook[table[w + 3]];
      e4 += codebook[table[w + 4]];
      e5 += codebook[table[w + 5]];
      e6 += codebook[table[w + 6]];
    }
    const base = i * 7;
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

/** Best label sequence for emission scores `e` of n positions (labels written into `out`). */
export function viterbi(model: TaggerModel, e: Float32Array, n: number, out: Uint8Array): void {
  const L = 7;
  const { transitions: t, start, end } = model;
  if (backPointer.length < n * L) backPointer = new Uint8Array(Math.max(n, 256) * 2 * L);
  let previous = new Float64Array(L);
  let current = new Float64Array(L);
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
      backPointer[base + b] = arg;
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
    label = backPointer[i * L + label];
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
/** exp(transition / temperature), 0 for a forbidden transition. */
function transitionPotentials(model: TaggerModel): Float64Array {
  const T = model.header.temperature;
  let cached = transitionCache.get(model);
  if (!cached || cached.temperature !== T) {
    cached = { temperature: T, potentials: Float64Array.from(model.transitions, (w) => (w === -Infinity ? 0 : Math.exp(w / T))) };
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
  // Potentials, shifted per position by its best score (the shift cancels in the normalization).
  for (let i = 0; i < n; i++) {
    const base = i * L;
    let max = e[base];
    for (let l = 1; l < L; l++) if (e[base + l] > max) max = e[base + l];
    for (let l = 0; l < L; l++) potential[base + l] = Math.exp((e[base + l] - max) * inverseT);
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
    sum = 0;
    for (let b = 0; b < L; b++) {
      const s = (a0 * t[b] + a1 * t[7 + b] + a2 * t[14 + b] + a3 * t[21 + b] + a4 * t[28 + b] + a5 * t[35 + b] + a6 * t[42 + b]) * potential[base + b];
      alpha[base + b] = s;
      sum += s;
    }
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
  for (let i = n - 2; i >= 0; i--) {
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
    for (let a = 0; a < L; a++) {
      const r = a * 7;
      beta[base + a] = (t[r] * q0 + t[r + 1] * q1 + t[r + 2] * q2 + t[r + 3] * q3 + t[r + 4] * q4 + t[r + 5] * q5 + t[r + 6] * q6) * inverse;
    }
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
export function tagEntities(model: TaggerModel, text: string, tokens: Tokens, from = 0, to = text.length): TaggedSpan[] {
  const n = to - from;
  if (n <= 0) return [];
  const e = emissionScores(model, text, tokens, from, to);
  viterbi(model, e, n, labelBuffer);
  const spans = spansOf(labelBuffer, n);
  if (spans.length === 0) return [];
  const confidence = spanProbabilities(model, e, n, labelBuffer, spans);
  return spans.map((s, k) => ({ start: s.start + from, end: s.end + from, type: ENTITY_LABELS[s.type], confidence: confidence[k] }));
}
