// A line with edits applied (junk cut out or replaced), and the way back from the edited text's offsets to the line's.
import type { TextEdit } from './types';

export interface LineView {
  text: string;
  /** False when no edit applied, so offsets are the line's own. */
  changed: boolean;
  /**
   * Maps an offset of the view back to the line. A start maps to the first character it stands for; an end maps
   * to just after the last one, so it stays before junk that was cut out after it. Text written by a replacement
   * stands for the whole range it replaced.
   */
  toOriginal(offset: number, isEnd: boolean): number;
}

interface Piece {
  viewStart: number;
  originalStart: number;
  originalEnd: number;
  /** Kept text maps character for character; a replacement maps as a whole. */
  exact: boolean;
}

/** Applies sorted, non-overlapping edits to a line and keeps the offset map. */
export function viewWithEdits(text: string, edits: readonly TextEdit[]): LineView {
  if (edits.length === 0) return { text, changed: false, toOriginal: (offset) => offset };
  const pieces: Piece[] = [];
  let view = '';
  let position = 0;
  const keep = (end: number) => {
    if (end <= position) return;
    pieces.push({ viewStart: view.length, originalStart: position, originalEnd: end, exact: true });
    view += text.slice(position, end);
  };
  for (const edit of edits) {
    keep(edit.start);
    if (edit.newText) {
      pieces.push({ viewStart: view.length, originalStart: edit.start, originalEnd: edit.end, exact: false });
      view += edit.newText;
    }
    position = Math.max(position, edit.end);
  }
  keep(text.length);
  return {
    text: view,
    changed: true,
    toOriginal(offset, isEnd) {
      // The last piece starting at (a start) or before (an end) the offset.
      let lo = -1;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (isEnd ? pieces[mid].viewStart < offset : pieces[mid].viewStart <= offset) lo = mid;
        else hi = mid - 1;
      }
      if (lo < 0) return pieces.length > 0 ? pieces[0].originalStart : 0;
      const piece = pieces[lo];
      if (!piece.exact) return isEnd ? piece.originalEnd : piece.originalStart;
      return Math.min(piece.originalEnd, piece.originalStart + (offset - piece.viewStart));
    },
  };
}

/** The text of viewWithEdits(text, edits) alone, without the offset map (nothing to allocate but the string). */
export function textWithEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  let view = '';
  let position = 0;
  for (const edit of edits) {
    if (edit.start > position) view += text.slice(position, edit.start);
    if (edit.newText) view += edit.newText;
    position = Math.max(position, edit.end);
  }
  if (text.length > position) view += text.slice(position);
  return view;
}
