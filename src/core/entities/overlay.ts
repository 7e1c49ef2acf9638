// A convention's overlay: rows for the sparse templates (characters, pairs, words, character + tag) that only the views that read it add to the shared rows.
//
// The shared character, pair and word rows are one set for every convention (model-format.ts): the file
// cannot hold a copy per convention. The overlay holds the strongest rows of one source's own copies of
// those templates (scripts/ner/by-source.ts SourceOnly): the shipped model folds MSRA's copies into the
// shared rows and its overlay takes them out again for the other conventions. A view that reads an overlay
// reads the shared tables with the overlay's rows added, re-coded against the codebook once, on first use
// (model-format.ts), so the tagger's lookups stay the same and the overlay is only ever read in order: it is
// a packed list of 12-byte records (u32 key, u8 template, 7 codes).
import { Template } from './features';

/** Labels per row (model-format.ts LABEL_COUNT; repeated here so that this module needs nothing of that one at run time). */
const L = 7;
/** Bytes per record: u32 key, u8 template, 7 codes. */
export const OVERLAY_RECORD = 4 + 1 + L;

/** Where an overlay's records are in a model's body. */
export interface OverlayLayout {
  at: number;
  rows: number;
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

/** The records of an overlay, in template and key order. */
export function packOverlay(features: readonly OverlayFeature[]): Uint8Array {
  const sorted = [...features].sort((a, b) => a.template - b.template || a.key - b.key);
  const out = new Uint8Array(sorted.length * OVERLAY_RECORD);
  const view = new DataView(out.buffer);
  sorted.forEach((f, r) => {
    if (!OVERLAY_TEMPLATES.includes(f.template)) throw new Error(`template ${f.template} cannot be in an overlay`);
    if (r > 0 && sorted[r - 1].template === f.template && sorted[r - 1].key === f.key) throw new Error(`feature ${f.template}:${f.key} is twice in the overlay`);
    view.setUint32(r * OVERLAY_RECORD, f.key, true);
    out[r * OVERLAY_RECORD + 4] = f.template;
    out.set(f.codes, r * OVERLAY_RECORD + 5);
  });
  return out;
}

/** Calls `row` with each record of the overlay at `overlay` in a body as the file holds it: its template, key and the offset of its 7 codes. */
export function forEachOverlayRow(fileBytes: Uint8Array, overlay: OverlayLayout | undefined, row: (template: Template, key: number, codesAt: number) => void): void {
  const view = new DataView(fileBytes.buffer, fileBytes.byteOffset, fileBytes.byteLength);
  for (let r = 0; overlay && r < overlay.rows; r++) {
    const at = overlay.at + r * OVERLAY_RECORD;
    row(fileBytes[at + 4] as Template, view.getUint32(at, true), at + 5);
  }
}

/** The features of the overlay at `overlay` in a body as the file holds it. */
export function overlayFeatures(fileBytes: Uint8Array, overlay: OverlayLayout | undefined): OverlayFeature[] {
  const out: OverlayFeature[] = [];
  forEachOverlayRow(fileBytes, overlay, (template, key, at) => out.push({ template, key, codes: fileBytes.slice(at, at + L) }));
  return out;
}
