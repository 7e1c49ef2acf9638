// How the client shows the server a JSONL corpus: only some lines (the visible records, or all of a small file), kept in step by line changes.
//
// A JSONL document is not synchronized through LSP: sending a 100 MB corpus whole would block the extension host
// for seconds (JSON-encoding it), and only the records on screen are analyzed anyway. Both sides keep the same
// map of known lines and apply the same changes to it (applyLineChanges), so offsets and line numbers agree.

/** Client → server: lines of a JSONL document, and how the document changed since the last message. */
export const JSONL_SYNC_NOTIFICATION = 'newsLens/jsonl/sync';
/** Client → server: the document was closed; forget it. */
export const JSONL_CLOSE_NOTIFICATION = 'newsLens/jsonl/close';

/** [first line, old last line, lines the new text adds (its line breaks), change of length]: one text change. */
export type LineChange = [number, number, number, number];

export interface JsonlSyncParams {
  uri: string;
  version: number;
  lineCount: number;
  /** The document's length in UTF-16 units. */
  length: number;
  /** Applied first, in order, to the lines already known. */
  changes?: LineChange[];
  /** Lines now known: [line, offset of its start, text]. */
  lines?: [number, number, string][];
  /** When set, every known line outside these ranges (inclusive) is forgotten. */
  retain?: [number, number][];
  /** The lines on screen, analyzed first. */
  visible?: [number, number][];
  /** The client sends every line of this document (a small file): results cover the whole corpus. */
  whole: boolean;
}

export interface JsonlCloseParams {
  uri: string;
}

export interface KnownLine {
  /** Offset of the line's start in the document. */
  start: number;
  text: string;
}

/** The line change of a text change: the range it replaced (lines of the old text), its new text, and lengths. */
export function lineChangeOf(startLine: number, endLine: number, text: string, rangeLength: number): LineChange {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) breaks++;
    else if (code === 0x0d) {
      breaks++;
      if (text.charCodeAt(i + 1) === 0x0a) i++;
    }
  }
  return [startLine, endLine, breaks, text.length - rangeLength];
}

/**
 * Applies changes to a map of known lines (by line number): lines a change touched are forgotten, lines after it
 * are renumbered and moved by its change of length. `onLine` (optional) sees each line kept, with its new number.
 */
export function applyLineChanges<T extends { start: number }>(lines: Map<number, T>, changes: readonly LineChange[]): Map<number, T> {
  let current = lines;
  for (const [first, oldLast, added, delta] of changes) {
    const shift = first + added - oldLast;
    const next = new Map<number, T>();
    for (const [line, value] of current) {
      if (line < first) next.set(line, value);
      else if (line > oldLast) {
        value.start += delta;
        next.set(line + shift, value);
      }
    }
    current = next;
  }
  return current;
}

/** Keeps only the lines inside the ranges. */
export function retainLines<T>(lines: Map<number, T>, ranges: readonly [number, number][]): void {
  for (const line of [...lines.keys()]) {
    if (!ranges.some(([a, b]) => line >= a && line <= b)) lines.delete(line);
  }
}
