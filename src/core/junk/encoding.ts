// Encoding damage: mojibake (锟斤拷, UTF-8 read as Windows-1252), U+FFFD, zero-width and control characters.
import type { Annotation } from '../types';
import { contentRange, junkAt } from './common';

/**
 * Characters where damage can start: controls, C1 controls, UTF-8 lead bytes read as Windows-1252 (Â–ô),
 * zero-width characters, U+FFFD. A line without any has no encoding damage we can see.
 */
const START = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00c2-\u00f4\u200b-\u200d\u2060\ufeff\ufffd]/g;
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00c2-\u00f4\u200b-\u200d\u2060\ufeff\ufffd锟錕]/;

const KUN_JIN_KAO = /(?:锟斤拷|錕斤拷)+/g;

/** Windows-1252 bytes 0x80–0x9F that map to characters other than the C1 controls. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** The byte a character stands for when UTF-8 bytes were decoded as Windows-1252/Latin-1, or -1. */
function cp1252Byte(code: number): number {
  if (code >= 0x80 && code <= 0xff) return code;
  const mapped = CP1252_HIGH[String.fromCharCode(code)];
  return mapped ?? -1;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Length (in UTF-16 units) of a valid UTF-8 multi-byte sequence spelled in Windows-1252 characters at `i`,
 * or 0. Follows the UTF-8 well-formedness table (no overlong forms, no surrogates).
 */
function mojibakeSequenceAt(line: string, i: number): number {
  const lead = line.charCodeAt(i);
  if (lead < 0xc2 || lead > 0xf4) return 0;
  const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
  for (let k = 1; k <= need; k++) {
    if (i + k >= line.length) return 0;
    const byte = cp1252Byte(line.charCodeAt(i + k));
    if (byte < 0x80 || byte > 0xbf) return 0;
    if (k === 1) {
      if (lead === 0xe0 && byte < 0xa0) return 0;
      if (lead === 0xed && byte > 0x9f) return 0;
      if (lead === 0xf0 && byte < 0x90) return 0;
      if (lead === 0xf4 && byte > 0x8f) return 0;
    }
  }
  return need + 1;
}

function decodeMojibake(run: string): string {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) bytes[i] = cp1252Byte(run.charCodeAt(i));
  try {
    return utf8.decode(bytes);
  } catch {
    return '';
  }
}

function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);
}

/** A zero-width joiner between two emoji (👨‍👩‍👧) is part of the emoji, not junk. */
function isEmojiJoiner(line: string, i: number): boolean {
  if (line.charCodeAt(i) !== 0x200d) return false;
  const before = line.charCodeAt(i - 1);
  const after = line.charCodeAt(i + 1);
  const emojiEnd = (before >= 0xdc00 && before <= 0xdfff) || before === 0xfe0f || (before >= 0x2600 && before <= 0x27bf);
  const emojiStart = (after >= 0xd800 && after <= 0xdbff) || (after >= 0x2600 && after <= 0x27bf);
  return emojiEnd && emojiStart;
}

function codeName(code: number): string {
  return 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
}

export function detectEncoding(line: string): Annotation[] {
  if (!SUSPECT.test(line)) return [];
  const found: Annotation[] = [];

  KUN_JIN_KAO.lastIndex = 0;
  for (let m = KUN_JIN_KAO.exec(line); m; m = KUN_JIN_KAO.exec(line)) {
    found.push(junkAt(line, 'encoding', m.index, m.index + m[0].length,
      `Mojibake ${m[0].slice(0, 3)}: replacement characters of a broken GBK/UTF-8 conversion`, 0.95));
  }

  START.lastIndex = 0;
  for (let start = START.exec(line); start; start = START.exec(line)) {
    const i = start.index;
    const code = line.charCodeAt(i);
    // UTF-8 read as Windows-1252: a run of well-formed sequences such as `æ–‡` (文) or `Ã©` (é).
    let runEnd = i;
    for (let len = mojibakeSequenceAt(line, runEnd); len > 0; len = mojibakeSequenceAt(line, runEnd)) runEnd += len;
    if (runEnd > i) {
      const run = line.slice(i, runEnd);
      const decoded = decodeMojibake(run);
      found.push(junkAt(line, 'encoding', i, runEnd,
        `Mojibake ${run}: UTF-8 bytes${decoded ? ` of “${decoded}”` : ''} misread as Windows-1252`, 0.85));
      START.lastIndex = runEnd;
      continue;
    }
    if (code === 0xfffd) {
      let end = i + 1;
      while (end < line.length && line.charCodeAt(end) === 0xfffd) end++;
      found.push(junkAt(line, 'encoding', i, end, 'U+FFFD replacement character: the text was decoded with the wrong encoding', 0.95));
      START.lastIndex = end;
      continue;
    }
    if ((isZeroWidth(code) && !isEmojiJoiner(line, i)) || isControl(code)) {
      const zero = isZeroWidth(code);
      let end = i + 1;
      while (end < line.length) {
        const next = line.charCodeAt(end);
        if (zero ? !isZeroWidth(next) || isEmojiJoiner(line, end) : !isControl(next)) break;
        end++;
      }
      const names = [...new Set(Array.from(line.slice(i, end), (c) => codeName(c.charCodeAt(0))))].join(', ');
      found.push(junkAt(line, 'encoding', i, end,
        zero ? `Invisible zero-width character (${names}) left by a web page` : `Control character (${names}) that has no place in text`,
        0.9));
      START.lastIndex = end;
    }
  }

  // A line that is nothing but damaged characters (and whitespace) goes as a whole.
  if (found.length > 0) {
    const covered = new Uint8Array(line.length);
    for (const a of found) covered.fill(1, a.start, a.end);
    let onlyJunk = true;
    for (let k = 0; k < line.length && onlyJunk; k++) {
      if (!covered[k] && !/\s/.test(line[k])) onlyJunk = false;
    }
    const range = contentRange(line);
    if (onlyJunk && found.length === 1 && range) {
      const only = found[0];
      return [{ ...only, start: range.start, end: range.end, text: line.slice(range.start, range.end), removal: { start: 0, end: line.length } }];
    }
    if (onlyJunk) {
      return found.map((a) => ({ ...a, removal: { start: 0, end: line.length } }));
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
