// Mojibake repair: text decoded with the wrong table (UTF-8 read as Windows-1252/Latin-1 or as GBK/Big5, GBK/Big5 read as Latin-1), decoded back.
import { LINE_EDGE, lostCharacterCost } from './mojibake-context';
import { decoderOnlyCharacters, iconv, pairIndex, pairTable } from './double-byte-table';
import {
  COMMON_IN_RUN, OUTSIDE_RUN, RARE_COST, RARE_HAN_IN_RUN, RARE_IN_RUN, RUN_CLASS, characterCost, hanCost, isHan, isMojibakeSymbol, meanCost,
} from './han-frequency';

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

/**
 * A run of GBK/Big5 pairs (Latin-1 spelled; trail bytes 0x40–0x7E are ASCII letters and stay as they are) read
 * through a pair table, when it is everyday Chinese: Han and Chinese punctuation only, at least `minHan` Han, and
 * common characters on average (the mean of `hanCost`). Costs are summed first; a string is built only for a repair.
 */
function decodeDoubleByteRun(line: string, start: number, end: number, table: Uint16Array, minHan: number): { repaired: string; cost: number } | undefined {
  let han = 0;
  let counted = 0;
  let sum = 0;
  for (let i = start; i + 1 < end; i += 2) {
    const trail = line.charCodeAt(i + 1);
    const ch = table[pairIndex(cp1252Byte(line.charCodeAt(i)), trail < 0x80 ? trail : cp1252Byte(trail))];
    if (ch === 0) return undefined;
    if (isHan(ch)) {
      han++;
      counted++;
      sum += characterCost(ch);
    } else if (!isChinesePunctuation(ch)) {
      return undefined;
    } else if (isMojibakeSymbol(ch)) {
      // `·` counts as hanCost counts it.
      counted++;
      sum += RARE_COST;
    }
  }
  const cost = counted === 0 ? RARE_COST : sum / counted;
  if (han < minHan || (han > 0 && cost > PLAUSIBLE_MEAN_COST)) return undefined;
  let repaired = '';
  for (let i = start; i + 1 < end; i += 2) {
    const trail = line.charCodeAt(i + 1);
    repaired += String.fromCharCode(table[pairIndex(cp1252Byte(line.charCodeAt(i)), trail < 0x80 ? trail : cp1252Byte(trail))]);
  }
  return { repaired, cost };
}

/** A run of GBK/Big5 bytes (Latin-1 spelled) decoded to Chinese, with the encoding that reads best. */
function repairDoubleByteRun(line: string, start: number, end: number, minHan: number): { repaired: string; encoding: string } | undefined {
  let best: { repaired: string; encoding: string; cost: number } | undefined;
  for (const encoding of ['gbk', 'big5'] as const) {
    const decoded = decodeDoubleByteRun(line, start, end, pairTable(encoding), minHan);
    if (decoded === undefined) continue;
    if (!best || decoded.cost < best.cost) best = { repaired: decoded.repaired, encoding: encoding === 'gbk' ? 'GBK' : 'Big5', cost: decoded.cost };
    // Everyday Chinese in GBK: Big5 would not read better.
    if (encoding === 'gbk' && decoded.cost <= 11) break;
  }
  return best;
}

/** One GBK pair for a Latin letter with a diacritic between ASCII letters (`Chlo¨¦` = Chloé). */
function latinLetterPair(line: string, i: number, end: number): { repaired: string; encoding: string } | undefined {
  if (end - i !== 2 || !/[A-Za-z]/.test(line[i - 1] ?? '')) return undefined;
  const code = pairTable('gbk')[pairIndex(cp1252Byte(line.charCodeAt(i)), cp1252Byte(line.charCodeAt(i + 1)))];
  return code >= 0xc0 && code <= 0x1dc ? { repaired: String.fromCharCode(code), encoding: 'GBK' } : undefined;
}

/**
 * What a scan of one line has learnt so far, so that no stretch is decoded again from inside (random bytes would
 * otherwise cost n²), and how much decoding the line may still spend.
 */
export interface LatinScan {
  /** Per alignment (start mod 2): the end of the last double-byte run that failed; starts before it are inside it. */
  failedUntil: [number, number];
  /** The last run of UTF-8 sequences found, [utf8From, utf8To): a lead byte inside it starts a run ending at utf8To. */
  utf8From: number;
  utf8To: number;
  /** End of the last run of high Latin characters found. */
  highTo: number;
  /** Double-byte runs that failed: real GBK read as Latin-1 succeeds at once, random bytes fail again and again. */
  failures: number;
  /** Characters the decoders may still be given: a few passes over the line, so the work stays linear in its length. */
  budget: number;
}

