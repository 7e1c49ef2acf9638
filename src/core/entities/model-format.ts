// The entity tagger's model file: its layout, reading it (views into the file's bytes), writing it, and building it from trained weights.
//
// Weights are one byte per feature and label: an index into a 256-value codebook (code 127 is 0).
// A feature's seven label codes are a "row". Rows are grouped by what their key is made of
// (features.ts), so one lookup finds all of them:
// - characters: a table of 65,536 u16 ids by code unit; per id, the rows of the character at
//   −2…+2 (5 rows) and its 32 CharPosLength rows;
// - character pairs: open addressing, 32-byte slots (u32 key, 4 rows: the pair at −2…+2);
// - words: open addressing, 88-byte slots (u32 key, 12 rows: Word, PrevWord, NextWord by place);
// - character + tag: open addressing, 12-byte slots (u32 key, 1 row);
// - the other templates: dense tables, row = key.
// An empty slot has key 0 (no key is 0). A hashed table has records / 0.7 slots (any number: no
// rounding to a power of two, which would leave up to 60 % of the file empty); a key's first slot
// is firstSlot(), then slots are probed linearly, wrapping around.
//
// File (little-endian): "NLNER\0\0\x06", a u32 header length, the JSON header (ModelHeader), padding
// to 64 bytes, then the body: transitions f32[L*L], start f32[L], end f32[L], codebook f32[256], and
// the tables at the byte offsets of header.layout (from the body's start, each 64-byte aligned).
//
// Optional, for a model trained with source copies (scripts/ner/by-source.ts): per labelling
// convention (one per training set), its own transitions and dense tables, coded with the same
// codebook (layout.conventions); and the convention gate's log-probabilities (layout.gate,
// convention-gate.ts). A convention is read as a model of its own that shares everything else.
// Some conventions (and the base tables) may also read an overlay: rows for the sparse templates, added
// to the shared ones (overlay.ts; packed 12-byte records: u32 key, u8 template, 7 codes). Such a
// view reads a copy of the body whose rows have the overlay's added and re-coded, made on its first use
// and shared by the views that read the same overlay (overlaidBody).
import { filterOfSlots, type KeyFilter } from './key-filter';
import { forEachOverlayRow, OVERLAY_RECORD, packOverlay, type OverlayFeature, type OverlayLayout } from './overlay';
import { DENSE_ROWS, CHAR_POS_LENGTH_ROWS, FEATURE_VERSION, TEMPLATE_COUNT, Template, WORD_NEXT_ROW, WORD_PREV_ROW, WORD_ROWS, type WordLexicon } from './features';

/** Labels: 0 is O; type t has B 1+2t and I 2+2t. */
export const LABEL_COUNT = 7;
const L = LABEL_COUNT;
/** The code of weight 0. */
export const ZERO_CODE = 127;

export const BIGRAM_SLOT = 32;
export const WORD_SLOT = 4 + 12 * 7;
export const CHAR_TAG_SLOT = 12;
/** Rows per character id: the character at −2…+2. */
export const CHAR_ROWS = 5;
/** Records per slot of the hashed tables. */
const TABLE_LOAD = 0.7;

export interface ModelLayout {
  /** Byte offsets from the body's start. */
  charIds: number;
  /** Character ids (id 0: no rows). */
  chars: number;
  charRows: number;
  posLengthRows: number;
  bigrams: number;
  bigramSlots: number;
  words: number;
  wordSlots: number;
  charTags: number;
  charTagSlots: number;
  /** Per template: offset of its dense table, or -1. */
  dense: number[];
  lexicon: number;
  /** Slots of the dictionary of names (8 bytes each: word hash, category). */
  lexiconSlots: number;
  /** Per labelling convention: its transitions (f32, as at the body's start) and dense tables. */
  conventions?: ModelConvention[];
  /**
   * The convention gate: f32 log-probabilities, conventions × buckets, in the order of `conventions`, and the
   * conventions' log priors (absent: equal priors).
   */
  gate?: { at: number; buckets: number; priors?: number[] };
  /** The overlay the base tables read (overlay.ts), if they read one. */
  overlay?: OverlayLayout;
  /** Where the file's overlay table is, whoever reads it. */
  overlayTable?: OverlayLayout;
  /** Body size in bytes. */
  size: number;
}

