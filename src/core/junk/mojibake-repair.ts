// Mojibake repair: text decoded with the wrong table (UTF-8 read as Windows-1252/Latin-1 or as GBK/Big5, GBK/Big5 read as Latin-1), decoded back.
import type * as IconvLite from 'iconv-lite';
import { COMMON_IN_RUN, OUTSIDE_RUN, RARE_HAN_IN_RUN, RARE_IN_RUN, RUN_CLASS, characterCost, hanCost, isHan, meanCost } from './han-frequency';

/** A stretch of a line read in the wrong encoding, and what it said. */
export interface MojibakeRepair {
  start: number;
  end: number;
  repaired: string;
  /** How it was misread, for a person: "UTF-8 read as GBK". */
  misreading: string;
}

// ——— Latin side: bytes shown as Windows-1252 / Latin-1 characters ———

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
const UNKNOWN_BYTE = -2;

/** The byte a character stands for when bytes were decoded as Windows-1252/Latin-1, UNKNOWN_BYTE for U+FFFD, or -1. */
export function cp1252Byte(code: number): number {
  if (code >= 0x80 && code <= 0xff) return code;
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
  if (!run.includes('\ufffd')) return decodeOrUndefined(Uint8Array.from(run, (ch) => cp1252Byte(ch.charCodeAt(0))));
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
      const cost = unknownAt < 0 ? 0 : candidateCost(out.slice(-1), decoded, after.slice(0, 1));
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

function decodeOrUndefined(bytes: Uint8Array): string | undefined {
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

function isHighLatin(code: number): boolean {
  return cp1252Byte(code) >= 0x80;
}

/** UTF-8 decoded twice as Windows-1252 (`Ã¦â€“Â°`): decode while the result is again nothing but such sequences. */
function decodeLayers(run: string): string | undefined {
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
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * End of a run of GBK/Big5 double-byte characters spelled in Windows-1252/Latin-1 characters at `i`
 * (`ÐÂÎÅ` = 新闻): a lead 0x81–0xFE, then a trail 0x40–0x7E or 0x80–0xFE, repeatedly. `i` when there is none.
 */
function doubleByteRunEnd(line: string, i: number): number {
  let end = i;
  while (end + 1 < line.length) {
    const lead = cp1252Byte(line.charCodeAt(end));
    const code = line.charCodeAt(end + 1);
    const trail = code < 0x80 ? code : cp1252Byte(code);
    if (lead < 0x81 || lead > 0xfe) break;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0x80 && trail <= 0xfe))) break;
    end += 2;
  }
  return end;
}

/** Mean cost (-log2 P per character) a repair must reach: everyday Chinese is about 10, mojibake 16–18. */
const PLAUSIBLE_MEAN_COST = 13;
/** UTF-8 read as GBK must also gain MIN_GAIN bits per character, so its repair may be of rarer words. */
const PLAUSIBLE_REPAIR_COST = 14.5;

/** Characters a double-byte repair may give besides Han: CJK and full-width punctuation, quotes, dashes. */
function isChinesePunctuation(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2010 && code <= 0x2027) || code === 0xb7;
}

/** True when a decoded text is everyday Chinese: Han and Chinese punctuation only, common characters on average. */
function readsAsChinese(text: string, minHan: number): boolean {
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || isChinesePunctuation(code)) continue;
    if (!isHan(code)) return false;
    han++;
  }
  if (han < minHan) return false;
  return han === 0 || meanCost(hanCost(text)) <= PLAUSIBLE_MEAN_COST;
}

/** A run of GBK/Big5 bytes (Latin-1 spelled) decoded to Chinese, with the encoding that reads best. */
function repairDoubleByteRun(run: string, minHan: number): { repaired: string; encoding: string } | undefined {
  const bytes = new Uint8Array(run.length);
  // Trail bytes 0x40–0x7E are ASCII letters and stay as they are.
  for (let i = 0; i < run.length; i++) bytes[i] = run.charCodeAt(i) < 0x80 ? run.charCodeAt(i) : cp1252Byte(run.charCodeAt(i));
  let best: { repaired: string; encoding: string; cost: number } | undefined;
  for (const encoding of ['gbk', 'big5']) {
    const repaired = iconv().decode(Buffer.from(bytes), encoding);
    if (repaired.includes('\ufffd') || CONTROL.test(repaired) || !readsAsChinese(repaired, minHan)) continue;
    const cost = meanCost(hanCost(repaired));
    if (!best || cost < best.cost) best = { repaired, encoding: encoding === 'gbk' ? 'GBK' : 'Big5', cost };
    // Everyday Chinese in GBK: Big5 would not read better.
    if (encoding === 'gbk' && cost <= 11) break;
  }
  return best;
}

