// Independent checks the properties share: code-point boundaries, well-formed annotations, clean rebuilt from findings.
import { strict as assert } from 'node:assert';
import type { Annotation, JunkKind, TextRange } from '../../../src/core/types';

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** False only for an offset between the two halves of a surrogate pair (or outside the text). */
export function isCodePointBoundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  return !(offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

/** Shows a string with its invisible and surrogate units escaped, for assertion messages. */
export function show(text: string, max = 120): string {
  const shown = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return shown.replace(/[\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function assertRange(text: string, range: TextRange, what: string): void {
  const { start, end } = range;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: integer offsets [${start}, ${end})`);
  assert.ok(start >= 0 && start <= end && end <= text.length, `${what}: [${start}, ${end}) inside a text of ${text.length}`);
  assert.ok(isCodePointBoundary(text, start), `${what}: start ${start} splits a surrogate pair`);
  assert.ok(isCodePointBoundary(text, end), `${what}: end ${end} splits a surrogate pair`);
}

const KINDS = new Set(['junk', 'entity', 'figure', 'metadata']);

/** Every annotation lies in the text on code-point boundaries and quotes it exactly; so do junk removals. */
export function assertWellFormed(text: string, annotations: readonly Annotation[]): void {
  let previousStart = 0;
  for (const a of annotations) {
    const what = `${a.kind}/${a.label} ${show(a.text, 40)}`;
    assert.ok(KINDS.has(a.kind), `${what}: unknown kind`);
    assertRange(text, a, what);
    assert.equal(a.text, text.slice(a.start, a.end), `${what}: text is not the slice [${a.start}, ${a.end})`);
    assert.ok(a.start >= previousStart, `${what}: annotations are not sorted by start`);
    previousStart = a.start;
    if (a.removal) {
      assert.equal(a.kind, 'junk', `${what}: only junk has a removal`);
      assertRange(text, a.removal, `${what} removal`);
    }
  }
}

/** Marks, per UTF-16 unit, what the selected junk annotations remove (their removal, or their span without one). */
export function removalMask(length: number, annotations: readonly Annotation[], kinds?: readonly JunkKind[]): Uint8Array {
  const mask = new Uint8Array(length);
  for (const a of annotations) {
    if (a.kind !== 'junk' || (kinds && !kinds.includes(a.label as JunkKind))) continue;
    const range = a.removal ?? a;
    mask.fill(1, range.start, range.end);
  }
  return mask;
}

interface Removal {
  start: number;
  end: number;
  replacement: string;
}

/** The selected junk findings' removals with their replacements (an HTML entity's character), sorted by start. */
export function selectedRemovals(annotations: readonly Annotation[], kinds?: readonly JunkKind[]): Removal[] {
  return annotations
    .filter((a) => a.kind === 'junk' && (!kinds || kinds.includes(a.label as JunkKind)))
    .map((a) => ({ start: (a.removal ?? a).start, end: (a.removal ?? a).end, replacement: a.replacement ?? '' }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
}

/**
 * What clean must make of the text, rebuilt from the findings alone: every unit inside a removal goes, every unit
 * outside stays in order; a replacement is written in place of its removal unless another removal overlaps it
 * without lying inside it (then the union is deleted, as nothing says which replacement would be right).
 */
export function expectedClean(text: string, removals: readonly Removal[]): string {
  const writes = new Map<number, string>();
  let endOfEarlierStarts = -1;
  let groupBegin = 0;
  for (let i = 0; i < removals.length; i++) {
    const r = removals[i];
    if (i > 0 && removals[i - 1].start !== r.start) {
      for (let k = groupBegin; k < i; k++) endOfEarlierStarts = Math.max(endOfEarlierStarts, removals[k].end);
      groupBegin = i;
    }
    if (!r.replacement || endOfEarlierStarts > r.start) continue;
    let alone = true;
    for (let j = groupBegin; j < removals.length && removals[j].start < r.end && alone; j++) {
      if (j !== i && removals[j].end > r.end) alone = false;
    }
    if (alone) writes.set(r.start, (writes.get(r.start) ?? '') + r.replacement);
  }
  const mask = rangeMask(text.length, removals);
  let out = '';
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || mask[i]) {
      if (i > run) out += text.slice(run, i);
      out += writes.get(i) ?? '';
      run = i + 1;
    }
  }
  return out;
}

/** Marks the units covered by a list of ranges. */
export function rangeMask(length: number, ranges: readonly TextRange[]): Uint8Array {
  const mask = new Uint8Array(length);
  for (const r of ranges) mask.fill(1, r.start, r.end);
  return mask;
}

/** The first offset where two masks differ, or -1. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return i;
  return -1;
}

/** The code points of a text as the export formats count them (a lone surrogate counts as one). */
export function codePoints(text: string): string[] {
  return Array.from(text);
}