export interface ModelConvention {
  /** The training set whose labelling it follows (msra, cluener, gsd). */
  name: string;
  /** Offset of its L*L + 2L transition floats. */
  floats: number;
  /** Share of its set's train titles (《…》) with a name labelled inside (works.ts). */
  namesInsideTitles?: number;
  /** Per template: offset of its dense table, or -1 (as layout.dense). */
  dense: number[];
  /** The overlay of sparse-template rows it reads (overlay.ts), if it reads one. */
  overlay?: OverlayLayout;
}

/** What buildModel needs of a convention: its transitions and the codes of its dense-template features. */
export interface ConventionWeights {
  name: string;
  namesInsideTitles?: number;
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
  dense: TrainedFeature[];
}

export interface ModelHeader {
  featureVersion: number;
  templates: number;
  labels: number;
  /** Features with rows in the model. */
  features: number;
  layout: ModelLayout;
  /** Scores are divided by this before probabilities are taken (calibrated on dev). */
  temperature: number;
  /** The base tables' share of train titles with a name labelled inside (works.ts); a convention's view has its own. */
  namesInsideTitles?: number;
  /** Free-form provenance: sources, date, epochs, dev scores. */
  about?: Record<string, unknown>;
}

export interface TaggerModel {
  header: ModelHeader;
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
  codebook: Float32Array;
  /** The body as bytes (row codes) and as u32 words (slot keys: word k is byte 4k); with an overlay's rows added in a view that reads one. */
  bytes: Uint8Array;
  /** The body as the file holds it. */
  fileBytes: Uint8Array;
  words32: Uint32Array;
  charIds: Uint16Array;
  /** The dictionary of names for the lexicon features: u32 pairs (word hash, category), open addressing. */
  lexicon: Uint32Array;
  words: WordLexicon;
  /** The convention this view decodes with (undefined: the base tables). */
  convention?: string;
  /** The same model read with each convention's tables, by name (empty for a model without them). */
  conventions: Map<string, TaggerModel>;
  /** The gate's log-probabilities (conventions × buckets), when the model has a gate. */
  gate?: Float32Array;
}

const MAGIC = 'NLNER\u0000\u0000\u0006';
const FLOATS = L * L + 2 * L + 256;

/** First slot to probe for a key in a hashed table of `slots` slots (any size). */
export function firstSlot(hash: number, slots: number): number {
  return Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 0) / 4294967296) * slots);
}

