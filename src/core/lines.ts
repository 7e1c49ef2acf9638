// Splits a document into lines, keeping each line's offsets and its line break (LF, CRLF or CR).

export interface DocLine {
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line's last character, before its line break. */
  end: number;
  /** Offset just past the line break (equals `end` on the last line without a break). */
  breakEnd: number;
  /** The line's text without its line break. */
  text: string;
}

const LINE_BREAK = /\r\n|\r|\n/g;

export function splitLines(text: string): DocLine[] {
  const lines: DocLine[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) {
    lines.push({ start, end: match.index, breakEnd: match.index + match[0].length, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  lines.push({ start, end: text.length, breakEnd: text.length, text: text.slice(start) });
  return lines;
}
