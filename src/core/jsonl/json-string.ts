// Maps offsets between a JSON string literal as written in a file and its decoded value, through escapes (\n, \", \uXXXX).

/** A JSON string literal of a line: its decoded value and the two-way offset map. */
export interface DecodedString {
  value: string;
  /** Offset (in the line) just after the opening quote. */
  rawStart: number;
  /** Offset (in the line) of the closing quote. */
  rawEnd: number;
  /** True when the literal writes its non-ASCII characters as \u escapes (Python's ensure_ascii): edits keep that style. */
  asciiOnly: boolean;
  /** Offset in the line of a decoded offset (0..value.length); an escape maps as a whole. */
  toRaw(decodedOffset: number): number;
  /** Decoded offset of an offset in the line; inside an escape, the escape's start. */
  toDecoded(rawOffset: number): number;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * Decodes the string literal whose opening quote is at `quote` in `line`; undefined when it is not a well-formed
 * literal. Escapes are kept as checkpoints (decoded offset, raw offset, extra raw length) for the offset maps:
 * text without escapes costs nothing beyond the slice.
 */
export function decodeJsonString(line: string, quote: number): DecodedString | undefined {
  if (line.charCodeAt(quote) !== 0x22) return undefined;
  const rawStart = quote + 1;
  const escDecoded: number[] = [];
  const escRaw: number[] = [];
  /** Raw length of each escape minus the one decoded unit it stands for, summed up to and including it. */
  const escExtra: number[] = [];
  let extra = 0;
  let value = '';
  let chunkStart = rawStart;
  let nonAscii = false;
  let escapedNonAscii = false;
  let i = rawStart;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x22) break;
    if (code < 0x20) return undefined; // a raw control character is not allowed in a JSON string
    if (code >= 0x80) nonAscii = true;
    if (code !== 0x5c) continue;
    value += line.slice(chunkStart, i);
    const kind = line[i + 1];
    let decoded: string;
    let length: number;
    if (kind === 'u') {
      const hex = line.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return undefined;
      const unit = parseInt(hex, 16);
      if (unit >= 0x80) escapedNonAscii = true;
      decoded = String.fromCharCode(unit);
      length = 6;
    } else if (kind !== undefined && kind in SIMPLE_ESCAPES) {
      decoded = SIMPLE_ESCAPES[kind];
      length = 2;
    } else {
      return undefined;
    }
    escDecoded.push(value.length);
    escRaw.push(i);
    extra += length - 1;
    escExtra.push(extra);
    value += decoded;
    i += length - 1;
    chunkStart = i + 1;
  }
  if (i >= line.length) return undefined; // no closing quote
  value += line.slice(chunkStart, i);
  const rawEnd = i;

  /** Number of escapes whose decoded unit starts before `d`. */
  const escapesBefore = (d: number): number => {
    let lo = 0;
    let hi = escDecoded.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (escDecoded[mid] < d) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const toRaw = (d: number): number => {
    const clamped = Math.max(0, Math.min(value.length, d));
    const n = escapesBefore(clamped);
    return rawStart + clamped + (n > 0 ? escExtra[n - 1] : 0);
  };
  const toDecoded = (r: number): number => {
    if (r <= rawStart) return 0;
    if (r >= rawEnd) return value.length;
    // The last escape starting before r: r is inside it, or after it.
    let lo = 0;
    let hi = escRaw.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (escRaw[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    const k = lo - 1;
    if (k < 0) return r - rawStart;
    const escapeLength = escExtra[k] - (k > 0 ? escExtra[k - 1] : 0) + 1;
    if (r < escRaw[k] + escapeLength) return escDecoded[k];
    return r - rawStart - escExtra[k];
  };
  return { value, rawStart, rawEnd, asciiOnly: !nonAscii && escapedNonAscii, toRaw, toDecoded };
}

/** The characters to write between the quotes of a JSON string for `text`, in the literal's style (ASCII-only or not). */
export function encodeJsonStringContent(text: string, asciiOnly = false): string {
  const encoded = JSON.stringify(text).slice(1, -1);
  return asciiOnly ? encoded.replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`) : encoded;
}