/** The dictionary of names as the features read it. */
export class HashLexicon implements WordLexicon {
  private readonly slots: number;
  /** Most lookups miss (they walk every position of every sentence): the filter answers those without the table. */
  private readonly filter: KeyFilter;
  constructor(private readonly table: Uint32Array) {
    this.slots = table.length >> 1;
    this.filter = filterOfSlots(this.slots, (slot) => table[slot << 1], 8);
    // An empty slot's key reads as 0, so the probe of hash 0 ends at one and answers its category 0: keep that.
    this.filter.add(0);
  }
  lookup(hash: number): number {
    const { table, slots } = this;
    if (slots === 0) return -1;
    if (!this.filter.mayHave(hash)) return -1;
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

/** Byte offset of the rows of `key` in a hashed table (slot bytes `slotBytes`, at `at`), or -1. */
export function probe(model: TaggerModel, at: number, slots: number, slotBytes: number, key: number): number {
  if (slots === 0) return -1;
  const words = model.words32;
  const base = at >> 2;
  const stride = slotBytes >> 2;
  for (let slot = firstSlot(key, slots); ; ) {
    const k = words[base + slot * stride];
    if (k === key) return at + slot * slotBytes + 4;
    if (k === 0) return -1;
    if (++slot === slots) slot = 0;
  }
}

/**
 * Byte offset in model.bytes of the row of feature `key` of template `t` (features.ts
 * featureKeys), or -1 when the model has no weights for it. The reference lookup: the tagger's
 * emission scores do the same lookups grouped (tagger.ts).
 */
export function featureRow(model: TaggerModel, t: Template, key: number): number {
  if (key === 0xffffffff) return -1;
  const layout = model.header.layout;
  if (t >= Template.CharM2 && t <= Template.CharP2) {
    const id = model.charIds[key];
    return id ? layout.charRows + (id * CHAR_ROWS + (t - Template.CharM2)) * L : -1;
  }
  if (t === Template.CharPosLength) {
    const id = model.charIds[Math.floor(key / CHAR_POS_LENGTH_ROWS)];
    return id ? layout.posLengthRows + (id * CHAR_POS_LENGTH_ROWS + (key % CHAR_POS_LENGTH_ROWS)) * L : -1;
  }
  if (t >= Template.BigramM2M1 && t <= Template.BigramP1P2) {
    const at = probe(model, layout.bigrams, layout.bigramSlots, BIGRAM_SLOT, key);
    return at < 0 ? -1 : at + (t - Template.BigramM2M1) * L;
  }
  if (t === Template.Word || t === Template.PrevWord || t === Template.NextWord) {
    const at = probe(model, layout.words, layout.wordSlots, WORD_SLOT, key >>> 2);
    const row = (t === Template.Word ? 0 : t === Template.PrevWord ? WORD_PREV_ROW : WORD_NEXT_ROW) + (key & 3);
    return at < 0 ? -1 : at + row * L;
  }
  if (t === Template.CharTag) return probe(model, layout.charTags, layout.charTagSlots, CHAR_TAG_SLOT, key);
  const dense = layout.dense[t];
  return dense >= 0 && key < (DENSE_ROWS[t] ?? 0) ? dense + key * L : -1;
}

/** A trained feature: its template, key and seven weights' codes. */
export interface TrainedFeature {
  template: Template;
  key: number;
  codes: Uint8Array;
}

const align64 = (n: number): number => (n + 63) & ~63;
const tableSlots = (records: number, load: number): number => Math.max(16, Math.ceil(records / load));

/**
 * The tables of a model from its features (codes already quantized against `codebook`).
 * Features of a grouped record share its space: give every feature of a kept record.
 */
export function buildModel(
  features: TrainedFeature[],
  weights: { transitions: Float32Array; start: Float32Array; end: Float32Array; codebook: Float32Array },
  lexicon: Uint32Array,
  info: { temperature: number; about?: Record<string, unknown>; namesInsideTitles?: number },
  extras: {
    conventions?: ConventionWeights[];
    gate?: { buckets: number; logProbs: Float32Array; priors?: number[] };
    /** An overlay's features (overlay.ts), the conventions that read it, and whether the base tables do. */
    overlay?: { conventions: string[]; base: boolean; features: OverlayFeature[] };
  } = {},
): TaggerModel {
  const chars = new Map<number, number>();
  const bigrams = new Map<number, Uint8Array>();
  const words = new Map<number, Uint8Array>();
  const charTags = new Map<number, Uint8Array>();
  const record = (map: Map<number, Uint8Array>, key: number, rows: number): Uint8Array => {
    let r = map.get(key);
    if (!r) map.set(key, (r = new Uint8Array(rows * L).fill(ZERO_CODE)));
    return r;
  };
  const charCode = (f: TrainedFeature): number | undefined =>
    f.template >= Template.CharM2 && f.template <= Template.CharP2 ? f.key : f.template === Template.CharPosLength ? Math.floor(f.key / CHAR_POS_LENGTH_ROWS) : undefined;
  for (const f of features) {
    const code = charCode(f);
    if (code !== undefined && !chars.has(code)) chars.set(code, chars.size + 1);
  }
  const charCount = chars.size + 1;
  const charRows = new Uint8Array(charCount * CHAR_ROWS * L).fill(ZERO_CODE);
  const posLengthRows = new Uint8Array(charCount * CHAR_POS_LENGTH_ROWS * L).fill(ZERO_CODE);
  const dense = emptyDenseTables();
  for (const f of features) {
    const t = f.template;
    if (t >= Template.CharM2 && t <= Template.CharP2) charRows.set(f.codes, (chars.get(f.key)! * CHAR_ROWS + (t - Template.CharM2)) * L);
    else if (t === Template.CharPosLength) posLengthRows.set(f.codes, (chars.get(Math.floor(f.key / CHAR_POS_LENGTH_ROWS))! * CHAR_POS_LENGTH_ROWS + (f.key % CHAR_POS_LENGTH_ROWS)) * L);
    else if (t >= Template.BigramM2M1 && t <= Template.BigramP1P2) record(bigrams, f.key, 4).set(f.codes, (t - Template.BigramM2M1) * L);
    else if (t === Template.Word || t === Template.PrevWord || t === Template.NextWord) {
      const row = (t === Template.Word ? 0 : t === Template.PrevWord ? WORD_PREV_ROW : WORD_NEXT_ROW) + (f.key & 3);
      record(words, f.key >>> 2, WORD_ROWS).set(f.codes, row * L);
    } else if (t === Template.CharTag) record(charTags, f.key, 1).set(f.codes);
    else setDenseRow(dense, f);
  }
  const conventionTables = (extras.conventions ?? []).map((c) => {
    const tables = emptyDenseTables();
    for (const f of c.dense) setDenseRow(tables, f);
    return tables;
  });

  // Layout.
  let offset = align64(FLOATS * 4);
  const place = (bytes: number): number => {
    const at = offset;
    offset = align64(offset + bytes);
    return at;
  };
  const bigramSlots = tableSlots(bigrams.size, TABLE_LOAD);
  const wordSlots = tableSlots(words.size, TABLE_LOAD);
  const charTagSlots = tableSlots(charTags.size, TABLE_LOAD);
  const layout: ModelLayout = {
    charIds: place(65536 * 2),
    chars: charCount,
    charRows: place(charRows.length),
    posLengthRows: place(posLengthRows.length),
    bigrams: place(bigramSlots * BIGRAM_SLOT),
    bigramSlots,
    words: place(wordSlots * WORD_SLOT),
    wordSlots,
    charTags: place(charTagSlots * CHAR_TAG_SLOT),
    charTagSlots,
    dense: dense.map((table) => (table ? place(table.length) : -1)),
    lexicon: place(lexicon.byteLength),
    lexiconSlots: lexicon.length / 2,
    size: 0,
  };
  if (extras.conventions?.length) {
    layout.conventions = extras.conventions.map((c, k) => ({
      name: c.name,
      ...(c.namesInsideTitles === undefined ? {} : { namesInsideTitles: c.namesInsideTitles }),
      floats: place((L * L + 2 * L) * 4),
      dense: conventionTables[k].map((table) => (table ? place(table.length) : -1)),
    }));
  }
  if (extras.gate) {
    if (extras.gate.logProbs.length !== extras.gate.buckets * (layout.conventions?.length ?? 0)) throw new Error('the gate needs one row of buckets per convention');
    layout.gate = { at: place(extras.gate.logProbs.byteLength), buckets: extras.gate.buckets };
    if (extras.gate.priors) {
      if (extras.gate.priors.length !== layout.conventions?.length) throw new Error('the gate needs one prior per convention');
      layout.gate.priors = extras.gate.priors;
    }
  }
  const overlayRecords = extras.overlay && packOverlay(extras.overlay.features);
  if (extras.overlay && overlayRecords) {
    const overlay = { at: place(overlayRecords.length), rows: overlayRecords.length / OVERLAY_RECORD };
    for (const name of extras.overlay.conventions) {
      const reader = layout.conventions?.find((c) => c.name === name);
      if (!reader) throw new Error(`the overlay's convention ${name} is not one of the model's`);
      reader.overlay = overlay;
    }
    if (extras.overlay.base) layout.overlay = overlay;
    layout.overlayTable = overlay;
  }
  layout.size = offset;

  const body = new Uint8Array(layout.size);
  const words32 = new Uint32Array(body.buffer);
  const floats = new Float32Array(body.buffer, 0, FLOATS);
  floats.set(weights.transitions, 0);
  floats.set(weights.start, L * L);
  floats.set(weights.end, L * L + L);
  floats.set(weights.codebook, L * L + 2 * L);
  const charIds = new Uint16Array(body.buffer, layout.charIds, 65536);
  for (const [code, id] of chars) charIds[code] = id;
  body.set(charRows, layout.charRows);
  body.set(posLengthRows, layout.posLengthRows);
  const fill = (map: Map<number, Uint8Array>, at: number, slots: number, slotBytes: number): void => {
    for (const [key, rows] of map) {
      let slot = firstSlot(key, slots);
      while (words32[(at + slot * slotBytes) >> 2] !== 0) if (++slot === slots) slot = 0;
      words32[(at + slot * slotBytes) >> 2] = key;
      body.set(rows, at + slot * slotBytes + 4);
    }
  };
  fill(bigrams, layout.bigrams, bigramSlots, BIGRAM_SLOT);
  fill(words, layout.words, wordSlots, WORD_SLOT);
  fill(charTags, layout.charTags, charTagSlots, CHAR_TAG_SLOT);
  dense.forEach((table, t) => table && body.set(table, layout.dense[t]));
  new Uint32Array(body.buffer, layout.lexicon, lexicon.length).set(lexicon);
  (extras.conventions ?? []).forEach((c, k) => {
    const at = layout.conventions![k];
    const floats = new Float32Array(body.buffer, at.floats, L * L + 2 * L);
    floats.set(c.transitions, 0);
    floats.set(c.start, L * L);
    floats.set(c.end, L * L + L);
    conventionTables[k].forEach((table, t) => table && body.set(table, at.dense[t]));
  });
  if (extras.gate) new Float32Array(body.buffer, layout.gate!.at, extras.gate.logProbs.length).set(extras.gate.logProbs);
  if (overlayRecords) body.set(overlayRecords, layout.overlayTable!.at);

  const header: ModelHeader = {
    featureVersion: FEATURE_VERSION,
    templates: TEMPLATE_COUNT,
    labels: L,
    features: features.length,
    layout,
    temperature: info.temperature,
    ...(info.namesInsideTitles === undefined ? {} : { namesInsideTitles: info.namesInsideTitles }),
    about: info.about,
  };
  return viewModel(header, body);
}

function emptyDenseTables(): (Uint8Array | undefined)[] {
  return Array.from({ length: TEMPLATE_COUNT }, (_, t) => {
    const rows = DENSE_ROWS[t as Template];
    return rows === undefined ? undefined : new Uint8Array(rows * L).fill(ZERO_CODE);
  });
}

function setDenseRow(tables: (Uint8Array | undefined)[], f: TrainedFeature): void {
  const table = tables[f.template];
  if (!table || f.key >= table.length / L) throw new Error(`feature key ${f.key} out of range for template ${f.template}`);
  table.set(f.codes, f.key * L);
}

/** The code whose value is nearest to v (the codebook ascending, code 255 repeating 254). */
export function nearestCode(codebook: Float32Array, v: number): number {
  let lo = 0;
  let hi = 254;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (codebook[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(codebook[lo - 1] - v) <= Math.abs(codebook[lo] - v) ? lo - 1 : lo;
}

const overlaidBodies = new WeakMap<Uint8Array, Map<number, Uint8Array>>();

/**
 * The body as a view that reads `overlay` sees it: each overlay row added to the shared row of the same feature and
 * re-coded (one rounding to the codebook, as the export's own). Rows of features the shared tables lack are not
 * exported (scripts/ner/train.ts). The overlay, the dictionary and the gate are not read through it and stay zero
 * (untouched pages cost no memory). Made once per body and overlay.
 */
function overlaidBody(base: TaggerModel, overlay: OverlayLayout): Uint8Array {
  let bodies = overlaidBodies.get(base.bytes);
  if (!bodies) overlaidBodies.set(base.bytes, (bodies = new Map()));
  let body = bodies.get(overlay.at);
  if (body) return body;
  const { layout } = base.header;
  const raw = base.bytes;
  body = new Uint8Array(raw.length);
  // The tables, then (after the dictionary) the conventions' transitions and dense tables, up to the gate and the overlay (buildModel's order).
  const dictionaryEnd = layout.lexicon + layout.lexiconSlots * 8;
  const conventionsEnd = Math.min(layout.gate?.at ?? raw.length, overlay.at);
  body.set(raw.subarray(0, layout.lexicon));
  body.set(raw.subarray(dictionaryEnd, conventionsEnd), dictionaryEnd);
  // The code of the sum of two codes' values, for every pair of codes (65,536 searches instead of one per weight).
  const cb = base.codebook;
  const sumCode = new Uint8Array(256 * 256);
  for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) sumCode[a * 256 + b] = nearestCode(cb, cb[a] + cb[b]);
  forEachOverlayRow(base.fileBytes, overlay, (template, key, codesAt) => {
    const at = featureRow(base, template, key);
    if (at >= 0) for (let l = 0; l < L; l++) body[at + l] = sumCode[raw[at + l] * 256 + raw[codesAt + l]];
  });
  bodies.set(overlay.at, body);
  return body;
}

/** Makes `view` read its bytes with `overlay`'s rows added, from its first read on. */
function readWithOverlay(view: TaggerModel, base: TaggerModel, overlay: OverlayLayout): void {
  let bytes: Uint8Array | undefined;
  let words32: Uint32Array | undefined;
  const body = (): Uint8Array => (bytes ??= overlaidBody(base, overlay));
  Object.defineProperty(view, 'bytes', { get: body, enumerable: true });
  Object.defineProperty(view, 'words32', { get: () => (words32 ??= new Uint32Array(body().buffer, 0, body().length >> 2)), enumerable: true });
}

/** The model over a body's bytes (64-byte aligned in its buffer, or copied). */
function viewModel(header: ModelHeader, body: Uint8Array): TaggerModel {
  if (body.byteOffset % 64 !== 0) body = body.slice();
  const { buffer, byteOffset } = body;
  const { layout } = header;
  const floats = new Float32Array(buffer, byteOffset, FLOATS);
  const lexicon = new Uint32Array(buffer, byteOffset + layout.lexicon, layout.lexiconSlots * 2);
  const base: TaggerModel = {
    header,
    transitions: floats.subarray(0, L * L),
    start: floats.subarray(L * L, L * L + L),
    end: floats.subarray(L * L + L, L * L + 2 * L),
    codebook: floats.subarray(L * L + 2 * L),
    bytes: new Uint8Array(buffer, byteOffset, layout.size),
    fileBytes: new Uint8Array(buffer, byteOffset, layout.size),
    words32: new Uint32Array(buffer, byteOffset, layout.size >> 2),
    charIds: new Uint16Array(buffer, byteOffset + layout.charIds, 65536),
    lexicon,
    words: new HashLexicon(lexicon),
    conventions: new Map(),
  };
  if (layout.gate) base.gate = new Float32Array(buffer, byteOffset + layout.gate.at, layout.gate.buckets * (layout.conventions?.length ?? 0));
  // A convention is the same model with its own transitions and dense tables (the tagger caches tables per view).
  const plain = { ...base };
  for (const c of layout.conventions ?? []) {
    const own = new Float32Array(buffer, byteOffset + c.floats, L * L + 2 * L);
    const view: TaggerModel = {
      ...plain,
      header: { ...header, namesInsideTitles: c.namesInsideTitles, layout: { ...layout, dense: c.dense, overlay: c.overlay } },
      transitions: own.subarray(0, L * L),
      start: own.subarray(L * L, L * L + L),
      end: own.subarray(L * L + L),
      convention: c.name,
    };
    if (c.overlay) readWithOverlay(view, plain, c.overlay);
    base.conventions.set(c.name, view);
  }
  if (layout.overlay) readWithOverlay(base, plain, layout.overlay);
  return base;
}

/** Reads a model file's bytes (views into `bytes` when its body is aligned; they must stay alive). */
export function parseModel(bytes: Uint8Array): TaggerModel {
  const text = (from: number, to: number): string => new TextDecoder().decode(bytes.subarray(from, to));
  if (bytes.length < 12 || text(0, 8) !== MAGIC) throw new Error('not a News Lens entity model (or one of an older format): retrain it');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(text(12, 12 + headerLength)) as ModelHeader;
  if (header.featureVersion !== FEATURE_VERSION || header.templates !== TEMPLATE_COUNT || header.labels !== LABEL_COUNT) {
    throw new Error(`entity model was trained for other features (version ${header.featureVersion}, ${header.templates} templates): retrain it`);
  }
  const bodyStart = align64(12 + headerLength);
  if (bodyStart + header.layout.size > bytes.length) throw new Error('entity model file is truncated');
  return viewModel(header, bytes.subarray(bodyStart, bodyStart + header.layout.size));
}

/** Writes a model to bytes (scripts/ner/train.ts). */
export function serializeModel(model: TaggerModel): Uint8Array {
  const headerBytes = new TextEncoder().encode(JSON.stringify(model.header));
  const bodyStart = align64(12 + headerBytes.length);
  const out = new Uint8Array(bodyStart + model.header.layout.size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, headerBytes.length, true);
  out.fill(0x20, 12 + headerBytes.length, bodyStart);
  out.set(headerBytes, 12);
  out.set(model.fileBytes, bodyStart);
  return out;
}
