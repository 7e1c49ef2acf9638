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
 * What an edit deleted under decisions, so that undoing that edit can bring them back: the change's place, the
 * length of what it inserted, and the decisions relative to the change's start.
 */
export interface DeletionRecord {
  start: number;
  insertedLength: number;
  deletedLength: number;
  annotations: GoldAnnotation[];
}

export function deletionRecord(change: TextChange, removed: readonly GoldAnnotation[]): DeletionRecord {
  return {
    start: change.start,
    insertedLength: change.insertedLength,
    deletedLength: change.end - change.start,
    annotations: removed.map((a) => ({ ...a, start: a.start - change.start, end: a.end - change.start })),
  };
}

/**
 * The decisions to restore when a change undoes a recorded deletion: it must replace exactly what the deleting edit
 * inserted, at the same place, and put back the very text each decision covered.
 */
export function restorable(record: DeletionRecord, change: TextChange, textAfter: string): GoldAnnotation[] {
  if (change.start !== record.start || change.end - change.start !== record.insertedLength || change.insertedLength !== record.deletedLength) return [];
  return record.annotations
    .map((a) => ({ ...a, start: a.start + record.start, end: a.end + record.start }))
    .filter((a) => textAfter.slice(a.start, a.end) === a.text);
}
