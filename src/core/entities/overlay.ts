// A convention's overlay: rows for the sparse templates (characters, pairs, words, character + tag) that only the views that read it add to the shared rows.
//
// The shared character, pair and word rows are one set for every convention (model-format.ts): the file
// cannot hold a copy per convention. The overlay holds the strongest rows of one source's own copies of
// those templates (scripts/ner/by-source.ts SourceOnly): the shipped model folds MSRA's copies into the
// shared rows and its overlay takes them out again for the other conventions. Each slot names its template
// and key. A view that reads an overlay reads the shared tables with the overlay's rows added, re-coded
// against the codebook once, on first use (model-format.ts): the tagger's lookups stay the same.
import { Template } from './features';

/** Labels per row (model-format.ts LABEL_COUNT; repeated here so that this module needs nothing of that one at run time). */
const L = 7;
/** Bytes per slot: u32 slot key, u32 feature key, 7 codes, u8 template. */
export const OVERLAY_SLOT = 16;

/** What reading an overlay needs of a model: its body as the file holds it (64-byte aligned). */
interface OverlayBytes {
  fileBytes: Uint8Array;
}

/** A hashed table of OVERLAY_SLOT-byte slots. */
export interface OverlayLayout {
  at: number;
  slots: number;
}

/** A feature of an overlay. */
export interface OverlayFeature {
  template: Template;
  key: number;
  codes: Uint8Array;
}

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

/** The character templates (the character at −2…+2). */
export const isCharTemplate = (t: number): boolean => t >= Template.CharM2 && t <= Template.CharP2;

/** The slot key of a template's feature: one-to-one in the key for each template, 0 when it would be 0 (such a feature is left out). */
export const overlayKey = (t: number, key: number): number => Math.imul((key ^ Math.imul(t + 1, 0x27d4eb2f)) >>> 0, 0x9e3779b1) >>> 0;

/**
 * The records of an overlay (slot key → the slot's other 12 bytes: u32 key, 7 codes, u8 template) for
 * buildModel. Features whose slot keys collide with another's (a few per billion pairs) or are 0 are left out.
 */
export function overlayRecords(features: readonly OverlayFeature[]): { records: Map<number, Uint8Array>; leftOut: number } {
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

/** The features of the overlay at `overlay` in a model's body. */
export function overlayFeatures(model: OverlayBytes, overlay: OverlayLayout | undefined): OverlayFeature[] {
  const bytes = model.fileBytes;
  const words32 = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
  const out: OverlayFeature[] = [];
  for (let slot = 0; overlay && slot < overlay.slots; slot++) {
    const at = overlay.at + slot * OVERLAY_SLOT;
    if (words32[at >> 2] === 0) continue;
    out.push({ template: bytes[at + 8 + L] as Template, key: words32[(at >> 2) + 1], codes: bytes.slice(at + 8, at + 8 + L) });
  }
  return out;
}
