// The user dictionary (options.userWords): a trie of the Simplified words, matched on code-point boundaries; user words override the tagger.
import type { EntityType, UserWord } from '../types';
import { toSimplified } from '../script';
import type { Candidate } from './candidates';
import { LiteralTrie } from './trie';

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
  if (cached && cached.length === list.length && cached.first === first && cached.last === last && cached.firstWord === first.word && cached.lastWord === last.word) {
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
      const key = typeof word === 'string' ? toSimplified(word.trim()) : '';
      if (key) trie.add(key, type);
    }
    matcher = { trie, length: list.length, first, last, firstWord: first.word, lastWord: last.word };
    lastSignature = signature;
    lastMatcher = matcher;
  }
  userMatcherByList.set(list, matcher);
  return matcher;
}

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** True when `offset` does not fall between the two halves of a surrogate pair. */
function codePointBoundary(text: string, offset: number): boolean {
  return offset <= 0 || offset >= text.length || !(isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

/**
 * Adds the user words found in the Simplified line: leftmost-longest, and only matches that
 * start and end on code-point boundaries (a word made of a lone surrogate never matches half of
 * an emoji).
 */
export function findUserWords(text: string, list: readonly UserWord[] | undefined, out: Candidate[]): void {
  const matcher = userMatcher(list);
  if (!matcher) return;
  const { trie } = matcher;
  const acceptEnd = (end: number): boolean => codePointBoundary(text, end);
  for (let i = 0; i < text.length; ) {
    const end = trie.startsAt(text, i) && codePointBoundary(text, i) ? trie.longestEnd(text, i, acceptEnd) : -1;
    if (end > i) {
      out.push({ start: i, end, type: trie.lastValue as EntityType, tier: 3, confidence: 1 });
      i = end;
    } else i += isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
}
