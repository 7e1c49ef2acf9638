// A small lexicon that finds the longest listed word starting or ending at an offset of a line.

export interface WordEntry<T> {
  readonly word: string;
  readonly value: T;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * A small integer for two UTF-16 units (a V8 small integer, which a Map hashes fast). Pairs may share a key:
 * every lookup compares the words themselves.
 */
export function pairKey(a: number, b: number): number {
  return a * 1031 + b;
}

/**
 * Words indexed by their first (last) two UTF-16 units, longest first, and one-unit words by that unit: a lookup
 * compares only the few words that share two units with the line (the English qualifiers all end in a space).
 * Words that begin (end) with an ASCII letter only match where the line has no letter right before (after)
 * them, so `USD` is not found in `XUSD`.
 */
export class WordTable<T> {
  private readonly byFirst = new Map<number, WordEntry<T>[]>();
  private readonly byLast = new Map<number, WordEntry<T>[]>();
  private readonly single = new Map<number, WordEntry<T>>();
  /** Bit sets of the units that words start and end with: most offsets of a line fail these before any Map lookup. */
  private readonly firstBits = new Uint32Array(2048);
  private readonly lastBits = new Uint32Array(2048);

  constructor(entries: ReadonlyArray<readonly [string, T]>) {
    for (const [word, value] of entries) {
      const entry: WordEntry<T> = { word, value };
      const n = word.length;
      setBit(this.firstBits, word.charCodeAt(0));
      setBit(this.lastBits, word.charCodeAt(n - 1));
      if (n === 1) {
        this.single.set(word.charCodeAt(0), entry);
        continue;
      }
      push(this.byFirst, pairKey(word.charCodeAt(0), word.charCodeAt(1)), entry);
      push(this.byLast, pairKey(word.charCodeAt(n - 2), word.charCodeAt(n - 1)), entry);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
    for (const list of this.byLast.values()) list.sort((a, b) => b.word.length - a.word.length);
  }

  /** The first UTF-16 unit of each word whose value passes `keep` (for a flag table of what may follow a number). */
  firstUnits(keep: (value: T) => boolean = () => true): number[] {
    const entries = [...this.single.values(), ...[...this.byFirst.values()].flat()];
    return entries.filter((e) => keep(e.value)).map((e) => e.word.charCodeAt(0));
  }

  /** The longest word starting at `pos`. */
  at(line: string, pos: number): WordEntry<T> | undefined {
    if (pos >= line.length) return undefined;
    const first = line.charCodeAt(pos);
    if (!hasBit(this.firstBits, first)) return undefined;
    const list = pos + 1 < line.length ? this.byFirst.get(pairKey(first, line.charCodeAt(pos + 1))) : undefined;
    if (list) {
      for (const entry of list) {
        const w = entry.word;
        if (!line.startsWith(w, pos)) continue;
        if (isAsciiLetter(w.charCodeAt(w.length - 1)) && isAsciiLetter(line.charCodeAt(pos + w.length))) continue;
        return entry;
      }
    }
    const one = this.single.get(first);
    if (one && !(isAsciiLetter(first) && isAsciiLetter(line.charCodeAt(pos + 1)))) return one;
    return undefined;
  }

  /** The longest word ending at `pos` (exclusive) and starting at or after `floor`. */
  before(line: string, pos: number, floor: number): WordEntry<T> | undefined {
    if (pos <= floor || pos > line.length) return undefined;
    const last = line.charCodeAt(pos - 1);
    if (!hasBit(this.lastBits, last)) return undefined;
    const list = pos - 2 >= floor ? this.byLast.get(pairKey(line.charCodeAt(pos - 2), last)) : undefined;
    if (list) {
      for (const entry of list) {
        const w = entry.word;
        const start = pos - w.length;
        if (start < floor || !line.startsWith(w, start)) continue;
        if (isAsciiLetter(w.charCodeAt(0)) && start > 0 && isAsciiLetter(line.charCodeAt(start - 1))) continue;
        return entry;
      }
    }
    const one = this.single.get(last);
    if (one && !(isAsciiLetter(last) && pos - 1 > 0 && isAsciiLetter(line.charCodeAt(pos - 2)))) return one;
    return undefined;
  }
}

function setBit(bits: Uint32Array, code: number): void {
  bits[code >>> 5] |= 1 << (code & 31);
}

function hasBit(bits: Uint32Array, code: number): boolean {
  return (bits[code >>> 5] & (1 << (code & 31))) !== 0;
}

function push<T>(map: Map<number, WordEntry<T>[]>, key: number, entry: WordEntry<T>): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
