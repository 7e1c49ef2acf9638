// A literal trie over UTF-16 code units: longest-match lookups from a given offset.
//
// Transitions live in one Map keyed by node * ALPHABET + (index of the code unit in the trie's own
// alphabet), which keeps keys small integers (fast Map lookups) for tries of up to ~250,000 nodes.

const ALPHABET = 4096;

export class LiteralTrie<T> {
  /** Transitions: key node * ALPHABET + unit index → child node. */
  private readonly next = new Map<number, number>();
  /** Transitions of code units beyond the first ALPHABET - 1 distinct ones (rare): "node:unit" → child. */
  private readonly overflow = new Map<string, number>();
  private readonly values: (T | undefined)[] = [undefined];
  /** Index (1-based) of each code unit in this trie's alphabet; 0 when unused. */
  private readonly unitIndex = new Uint16Array(65536);
  private alphabetSize = 0;
  private nodes = 1;
  private maxLength = 0;
  private count = 0;
  /** 1 for code units that start some word (a cheap pre-check). */
  private readonly firstUnits = new Uint8Array(65536);

  /** Value of the match found by the last longestEnd call. */
  lastValue: T | undefined;

  get size(): number {
    return this.count;
  }

  private child(node: number, unit: number): number | undefined {
    const index = this.unitIndex[unit];
    if (index === 0) return undefined;
    if (index < ALPHABET) return this.next.get(node * ALPHABET + index);
    return this.overflow.get(`${node}:${unit}`);
  }

  /** Adds a word; a later add of the same word replaces its value. */
  add(word: string, value: T): void {
    if (!word) return;
    let node = 0;
    this.firstUnits[word.charCodeAt(0)] = 1;
    for (let i = 0; i < word.length; i++) {
      const unit = word.charCodeAt(i);
      let child = this.child(node, unit);
      if (child === undefined) {
        child = this.nodes++;
        this.values.push(undefined);
        let index = this.unitIndex[unit];
        if (index === 0) index = this.unitIndex[unit] = Math.min(++this.alphabetSize, ALPHABET);
        if (index < ALPHABET) this.next.set(node * ALPHABET + index, child);
        else this.overflow.set(`${node}:${unit}`, child);
      }
      node = child;
    }
    if (this.values[node] === undefined) this.count++;
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

  /** End of the longest word starting at `start` (see longestAt), or -1; its value is in lastValue. */
  longestEnd(text: string, start: number, acceptEnd?: (end: number) => boolean): number {
    if (!this.firstUnits[text.charCodeAt(start)]) return -1;
    let node = 0;
    let bestEnd = -1;
    const limit = Math.min(text.length, start + this.maxLength);
    for (let i = start; i < limit; i++) {
      const child = this.child(node, text.charCodeAt(i));
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
      const end = this.firstUnits[text.charCodeAt(i)] ? this.longestEnd(text, i) : -1;
      if (end > 0) {
        found.push({ start: i, end, value: this.lastValue as T });
        i = end;
      } else i++;
    }
    return found;
  }
}
