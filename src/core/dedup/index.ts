// Near-duplicate detection for corpora and editors: exact copies by hash, near copies by MinHash with LSH banding.
//
// Usage, streaming (documents one at a time, each compared with the earlier ones):
//
//   const index = new DuplicateIndex({ threshold: 0.8 });
//   for (const text of texts) {
//     const { document, duplicateOf } = index.add(text);
//     if (duplicateOf) console.log(`${document} repeats ${duplicateOf.document} (${duplicateOf.similarity})`);
//   }
//
// Signatures are the expensive part and are pure data: compute them anywhere (worker threads) with a MinHasher
// made from `index.params` and pass them to `add` in document order; the result is the same.
//
// Clusters: only documents that are not duplicates ("representatives") are indexed, so `duplicateOf` always names
// the first document of its cluster, and memory grows with the number of distinct documents (about
// 2 * numHashes + 8 * bands / load + 20 bytes each, load 0.3 to 0.6: some 0.7 KB with the defaults, 1 million
// distinct documents in about 0.7 GB), not with the corpus. The cost: a document similar to a duplicate but not to the cluster's first
// document is not found.
import { MinHasher, estimateSimilarity, type DocumentSignature, type MinHashParams } from './minhash';
import { U32MultiMap } from './multimap';
import { hashRange } from './hash';

export { MinHasher, estimateSimilarity, shingleJaccard, shingleSet, type DocumentSignature, type MinHashParams } from './minhash';
export { normalizeForDedup } from './normalize';

export interface DedupOptions {
  /** Estimated Jaccard similarity (of 5-character shingle sets) from which a document is a near duplicate. Default 0.8. */
  threshold?: number;
  /** Hash functions per signature. Default 120. */
  numHashes?: number;
  /** LSH bands; numHashes must be a multiple. Default 20 (6 rows each: a pair at similarity 0.8 becomes a candidate
   * with probability 1 - (1 - 0.8^6)^20 = 0.998; at 0.5, 0.27; at 0.3, 0.015). */
  bands?: number;
  /** Shingle length in code points. Default 5. */
  shingleSize?: number;
  /** Seed of all hash functions. Default 0x5eed; results are reproducible across runs and machines. */
  seed?: number;
  /** At most this many earlier documents are compared with a new one (the most recent candidates). Default 200. */
  maxCandidates?: number;
}

export interface DuplicateMatch {
  /** Number of the earlier document (0-based, in the order of `add`): the first document of the cluster. */
  document: number;
  /** 1 for an exact duplicate (same normalized text), otherwise the estimated Jaccard similarity. */
  similarity: number;
  exact: boolean;
}

export interface AddResult {
  /** Number given to the added document (0-based, in the order of `add`). */
  document: number;
  /** The earlier document this one repeats, if any. */
  duplicateOf?: DuplicateMatch;
}

export interface DedupStats {
  documents: number;
  /** Documents with no text left after normalization (never duplicates). */
  empty: number;
  exactDuplicates: number;
  nearDuplicates: number;
  /** Clusters of two or more documents. */
  clusters: number;
  /** Documents in the largest cluster (1 when there is no duplicate). */
  largestCluster: number;
  /** Bytes held by the index. */
  bytes: number;
}

export const DEFAULT_DEDUP_OPTIONS: Required<DedupOptions> = {
  threshold: 0.8,
  numHashes: 120,
  bands: 20,
  shingleSize: 5,
  seed: 0x5eed,
  maxCandidates: 200,
};

/** The low 16 bits of each minimum are stored (b-bit MinHash); unequal minima agree there by chance 1 time in 2^16. */
const STORED_BITS = 16;
const CHANCE_AGREEMENT = 1 / 2 ** STORED_BITS;

