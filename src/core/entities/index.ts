// Entity recognition for one line of Chinese news text (Simplified or Traditional).
//
// The line is converted to Simplified (offsets unchanged), segmented and tagged by nodejieba, and
// general rules add what the tagger misses: a place gazetteer (data/gazetteer.json), organisation,
// media and facility suffixes, person names after titles and in credits, and titles of works in
// 《》/〈〉 (the span includes the brackets). The user's dictionary (options.userWords) overrides
// everything. Overlaps are resolved as: user words, then works, then the longest candidate.
import type { Annotation, EntityType, LineContext, UserWord } from '../types';
import { toSimplified } from '../script';
import { recognize, type Candidate } from './recognizer';
import { ensureSegmenter, segmenterReady, tagText } from './segmenter';
import { LiteralTrie } from './trie';

export { segmenterError, segmenterLeanLoad } from './segmenter';

/** True once nodejieba's dictionaries are loaded (the first findEntities call loads them otherwise). */
export function entitySegmenterReady(): boolean {
  return segmenterReady();
}

/** Loads nodejieba's dictionaries ahead of the first request (1–3 s, synchronous inside). */
export async function warmUpEntities(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  ensureSegmenter();
}

// ---------------------------------------------------------------------------------------------
// User words

interface UserMatcher {
  trie: LiteralTrie<EntityType>;
  /** Length and first/last entries of the list the matcher was built from (to notice in-place edits). */
  length: number;
  first: UserWord;
  last: UserWord;
  firstWord: string;
  lastWord: string;
}

const userMatcherByList = new WeakMap<readonly UserWord[], UserMatcher>();
let lastSignature = '';
let lastMatcher: UserMatcher | undefined;

/**
 * The matcher of a user-word list. Built once per list object (and shared by lists with the same
 * content), so new options take effect on the next call; an in-place edit of the same array is
 * noticed when it changes the length or the first or last entry.
 */
function userMatcher(list: readonly UserWord[] | undefined): UserMatcher | undefined {
  if (!list || list.length === 0) return undefined;
  const cached = userMatcherByList.get(list);
  const first = list[0];
  const last = list[list.length - 1];
  if (
    cached &&
    cached.length === list.length &&
    cached.first === first &&
    cached.last === last &&
    cached.firstWord === first.word &&
    cached.lastWord === last.word
  ) {
    return cached;
  }
  const signature = list.map((w) => `${w.word}\u0001${w.type}`).join('\u0002');
  let matcher: UserMatcher;
  if (signature === lastSignature && lastMatcher) {
    matcher = { ...lastMatcher, length: list.length, first, last, firstWord: first.word, lastWord: last.word };
  } else {
    const trie = new LiteralTrie<EntityType>();
    // Words are matched in the Simplified line, so a word entered in either script matches both.
    for (const { word, type } of list) {
      const key = toSimplified(word.trim());
      if (key) trie.add(key, type);
    }
    matcher = { trie, length: list.length, first, last, firstWord: first.word, lastWord: last.word };
    lastSignature = signature;
    lastMatcher = matcher;
  }
  userMatcherByList.set(list, matcher);
  return matcher;
}

// ---------------------------------------------------------------------------------------------
// Works: 《…》 and 〈…〉, brackets included.

const WORK_RE = /《[^《》\r\n]{1,80}》|〈[^〈〉\r\n]{1,80}〉/g;

function findWorks(text: string, out: Candidate[]): void {
  if (text.indexOf('《') < 0 && text.indexOf('〈') < 0) return;
  WORK_RE.lastIndex = 0;
  for (let m = WORK_RE.exec(text); m; m = WORK_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, type: 'WORK', tier: 2, weight: 0 });
  }
}

// ---------------------------------------------------------------------------------------------

/** Does the line contain a Han character (CJK Unified Ideographs or Extension A)? */
function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  }
  return false;
}

/** Lines longer than this are segmented in pieces. */
const CHUNK = 2000;
const SENTENCE_END = /[。！？；!?;\n]/g;

/** End of the piece starting at `from`: after the last sentence end within CHUNK units, else at CHUNK. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK) return text.length;
  const window = text.slice(from, from + CHUNK);
  let cut = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) cut = m.index + 1;
  let end = from + (cut > CHUNK / 4 ? cut : CHUNK);
  // Never split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return end;
}

/** Picks non-overlapping candidates: higher tier, then longer, then higher weight, then earlier. */
function resolve(candidates: Candidate[], length: number): Candidate[] {
  if (candidates.length <= 1) return candidates;
  const order = candidates.slice().sort(
    (a, b) => b.tier - a.tier || b.end - b.start - (a.end - a.start) || b.weight - a.weight || a.start - b.start,
  );
  // Occupied offsets; spans are short, so marking them keeps this linear in the line's size.
  const taken = new Uint8Array(length);
  const chosen: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let k = c.start; k < c.end; k++) {
      if (taken[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * Finds the named entities of one line. Offsets are UTF-16 offsets into `line`; `text` is the
 * original slice and `simplified` its Simplified form when that differs. The result is sorted and
 * non-overlapping. `ctx.options.entityTypes` selects the types (an empty list disables
 * recognition); candidates of other types are dropped before overlaps are resolved.
 * `ctx.options.userWords` override the recognizer; with `ctx.options.cheapOnly` only user words
 * and bracketed works are reported (no segmenter).
 */
export function findEntities(line: string, ctx: LineContext): Annotation[] {
  const { options } = ctx;
  const types = options.entityTypes;
  if (types && types.length === 0) return [];
  if (!line) return [];
  const simplified = toSimplified(line);
  const candidates: Candidate[] = [];

  const users = userMatcher(options.userWords);
  if (users) {
    for (const m of users.trie.scan(simplified)) {
      candidates.push({ start: m.start, end: m.end, type: m.value, tier: 3, weight: 0 });
    }
  }
  findWorks(simplified, candidates);
  const needsSegmenter = !types || types.some((t) => t !== 'WORK');
  if (!options.cheapOnly && needsSegmenter && hasHan(simplified)) {
    // Very long lines are segmented a sentence-sized piece at a time: the same result (entities do
    // not cross 。！？；), but the segmenter's per-token objects stay short-lived.
    for (let from = 0; from < simplified.length; ) {
      const to = chunkEnd(simplified, from);
      const piece = from === 0 && to === simplified.length ? simplified : simplified.slice(from, to);
      if (hasHan(piece)) {
        for (const c of recognize(piece, tagText(piece))) {
          if (from) {
            c.start += from;
            c.end += from;
          }
          candidates.push(c);
        }
      }
      from = to;
    }
  }

  // Types are filtered before overlaps are resolved: with ORG switched off, 嘉兴 in 嘉兴市委 is
  // reported as a place; with WORK off, the names inside a 《title》 are reported.
  const wanted = types ? candidates.filter((c) => types.includes(c.type)) : candidates;
  const result: Annotation[] = [];
  for (const c of resolve(wanted, line.length)) {
    const text = line.slice(c.start, c.end);
    const annotation: Annotation = { kind: 'entity', label: c.type, start: c.start, end: c.end, text };
    const simple = simplified.slice(c.start, c.end);
    if (simple !== text) annotation.simplified = simple;
    result.push(annotation);
  }
  return result;
}
