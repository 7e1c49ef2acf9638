// Normalizes text before duplicate detection, so that copies differing only in width, case, spacing or punctuation match.

/** Punctuation, separators, whitespace and control characters: dropped before hashing. */
const IGNORED = /[\p{P}\p{Z}\p{Cc}\p{Cf}\s]+/gu;

/**
 * The text duplicate detection compares: NFKC (full-width Latin and digits become half-width, compatibility forms
 * fold), lower case, and without whitespace, punctuation and invisible format characters. Mirrors re-punctuate and
 * re-wrap copied articles; these differences should not hide a copy.
 */
export function normalizeForDedup(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** The code points of a string (astral characters such as emoji or CJK Extension B count as one each). */
export function codePoints(text: string): Uint32Array {
  const out = new Uint32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out[n++] = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        i++;
        continue;
      }
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}