/** A growing index of documents that answers "is this a duplicate of an earlier one, which, how similar". */
export class DuplicateIndex {
  readonly params: Required<DedupOptions>;
  readonly hasher: MinHasher;
  private readonly rows: number;
  private readonly bandTable = new U32MultiMap(4096);
  private readonly exactTable = new U32MultiMap(1024);
  /** Per representative: its stored signature bits, second exact hash, normalized length, document number, cluster size. */
  private signatures: Uint16Array;
  private exactHigh: Uint32Array;
  private lengths: Uint32Array;
  private documentOf: Uint32Array;
  private clusterSizes: Uint32Array;
  private representatives = 0;
  private counts = { documents: 0, empty: 0, exactDuplicates: 0, nearDuplicates: 0, clusters: 0, largestCluster: 0 };

  constructor(options: DedupOptions = {}) {
    const params = { ...DEFAULT_DEDUP_OPTIONS, ...stripUndefined(options) };
    if (!(params.threshold > 0 && params.threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
    if (!Number.isInteger(params.bands) || params.bands < 1 || params.numHashes % params.bands !== 0) {
      throw new RangeError('numHashes must be a positive multiple of bands');
    }
    if (!Number.isInteger(params.maxCandidates) || params.maxCandidates < 1) throw new RangeError('maxCandidates must be a positive integer');
    this.params = params;
    this.rows = params.numHashes / params.bands;
    this.hasher = new MinHasher({ numHashes: params.numHashes, shingleSize: params.shingleSize, seed: params.seed });
    const capacity = 256;
    this.signatures = new Uint16Array(capacity * params.numHashes);
    this.exactHigh = new Uint32Array(capacity);
    this.lengths = new Uint32Array(capacity);
    this.documentOf = new Uint32Array(capacity);
    this.clusterSizes = new Uint32Array(capacity);
  }

  /** Documents added so far. */
  get size(): number {
    return this.counts.documents;
  }

  /** The signature of a text with this index's parameters (undefined when the text is empty after normalization). */
  signature(text: string): DocumentSignature | undefined {
    return this.hasher.signature(text);
  }

  /**
   * Adds the next document (its text, or its signature from `signature()` or a MinHasher with the same params) and
   * says whether it repeats an earlier one. A duplicate is counted in its cluster but not indexed itself.
   */
  add(input: string | DocumentSignature | undefined): AddResult {
    const signature = typeof input === 'string' ? this.hasher.signature(input) : input;
    const document = this.counts.documents++;
    if (!signature) {
      this.counts.empty++;
      return { document };
    }
    const match = this.match(signature);
    if (match) {
      if (match.exact) this.counts.exactDuplicates++;
      else this.counts.nearDuplicates++;
      const size = ++this.clusterSizes[match.representative];
      if (size === 2) this.counts.clusters++;
      if (size > this.counts.largestCluster) this.counts.largestCluster = size;
      return { document, duplicateOf: publicMatch(match) };
    }
    this.insert(signature, document);
    return { document };
  }

  /** Whether a text (or signature) repeats a document already in the index, without adding it. */
  find(input: string | DocumentSignature | undefined): DuplicateMatch | undefined {
    const signature = typeof input === 'string' ? this.hasher.signature(input) : input;
    const match = signature && this.match(signature);
    return match ? publicMatch(match) : undefined;
  }

  /** Clusters of two or more documents: the first document of each and how many documents it has (itself included). */
  *clusters(): Generator<{ document: number; size: number }> {
    for (let r = 0; r < this.representatives; r++) {
      if (this.clusterSizes[r] > 1) yield { document: this.documentOf[r], size: this.clusterSizes[r] };
    }
  }

  stats(): DedupStats {
    const largestCluster = Math.max(this.counts.largestCluster, this.representatives > 0 ? 1 : 0);
    return { ...this.counts, largestCluster, bytes: this.bytes() };
  }

  /** Bytes held by the index's tables and signature store. */
  bytes(): number {
    return (
      this.bandTable.bytes +
      this.exactTable.bytes +
      this.signatures.byteLength +
      this.exactHigh.byteLength +
      this.lengths.byteLength +
      this.documentOf.byteLength +
      this.clusterSizes.byteLength
    );
  }

  private match(signature: DocumentSignature): InternalMatch | undefined {
    if (signature.minhash.length !== this.params.numHashes) throw new RangeError('signature made with another numHashes');
    const [low, high] = signature.exact;
    let exact = -1;
    this.exactTable.forEach(low, (r) => {
      if (exact === -1 && this.exactHigh[r] === high >>> 0 && this.lengths[r] === signature.length) exact = r;
    });
    if (exact !== -1) return { representative: exact, document: this.documentOf[exact], similarity: 1, exact: true };

    const candidates = new Set<number>();
    for (let band = 0; band < this.params.bands; band++) {
      this.bandTable.forEach(this.bandKey(signature.minhash, band), (r) => candidates.add(r));
    }
    if (candidates.size === 0) return undefined;
    // The most recent candidates when there are too many (deterministic: by representative number).
    let ordered = [...candidates].sort((a, b) => b - a);
    if (ordered.length > this.params.maxCandidates) ordered = ordered.slice(0, this.params.maxCandidates);
    let best = -1;
    let bestSimilarity = -1;
    for (const r of ordered) {
      const similarity = this.similarityTo(signature.minhash, r);
      // Ties go to the earlier document.
      if (similarity > bestSimilarity || (similarity === bestSimilarity && r < best)) {
        best = r;
        bestSimilarity = similarity;
      }
    }
    if (bestSimilarity < this.params.threshold) return undefined;
    return { representative: best, document: this.documentOf[best], similarity: bestSimilarity, exact: false };
  }

  private similarityTo(minhash: Uint32Array, representative: number): number {
    const n = this.params.numHashes;
    const stored = this.signatures;
    const offset = representative * n;
    let same = 0;
    for (let i = 0; i < n; i++) if ((minhash[i] & 0xffff) === stored[offset + i]) same++;
    const share = same / n;
    const corrected = (share - CHANCE_AGREEMENT) / (1 - CHANCE_AGREEMENT);
    return Math.round(Math.max(0, corrected) * 1e4) / 1e4;
  }

  private bandKey(minhash: Uint32Array, band: number): number {
    return hashRange(minhash, band * this.rows, (band + 1) * this.rows, (this.params.seed + Math.imul(band, 0x9e3779b9)) >>> 0);
  }

  private insert(signature: DocumentSignature, document: number): void {
    const r = this.representatives++;
    this.ensureCapacity(r + 1);
    const n = this.params.numHashes;
    for (let i = 0; i < n; i++) this.signatures[r * n + i] = signature.minhash[i] & 0xffff;
    this.exactHigh[r] = signature.exact[1];
    this.lengths[r] = signature.length;
    this.documentOf[r] = document;
    this.clusterSizes[r] = 1;
    this.exactTable.add(signature.exact[0], r);
    for (let band = 0; band < this.params.bands; band++) this.bandTable.add(this.bandKey(signature.minhash, band), r);
  }

  private ensureCapacity(count: number): void {
    if (count <= this.exactHigh.length) return;
    const capacity = this.exactHigh.length * 2;
    this.signatures = grow(this.signatures, new Uint16Array(capacity * this.params.numHashes));
    this.exactHigh = grow(this.exactHigh, new Uint32Array(capacity));
    this.lengths = grow(this.lengths, new Uint32Array(capacity));
    this.documentOf = grow(this.documentOf, new Uint32Array(capacity));
    this.clusterSizes = grow(this.clusterSizes, new Uint32Array(capacity));
  }
}

interface InternalMatch extends DuplicateMatch {
  representative: number;
}

function publicMatch({ document, similarity, exact }: InternalMatch): DuplicateMatch {
  return { document, similarity, exact };
}

function grow<T extends Uint16Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
