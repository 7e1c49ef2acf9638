// A convention's overlay: rows of its own for the sparse templates (characters, pairs, words, character + tag), added to the shared rows in that convention's view only.
//
// The shared character, pair and word rows are one set for every convention (model-format.ts): the file
// cannot hold a copy per convention. The overlay holds the strongest rows of one source's own copies of
// those templates (scripts/ner/by-source.ts SourceOnly), so MSRA-style text gets most of what its own
// copies learned while the other conventions read the shared rows alone. Each slot names its template
// and key, so a lookup is one probe of a hashed table behind a key filter, and a slot describes itself.
import { ABSENT, featureKeys, type Positions, Template, TEMPLATE_COUNT } from './features';
import { FILTER_MULTIPLIER, filterOfSlots, type KeyFilter } from './key-filter';
import { firstSlot, LABEL_COUNT, OVERLAY_SLOT, type TaggerModel, type TrainedFeature } from './model-format';

const L = LABEL_COUNT;

/** The templates an overlay may hold: those whose rows are shared by every convention. */
export const OVERLAY_TEMPLATES: readonly Template[] = [
  Template.CharM2,
  Template.CharM1,
  Template.Char0,
  Template.CharP1,
  Template.CharP2,
  Template.BigramM2M1,
  Template.BigramM1C0,
  Template.BigramC0P1,
  Template.BigramP1P2,
  Template.Word,
  Template.PrevWord,
  Template.NextWord,
  Template.CharPosLength,
  Template.CharTag,
];

/** The character templates (the character at −2…+2): the decoder adds their overlay rows to its per-view character rows once (tagger.ts), for the characters the shared tables have. */
export const isCharTemplate = (t: number): boolean => t >= Template.CharM2 && t <= Template.CharP2;

/** The slot key of a template's feature: one-to-one in the key for each template, 0 when it would be 0 (such a feature is left out). */
export const overlayKey = (t: number, key: number): number => Math.imul((key ^ Math.imul(t + 1, 0x27d4eb2f)) >>> 0, 0x9e3779b1) >>> 0;

/**
 * The records of an overlay (slot key → the slot's other 12 bytes: u32 key, 7 codes, u8 template) for
 * buildModel. Features whose slot keys collide with another's (a few per billion pairs) or are 0 are left out.
 */
export function overlayRecords(features: readonly TrainedFeature[]): { records: Map<number, Uint8Array>; leftOut: number } {
  const records = new Map<number, Uint8Array>();
  const clashing = new Set<number>();
  for (const f of features) {
    if (!OVERLAY_TEMPLATES.includes(f.template)) throw new Error(`template ${f.template} cannot be in an overlay`);
    const slotKey = overlayKey(f.template, f.key);
    if (slotKey === 0 || records.has(slotKey)) {
      clashing.add(slotKey);
      continue;
    }
    const record = new Uint8Array(4 + L + 1);
    new DataView(record.buffer).setUint32(0, f.key, true);
    record.set(f.codes, 4);
    record[4 + L] = f.template;
    records.set(slotKey, record);
  }
  for (const slotKey of clashing) records.delete(slotKey);
  return { records, leftOut: features.length - records.size };
}

/** Byte offset of the overlay row of feature `key` of template `t` in the view `model`, or -1 (the reference lookup). */
export function overlayRow(model: TaggerModel, t: Template, key: number): number {
  const overlay = model.header.layout.overlay;
  if (!overlay || key === ABSENT || !OVERLAY_TEMPLATES.includes(t)) return -1;
  const slotKey = overlayKey(t, key);
  if (slotKey === 0 || (isCharTemplate(t) && model.charIds[key] === 0)) return -1;
  const { words32 } = model;
  for (let slot = firstSlot(slotKey, overlay.slots); ; ) {
    const at = overlay.at + slot * OVERLAY_SLOT;
    const k = words32[at >> 2];
    if (k === slotKey) return words32[(at >> 2) + 1] === key && model.bytes[at + 8 + L] === t ? at + 8 : -1;
    if (k === 0) return -1;
    if (++slot === overlay.slots) slot = 0;
  }
}

