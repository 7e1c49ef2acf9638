// A literal trie over UTF-16 code units: longest-match lookups from a given offset.
//
// Transitions from the root are a direct table by code unit; deeper ones live in an open-addressing
// hash table (typed arrays) keyed by node * ALPHABET + (index of the code unit in the trie's own
// alphabet). Lookups run for nearly every token of every line, where a Map was the hot spot.

const ALPHABET = 4096;
/** Keys must stay below 2^31 (int32): node * ALPHABET + index. */
const MAX_HASHED_NODE = Math.floor(0x7fffffff / ALPHABET);
const EMPTY = -1;

export class LiteralTrie<T> {
  /** Children of the root by code unit (0 = none: the root is never a child). */
  private readonly rootChild = new Int32Array(65536);
  /** Hash table of deeper transitions: keys[slot] = node * ALPHABET + unit index, children[slot]. */
  private keys = new Int32Array(1024).fill(EMPTY);
  private children = new Int32Array(1024);
  private hashed = 0;
  /** Transitions of code units beyond the first ALPHABET - 1 distinct ones, or of huge tries (rare): "node:unit" → child. */
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
    if (node === 0) return this.rootChild[unit] || undefined;
    const index = this.unitIndex[unit];
    if (index === 0) return undefined;
    if (index < ALPHABET && node <= MAX_HASHED_NODE) {
      const key = node * ALPHABET + index;
      const mask = this.keys.length - 1;
      for (let slot = hashSlot(key, mask); ; slot = (slot + 1) & mask) {
        const k = this.keys[slot];
        if (k === key) return this.children[slot];
        if (k === EMPTY) return undefined;
      }
    }
    return this.overflow.get(`${node}:${unit}`);
  }

  private setChild(node: number, unit: number, child: number): void {
    if (node === 0) {
      this.rootChild[unit] = child;
      return;
    }
    let index = this.unitIndex[unit];
    if (index === 0) index = this.unitIndex[unit] = Math.min(++this.alphabetSize, ALPHABET);
    if (index >= ALPHABET || node > MAX_HASHED_NODE) {
      this.overflow.set(`${node}:${unit}`, child);
      return;
    }
    if ((this.hashed + 1) * 2 > this.keys.length) this.grow();
    this.insertHashed(node * ALPHABET + index, child);
  }

  private insertHashed(key: number, child: number): void {
    const mask = this.keys.length - 1;
    let slot = hashSlot(key, mask);
    while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.children[slot] = child;
    this.hashed++;
  }

  /** Doubles the hash table (kept at most half full so probes stay short). */
  private grow(): void {
    const keys = this.keys;
    const children = this.children;
    this.keys = new Int32Array(keys.length * 2).fill(EMPTY);
    this.children = new Int32Array(keys.length * 2);
    this.hashed = 0;
    for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== EMPTY) this.insertHashed(keys[slot], children[slot]);
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
        this.setChild(node, unit, child);
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

  /** Leftmost-longest non-overlapping matches in text[from, to) (the whole text by default), on code-point boundaries. */
  scan(text: string, from = 0, to = text.length): { start: number; end: number; value: T }[] {
    const found: { start: number; end: number; value: T }[] = [];
    // A match never splits a surrogate pair (a word that is half of one, or a prefix ending inside an emoji).
    const onBoundary = (offset: number): boolean => !isLowSurrogate(text.charCodeAt(offset)) || !isHighSurrogate(text.charCodeAt(offset - 1));
    const acceptEnd = (end: number): boolean => end <= to && onBoundary(end);
    for (let i = from; i < to; ) {
      const end = this.firstUnits[text.charCodeAt(i)] && onBoundary(i) ? this.longestEnd(text, i, acceptEnd) : -1;
      if (end > 0) {
        found.push({ start: i, end, value: this.lastValue as T });
        i = end;
      } else i++;
    }
    return found;
  }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Mixes an int32 key's bits into a slot of a power-of-two table. */
function hashSlot(key: number, mask: number): number {
  const h = Math.imul(key ^ (key >>> 15), 0x9e3779b1);
  return (h ^ (h >>> 13)) & mask;
}