/** One GBK pair for a Latin letter with a diacritic between ASCII letters (`Chlo¨¦` = Chloé). */
function latinLetterPair(line: string, i: number, end: number): { repaired: string; encoding: string } | undefined {
  if (end - i !== 2 || !/[A-Za-z]/.test(line[i - 1] ?? '')) return undefined;
  const repaired = iconv().decode(Buffer.from([cp1252Byte(line.charCodeAt(i)), cp1252Byte(line.charCodeAt(i + 1))]), 'gbk');
  return /^[\u00c0-\u01dc]$/.test(repaired) ? { repaired, encoding: 'GBK' } : undefined;
}

/**
 * The mojibake of the Latin side that starts at `i`, if any: UTF-8 read as Windows-1252/Latin-1 (`æ–°é—»`), or
 * GBK/Big5 read as Latin-1 (`ÐÂÎÅ`). A run of Latin-1 characters that is UTF-8 throughout is UTF-8; otherwise a
 * double-byte reading that gives everyday Chinese wins (`Îª` is valid UTF-8 but GBK for 为). One double-byte
 * character alone (`Äê` = 年 between digits) is only read so when `short` says the line has longer ones.
 * `scan` carries what earlier calls on the same line learnt.
 */
/** What a scan of one line has learnt so far: where double-byte runs failed (per alignment), and how often. */
export interface LatinScan {
  failedUntil: [number, number];
  failures: number;
}

/** Failed decoding attempts one line may spend: real mojibake succeeds at once, random bytes would fail at every byte. */
const MAX_FAILURES_PER_LINE = 12;

export function newLatinScan(): LatinScan {
  return { failedUntil: [0, 0], failures: 0 };
}

export function latinMojibakeAt(line: string, i: number, short = false, scan: LatinScan = newLatinScan()): MojibakeRepair | undefined {
  if (!isHighLatin(line.charCodeAt(i))) return undefined;
  const utf8End = utf8RunEnd(line, i);
  let highEnd = i;
  while (highEnd < line.length && isHighLatin(line.charCodeAt(highEnd))) highEnd++;
  const asUtf8 = (): MojibakeRepair | undefined => {
    const repaired = decodeLayers(line.slice(i, utf8End));
    return repaired !== undefined && !CONTROL.test(repaired) ? { start: i, end: utf8End, repaired, misreading: 'UTF-8 read as Windows-1252' } : undefined;
  };
  // In a line already read as GBK, a pair that is also UTF-8 (`Í¼` = 图, or U+037C) is GBK.
  if (utf8End > i && utf8End === highEnd && !short) {
    const whole = asUtf8();
    if (whole) return whole;
  }
  // A run that failed is not tried again from inside it in the same alignment: random bytes would cost n².
  const doubleEnd = i < scan.failedUntil[i % 2] || scan.failures >= MAX_FAILURES_PER_LINE ? i : doubleByteRunEnd(line, i);
  if (doubleEnd - i >= (short ? 2 : 4)) {
    // In a line read so, one pair may be punctuation alone (`¡°` = “) or a Latin letter inside a word (`Chlo¨¦`).
    const double = repairDoubleByteRun(line.slice(i, doubleEnd), short ? 0 : 2) ?? (short ? latinLetterPair(line, i, doubleEnd) : undefined);
    if (double) return { start: i, end: doubleEnd, repaired: double.repaired, misreading: `${double.encoding} read as Latin-1` };
    scan.failedUntil[i % 2] = doubleEnd;
    scan.failures++;
  }
  // Part of a longer run: only believed when it decodes to Han (a stray `Îª` inside GBK gives Greek).
  if (utf8End > i) {
    const part = asUtf8();
    if (part && (utf8End === highEnd || /[\u3400-\u9fff]/.test(part.repaired))) return part;
  }
  return undefined;
}

// ——— CJK side: UTF-8 bytes shown as GBK or Big5 characters ———

let iconvModule: typeof IconvLite | undefined;
/** iconv-lite, loaded on the first suspect run: its tables cost ~60 ms that clean text never pays. */
function iconv(): typeof IconvLite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvModule ??= require('iconv-lite') as typeof IconvLite);
}

/** A suspect run needs this many rare characters (one when the line has a longer repaired run), and this share. */
const MIN_RARE = 2;
/** Mojibake of Chinese is two-thirds rare characters or more; real text a few percent, a short run more. */
const MIN_RARE_SHARE = 0.4;
/** The repair must carry this many bits less per character than the run, and be plausible on its own. */
const MIN_GAIN = 3;

let decoderOnly: Map<string, number> | undefined;
/**
 * Characters the WHATWG GBK decoder (browsers, Node's TextDecoder) gives that iconv-lite's table cannot encode back:
 * the user-defined areas (private use) and a few symbols. Built once from the decoder itself, on first need.
 */
