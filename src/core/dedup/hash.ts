// Small seeded 32-bit hash functions (MurmurHash3's finalizer and an FNV-style combine) for shingles and MinHash.

/** MurmurHash3's 32-bit finalizer: a fast bijective mix of all input bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of code points [start, end) with a seed. */
export function hashRange(points: Uint32Array, start: number, end: number, seed: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ points[i], 0x01000193);
    h ^= h >>> 15;
  }
  return fmix32(h ^ (end - start));
}

/** A deterministic stream of 32-bit numbers from a seed (SplitMix32-style), for per-hash-function salts. */
export function seededSequence(seed: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    out[i] = fmix32(state);
  }
  return out;
}
