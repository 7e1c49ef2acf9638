// The engine's second entry point: turns junk annotations into the edits that strip them, and applies edits.
import type { Annotation, JunkKind, TextEdit } from './types';

export interface EditSelection {
  /** Only junk of these kinds (default: every kind). */
  kinds?: readonly JunkKind[];
  /** Only annotations that pass this test (e.g. "this one item"). */
  filter?: (annotation: Annotation) => boolean;
}

/** The deletions that remove the selected junk; overlapping or touching removals are merged, sorted by offset. */
export function junkEdits(annotations: readonly Annotation[], selection: EditSelection = {}): TextEdit[] {
  const ranges: { start: number; end: number }[] = [];
  for (const annotation of annotations) {
    if (annotation.kind !== 'junk') continue;
    if (selection.kinds && !selection.kinds.includes(annotation.label as JunkKind)) continue;
    if (selection.filter && !selection.filter(annotation)) continue;
    const removal = annotation.removal ?? { start: annotation.start, end: annotation.end };
    if (removal.end > removal.start) ranges.push({ ...removal });
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextEdit[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end, newText: '' });
  }
  return merged;
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