/** Failed double-byte runs after which a line is taken for something else than GBK/Big5 read as Latin-1. */
const MAX_FAILURES_PER_LINE = 12;

/**
 * Decoding passes a line may spend: lines of the evaluation sets use at most 2.5 (a run tried as UTF-8 whole, as
 * double-byte, as UTF-8 in part); random bytes and adversarial runs stop here instead of costing n².
 */
const PASSES_PER_LINE = 4;

export function newLatinScan(line: string): LatinScan {
  return { failedUntil: [0, 0], utf8From: 0, utf8To: 0, highTo: 0, failures: 0, budget: PASSES_PER_LINE * line.length + 64 };
}

/** Spends `units` of the line's decoding budget; false (nothing spent) when the line has not enough left. */
function spend(scan: LatinScan, units: number): boolean {
  if (scan.budget < units) return false;
  scan.budget -= units;
  return true;
}

/** End of the run of UTF-8 sequences from `i`, reusing the run found from an earlier start of the same scan. */
function utf8RunEndIn(line: string, i: number, scan: LatinScan): number {
  // Continuation bytes (0x80–0xBF) are never lead bytes: a lead inside the last run is one of its sequence starts.
  if (i >= scan.utf8From && i < scan.utf8To) return utf8SequenceAt(line, i) > 0 ? scan.utf8To : i;
  const end = utf8RunEnd(line, i);
  if (end > i) {
    scan.utf8From = i;
    scan.utf8To = end;
  }
  return end;
}

/** UTF-8 read as Windows-1252 over [i, end), decoded back (in layers), or undefined. */
function asUtf8(line: string, i: number, end: number, scan: LatinScan): MojibakeRepair | undefined {
  if (!spend(scan, end - i)) return undefined;
  const repaired = decodeLayers(line.slice(i, end));
  return repaired !== undefined && !CONTROL.test(repaired) ? { start: i, end, repaired, misreading: 'UTF-8 read as Windows-1252' } : undefined;
}

/**
 * The mojibake of the Latin side that starts at `i`, if any: UTF-8 read as Windows-1252/Latin-1 (`æ–°é—»`), or
 * GBK/Big5 read as Latin-1 (`ÐÂÎÅ`). A run of Latin-1 characters that is UTF-8 throughout is UTF-8; otherwise a
 * double-byte reading that gives everyday Chinese wins (`Îª` is valid UTF-8 but GBK for 为). One double-byte
 * character alone (`Äê` = 年 between digits) is only read so when `short` says the line has longer ones.
 * `scan` carries what earlier calls on the same line learnt; calls on one line must come in increasing `i`.
 */
export function latinMojibakeAt(line: string, i: number, short = false, scan: LatinScan = newLatinScan(line)): MojibakeRepair | undefined {
  if (!isHighLatin(line.charCodeAt(i))) return undefined;
  const utf8End = utf8RunEndIn(line, i, scan);
  if (i >= scan.highTo) {
    let highEnd = i;
    while (highEnd < line.length && isHighLatin(line.charCodeAt(highEnd))) highEnd++;
    scan.highTo = highEnd;
  }
  const highEnd = scan.highTo;
  // In a line already read as GBK, a pair that is also UTF-8 (`Í¼` = 图, or U+037C) is GBK.
  if (utf8End > i && utf8End === highEnd && !short) {
    const whole = asUtf8(line, i, utf8End, scan);
    if (whole) return whole;
  }
  // A run that failed is not tried again from inside it in the same alignment: each run is tried at most twice.
  const doubleEnd = i < scan.failedUntil[i % 2] || scan.failures >= MAX_FAILURES_PER_LINE ? i : doubleByteRunEnd(line, i);
  if (doubleEnd - i >= (short ? 2 : 4) && spend(scan, doubleEnd - i)) {
    // In a line read so, one pair may be punctuation alone (`¡°` = “) or a Latin letter inside a word (`Chlo¨¦`).
    const double = repairDoubleByteRun(line, i, doubleEnd, short ? 0 : 2) ?? (short ? latinLetterPair(line, i, doubleEnd) : undefined);
    if (double) return { start: i, end: doubleEnd, repaired: double.repaired, misreading: `${double.encoding} read as Latin-1` };
    scan.failedUntil[i % 2] = doubleEnd;
    scan.failures++;
  }
  // Part of a longer run: only believed when it decodes to Han (a stray `Îª` inside GBK gives Greek).
  if (utf8End > i) {
    const part = asUtf8(line, i, utf8End, scan);
    if (part && (utf8End === highEnd || /[\u3400-\u9fff]/.test(part.repaired))) return part;
  }
  return undefined;
}

