// Encoding damage: mojibake (repaired: UTF-8 read as Windows-1252 or GBK, GBK read as Latin-1; removed: 锟斤拷), U+FFFD, zero-width and control characters.
import type { Annotation } from '../types';
import { contentRange, excerpt, junkAt } from './common';
import { findCjkMojibake, latinMojibakeAt, newLatinScan, type MojibakeRepair } from './mojibake-repair';

/**
 * Characters where damage can start: controls, C1 controls, Latin-1 letters (UTF-8 lead bytes read as
 * Windows-1252, or GBK/Big5 lead bytes read as Latin-1), zero-width characters, U+FFFD. A line without any has no
 * encoding damage of the Latin kind. SUSPECT says whether a line has any; isStart finds them without allocating.
 */
const START_BELOW_256 = new Uint8Array(0x100);
for (let code = 0; code < 0x100; code++) {
  if (code <= 0x08 || (code >= 0x0b && code <= 0x1f) || (code >= 0x7f && code <= 0x9f) || (code >= 0xa1 && code <= 0xfe)) START_BELOW_256[code] = 1;
}
function isStart(code: number): boolean {
  return code < 0x100 ? START_BELOW_256[code] === 1 : (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xfffd;
}
const SUSPECT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a1-\u00fe\u200b-\u200d\u2060\ufeff\ufffd锟錕]/;
/** A line with Han characters may be UTF-8 read as GBK or Big5. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

const KUN_JIN_KAO = /(?:锟斤拷|錕斤拷)+/g;

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

/** The distinct code points of line[start, end), named: `U+0007, U+001B`. */
function codeNames(line: string, start: number, end: number): string {
  const seen: number[] = [];
  for (let k = start; k < end; k++) if (!seen.includes(line.charCodeAt(k))) seen.push(line.charCodeAt(k));
  return seen.map(codeName).join(', ');
}

function nonAsciiUnits(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) >= 0x80) n++;
  return n;
}

/** A repair as a finding: `clean` writes the repaired text in place of the mojibake. */
function repairFinding(line: string, repair: MojibakeRepair): Annotation {
  const shown = excerpt(line.slice(repair.start, repair.end));
  const finding = junkAt(line, 'encoding', repair.start, repair.end,
    `Mojibake ${shown}: ${repair.misreading}; it reads “${excerpt(repair.repaired)}”`, 0.9);
  finding.replacement = repair.repaired;
  return finding;
}

/** Damage of the Latin side (mojibake in Latin-1 letters, U+FFFD, invisible and control characters) outside `repaired`. */
function scanLatinSide(line: string, repaired: Uint8Array, short: boolean): Annotation[] {
  const found: Annotation[] = [];
  const scan = newLatinScan(line);
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i);
    if (!isStart(code)) {
      i++;
      continue;
    }
    if (repaired[i]) {
      while (i < line.length && repaired[i]) i++;
      continue;
    }
    // UTF-8 read as Windows-1252 (`æ–‡` = 文, `Ã©` = é), or GBK read as Latin-1 (`ÐÂÎÅ` = 新闻): decoded back.
    const latin = latinMojibakeAt(line, i, short, scan);
    if (latin) {
      found.push(repairFinding(line, latin));
      i = latin.end;
      continue;
    }
    if (code === 0xfffd) {
      let end = i + 1;
      while (end < line.length && line.charCodeAt(end) === 0xfffd) end++;
      found.push(junkAt(line, 'encoding', i, end, 'U+FFFD replacement character: the text was decoded with the wrong encoding, and these bytes are lost', 0.95));
      i = end;
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
      const names = codeNames(line, i, end);
      found.push(junkAt(line, 'encoding', i, end,
        zero ? `Invisible zero-width character (${names}) left by a web page` : `Control character (${names}) that has no place in text`,
        0.9));
      i = end;
      continue;
    }
    i++;
  }

  return found;
}

export function detectEncoding(line: string): Annotation[] {
  const suspect = SUSPECT.test(line);
  const cjk = HAN.test(line) ? findCjkMojibake(line) : [];
  if (!suspect && cjk.length === 0) return [];
  const found: Annotation[] = cjk.map((repair) => repairFinding(line, repair));
  const repaired = new Uint8Array(line.length);
  for (const repair of cjk) repaired.fill(1, repair.start, repair.end);

  KUN_JIN_KAO.lastIndex = 0;
  for (let m = KUN_JIN_KAO.exec(line); m; m = KUN_JIN_KAO.exec(line)) {
    if (repaired[m.index]) continue;
    found.push(junkAt(line, 'encoding', m.index, m.index + m[0].length,
      `Mojibake ${m[0].slice(0, 3)}: replacement characters of a broken GBK/UTF-8 conversion, beyond repair`, 0.95));
  }

  const latin = scanLatinSide(line, repaired, false);
  // A line with a GBK-read-as-Latin-1 run is read so throughout: its single characters too (`2023Äê` = 2023年).
  // Only when such runs make up much of the line: random bytes yield a plausible pair now and then.
  let doubleByteUnits = 0;
  for (const a of latin) if (a.replacement !== undefined && / read as Latin-1/.test(a.reason ?? '')) doubleByteUnits += a.end - a.start;
  const doubleByte = doubleByteUnits > 0 && doubleByteUnits >= 0.3 * nonAsciiUnits(line);
  for (const finding of doubleByte ? scanLatinSide(line, repaired, true) : latin) found.push(finding);

  // A line that is nothing but damage beyond repair (and whitespace) goes as a whole; a repair keeps its line.
  if (found.length > 0 && found.every((a) => a.replacement === undefined)) {
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
