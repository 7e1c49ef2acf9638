// A literal trie over UTF-16 code units: longest-match lookups from a given offset.

export class LiteralTrie<T> {
  /** Transitions: key node * 65536 + code unit → child node. */
  private readonly next = new Map<number, number>();
  private readonly values: (T | undefined)[] = [undefined];
  private nodes = 1;
  private maxLength = 0;
  /** 1 for code units that start some word (a cheap pre-check without a Map lookup). */
  private readonly firstUnits = new Uint8Array(65536);

  get size(): number {
    return this.values.reduce<number>((count, value) => count + (value === undefined ? 0 : 1), 0);
  }

  /** Adds a word; a later add of the same word replaces its value. */
  add(word: string, value: T): void {
    if (!word) return;
    let node = 0;
    this.firstUnits[word.charCodeAt(0)] = 1;
    for (let i = 0; i < word.length; i++) {
      const key = node * 65536 + word.charCodeAt(i);
      let child = this.next.get(key);
      if (child === undefined) {
        child = this.nodes++;
        this.next.set(key, child);
        this.values.push(undefined);
      }
      node = child;
    }
    this.values[node] = value;
    if (word.length > this.maxLength) this.maxLength = word.length;
  }

  /**
   * The longest word starting at `start` whose end satisfies `acceptEnd` (all ends when omitted),
   * as its end offset and value; undefined when none.
   */
  longestAt(text: string, start: number, acceptEnd?: (end: number) => boolean): { end: number; value: T } | undefined {
    const end = this.longestEnd(text, start, acceptEnd);
    return end < 0 ? undefined : { end, value: this.lastValue as T };
  }

  /** Value of the match found by the last longestEnd call. */
  lastValue: T | undefined;

  /** End of the longest word starting at `start` (see longestAt), or -1; its value is in lastValue. */
  longestEnd(text: string, start: number, acceptEnd?: (end: number) => boolean): number {
    if (!this.firstUnits[text.charCodeAt(start)]) return -1;
    let node = 0;
    let bestEnd = -1;
    const limit = Math.min(text.length, start + this.maxLength);
    for (let i = start; i < limit; i++) {
      const child = this.next.get(node * 65536 + text.charCodeAt(i));
      if (child === undefined) break;
      node = child;
      const value = this.values[node];
      if (value !== undefined && (!acceptEnd || acceptEnd(i + 1))) {
        bestEnd = i + 1;
        this.lastValue = value;
      }
    }
    return bestEnd;
  }

  /** True when some word starts with the code unit at `offset` (a cheap pre-check). */
  startsAt(text: string, offset: number): boolean {
    return this.firstUnits[text.charCodeAt(offset)] === 1;
  }

  /** Leftmost-longest non-overlapping matches over the whole text. */
  scan(text: string): { start: number; end: number; value: T }[] {
    const found: { start: number; end: number; value: T }[] = [];
    for (let i = 0; i < text.length; ) {
      const match = this.firstUnits[text.charCodeAt(i)] ? this.longestAt(text, i) : undefined;
      if (match) {
        found.push({ start: i, end: match.end, value: match.value });
        i = match.end;
      } else i++;
    }
    return found;
  }
}
