// The server's view of a JSONL document: the lines the client sent, with their offsets; a TextDocument for those lines.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { applyLineChanges, retainLines, type JsonlSyncParams, type KnownLine } from './jsonl-protocol';

export class JsonlDocument implements TextDocument {
  readonly languageId = 'jsonl';
  version = 0;
  lineCount = 0;
  length = 0;
  whole = false;
  visible: [number, number][] = [];
  private lines = new Map<number, KnownLine>();
  /** Known line numbers in order; rebuilt on demand after a change. */
  private sorted: number[] | undefined;

  constructor(readonly uri: string) {}

  /** Applies a sync message: changes, then new lines, then what to forget. */
  apply(params: JsonlSyncParams): void {
    if (params.changes?.length) this.lines = applyLineChanges(this.lines, params.changes);
    for (const [line, start, text] of params.lines ?? []) this.lines.set(line, { start, text });
    if (params.retain) retainLines(this.lines, params.retain);
    this.version = params.version;
    this.lineCount = params.lineCount;
    this.length = params.length;
    this.whole = params.whole;
    if (params.visible) this.visible = params.visible;
    this.sorted = undefined;
  }

  /** Known line numbers, ascending. */
  knownLines(): readonly number[] {
    this.sorted ??= [...this.lines.keys()].sort((a, b) => a - b);
    return this.sorted;
  }

  line(line: number): KnownLine | undefined {
    return this.lines.get(line);
  }

  get knownCount(): number {
    return this.lines.size;
  }

  /** The known line holding an offset (its number), by binary search over the known lines' starts. */
  private lineAtOffset(offset: number): number | undefined {
    const lines = this.knownLines();
    let lo = 0;
    let hi = lines.length - 1;
    let found: number | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.lines.get(lines[mid])!.start <= offset) {
        found = lines[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  positionAt(offset: number): Position {
    const line = this.lineAtOffset(offset);
    if (line === undefined) return { line: 0, character: 0 };
    const known = this.lines.get(line)!;
    // Past the end of a known line (in its line break): the start of the next line.
    if (offset > known.start + known.text.length) return { line: line + 1, character: 0 };
    return { line, character: offset - known.start };
  }

  offsetAt(position: Position): number {
    const known = this.lines.get(position.line);
    if (known) return known.start + Math.min(position.character, known.text.length);
    // An unknown line: the nearest known offset before it (nothing the server says ever points there).
    const before = this.lineAtOffset(Number.MAX_SAFE_INTEGER);
    return before === undefined ? 0 : this.lines.get(before)!.start;
  }

  getLineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lines.get(line)?.text.length ?? 0 } };
  }

  getEOLCharacters(): string {
    return '\n';
  }

  /** Text of a range within known lines; the whole text is never known, so without a range: the known lines joined. */
  getText(range?: Range): string {
    if (!range) return this.knownLines().map((l) => this.lines.get(l)!.text).join('\n');
    const start = range.start.line;
    const end = range.end.line;
    const parts: string[] = [];
    for (let l = start; l <= end; l++) {
      const text = this.lines.get(l)?.text ?? '';
      const from = l === start ? range.start.character : 0;
      const to = l === end ? range.end.character : text.length;
      parts.push(text.slice(from, to));
    }
    return parts.join('\n');
  }
}