// ——— CJK side: UTF-8 bytes shown as GBK or Big5 characters ———

/** Failed runs one line may try: real mojibake succeeds at once, a page of rare characters would fail at every run. */
const MAX_FAILED_CJK_RUNS = 12;

/** A suspect run needs this many rare characters (one when the line has a longer repaired run), and this share. */
const MIN_RARE = 2;
/** Mojibake of Chinese is two-thirds rare characters or more; real text a few percent, a short run more. */
const MIN_RARE_SHARE = 0.4;
/** The repair must carry this many bits less per character than the run, and be plausible on its own. */
const MIN_GAIN = 3;

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

const lenientUtf8 = new TextDecoder('utf-8');

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
function decodeWithLostBytes(bytes: (number | null)[], endsLine: boolean, before: string, next: string): string | undefined {
  const lost: number[] = [];
  bytes.forEach((b, i) => b === null && lost.push(i));
  if (lost.length > 2) return undefined;
  const known = bytes.map((b) => b ?? 0x80);
  for (const at of lost) {
    let best: number | undefined;
    let bestCost = Infinity;
    const after = at === known.length - 1 ? (endsLine ? LINE_EDGE : next) : firstCharacter(known, at + 1);
    const from = Math.max(0, at - 6);
    const start = from + startOfCharacters(known, at);
    for (let candidate = 0x80; candidate <= 0xbf; candidate++) {
      known[at] = candidate;
      const decoded = decodeOrUndefined(Uint8Array.from(known.slice(start, at + 1)));
      if (decoded === undefined || decoded.length === 0) continue;
      const previous = decoded.length >= 2 ? decoded[decoded.length - 2] : start === 0 ? before : '';
      const cost = lostCharacterCost(previous, decoded[decoded.length - 1], after);
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

function repairCjkRun(run: string, endsLine: boolean, before: string, next: string): { repaired: string; encoding: string } | undefined {
  const key = `${before}\u0000${run}\u0000${endsLine ? '\n' : next}`;
  const known = recentRuns.get(key);
  if (known !== undefined) return known ?? undefined;
  const repair = repairCjkRunAfresh(run, endsLine, before, next);
  if (recentRuns.size >= RECENT_RUNS) recentRuns.clear();
  recentRuns.set(key, repair ?? null);
  return repair;
}

function repairCjkRunAfresh(run: string, endsLine: boolean, before: string, next: string): { repaired: string; encoding: string } | undefined {
  const runCost = meanCost(hanCost(run));
  let best: { repaired: string; encoding: string; cost: number } | undefined;
  for (const encoding of ['gbk', 'big5']) {
    const bytes = encodeBack(run, encoding);
    if (!bytes) continue;
    const repaired = decodeWithLostBytes(bytes, endsLine, before, next);
    if (repaired === undefined || repaired.includes('\ufffd') || CONTROL.test(repaired)) continue;
    const cost = hanCost(repaired, true);
    // Emoji or ASCII alone (nothing counted) read as well as any text.
    const after = cost.counted === 0 ? 0 : meanCost(cost);
    if (after > PLAUSIBLE_REPAIR_COST || runCost - after < MIN_GAIN) continue;
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
    const repair = repairCjkRun(line.slice(run.start, run.end), line.slice(run.end).trim() === '', run.start === 0 ? LINE_EDGE : line[run.start - 1], line[run.end] ?? LINE_EDGE);
    if (repair) found.push({ start: run.start, end: run.end, repaired: repair.repaired, misreading: `UTF-8 read as ${repair.encoding}` });
  };
  const mayTry = () => tried.size - found.length < MAX_FAILED_CJK_RUNS;
  for (const run of runs) if (run.rare >= MIN_RARE && mayTry()) attempt(run);
  if (found.length > 0) for (const run of runs) if (!tried.has(run) && mayTry()) attempt(run);
  return found.sort((a, b) => a.start - b.start);
}
