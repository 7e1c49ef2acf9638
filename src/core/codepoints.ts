// Converts offsets between UTF-16 code units (JavaScript, VS Code) and Unicode code points (brat, doccano, JSONL tools).

/** Maps UTF-16 offsets of one text to code-point offsets; build once per text, then look up in O(log n). */
export class CodePointIndex {
  /** UTF-16 offsets of the low halves of surrogate pairs, ascending: each one shifts later offsets by one. */
  private readonly pairEnds: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairEnds.push(i + 1);
          i++;
        }
      }
    }
  }

  /** Number of surrogate pairs that end before `offset`. */
  private pairsBefore(offset: number): number {
    let lo = 0;
    let hi = this.pairEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairEnds[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  toCodePoint(utf16Offset: number): number {
    return utf16Offset - this.pairsBefore(utf16Offset);
  }

  toUtf16(codePointOffset: number): number {
    // The k-th pair starts at code point pairEnds[k] - 1 - k; each pair starting before the target adds one unit.
    let lo = 0;
    let hi = this.pairEnds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairEnds[mid] - 1 - mid < codePointOffset) lo = mid + 1;
      else hi = mid;
    }
    return codePointOffset + lo;
  }
}
