// A set of single characters with a table lookup (hot paths test one character per word).
export class CharSet implements Iterable<string> {
  private readonly table = new Uint8Array(65536);
  private readonly members: string[];

  constructor(characters: string) {
    this.members = [...new Set(Array.from(characters.replace(/\s+/g, '')))];
    for (const ch of this.members) this.table[ch.charCodeAt(0)] = 1;
  }

  /** True for a one-code-unit string in the set. */
  has(ch: string): boolean {
    return ch.length === 1 && this.table[ch.charCodeAt(0)] === 1;
  }

  hasCode(code: number): boolean {
    return this.table[code] === 1;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.members[Symbol.iterator]();
  }
}