function decoderOnlyCharacters(): Map<string, number> {
  if (decoderOnly) return decoderOnly;
  decoderOnly = new Map();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder('gbk');
  } catch {
    return decoderOnly;
  }
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && iconv().encode(ch, 'gbk')[0] === 0x3f) decoderOnly.set(ch, (lead << 8) | trail);
    }
  }
  return decoderOnly;
}

/** Encodes a run back to the bytes a decoder read; U+FFFD (a byte it could not place) becomes `null`. */
function encodeBack(run: string, encoding: string): (number | null)[] | undefined {
  // One call for the run; character by character only when the table lacks one (iconv-lite writes '?').
  if (!run.includes('?')) {
    const whole = iconv().encode(run, encoding);
    if (!whole.includes(0x3f)) return Array.from(whole);
  }
  const out: (number | null)[] = [];
  for (const ch of run) {
    if (ch === '\ufffd') {
      out.push(null);
      continue;
    }
    const bytes = iconv().encode(ch, encoding);
    if (bytes.length === 1 && bytes[0] === 0x3f) {
      // The decoder's own characters (user-defined areas), or not text of that encoding.
      const pair = encoding === 'gbk' ? decoderOnlyCharacters().get(ch) : undefined;
      if (pair === undefined) return undefined;
      out.push(pair >> 8, pair & 0xff);
      continue;
    }
    for (const b of bytes) out.push(b);
  }
  return out;
}

let bigrams: Map<string, string> | undefined;
/** Character → the characters that often follow it in news text (data/char-bigrams.json), loaded on the first lost byte. */
function followers(): Map<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  bigrams ??= new Map(Object.entries((require('../../../data/char-bigrams.json') as { pairs: Record<string, string> }).pairs));
  return bigrams;
}

/** Bits a frequent pair with a neighbour is worth: enough to prefer 为 in 结存为 over the more frequent 一. */
const PAIR_BONUS = 6;

/**
 * Cost of `ch` as the character a lost byte completes, between `before` and `after` (either may be ''): its own
 * frequency, less a bonus for each neighbour it often stands next to.
 */
function candidateCost(before: string, ch: string, after: string): number {
  if (ch.length !== 1) return Infinity;
  let cost = characterCost(ch.charCodeAt(0));
  const pairs = followers();
  // Digits are one class in the table (2月, 5日 and 年1 are pairs of 0).
  const digit = (c: string) => (c >= '0' && c <= '9' ? '0' : c);
  if (before && pairs.get(digit(before))?.includes(ch)) cost -= PAIR_BONUS;
  if (after && pairs.get(ch)?.includes(digit(after))) cost -= PAIR_BONUS;
  return cost;
}

const lenientUtf8 = new TextDecoder('utf-8');
const SENTENCE_END = '。！？”';

/** The first character the bytes from `at` on decode to ('' when they do not start one). */
function firstCharacter(bytes: readonly number[], at: number): string {
  const decoded = lenientUtf8.decode(Uint8Array.from(bytes.slice(at, at + 4)));
  return decoded && decoded[0] !== '\ufffd' ? decoded[0] : '';
}

/** Offset into bytes[max(0, at - 6) .. at] where a character starts, so that slice decodes on its own. */
function startOfCharacters(bytes: readonly number[], at: number): number {
  const from = Math.max(0, at - 6);
  for (let i = from; i <= at; i++) if (bytes[i] < 0x80 || bytes[i] >= 0xc0) return i - from;
  return 0;
}

/**
 * Decodes bytes as UTF-8. A lost byte is the last continuation byte of a character whose next byte was ASCII
 * (the decoder had nothing to pair it with): it becomes the one giving the most frequent character.
 */
