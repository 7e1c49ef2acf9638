// A bitset of the keys a hashed table holds: a key whose bit is clear is certainly absent, so its probe of the (large, cache-missing) table can be skipped.
//
// The tagger's tables are megabytes; most lookups of the dictionary of names and nearly half of the
// character-pair lookups are misses. The bitset (a few hundred KB at most) answers those from cache.
// It never changes a result: a set bit falls back to the table's own probe.

/** Bit of a key: the high bits of a multiplicative hash (keys are u32 or int32; only their 32 bits count). */
export const FILTER_MULTIPLIER = 0x85ebca6b;
const bitOf = (key: number, shift: number): number => Math.imul(key, FILTER_MULTIPLIER) >>> shift;

export class KeyFilter {
  readonly bits: Int32Array;
  /** 32 - log2(bit count). */
  readonly shift: number;

  /** A filter of about `bitsPerKey` bits per key (a power of two in all, 2^12 to 2^24 bits). */
  constructor(keyCount: number, bitsPerKey = 16) {
    let log = 12;
    while (log < 24 && 2 ** log < keyCount * bitsPerKey) log++;
    this.bits = new Int32Array(2 ** (log - 5));
    this.shift = 32 - log;
  }

  add(key: number): void {
    const bit = bitOf(key, this.shift);
    this.bits[bit >>> 5] |= 1 << (bit & 31);
  }

  /** False when `key` was never added. */
  mayHave(key: number): boolean {
    const bit = bitOf(key, this.shift);
    return (this.bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
  }
}

/** The filter of the keys of an open-addressing table: `keyAt(slot)` reads slot `slot`'s key, 0 for an empty slot. */
export function filterOfSlots(slots: number, keyAt: (slot: number) => number, bitsPerKey?: number): KeyFilter {
  let used = 0;
  for (let slot = 0; slot < slots; slot++) if (keyAt(slot) !== 0) used++;
  const filter = new KeyFilter(used, bitsPerKey);
  for (let slot = 0; slot < slots; slot++) {
    const key = keyAt(slot);
    if (key !== 0) filter.add(key);
  }
  return filter;
}
