// The engine's second entry point: turns junk annotations into the edits that strip them, and applies edits.
import type { Annotation, JunkKind, TextEdit } from './types';

export interface EditSelection {
  /** Only junk of these kinds (default: every kind). */
  kinds?: readonly JunkKind[];
  /** Only annotations that pass this test (e.g. "this one item"). */
  filter?: (annotation: Annotation) => boolean;
}

/** The edits that remove the selected junk, sorted and non-overlapping: overlapping removals are merged, a contained one is absorbed. */
export function junkEdits(annotations: readonly Annotation[], selection: EditSelection = {}): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const annotation of annotations) {
    if (annotation.kind !== 'junk') continue;
    if (selection.kinds && !selection.kinds.includes(annotation.label as JunkKind)) continue;
    if (selection.filter && !selection.filter(annotation)) continue;
    const removal = annotation.removal ?? { start: annotation.start, end: annotation.end };
    if (removal.end > removal.start) edits.push({ start: removal.start, end: removal.end, newText: annotation.replacement ?? '' });
  }
  // Longest first at equal starts, so a containing removal absorbs what it contains. Annotations mostly come
  // sorted already (a line's are): checking is cheaper than sorting, which copies the array.
  if (!isOrdered(edits)) edits.sort(byStartThenLongest);
  const merged: TextEdit[] = [];
  for (const edit of edits) {
    const last = merged[merged.length - 1];
    const overlaps = last !== undefined && edit.start < last.end;
    const touchesPlainDeletion = last !== undefined && edit.start === last.end && last.newText === '' && edit.newText === '';
    if (!overlaps && !touchesPlainDeletion) {
      // Each edit is a fresh object of this call: it may be kept (and widened below) as it is.
      merged.push(edit);
    } else if (edit.end > last.end) {
      // Partial overlap: the union is deleted; a replacement is only kept when its removal is kept whole.
      last.end = edit.end;
      last.newText = '';
    }
  }
  return merged;
}

function byStartThenLongest(a: TextEdit, b: TextEdit): number {
  return a.start - b.start || b.end - a.end;
}

function isOrdered(edits: readonly TextEdit[]): boolean {
  for (let i = 1; i < edits.length; i++) if (byStartThenLongest(edits[i - 1], edits[i]) > 0) return false;
  return true;
}

/** Applies non-overlapping edits (any order) to a text. Throws on overlapping or out-of-range edits. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let position = 0;
  for (const edit of sorted) {
    if (edit.start < position || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`Edit [${edit.start}, ${edit.end}) overlaps another edit or lies outside the text`);
    }
    out += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return out + text.slice(position);
}

/** Counts junk annotations by kind, for summaries. */
export function countByKind(annotations: readonly Annotation[]): Partial<Record<JunkKind, number>> {
  const counts: Partial<Record<JunkKind, number>> = {};
  for (const annotation of annotations) {
    if (annotation.kind === 'junk') counts[annotation.label as JunkKind] = (counts[annotation.label as JunkKind] ?? 0) + 1;
  }
  return counts;
}