function decodeWithLostBytes(bytes: (number | null)[], endsLine: boolean): string | undefined {
  const lost: number[] = [];
  bytes.forEach((b, i) => b === null && lost.push(i));
  if (lost.length > 2) return undefined;
  const known = bytes.map((b) => b ?? 0x80);
  for (const at of lost) {
    let best: number | undefined;
    let bestCost = Infinity;
    const after = firstCharacter(known, at + 1);
    for (let candidate = 0x80; candidate <= 0xbf; candidate++) {
      known[at] = candidate;
      const decoded = decodeOrUndefined(Uint8Array.from(known.slice(Math.max(0, at - 6), at + 1)).subarray(startOfCharacters(known, at)));
      if (decoded === undefined || decoded.length === 0) continue;
      let cost = candidateCost(decoded.length >= 2 ? decoded[decoded.length - 2] : '', decoded[decoded.length - 1], after);
      // The last byte of a line: a sentence ends there more often than not.
      if (endsLine && at === known.length - 1 && SENTENCE_END.includes(decoded[decoded.length - 1])) cost -= PAIR_BONUS / 2;
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    if (best === undefined) return undefined;
    known[at] = best;
  }
  return decodeOrUndefined(Uint8Array.from(known));
}

/** Recent answers by run (and line end): a page repeats its lines, and a failed run costs two encodings. */
const recentRuns = new Map<string, { repaired: string; encoding: string } | null>();
const RECENT_RUNS = 512;

function repairCjkRun(run: string, endsLine: boolean): { repaired: string; encoding: string } | undefined {
  const key = endsLine ? `${run}\n` : run;
  const known = recentRuns.get(key);
  if (known !== undefined) return known ?? undefined;
  const repair = repairCjkRunAfresh(run, endsLine);
  if (recentRuns.size >= RECENT_RUNS) recentRuns.clear();
  recentRuns.set(key, repair ?? null);
  return repair;
}

function repairCjkRunAfresh(run: string, endsLine: boolean): { repaired: string; encoding: string } | undefined {
  const before = meanCost(hanCost(run));
  let best: { repaired: string; encoding: string; cost: number } | undefined;
  for (const encoding of ['gbk', 'big5']) {
    const bytes = encodeBack(run, encoding);
    if (!bytes) continue;
    const repaired = decodeWithLostBytes(bytes, endsLine);
    if (repaired === undefined || repaired.includes('\ufffd') || CONTROL.test(repaired)) continue;
    const cost = hanCost(repaired, true);
    // Emoji or ASCII alone (nothing counted) read as well as any text.
    const after = cost.counted === 0 ? 0 : meanCost(cost);
    if (after > PLAUSIBLE_REPAIR_COST || before - after < MIN_GAIN) continue;
    if (!best || after < best.cost) best = { repaired, encoding: encoding === 'gbk' ? 'GBK' : 'Big5', cost: after };
  }
  return best;
}

interface Run {
  start: number;
  end: number;
  counted: number;
  rare: number;
}

/** Maximal runs of characters a GBK/Big5 decoder can produce (anything but ASCII and spaces), with their rare ones. */
function suspectRuns(line: string): Run[] {
  const runs: Run[] = [];
  // Local bindings: imported ones are read through a getter on every use in a CommonJS bundle.
  const classes = RUN_CLASS;
  const outside = OUTSIDE_RUN;
  const common = COMMON_IN_RUN;
  const rareClass = RARE_IN_RUN;
  const rareHanClass = RARE_HAN_IN_RUN;
  let start = -1;
  let counted = 0;
  let rare = 0;
  let han = 0;
  for (let i = 0; i <= line.length; i++) {
    const cls = i < line.length ? classes[line.charCodeAt(i)] : outside;
    if (cls !== outside) {
      if (start < 0) {
        start = i;
        counted = 0;
        rare = 0;
        han = 0;
      }
      if (cls === common) {
        counted++;
        han++;
      } else if (cls === rareHanClass) {
        counted++;
        rare++;
        han++;
      } else if (cls === rareClass) {
        counted++;
        rare++;
      }
      continue;
    }
    // Mojibake of Chinese is mostly Han: a run of Latin-1 symbols (random bytes) is not worth encoding back.
    if (start >= 0 && han >= 1 && rare > 0 && rare >= MIN_RARE_SHARE * counted) runs.push({ start, end: i, counted, rare });
    start = -1;
  }
  return runs;
}

/**
 * Runs of a line that are UTF-8 read as GBK or Big5 (`鏂伴椈` = 新闻): runs of non-ASCII characters with many rare
 * ones whose bytes, encoded back, are valid UTF-8 that reads as much more common Chinese. Real Chinese is never
 * touched: its runs lack rare characters, and its bytes are not UTF-8. A short run (`骞�` = 年 before a space) is
 * only tried once a longer run of the line was repaired.
 */
export function findCjkMojibake(line: string): MojibakeRepair[] {
  const runs = suspectRuns(line);
  if (runs.length === 0) return [];
  const found: MojibakeRepair[] = [];
  const tried = new Set<Run>();
  const attempt = (run: Run) => {
    tried.add(run);
    const repair = repairCjkRun(line.slice(run.start, run.end), line.slice(run.end).trim() === '');
    if (repair) found.push({ start: run.start, end: run.end, repaired: repair.repaired, misreading: `UTF-8 read as ${repair.encoding}` });
  };
  const mayTry = () => tried.size - found.length < MAX_FAILURES_PER_LINE;
  for (const run of runs) if (run.rare >= MIN_RARE && mayTry()) attempt(run);
  if (found.length > 0) for (const run of runs) if (!tried.has(run) && mayTry()) attempt(run);
  return found.sort((a, b) => a.start - b.start);
}
