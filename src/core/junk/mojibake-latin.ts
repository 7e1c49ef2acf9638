// The Latin side of a line: runs of Windows-1252/Latin-1 characters that are UTF-8 (mojibake-cp1252) or GBK/Big5 read as Latin-1 (`ÐÂÎÅ` = 新闻), scanned in linear time.
import { pairIndex, pairTable } from './double-byte-table';
import { RARE_COST, characterCost, isHan, isMojibakeSymbol } from './han-frequency';
import { openAfter } from './mojibake-brackets';
import { LINE_EDGE } from './mojibake-context';
import { CONTROL, cp1252Byte, decodeLayers, isHighLatin, utf8RunEnd, utf8SequenceAt, type RunPlace } from './mojibake-cp1252';
import type { MojibakeRepair } from './mojibake-repair';

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
/**
 * The same for two Han characters or more, all of whose trail bytes are high: words of shopping and sport
 * (恤适合搭配蓬蓬裙 14.1, 童趣 13.5) read as rarer than everyday text by single-character frequencies, and random
 * bytes rarely give two plausible Han together. A trail byte that is an ASCII letter keeps the strict bound:
 * European words pair that way (`élég` is two GBK characters). Tuned on dev (13 → 14.5: GBK read as Latin-1
 * 97.6 → 98.5 %, no new alarm on the dev pages or on European text).
 */
const PLAUSIBLE_MEAN_COST_WORDS = 14.5;

/**
 * Characters a double-byte repair may give besides Han: CJK and full-width punctuation, quotes, dashes, and the
 * symbols of GBK's and Big5's symbol rows that news writes (`⊙本报记者`, `监管□晚报`, `①`, `℃`, `×`, `→`).
 */
function isChinesePunctuation(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x27bf) || code === 0xb7 || code === 0xb0 || code === 0xb1 || code === 0xa7 || code === 0xd7 || code === 0xf7;
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
  let asciiTrails = 0;
  for (let i = start; i + 1 < end; i += 2) {
    const trail = line.charCodeAt(i + 1);
    if (trail < 0x80) asciiTrails++;
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
  if (han < minHan || (han > 0 && cost > (han >= 2 && asciiTrails === 0 ? PLAUSIBLE_MEAN_COST_WORDS : PLAUSIBLE_MEAN_COST))) return undefined;
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
 * Whether a short double-byte run is a piece of a European word rather than GBK/Big5: at most two pairs, an ASCII
 * letter among its trail bytes and a lowercase letter after it (`élég` of élégant reads as 閘間, `Ña` of Ñandú as
 * 補, both common Traditional characters). Chinese misread so comes in longer runs, or is followed by Chinese, digits,
 * punctuation or a capitalized name; a longer run followed by `tip` or `online` stays GBK.
 */
function inLatinWord(line: string, start: number, end: number): boolean {
  const next = line.charCodeAt(end);
  if (end - start > 4 || !(next >= 0x61 && next <= 0x7a)) return false;
  for (let i = start + 1; i < end; i += 2) {
    const trail = line.charCodeAt(i);
    if ((trail >= 0x41 && trail <= 0x5a) || (trail >= 0x61 && trail <= 0x7a)) return true;
  }
  return false;
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

/** How far back a run's open brackets are looked for (a line of 100k characters stays linear). */
const OPEN_LOOKBACK = 200;

const NON_SPACE = /\S/g;

/** What the line around [i, end) tells a byte the decoder lost inside it (bounded work: no pass over the line). */
function runPlace(line: string, i: number, end: number): RunPlace {
  NON_SPACE.lastIndex = end;
  return {
    before: i === 0 ? LINE_EDGE : line.slice(Math.max(0, i - 3), i),
    after: NON_SPACE.test(line) ? line[end] : LINE_EDGE,
    open: openAfter(line.slice(Math.max(0, i - OPEN_LOOKBACK), i)),
  };
}

/** UTF-8 read as Windows-1252 over [i, end), decoded back (in layers), or undefined. */
function asUtf8(line: string, i: number, end: number, scan: LatinScan): MojibakeRepair | undefined {
  if (!spend(scan, end - i)) return undefined;
  const run = line.slice(i, end);
  // Only a run with bytes a strict decoder lost (U+FFFD) has anything to guess, and needs its surroundings.
  const repaired = decodeLayers(run, run.includes('\ufffd') ? runPlace(line, i, end) : undefined);
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
    // U+FFFD counts too: a strict decoder wrote it for a byte of the same run (`ã€�` = 、 between digits).
    while (highEnd < line.length && (isHighLatin(line.charCodeAt(highEnd)) || line.charCodeAt(highEnd) === 0xfffd)) highEnd++;
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
    const double = inLatinWord(line, i, doubleEnd)
      ? undefined
      : repairDoubleByteRun(line, i, doubleEnd, short ? 0 : 2) ?? (short ? latinLetterPair(line, i, doubleEnd) : undefined);
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
