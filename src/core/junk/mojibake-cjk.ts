// UTF-8 read as GBK or Big5 (`鏂伴椈` = 新闻): runs of rare characters encoded back to bytes that are UTF-8 of common Chinese, a byte the decoder lost guessed from context.
import { decoderOnlyCharacters, iconv } from './double-byte-table';
import { COMMON_IN_RUN, OUTSIDE_RUN, RARE_HAN_IN_RUN, RARE_IN_RUN, RUN_CLASS, hanCost, meanCost } from './han-frequency';
import { CONTROL, decodeOrUndefined } from './mojibake-cp1252';
import { LINE_EDGE, scriptOf, type Script } from './mojibake-context';
import { numberSides, type NumberSides } from './mojibake-number-sides';
import { isCloser, openAfter } from './mojibake-brackets';
import { lostCharacterScorer } from './mojibake-lost-choice';
import { questionEvidence, sentenceMarkCost } from './mojibake-sentence-mark';
import type { MojibakeRepair } from './mojibake-repair';

/** Failed runs one line may try: real mojibake succeeds at once, a page of rare characters would fail at every run. */
const MAX_FAILED_CJK_RUNS = 12;

/** A suspect run needs this many rare characters (one when the line has a longer repaired run), and this share. */
const MIN_RARE = 2;
/** Mojibake of Chinese is two-thirds rare characters or more; real text a few percent, a short run more. */
const MIN_RARE_SHARE = 0.4;
/** The repair must carry this many bits less per character than the run, and be plausible on its own. */
const MIN_GAIN = 3;
/**
 * A run of four or more characters' bytes that is well-formed UTF-8 with no byte lost is strong evidence by itself
 * (real Chinese encoded back is seldom UTF-8 for that long): its repair need gain only this many bits (`《木乃伊`).
 */
const MIN_GAIN_WHOLE_RUN = 1.5;
const WHOLE_RUN_BYTES = 12;
/** Mean cost a repair must reach: above everyday Chinese (about 10), since it must also gain MIN_GAIN bits. */
const PLAUSIBLE_REPAIR_COST = 14.5;
/** The same, in a line where a run was repaired already. */
const PLAUSIBLE_IN_MOJIBAKE_LINE = 17;

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
 * When the lost byte at `at` ends a two- or three-byte sequence whose other bytes are known and well-formed, its 64
 * candidates are 64 consecutive code points from `base`: no decoding per candidate. Undefined otherwise.
 */
function lastByteCandidates(bytes: readonly number[], at: number): { base: number; leadAt: number } | undefined {
  const isContinuation = (b: number | undefined) => b !== undefined && b >= 0x80 && b <= 0xbf;
  const lead2 = bytes[at - 1];
  if (lead2 >= 0xc2 && lead2 <= 0xdf) return { base: (lead2 & 0x1f) << 6, leadAt: at - 1 };
  const lead3 = bytes[at - 2];
  const middle = bytes[at - 1];
  if (!(lead3 >= 0xe0 && lead3 <= 0xef) || !isContinuation(middle)) return undefined;
  // No overlong forms (E0 needs A0–BF), no surrogates (ED needs 80–9F).
  if ((lead3 === 0xe0 && middle < 0xa0) || (lead3 === 0xed && middle > 0x9f)) return undefined;
  return { base: ((lead3 & 0x0f) << 12) | ((middle & 0x3f) << 6), leadAt: at - 2 };
}

/** The last character the bytes before `end` decode to ('' when they do not end on one). */
function lastCharacter(bytes: readonly number[], end: number): string {
  const from = Math.max(0, end - 4);
  const decoded = lenientUtf8.decode(Uint8Array.from(bytes.slice(from, end)));
  const last = decoded[decoded.length - 1] ?? '';
  return last === '\ufffd' ? '' : last;
}

/**
 * Whether bytes are well-formed UTF-8 when each lost byte (null) may be any continuation byte: a cheap test before
 * trying 64 candidates through a decoder (random bytes read as GBK fail here at once).
 */
function wellFormedWithLostBytes(bytes: readonly (number | null)[]): boolean {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead === null) return false;
    if (lead < 0x80) {
      i++;
      continue;
    }
    if (lead < 0xc2 || lead > 0xf4) return false;
    const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined) return false;
      if (b === null) continue;
      if (b < 0x80 || b > 0xbf) return false;
      if (k === 1 && ((lead === 0xe0 && b < 0xa0) || (lead === 0xed && b > 0x9f) || (lead === 0xf0 && b < 0x90) || (lead === 0xf4 && b > 0x8f))) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Lost bytes one run may have: each is a guess, and a run with more is rather random bytes than mojibake. */
