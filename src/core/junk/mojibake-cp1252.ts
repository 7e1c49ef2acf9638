// UTF-8 read as Windows-1252 or Latin-1 (`æ–°é—»` = 新闻), also twice and with a strict decoder's U+FFFD: the bytes behind the characters, decoded back.
import { lostCharacterCost } from './mojibake-context';

/** Windows-1252 bytes 0x80–0x9F that map to characters other than the C1 controls. */
const CP1252_HIGH = new Map<number, number>(
  Object.entries({
    '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
    'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
    '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
  }).map(([ch, byte]) => [ch.charCodeAt(0), byte]),
);
/** Bytes Windows-1252 leaves undefined: a strict decoder wrote U+FFFD for them. */
const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
/** Stands for "one of CP1252_UNDEFINED" in a byte sequence. */
export const UNKNOWN_BYTE = -2;

/** The byte a character stands for when bytes were decoded as Windows-1252/Latin-1, UNKNOWN_BYTE for U+FFFD, or -1. */
export function cp1252Byte(code: number): number {
  if (code < 0x80) return -1;
  if (code <= 0xff) return code;
  if (code === 0xfffd) return UNKNOWN_BYTE;
  return CP1252_HIGH.get(code) ?? -1;
}

function isContinuation(byte: number, lead: number, k: number): boolean {
  // An unknown byte is one of 0x81, 0x8D, 0x8F, 0x90, 0x9D: never allowed after E0, which needs A0–BF.
  if (byte === UNKNOWN_BYTE) return !(k === 1 && lead === 0xe0);
  if (byte < 0x80 || byte > 0xbf) return false;
  if (k === 1) {
    if (lead === 0xe0 && byte < 0xa0) return false;
    if (lead === 0xed && byte > 0x9f) return false;
    if (lead === 0xf0 && byte < 0x90) return false;
    if (lead === 0xf4 && byte > 0x8f) return false;
  }
  return true;
}

/**
 * Length (in UTF-16 units) of a well-formed UTF-8 multi-byte sequence spelled in Windows-1252 characters at `i`,
 * or 0. Follows the UTF-8 well-formedness table (no overlong forms, no surrogates); U+FFFD may stand for a
 * continuation byte that Windows-1252 leaves undefined.
 */
export function utf8SequenceAt(line: string, i: number): number {
  const lead = line.charCodeAt(i);
  if (lead < 0xc2 || lead > 0xf4) return 0;
  const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
  let unknown = 0;
  for (let k = 1; k <= need; k++) {
    if (i + k >= line.length) return 0;
    const byte = cp1252Byte(line.charCodeAt(i + k));
    if (!isContinuation(byte, lead, k)) return 0;
    if (byte === UNKNOWN_BYTE) unknown++;
  }
  // A sequence made mostly of unknowns is a guess, not evidence.
  return unknown <= 1 && !(need === 1 && unknown === 1) ? need + 1 : 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a run of well-formed sequences. An unknown byte (U+FFFD) is filled in sequence by sequence: with the
 * candidate that gives a valid character, the most frequent one if several do.
 */
function decodeUtf8Run(run: string): string | undefined {
  if (!run.includes('\ufffd')) {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) bytes[i] = cp1252Byte(run.charCodeAt(i));
    return decodeOrUndefined(bytes);
  }
  let out = '';
  for (let i = 0; i < run.length; ) {
    const len = utf8SequenceAt(run, i);
    if (len === 0) return undefined;
    const bytes = Array.from(run.slice(i, i + len), (ch) => cp1252Byte(ch.charCodeAt(0)));
    const unknownAt = bytes.indexOf(UNKNOWN_BYTE);
    let best: string | undefined;
    let bestCost = Infinity;
    const nextLength = utf8SequenceAt(run, i + len);
    const after = unknownAt < 0 || nextLength === 0 ? '' : decodeUtf8Run(run.slice(i + len, i + len + nextLength)) ?? '';
    for (const candidate of unknownAt < 0 ? [0] : CP1252_UNDEFINED) {
      if (unknownAt >= 0) bytes[unknownAt] = candidate;
      const decoded = decodeOrUndefined(Uint8Array.from(bytes));
      if (decoded === undefined) continue;
      const cost = unknownAt < 0 ? 0 : lostCharacterCost(out.slice(-1), decoded, after.slice(0, 1));
      if (cost < bestCost) {
        best = decoded;
        bestCost = cost;
      }
    }
    if (best === undefined) return undefined;
    out += best;
    i += len;
  }
  return out;
}

export function decodeOrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** End of the run of UTF-8 sequences (Windows-1252 spelled) starting at `i`; `i` when there is none. */
export function utf8RunEnd(line: string, i: number): number {
  let end = i;
  for (let len = utf8SequenceAt(line, end); len > 0; len = utf8SequenceAt(line, end)) end += len;
  return end;
}

export function isHighLatin(code: number): boolean {
  return cp1252Byte(code) >= 0x80;
}

/** UTF-8 decoded twice as Windows-1252 (`Ã¦â€“Â°`): decode while the result is again nothing but such sequences. */
export function decodeLayers(run: string): string | undefined {
  let text = decodeUtf8Run(run);
  for (let layer = 1; text !== undefined && layer < 3; layer++) {
    if (text.length === 0 || utf8RunEnd(text, 0) !== text.length) break;
    const again = decodeUtf8Run(text);
    if (again === undefined) break;
    text = again;
  }
  return text;
}

/** Repaired text must not bring in controls: a decoding that yields them is not the right one. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
