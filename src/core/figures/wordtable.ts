// A small lexicon that finds the longest listed word starting or ending at an offset of a line.

export interface WordEntry<T> {
  readonly word: string;
  readonly value: T;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Words indexed by their first and last UTF-16 unit, longest first. Words that begin (end) with an ASCII
 * letter only match where the line has no letter right before (after) them, so `USD` is not found in `XUSD`.
 */
export class WordTable<T> {
  private readonly byFirst = new Map<number, WordEntry<T>[]>();
  private readonly byLast = new Map<number, WordEntry<T>[]>();

  constructor(entries: ReadonlyArray<readonly [string, T]>) {
    for (const [word, value] of entries) {
      const entry: WordEntry<T> = { word, value };
      push(this.byFirst, word.charCodeAt(0), entry);
      push(this.byLast, word.charCodeAt(word.length - 1), entry);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
    for (const list of this.byLast.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** The longest word starting at `pos`. */
  at(line: string, pos: number): WordEntry<T> | undefined {
    const list = this.byFirst.get(line.charCodeAt(pos));
    if (!list) return undefined;
    for (const entry of list) {
      const w = entry.word;
      if (!line.startsWith(w, pos)) continue;
      if (isAsciiLetter(w.charCodeAt(w.length - 1)) && isAsciiLetter(line.charCodeAt(pos + w.length))) continue;
      return entry;
    }
    return undefined;
  }

  /** The longest word ending at `pos` (exclusive) and starting at or after `floor`. */
  before(line: string, pos: number, floor: number): WordEntry<T> | undefined {
    if (pos <= floor) return undefined;
    const list = this.byLast.get(line.charCodeAt(pos - 1));
    if (!list) return undefined;
    for (const entry of list) {
      const w = entry.word;
      const start = pos - w.length;
      if (start < floor || !line.startsWith(w, start)) continue;
      if (isAsciiLetter(w.charCodeAt(0)) && start > 0 && isAsciiLetter(line.charCodeAt(start - 1))) continue;
      return entry;
    }
    return undefined;
  }
}

function push<T>(map: Map<number, WordEntry<T>[]>, key: number, entry: WordEntry<T>): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
