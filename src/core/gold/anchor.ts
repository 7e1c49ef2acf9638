// Re-anchors decisions on a text that changed elsewhere (another editor, git, a script): by their own text, near where they were.
import type { GoldAnnotation } from './model';

export type ConflictReason = 'not-found' | 'ambiguous';

/** A decision that could not be placed on the new text: kept, with its old offsets, until the annotator deals with it. */
export interface GoldConflict {
  annotation: GoldAnnotation;
  reason: ConflictReason;
  /** UTF-16 offsets where its text occurs equally near its expected place (ambiguous only). */
  candidates?: number[];
}

export interface AnchorResult {
  anchored: GoldAnnotation[];
  /** How many of the anchored ones moved. */
  moved: number;
  conflicts: GoldConflict[];
}

/**
 * Places each decision on `text`: where it was if its text is still there; otherwise at the occurrence of its text
 * nearest to where it is expected — its old place shifted as much as the nearest decision before it that did match.
 * A decision whose text is gone, or that has two occurrences equally near, is a conflict: nothing is guessed.
 * `expected` may give a better estimate of a decision's new start (e.g. its place moved through a known edit).
 */
export function reanchor(annotations: readonly GoldAnnotation[], text: string, expected?: (a: GoldAnnotation) => number | undefined): AnchorResult {
  const sorted = [...annotations].sort((a, b) => a.start - b.start || a.end - b.end);
  const anchored: GoldAnnotation[] = [];
  const conflicts: GoldConflict[] = [];
  let moved = 0;
  let drift = 0;
  const occupied = new Set<string>();
  const key = (a: GoldAnnotation, start: number) => `${a.kind}\u0000${a.label}\u0000${start}\u0000${a.text.length}`;
  for (const a of sorted) {
    if (a.text.length === 0) {
      conflicts.push({ annotation: a, reason: 'not-found' });
      continue;
    }
    const guess = expected?.(a) ?? a.start + drift;
    const here = [guess, a.start].find((s) => s >= 0 && text.startsWith(a.text, s) && !occupied.has(key(a, s)));
    let start: number | undefined = here;
    if (start === undefined) {
      const occurrences: number[] = [];
      for (let i = text.indexOf(a.text); i >= 0; i = text.indexOf(a.text, i + 1)) {
        if (!occupied.has(key(a, i))) occurrences.push(i);
      }
      if (occurrences.length === 0) {
        conflicts.push({ annotation: a, reason: 'not-found' });
        continue;
      }
      occurrences.sort((x, y) => Math.abs(x - guess) - Math.abs(y - guess) || x - y);
      if (occurrences.length > 1 && Math.abs(occurrences[0] - guess) === Math.abs(occurrences[1] - guess)) {
        conflicts.push({ annotation: a, reason: 'ambiguous', candidates: occurrences.slice(0, 2) });
        continue;
      }
      start = occurrences[0];
    }
    occupied.add(key(a, start));
    drift = start - a.start;
    if (start !== a.start) moved++;
    anchored.push(start === a.start ? a : { ...a, start, end: start + a.text.length });
  }
  return { anchored, moved, conflicts };
}
