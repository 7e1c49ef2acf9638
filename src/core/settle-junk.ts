// Line junk until nothing more appears: junk revealed once other junk is cut out is found and reported too, so clean is idempotent.
import { junkEdits } from './edits';
import { detectLineJunk } from './junk';
import { viewWithEdits, type LineView } from './line-view';
import type { Annotation, LineContext, TextEdit } from './types';

/** Cutting junk can reveal more (a tag inside a gloss, `&amp;nbsp;`, a control character before a credit line). */
const MAX_ROUNDS = 3;

/** A finding that deletes its line (and the line break). One that writes a replacement (repaired mojibake) never does, even when it spans the line. */
export function isWholeLine(annotation: Annotation, text: string): boolean {
  return annotation.removal !== undefined && annotation.removal.start === 0 && annotation.removal.end === text.length && annotation.replacement === undefined;
}

/** A line's junk once settled, with the edits of that junk and the line they leave when the last round made them. */
export interface SettledJunk {
  /** All junk (and metadata) of the line. */
  found: Annotation[];
  /** junkEdits(found) and the view they give; absent when a whole-line finding ended the rounds, or the last one revealed more. */
  settled?: { edits: TextEdit[]; view: LineView };
}

/** All junk (and metadata) of one line, including junk that only shows once other junk is removed. */
export function settledLineJunk(text: string, ctx: LineContext): Annotation[] {
  return settleLineJunk(text, ctx).found;
}

/** settledLineJunk(), with the edits and view of the last round for a caller that cuts the junk out next. */
export function settleLineJunk(text: string, ctx: LineContext): SettledJunk {
  const found = detectLineJunk(text, ctx);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (found.some((a) => a.kind === 'junk' && isWholeLine(a, text))) return { found };
    const edits = junkEdits(found);
    const view = viewWithEdits(text, edits);
    if (!view.changed || view.text.trim() === '') return { found, settled: { edits, view } };
    const revealed = detectLineJunk(view.text, ctx).filter((a) => a.kind === 'junk');
    if (revealed.length === 0) return { found, settled: { edits, view } };
    for (const annotation of revealed) found.push(mapBack(annotation, view, text));
  }
  return { found };
}

function mapRange(range: { start: number; end: number }, view: LineView): { start: number; end: number } {
  const start = view.toOriginal(range.start, false);
  return { start, end: Math.max(start, view.toOriginal(range.end, true)) };
}

/** A finding in a view, moved to the line's offsets; a whole-line finding of the view removes the whole line. */
export function mapBack(annotation: Annotation, view: LineView, text: string): Annotation {
  const start = view.toOriginal(annotation.start, false);
  const end = Math.max(start, view.toOriginal(annotation.end, true));
  const reason = annotation.reason ? `${annotation.reason} (revealed once other junk is removed)` : annotation.reason;
  const moved: Annotation = { ...annotation, start, end, text: text.slice(start, end), reason };
  if (annotation.removal) {
    moved.removal = isWholeLine(annotation, view.text)
      ? { start: 0, end: text.length }
      : mapRange(annotation.removal, view);
  }
  return moved;
}