/** The features of an overlay, read back from the file (tests, inspection). */
export function overlayFeatures(model: TaggerModel): TrainedFeature[] {
  const overlay = model.header.layout.overlay;
  const out: TrainedFeature[] = [];
  for (let slot = 0; overlay && slot < overlay.slots; slot++) {
    const at = overlay.at + slot * OVERLAY_SLOT;
    if (model.words32[at >> 2] === 0) continue;
    out.push({ template: model.bytes[at + 8 + L] as Template, key: model.words32[(at >> 2) + 1], codes: model.bytes.slice(at + 8, at + 8 + L) });
  }
  return out;
}

/** The overlay's rows of the character templates, by the shared tables' character ids: each row's index in the character rows (id × 5 + place) and codes. */
export function overlayCharRows(model: TaggerModel): { row: number; codes: Uint8Array }[] {
  const out: { row: number; codes: Uint8Array }[] = [];
  const overlay = model.header.layout.overlay;
  for (let slot = 0; overlay && slot < overlay.slots; slot++) {
    const at = overlay.at + slot * OVERLAY_SLOT;
    const t = model.bytes[at + 8 + L];
    if (model.words32[at >> 2] === 0 || !isCharTemplate(t)) continue;
    const id = model.charIds[model.words32[(at >> 2) + 1]];
    if (id !== 0) out.push({ row: id * 5 + (t - Template.CharM2), codes: model.bytes.subarray(at + 8, at + 8 + L) });
  }
  return out;
}

const filters = new WeakMap<TaggerModel, KeyFilter>();
let keyBuffer: Uint32Array = new Uint32Array(0);
// Constants of the loop as locals of this module (an imported binding is a property read per use when not bundled).
const ABSENT_KEY = ABSENT;
const MULTIPLIER = FILTER_MULTIPLIER;
const slotOf = firstSlot;
/** The templates looked up per position: the character templates' rows are in the decoder's character rows. */
const TEMPLATES = Int32Array.from(OVERLAY_TEMPLATES.filter((t) => !isCharTemplate(t)));
const SALTS = TEMPLATES.map((t) => Math.imul(t + 1, 0x27d4eb2f));

/**
 * Adds the overlay rows of the view `model` (if it has an overlay) to the emission scores of the positions `p` has
 * read, but for the character templates' (overlayCharRows: already in the decoder's character rows).
 */
export function addOverlayEmissions(model: TaggerModel, p: Positions, emission: Float32Array): void {
  const overlay = model.header.layout.overlay;
  if (!overlay) return;
  const { words32, bytes, codebook: cb } = model;
  let filter = filters.get(model);
  if (!filter) filters.set(model, (filter = filterOfSlots(overlay.slots, (slot) => words32[(overlay.at + slot * OVERLAY_SLOT) >> 2])));
  const { bits, shift } = filter;
  const F = TEMPLATE_COUNT;
  // The reference keys of every template (features.ts): the overlay reads the same features as the shared rows.
  const keys = (keyBuffer = featureKeys(p, keyBuffer));
  const slots = overlay.slots;
  const at = overlay.at;
  const base = at >> 2;
  const stride = OVERLAY_SLOT >> 2;
  const n = p.n;
  const count = TEMPLATES.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < count; j++) {
      const t = TEMPLATES[j];
      const key = keys[i * F + t];
      if (key === ABSENT_KEY) continue;
      // overlayKey(t, key), inlined.
      const slotKey = Math.imul((key ^ SALTS[j]) >>> 0, 0x9e3779b1) >>> 0;
      const bit = Math.imul(slotKey, MULTIPLIER) >>> shift;
      if (slotKey === 0 || (bits[bit >>> 5] & (1 << (bit & 31))) === 0) continue;
      for (let slot = slotOf(slotKey, slots); ; slot = slot + 1 === slots ? 0 : slot + 1) {
        const k = words32[base + slot * stride];
        if (k === 0) break;
        if (k !== slotKey) continue;
        // Another template's feature may share the slot key (one in 2^32 per stored row): check the slot's own.
        const o = at + slot * OVERLAY_SLOT + 8;
        if (words32[base + slot * stride + 1] === key && bytes[o + L] === t) {
          const e = i * L;
          emission[e] += cb[bytes[o]];
          emission[e + 1] += cb[bytes[o + 1]];
          emission[e + 2] += cb[bytes[o + 2]];
          emission[e + 3] += cb[bytes[o + 3]];
          emission[e + 4] += cb[bytes[o + 4]];
          emission[e + 5] += cb[bytes[o + 5]];
          emission[e + 6] += cb[bytes[o + 6]];
        }
        break;
      }
    }
  }
}
