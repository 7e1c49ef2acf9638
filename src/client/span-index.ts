// Finds the spans of one set of annotations that overlap an offset window, by binary search over their starts.
import type { SpanTriples } from '../server/protocol';
import type { StoredAnnotations } from './annotation-store';

/**
 * Built in one pass with no copy when the spans come sorted by start, as the server sends them; otherwise it keeps
 * a sorted order of them. `k` below is a span's rank in start order.
 */
export class SpanIndex {
  readonly length: number;
  private readonly packed: SpanTriples;
  private readonly order: Int32Array | undefined;
  /** The longest span: a span starting more than this before a window cannot reach into it. */
  private readonly maxLength: number;

  constructor(annotations: StoredAnnotations) {
    const packed = annotations.packed;
    this.packed = packed;
    this.length = annotations.spanCount;
    let sorted = true;
    let maxLength = 0;
    for (let i = 0; i < this.length; i++) {
      const start = packed[i * 3];
      maxLength = Math.max(maxLength, packed[i * 3 + 1] - start);
      if (i > 0 && start < packed[i * 3 - 3]) sorted = false;
    }
    this.maxLength = maxLength;
    if (!sorted) this.order = Int32Array.from({ length: this.length }, (_, i) => i).sort((a, b) => packed[a * 3] - packed[b * 3]);
  }

  private slot(k: number): number {
    return (this.order ? this.order[k] : k) * 3;
  }

  start(k: number): number {
    return this.packed[this.slot(k)];
  }

  /** Rank of the first span starting at or after `offset` (`length` if none). */
  firstStartingFrom(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.start(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Rank of the first span starting after `offset`. */
  firstStartingAfter(offset: number): number {
    return this.firstStartingFrom(offset + 1);
  }

  /** Calls `visit` with each span that overlaps [from, to] (ends included), in start order. */
  forEachOverlapping(from: number, to: number, visit: (start: number, end: number, labelIndex: number) => void): void {
    for (let k = this.firstStartingFrom(from - this.maxLength); k < this.length; k++) {
      const slot = this.slot(k);
      const start = this.packed[slot];
      if (start > to) break;
      const end = this.packed[slot + 1];
      if (end >= from) visit(start, end, this.packed[slot + 2]);
    }
  }
}
