// UTF-8 read as Windows-1252 or Latin-1 (`æ–°é—»` = 新闻), also twice and with a strict decoder's U+FFFD: the bytes behind the characters, decoded back.
import { openAfter } from './mojibake-brackets';
import { LINE_EDGE, scriptOf, type Script } from './mojibake-context';
import { lostCharacterScorer } from './mojibake-lost-choice';

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

/** Lead bytes whose sequences may have two unknown bytes (E2–E9: punctuation, CJK symbols and Han; EF: full-width forms). */
function mayLoseTwo(lead: number): boolean {
  return (lead >= 0xe2 && lead <= 0xe9) || lead === 0xef;
}

/**
 * Length (in UTF-16 units) of a well-formed UTF-8 multi-byte sequence spelled in Windows-1252 characters at `i`,
 * or 0. Follows the UTF-8 well-formedness table (no overlong forms, no surrogates); U+FFFD may stand for a
 * continuation byte that Windows-1252 leaves undefined: one in a sequence, or both of a three-byte CJK one
 * (`å��` = 反, whose E5 8F 8D has two).
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
  // A two-byte sequence with its only continuation unknown is a guess, not evidence.
  if (unknown === 0 || (need === 2 && (unknown === 1 || mayLoseTwo(lead))) || (need === 3 && unknown === 1)) return need + 1;
  return 0;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What the line around a run tells the bytes it lost (mojibake-lost-choice.ts). */
export interface RunPlace {
  /** Up to three characters before the run (LINE_EDGE at the line's start). */
  before: string;
  /** The character after the run (LINE_EDGE at the line's end). */
  after: string;
  /** Brackets and quotes the line left open before the run. */
  open: string;
}

const NO_PLACE: RunPlace = { before: '', after: '', open: '' };

/** The characters a sequence with unknown bytes may stand for: each candidate byte in each unknown place. */
function candidatesOf(bytes: number[]): string[] {
  // Four-byte sequences (astral characters) through the decoder; two and three bytes by arithmetic, since
  // utf8SequenceAt checked the sequence's shape and every candidate byte is a valid continuation there.
  if (bytes.length === 4) return candidatesDecoded(bytes);
  const out: string[] = [];
  const lead = bytes.length === 2 ? (bytes[0] & 0x1f) << 6 : (bytes[0] & 0x0f) << 12;
  const firsts = bytes[1] === UNKNOWN_BYTE ? CP1252_UNDEFINED : [bytes[1]];
  const seconds = bytes.length === 2 ? [0] : bytes[2] === UNKNOWN_BYTE ? CP1252_UNDEFINED : [bytes[2]];
  for (const first of firsts) {
    for (const second of seconds) {
      const code = bytes.length === 2 ? lead | (first & 0x3f) : lead | ((first & 0x3f) << 6) | (second & 0x3f);
      const ch = String.fromCharCode(code);
      if (!CONTROL.test(ch)) out.push(ch);
    }
  }
  return out;
}

function candidatesDecoded(bytes: number[]): string[] {
  const unknownAt = bytes.flatMap((b, k) => (b === UNKNOWN_BYTE ? [k] : []));
  const out: string[] = [];
  const filled = bytes.slice();
  const fill = (n: number) => {
    if (n === unknownAt.length) {
      const decoded = decodeOrUndefined(Uint8Array.from(filled));
      // A guess must be one BMP character (the scorers read one code unit); an intact sequence is what it is.
      if (decoded !== undefined && !CONTROL.test(decoded) && (unknownAt.length === 0 || decoded.length === 1)) out.push(decoded);
      return;
    }
    for (const candidate of CP1252_UNDEFINED) {
      filled[unknownAt[n]] = candidate;
      fill(n + 1);
    }
  };
  fill(0);
  return out;
}

/**
 * Decodes a run of well-formed sequences. A sequence with unknown bytes (U+FFFD) becomes the candidate that fits
 * best where it stands (mojibake-lost-choice.ts: character pairs, words, brackets): in passes from left to right,
 * each guess scored beside the current choices of its neighbours, then adjacent guesses together (bestTogether).
 * A sequence with two unknown bytes is only guessed in a run that has a sequence with none.
 */
