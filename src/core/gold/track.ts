// Moves decisions with each edit of the text: shifted after it, stretched by typing inside, removed when text under them is deleted.
import type { GoldAnnotation } from './model';

/** One replacement in UTF-16 offsets of the text before it: [start, end) becomes `insertedLength` new units. */
export interface TextChange {
  start: number;
  end: number;
  insertedLength: number;
}

export interface TrackResult<T> {
  kept: T[];
  /** Decisions whose text the change deleted or overwrote (with their offsets before the change). */
  removed: T[];
}

/**
 * Where a span goes through one change: shifted when the change is before it, unchanged when after, stretched by an
 * insertion strictly inside it; undefined when the change deletes or replaces any of its characters. Text inserted
 * right at either edge stays outside (typing after a name does not extend the name).
 */
export function moveSpan(span: { start: number; end: number }, change: TextChange): { start: number; end: number } | undefined {
  const delta = change.insertedLength - (change.end - change.start);
  if (change.end <= span.start) {
    // Before it (an insertion at its start included): shift.
    return delta === 0 ? span : { start: span.start + delta, end: span.end + delta };
  }
  if (change.start >= span.end) return span;
  if (change.start === change.end && change.start > span.start && change.start < span.end) {
    return { start: span.start, end: span.end + change.insertedLength };
  }
  return undefined;
}

/** Applies changes in order (each in the coordinates left by the previous one, as VS Code reports them). */
export function trackChanges<T extends { start: number; end: number }>(spans: readonly T[], changes: readonly TextChange[]): TrackResult<T> {
  let kept: T[] = spans.slice();
  const removed: T[] = [];
  for (const change of changes) {
    const next: T[] = [];
    for (const span of kept) {
      const moved = moveSpan(span, change);
      if (!moved) removed.push(span);
      else next.push(moved === span ? span : { ...span, start: moved.start, end: moved.end });
    }
    kept = next;
  }
  return { kept, removed };
}

/** A stretched decision covers more text than it was made on: its `text` follows the document. */
export function refreshTexts(annotations: readonly GoldAnnotation[], text: string): GoldAnnotation[] {
  return annotations.map((a) => {
    const now = text.slice(a.start, a.end);
    return now === a.text ? a : { ...a, text: now };
  });
}

/**
 * Which decisions deleted by earlier edits an undo brought back: those whose very text is again where it was just
 * before it was deleted (VS Code's undo puts text back where it was, and may restore several edits at once).
 */
export function restoredByUndo(deleted: readonly GoldAnnotation[], slice: (start: number, end: number) => string): GoldAnnotation[] {
  return deleted.filter((a) => slice(a.start, a.end) === a.text);
}
