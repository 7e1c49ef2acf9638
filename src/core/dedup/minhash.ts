// MinHash signatures over character shingles: a fixed-size sketch whose agreement estimates the Jaccard similarity.
import { hashRange, seededSequence } from './hash';
import { codePoints, normalizeForDedup } from './normalize';

export interface MinHashParams {
  /** Hash functions per signature (more: a finer similarity estimate, more memory and time). */
  numHashes: number;
  /** Shingle length in code points. */
  shingleSize: number;
  /** Seed of every hash function: signatures are comparable only when made with the same params. */
  seed: number;
}

/** What duplicate detection keeps of a document. Plain data: it can be posted between worker threads. */
export interface DocumentSignature {
  /** 64-bit hash of the normalized text, as two 32-bit halves. */
  exact: [number, number];
  /** Length of the normalized text, in code points. */
  length: number;
  /** numHashes minimum hash values over the document's shingles. */
  minhash: Uint32Array;
}

/** Computes signatures with fixed, seeded hash functions, so that runs and machines agree. */
export class MinHasher {
  private readonly salts: Uint32Array;

  constructor(readonly params: MinHashParams) {
    if (!Number.isInteger(params.numHashes) || params.numHashes < 1) throw new RangeError('numHashes must be a positive integer');
    if (!Number.isInteger(params.shingleSize) || params.shingleSize < 1) throw new RangeError('shingleSize must be a positive integer');
    this.salts = seededSequence(params.seed, params.numHashes);
  }

  /**
   * The signature of a text, or undefined when nothing is left of it after normalization (only punctuation or
   * spaces): such a document is never called a duplicate. A text shorter than one shingle is one shingle.
   */
  signature(text: string): DocumentSignature | undefined {
    const points = codePoints(normalizeForDedup(text));
    const n = points.length;
    if (n === 0) return undefined;
    const { numHashes, shingleSize, seed } = this.params;
    const salts = this.salts;
    const minhash = new Uint32Array(numHashes).fill(0xffffffff);
    const k = Math.min(shingleSize, n);
    for (let start = 0; start + k <= n; start++) {
      const x = hashRange(points, start, start + k, seed);
      for (let i = 0; i < numHashes; i++) {
        // MurmurHash3's finalizer of the shingle hash salted per function: one permutation of 32-bit values each.
        let h = x ^ salts[i];
        h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
        h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
        h = (h ^ (h >>> 16)) >>> 0;
        if (h < minhash[i]) minhash[i] = h;
      }
    }
    return { exact: [hashRange(points, 0, n, seed ^ 0x2545f491), hashRange(points, 0, n, seed ^ 0x6c8e9cf5)], length: n, minhash };
  }
}

/** Estimated Jaccard similarity of two documents: the share of hash functions whose minima agree. */
export function estimateSimilarity(a: DocumentSignature, b: DocumentSignature): number {
  if (a.minhash.length !== b.minhash.length) throw new RangeError('signatures made with different numHashes');
  let same = 0;
  for (let i = 0; i < a.minhash.length; i++) if (a.minhash[i] === b.minhash[i]) same++;
  return same / a.minhash.length;
}

/** The set of shingles of a text after normalization (the exact sets MinHash estimates; for checks and tests). */
export function shingleSet(text: string, shingleSize = 5): Set<string> {
  const points = [...normalizeForDedup(text)];
  const set = new Set<string>();
  const k = Math.min(shingleSize, points.length);
  if (k === 0) return set;
  for (let start = 0; start + k <= points.length; start++) set.add(points.slice(start, start + k).join(''));
  return set;
}

/** The true Jaccard similarity of two texts' shingle sets (slow: for checks and tests, not for corpora). */
export function shingleJaccard(a: string, b: string, shingleSize = 5): number {
  const x = shingleSet(a, shingleSize);
  const y = shingleSet(b, shingleSize);
  if (x.size === 0 && y.size === 0) return 1;
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}