function decodeUtf8Run(run: string, place: RunPlace = NO_PLACE): string | undefined {
  if (!run.includes('\ufffd')) {
    const bytes = new Uint8Array(run.length);
    for (let i = 0; i < run.length; i++) bytes[i] = cp1252Byte(run.charCodeAt(i));
    return decodeOrUndefined(bytes);
  }
  const sequences: string[][] = [];
  let twoUnknown = false;
  let known = 0;
  for (let i = 0; i < run.length; ) {
    const len = utf8SequenceAt(run, i);
    if (len === 0) return undefined;
    const bytes = Array.from(run.slice(i, i + len), (ch) => cp1252Byte(ch.charCodeAt(0)));
    const unknown = bytes.filter((b) => b === UNKNOWN_BYTE).length;
    if (unknown === 0) known++;
    if (unknown === 2) twoUnknown = true;
    const candidates = candidatesOf(bytes);
    if (candidates.length === 0) return undefined;
    sequences.push(candidates);
    i += len;
  }
  if (twoUnknown && known === 0) return undefined;
  const script = scriptOf(sequences.map((c) => (c.length === 1 ? c[0] : '')).join(''));
  // Each guess is made knowing the next one: first with the next guess's likeliest candidate alone, then again
  // with the neighbours chosen so far, until nothing changes (华夏 both guessed: 华 is right only beside 夏).
  const chosen = sequences.map((c) => (c.length === 1 ? c[0] : likeliestAlone(c)));
  // A guess is scored again only when what its scorer reads changed since: a character of the three before it in
  // this pass, the three after it in the last pass, or the brackets left open (the same choices as rescoring all).
  const changedIn = new Int8Array(sequences.length).fill(-1);
  const openWhenScored: string[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    // The last few characters before the current guess (all that the pair and word models read), and the brackets
    // left open so far: kept as the pass goes, so that a long run costs linear time.
    let recent = place.before === LINE_EDGE ? '' : place.before;
    let open = place.open;
    for (let s = 0; s < sequences.length; s++) {
      const candidates = sequences[s];
      const stale =
        pass === 0 ||
        openWhenScored[s] !== open ||
        changedAfter(changedIn, s, pass - 1) ||
        changedIn[s - 1] === pass ||
        changedIn[s - 2] === pass ||
        changedIn[s - 3] === pass;
      if (candidates.length > 1 && stale) {
        openWhenScored[s] = open;
        const after = s + 1 < sequences.length ? chosen[s + 1] : place.after;
        const following = s + 2 < sequences.length ? chosen.slice(s + 1, s + 1 + CONTEXT_CHARACTERS).join('') : undefined;
        const before = s === 0 ? place.before : recent;
        const cost = lostCharacterScorer({ before, after, following, script, open });
        let best = chosen[s];
        let bestCost = cost(best.charCodeAt(0));
        for (const candidate of candidates) {
          const c = cost(candidate.charCodeAt(0));
          if (c < bestCost) {
            best = candidate;
            bestCost = c;
          }
        }
        if (best !== chosen[s]) {
          changed = true;
          changedIn[s] = pass;
        }
        chosen[s] = best;
      }
      recent = (recent + chosen[s]).slice(-CONTEXT_CHARACTERS);
      open = openAfter(chosen[s], open);
    }
    if (!changed) break;
  }
  bestTogether(sequences, chosen, place, script);
  return chosen.join('');
}

/** True when one of the guesses the word model reads after guess `s` changed in `pass`. */
function changedAfter(changedIn: Int8Array, s: number, pass: number): boolean {
  for (let k = s + 1; k <= s + CONTEXT_CHARACTERS && k < changedIn.length; k++) if (changedIn[k] === pass) return true;
  return false;
}

/** Combinations a run of adjacent guesses may be scored by, all of them (5 × 25: 违反 with 反 from two unknown bytes). */
const MAX_COMBINATIONS = 256;

/**
 * Adjacent guesses (违反 guessed as 运十: neither changes alone) are chosen together where their combinations are
 * few: the combination whose characters cost least in sum, each scored beside the others.
 */
function bestTogether(sequences: string[][], chosen: string[], place: RunPlace, script: Script): void {
  // Brackets left open before `from`, carried along as `from` advances (linear in the run).
  let open = place.open;
  let openUpTo = 0;
  for (let from = 0; from < sequences.length; ) {
    for (; openUpTo < from; openUpTo++) open = openAfter(chosen[openUpTo], open);
    let to = from;
    let combinations = 1;
    while (to < sequences.length && sequences[to].length > 1) combinations *= sequences[to++].length;
    if (to - from < 2 || combinations > MAX_COMBINATIONS) {
      from = to + 1;
      continue;
    }
    const prefix = ((place.before === LINE_EDGE ? '' : place.before) + chosen.slice(Math.max(0, from - CONTEXT_CHARACTERS), from).join('')).slice(-CONTEXT_CHARACTERS);
    const after = to < sequences.length ? chosen[to] : place.after;
    const following = to + 1 < sequences.length ? chosen.slice(to, to + CONTEXT_CHARACTERS).join('') : undefined;
    const pick = new Array<string>(to - from);
    let best: string[] = chosen.slice(from, to);
    let bestCost = Infinity;
    const visit = (k: number, cost: number) => {
      if (cost >= bestCost) return;
      if (k === pick.length) {
        best = pick.slice();
        bestCost = cost;
        return;
      }
      // The next guess's character is not chosen yet: each character is scored with the ones before it, and the
      // last with the character after the run too (so the words see both sides of each pair of guesses).
      const before = from + k === 0 ? place.before : prefix + pick.slice(0, k).join('');
      const score = lostCharacterScorer({ before, after: k + 1 < pick.length ? '' : after, following: k + 1 < pick.length ? undefined : following, script, open: openAfter(pick.slice(0, k).join(''), open) });
      for (const candidate of sequences[from + k]) {
        pick[k] = candidate;
        visit(k + 1, cost + score(candidate.charCodeAt(0)));
      }
    };
    visit(0, 0);
    for (let k = 0; k < best.length; k++) chosen[from + k] = best[k];
    from = to + 1;
  }
}

/** Characters before a guess that its scorer reads: the pair model the last, the word model up to three. */
const CONTEXT_CHARACTERS = 3;

/** Passes over a run's guesses (each pass sees the previous one's choices on its right). */
const MAX_PASSES = 3;

/** The candidate that is likeliest with no context (its character frequency). */
function likeliestAlone(candidates: string[]): string {
  const cost = lostCharacterScorer({ before: '', after: '' });
  let best = candidates[0];
  let bestCost = cost(best.charCodeAt(0));
  for (let k = 1; k < candidates.length; k++) {
    const c = cost(candidates[k].charCodeAt(0));
    if (c < bestCost) {
      best = candidates[k];
      bestCost = c;
    }
  }
  return best;
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
export function decodeLayers(run: string, place: RunPlace = NO_PLACE): string | undefined {
  let text = decodeUtf8Run(run, place);
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