const MAX_LOST_BYTES = 2;

/** Text the bytes before `end` decode to, from at most 12 bytes back (the line's text before the run when they start it). */
function textBefore(bytes: readonly number[], end: number, beforeRun: string): string {
  const from = Math.max(0, end - 12);
  const decoded = lenientUtf8.decode(Uint8Array.from(bytes.slice(from, end)));
  return from === 0 && beforeRun !== LINE_EDGE ? beforeRun + decoded : decoded;
}

/** What the line around a run tells its lost bytes. */
interface RunContext {
  /** Up to three characters before the run (LINE_EDGE at the line's start). */
  beforeRun: string;
  /** The character after the run (LINE_EDGE at the line's end). */
  next: string;
  /** Whether only spaces follow the run. */
  endsLine: boolean;
  /** Brackets and quotes the line opened before the run and left open (mojibake-brackets.ts). */
  open: string;
  /** For a run that ends the line, the line's text before it since its last sentence mark (else ''). */
  sentence: string;
  /** When a number stands right before or after the run: what is on its far side (numberSides). */
  numbers: NumberSides;
}

/** The 64-candidate blocks that hold closing brackets or quotes: U+2000 (”), U+3000 (》 】 」 』), U+FF00 (）). */
const BRACKET_BLOCKS = new Set([0x2000, 0x3000, 0xff00]);

/**
 * Decodes bytes as UTF-8. A lost byte is the last continuation byte of a character whose next byte was ASCII
 * (the decoder had nothing to pair it with): it becomes the one that fits its neighbours best, by character pairs,
 * by the words it makes with them, a closing bracket by what the line opened, a line-final ？ or ！ by its sentence
 * (the last two only among the 64 candidates of one lead and middle byte, the common case).
 */
