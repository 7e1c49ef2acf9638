// Input encodings: UTF-8 by default, UTF-16 by its BOM, any iconv-lite encoding by name, or detected (BOM, then chardet).
import * as chardet from 'chardet';
import * as iconv from 'iconv-lite';
import { InputError } from './input';

/** What `--encoding` asked for: undefined is the default (UTF-8, or UTF-16 when a BOM says so). */
export type EncodingChoice = undefined | 'auto' | string;

export interface Encoding {
  /** iconv-lite's name of the encoding, or 'utf-8'. */
  name: string;
  /** The file starts with a byte order mark (kept when the file is written back). */
  bom: boolean;
}

/** Encodings whose code units are two bytes (line breaks are 0A 00 or 00 0A). */
export function isUtf16(name: string): boolean {
  return /^utf-?16(le|be)?$/i.test(name) || /^ucs-?2$/i.test(name);
}

/** Checks an `--encoding` value; returns iconv-lite's canonical spelling. */
export function checkEncodingName(name: string): string {
  if (name === 'auto') return name;
  if (!iconv.encodingExists(name)) throw new InputError(`--encoding: unknown encoding "${name}" (for example utf-8, gb18030, gbk, big5, utf-16le, shift_jis, or auto)`);
  return canonical(name);
}

function canonical(name: string): string {
  const lower = name.toLowerCase().replace(/_/g, '-');
  if (lower === 'utf8' || lower === 'utf-8') return 'utf-8';
  if (lower === 'utf16le' || lower === 'utf-16le' || lower === 'ucs2' || lower === 'ucs-2') return 'utf-16le';
  if (lower === 'utf16be' || lower === 'utf-16be') return 'utf-16be';
  if (lower === 'utf16' || lower === 'utf-16') return 'utf-16';
  return lower;
}

/** The encoding a byte order mark at the start of `bytes` announces, and its length. */
export function sniffBom(bytes: Uint8Array): { name: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { name: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { name: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { name: 'utf-16be', length: 2 };
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** True when all of `bytes` is valid UTF-8 (a sequence cut at the very end counts as valid: a sample may cut one). */
function validUtf8Sample(bytes: Uint8Array, complete: boolean): boolean {
  let end = bytes.length;
  if (!complete) {
    // Step back over a multi-byte sequence the sample may have cut.
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && bytes[end - back - 1] >= 0xc0) end = end - back - 1;
  }
  try {
    strictUtf8.decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** Encodings a detector may name for Chinese text, read with their supersets (GB2312 and GBK are subsets of GB18030). */
const SUPERSET: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', 'euc-cn': 'gb18030', big5: 'big5', 'big5-hkscs': 'big5' };

/**
 * Decides the encoding of a file from its first bytes: the BOM; else UTF-8 when the bytes are valid UTF-8 (text in
 * another multi-byte encoding almost never is); else the best guess of chardet (ICU's detector) that iconv-lite reads.
 * `complete` says whether the sample is the whole file.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean, name: string): Encoding {
  const bom = sniffBom(sample);
  if (bom) return { name: bom.name, bom: true };
  if (validUtf8Sample(sample, complete)) return { name: 'utf-8', bom: false };
  for (const match of chardet.analyse(sample)) {
    const guess = match.name.toLowerCase();
    const chosen = SUPERSET[guess] ?? guess;
    if (iconv.encodingExists(chosen) && !chosen.startsWith('utf-32')) return { name: canonical(chosen), bom: false };
  }
  throw new InputError(`${name}: cannot tell the encoding; give it with --encoding NAME (for example gb18030 or big5)`);
}

/**
 * Resolves the encoding of one input from the user's choice and its first bytes. With no choice, a UTF-16 or UTF-8
 * BOM is honoured and anything else is read as UTF-8; with a name, a matching BOM is skipped.
 */
export function resolveEncoding(choice: EncodingChoice, head: Uint8Array, complete: boolean, name: string): Encoding {
  if (choice === 'auto') return detectEncoding(head, complete, name);
  const bom = sniffBom(head);
  if (choice === undefined) return bom ? { name: bom.name, bom: true } : { name: 'utf-8', bom: false };
  const chosen = canonical(choice);
  if (bom && (bom.name === chosen || (chosen === 'utf-16' && bom.name.startsWith('utf-16')))) return { name: bom.name, bom: true };
  if (chosen === 'utf-16') return { name: 'utf-16le', bom: false };
  return { name: chosen, bom: false };
}

/** Length of the BOM of `encoding` at the start of a file (0 when it has none). */
export function bomLength(encoding: Encoding): number {
  if (!encoding.bom) return 0;
  return encoding.name === 'utf-8' ? 3 : 2;
}

/** Byte offset where the first invalid UTF-8 sequence starts. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      strictUtf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/**
 * Decodes bytes (without their BOM) in an encoding. Invalid bytes are an error, never a silent U+FFFD: for UTF-8 the
 * error says at which byte; for other encodings a U+FFFD that the bytes do not really encode is refused.
 * `where(byteOffset)` describes a place for the message (line numbers).
 */
export function decodeStrict(bytes: Uint8Array, encoding: string, name: string, where: (byte: number) => string): string {
  if (encoding === 'utf-8') {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      throw new InputError(`${name}: invalid UTF-8 at ${where(offset)}; convert the file to UTF-8 first, or give --encoding (NAME or auto)`);
    }
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  const bad = text.indexOf('\ufffd');
  if (bad !== -1 && !Buffer.from(bytes).equals(iconv.encode(text, encoding))) {
    // Find the first undecodable byte: the longest prefix of characters that re-encodes to the same bytes.
    const prefix = iconv.encode(text.slice(0, bad), encoding).length;
    throw new InputError(`${name}: bytes that are not valid ${encoding} at ${where(prefix)}; is the encoding right?`);
  }
  return text;
}

/**
 * Encodes text for writing back in a file's own encoding (with its BOM when it had one). A character the encoding
 * cannot represent is an error that names it and its line: nothing is written then.
 */
export function encodeStrict(text: string, encoding: Encoding, name: string): Buffer {
  const body = encoding.name === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding.name, { addBOM: false });
  if (encoding.name !== 'utf-8' && iconv.decode(body, encoding.name, { stripBOM: false }) !== text) {
    let line = 1;
    for (const char of text) {
      if (iconv.decode(iconv.encode(char, encoding.name, { addBOM: false }), encoding.name, { stripBOM: false }) !== char) {
        const code = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        throw new InputError(`${name}: "${char}" (U+${code}, line ${line}) cannot be written in ${encoding.name}; the file is unchanged`);
      }
      if (char === '\n') line++;
    }
  }
  if (!encoding.bom) return body;
  const bom = encoding.name === 'utf-8' ? [0xef, 0xbb, 0xbf] : encoding.name === 'utf-16be' ? [0xfe, 0xff] : [0xff, 0xfe];
  return Buffer.concat([Buffer.from(bom), body]);
}