function decodeWithLostBytes(bytes: (number | null)[], context: RunContext, lineScript: Script): string | undefined {
  const { beforeRun, next, endsLine } = context;
  const before = beforeRun === LINE_EDGE ? LINE_EDGE : beforeRun.slice(-1);
  const openBefore = (end: number) => openAfter(lenientUtf8.decode(Uint8Array.from(known.slice(0, end))), context.open);
  const lost: number[] = [];
  bytes.forEach((b, i) => b === null && lost.push(i));
  if (lost.length > MAX_LOST_BYTES || !wellFormedWithLostBytes(bytes)) return undefined;
  const known = bytes.map((b) => b ?? 0x80);
  // The run's own script, or for a run too short to tell (`寮�` = 張 or 张), the script of the line's repairs so far.
  const script = lost.length > 0 ? scriptOf(lenientUtf8.decode(Uint8Array.from(bytes, (b) => b ?? 0x3f))) ?? lineScript : undefined;
  for (const at of lost) {
    let best: number | undefined;
    let bestCost = Infinity;
    const after = at === known.length - 1 ? (endsLine ? LINE_EDGE : next) : firstCharacter(known, at + 1);
    const fast = lastByteCandidates(known, at);
    if (fast) {
      const score = lostCharacterScorer({
        before: textBefore(known, fast.leadAt, beforeRun),
        previous: fast.leadAt === 0 ? before : lastCharacter(known, fast.leadAt),
        after,
        numbers: context.numbers,
        script,
        open: BRACKET_BLOCKS.has(fast.base) ? openBefore(fast.leadAt) : undefined,
      });
      // ？ and ！ ending the line: the sentence tells a question.
      const question = fast.base === 0xff00 && after === LINE_EDGE ? questionEvidence(context.sentence + lenientUtf8.decode(Uint8Array.from(known.slice(0, fast.leadAt)))) : undefined;
      for (let low = 0; low < 64; low++) {
        const code = fast.base + low;
        let cost = score(code);
        if (question !== undefined) cost += sentenceMarkCost(code, question);
        if (cost < bestCost) {
          best = 0x80 + low;
          bestCost = cost;
        }
      }
      if (best === undefined) return undefined;
      known[at] = best;
      continue;
    }
    const from = Math.max(0, at - 6);
    const start = from + startOfCharacters(known, at);
    for (let candidate = 0x80; candidate <= 0xbf; candidate++) {
      known[at] = candidate;
      const decoded = decodeOrUndefined(Uint8Array.from(known.slice(start, at + 1)));
      if (decoded === undefined || decoded.length === 0) continue;
      const previous = decoded.length >= 2 ? decoded[decoded.length - 2] : start === 0 ? before : '';
      const ch = decoded[decoded.length - 1];
      const left = (start === 0 && beforeRun !== LINE_EDGE ? beforeRun : '') + decoded.slice(0, -1);
      const code = ch.charCodeAt(0);
      const cost = lostCharacterScorer({ before: left, previous, after, numbers: context.numbers, script, open: isCloser(code) ? openBefore(start) : undefined })(code);
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

/** The longest sentence read for a line-final ？ or ！ (characters before the run). */
const MAX_SENTENCE = 200;

/** The text after the last sentence mark of `text`. */
function lastSentence(text: string): string {
  let from = text.length;
  while (from > 0 && !'。！？!?'.includes(text[from - 1])) from--;
  return text.slice(from);
}

/** Recent answers by run (and line end): a page repeats its lines, and a failed run costs two encodings. */
const recentRuns = new Map<string, { repaired: string; encoding: string } | null>();
const RECENT_RUNS = 512;

function repairCjkRun(run: string, context: RunContext, maxCost: number, lineScript: Script): { repaired: string; encoding: string } | undefined {
  const { beforeRun, next, endsLine, open, sentence, numbers } = context;
  const key = `${maxCost}\u0000${lineScript ?? ''}\u0000${beforeRun}\u0000${run}\u0000${endsLine ? '\n' : next}\u0000${open}\u0000${sentence}\u0000${numbers.before ?? ''}\u0000${numbers.after ?? ''}`;
  const known = recentRuns.get(key);
  if (known !== undefined) return known ?? undefined;
  const repair = repairCjkRunAfresh(run, context, maxCost, lineScript);
  if (recentRuns.size >= RECENT_RUNS) recentRuns.clear();
  recentRuns.set(key, repair ?? null);
  return repair;
}

function repairCjkRunAfresh(run: string, context: RunContext, maxCost: number, lineScript: Script): { repaired: string; encoding: string } | undefined {
  // More lost bytes than decodeWithLostBytes fills in: no repair, and no need to encode the run (random bytes).
  let lostBytes = 0;
  for (let at = run.indexOf('\ufffd'); at >= 0 && lostBytes <= MAX_LOST_BYTES; at = run.indexOf('\ufffd', at + 1)) lostBytes++;
  if (lostBytes > MAX_LOST_BYTES) return undefined;
  const runCost = meanCost(hanCost(run));
  let best: { repaired: string; encoding: string; cost: number } | undefined;
  for (const encoding of ['gbk', 'big5']) {
    const bytes = encodeBack(run, encoding);
    if (!bytes) continue;
    const repaired = decodeWithLostBytes(bytes, context, lineScript);
    if (repaired === undefined || repaired.includes('\ufffd') || CONTROL.test(repaired)) continue;
    const cost = hanCost(repaired, true);
    // Emoji or ASCII alone (nothing counted) read as well as any text.
    const after = cost.counted === 0 ? 0 : meanCost(cost);
    const minGain = bytes.length >= WHOLE_RUN_BYTES && lostBytes === 0 ? MIN_GAIN_WHOLE_RUN : MIN_GAIN;
    if (after > maxCost || runCost - after < minGain) continue;
    if (!best || after < best.cost) best = { repaired, encoding: encoding === 'gbk' ? 'GBK' : 'Big5', cost: after };
  }
  return best;
}

interface Run {
  start: number;
  end: number;
  counted: number;
  rare: number;
  /** Too few of its characters are rare to try it alone; tried only in a line with a repaired run (`锛岃純` = ，較). */
  loose: boolean;
}

/**
 * Maximal runs of characters a GBK/Big5 decoder can produce (anything but ASCII and spaces), with their rare ones:
 * the suspect runs, and the loose ones (a rare character or more, but less than MIN_RARE_SHARE of them).
 */
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
    if (start >= 0 && han >= 1 && rare > 0) runs.push({ start, end: i, counted, rare, loose: rare < MIN_RARE_SHARE * counted });
    start = -1;
  }
  return runs;
}

/** The first character of a run of UTF-8 read as GBK, read back ('' when its bytes do not start one). */
function misreadFirstCharacter(text: string): string {
  const bytes = encodeBack(text, 'gbk');
  if (!bytes) return '';
  const known: number[] = [];
  for (const b of bytes) {
    if (b === null) break;
    known.push(b);
  }
  return firstCharacter(known, 0);
}

/**
 * Runs of a line that are UTF-8 read as GBK or Big5 (`鏂伴椈` = 新闻): runs of non-ASCII characters with many rare
 * ones whose bytes, encoded back, are valid UTF-8 that reads as much more common Chinese. Real Chinese is never
 * touched: its runs lack rare characters, and its bytes are not UTF-8. A short run (`骞�` = 年 before a space) is
 * only tried once a longer run of the line was repaired.
 */
export function findCjkMojibake(line: string): MojibakeRepair[] {
  const runs = suspectRuns(line);
  if (!runs.some((run) => !run.loose)) return [];
  const found: MojibakeRepair[] = [];
  const repaired = new Set<Run>();
  let failures = 0;
  let lineScript: Script;
  // Brackets open before each run, in one pass (a line may have thousands of runs).
  const openBefore: string[] = [];
  for (let i = 0, at = 0, open = ''; i < runs.length; at = runs[i].start, i++) openBefore.push((open = openAfter(line.slice(at, runs[i].start), open)));
  const index = new Map(runs.map((run, i) => [run, i]));
  const runStarts = new Set(runs.map((run) => run.start));
  const runEnds = new Set(runs.map((run) => run.end));
  const repairedEndingAt = new Map<number, string>();
  const attempt = (run: Run, maxCost: number) => {
    const i = index.get(run)!;
    const endsLine = line.slice(run.end).trim() === '';
    const context: RunContext = {
      // Up to three characters before the run: the pair model reads the last, the word model all.
      beforeRun: run.start === 0 ? LINE_EDGE : line.slice(Math.max(0, run.start - 3), run.start),
      next: line[run.end] ?? LINE_EDGE,
      endsLine,
      open: openBefore[i],
      sentence: endsLine ? lastSentence(line.slice(Math.max(0, run.start - MAX_SENTENCE), run.start)) : '',
      numbers: numberSides(line, run, { runStarts, runEnds, repairedEndingAt, firstOfRun: (at) => misreadFirstCharacter(line.slice(at, at + 4)) }),
    };
    const repair = repairCjkRun(line.slice(run.start, run.end), context, maxCost, lineScript);
    if (!repair) {
      failures++;
      return false;
    }
    repaired.add(run);
    repairedEndingAt.set(run.end, repair.repaired);
    lineScript = scriptOf(repair.repaired) ?? lineScript;
    found.push({ start: run.start, end: run.end, repaired: repair.repaired, misreading: `UTF-8 read as ${repair.encoding}` });
    return true;
  };
  // U+3000 is GBK's A1 A1, the last two bytes of 衡 (E8 A1 A1) read across a pair: a run that fails before it is
  // tried again joined with the run after it (`骞宠　锛` = 平衡，).
  const joined = (run: Run, i: number): Run | undefined => {
    const next = runs[i + 1];
    if (!next || next.start !== run.end + 1 || line.charCodeAt(run.end) !== 0x3000) return undefined;
    const whole = { start: run.start, end: next.end, counted: run.counted + next.counted, rare: run.rare + next.rare, loose: false };
    index.set(whole, i);
    return whole;
  };
  runs.forEach((run, i) => {
    if (run.loose || run.rare < MIN_RARE || repaired.has(run) || failures >= MAX_FAILED_CJK_RUNS || attempt(run, PLAUSIBLE_REPAIR_COST)) return;
    const whole = joined(run, i);
    if (whole && failures < MAX_FAILED_CJK_RUNS && attempt(whole, PLAUSIBLE_REPAIR_COST)) repaired.add(runs[i + 1]).add(run);
  });
  // A line with a repaired run is mojibake: its other runs, short ones and rarer words (木乃伊, 彭浩翔) too, are judged
  // by a looser plausibility (the gain over the run still applies).
  if (found.length > 0) for (const run of runs) if (!repaired.has(run) && failures < MAX_FAILED_CJK_RUNS) attempt(run, PLAUSIBLE_IN_MOJIBAKE_LINE);
  return found.sort((a, b) => a.start - b.start);
}
