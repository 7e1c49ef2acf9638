// Rule layer over nodejieba's part-of-speech tags: finds PER, LOC, ORG and FAC candidates in one
// Simplified line. All offsets are UTF-16 offsets into that line (the same as in the original line,
// since Traditional→Simplified conversion keeps offsets).
import type { EntityType } from '../types';
import { PLACE_ABBREVIATIONS, PLACE_SHORT, PLACE_SHORT_COUNTY, placeTrie } from './gazetteer';
import {
  ABBREV_VERBS,
  AFTER_NAME,
  AMBIGUOUS_SURNAMES,
  BILATERAL_WORDS,
  CharSet,
  CREDIT_WORDS,
  DOUBLE_SURNAMES,
  AFTER_PLACE,
  BEFORE_PLACE,
  FAC_SUFFIXES,
  GENERIC_MODIFIERS,
  GENERIC_PLACE_NOUNS,
  GENERIC_ORG_HEADS,
  INSTITUTION_CHARS,
  INSTITUTION_WORD_ENDS,
  KNOWN_ORGS,
  LOC_SUFFIXES,
  NAME_WORD_SUFFIXES,
  NOT_IN_GIVEN_NAME,
  NOT_IN_GIVEN_NAME_AFTER_TITLE,
  ORG_SCOPE_WORDS,
  ORG_SUFFIXES,
  PLACE_WORD_TAILS,
  SURNAMES,
  SURNAME_TITLES,
  TITLES,
  TRANSLIT,
  WEAK_ORG_SUFFIXES,
} from './lexicon';
import type { Tokens } from './segmenter';

/** A candidate entity before overlaps are resolved. */
export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Higher tiers win over lower ones regardless of length (user words 3, bracketed works 2, rules 1). */
  tier: number;
  /** Tie-break within a tier and length: higher wins. */
  weight: number;
}

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const isHanChar = (code: number): boolean =>
  (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);

/** Part-of-speech tags of words that may sit inside an organisation or facility name. */
const NOUNISH = new Set(['n', 'nz', 'ns', 'nt', 'nr', 'nrt', 'nrfg', 'vn', 'j', 'b', 'an', 'ng', 'x', 'l', 'eng']);
/** Tags of words that never start a place name. */
const NOT_PLACE_START_TAGS = new Set(['v', 'vd', 'vi', 'vg', 'd', 'dg', 'df', 'p', 'c', 'u', 'ud', 'ug', 'uj', 'ul', 'uv', 'uz', 'r', 'rr', 'rz', 'm', 'mq', 'q', 'a', 'ad', 'ag', 'e', 'y', 'o', 'h', 'k', 'i', 'l']);
/** Tags under which a short place form (嘉兴, 海宁) is a name rather than a common word. */
const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'x', 'j', 'ng']);

const ORDINAL = /^第[零〇一二三四五六七八九十百千两0-9０-９]+[届次期]$|^[一二三四五六七八九十]{1,3}[届次]$/;
/** Party-congress abbreviations: 十五大, 十一大. */
const CONGRESS = /^(十[一二三四五六七八九]|[一二三四五六七八九]|二十[一二三四五六七八九]?)大$/;

let CREDIT_RE: RegExp | undefined;

/** Per-line working state. */
class LineState {
  readonly n: number;
  /** Token index at each offset that starts a token, else -1; tokAt[len] = n. */
  readonly tokAt: Int32Array;
  /** Per token: start offset of a person/organisation/place unit ending at this token, or -1. */
  readonly anchorStartAtEnd: Int32Array;
  readonly candidates: Candidate[] = [];
  readonly perStarts = new Set<number>();
  readonly perEnds = new Set<number>();
  /** End offsets of organisation candidates. */
  readonly orgEnds = new Set<number>();
  /** End offsets of place candidates. */
  readonly locEnds = new Set<number>();
  /** End offsets of facility candidates. */
  readonly facEnds = new Set<number>();
  /** Tokens split into place names (中华人民共和国香港特别行政区): not organisations. */
  readonly placeTokens = new Set<number>();

  constructor(
    readonly text: string,
    readonly tokens: Tokens,
  ) {
    this.n = tokens.words.length;
    this.tokAt = new Int32Array(text.length + 1).fill(-1);
    for (let i = 0; i <= this.n; i++) this.tokAt[tokens.starts[i]] = i;
    this.anchorStartAtEnd = new Int32Array(this.n).fill(-1);
  }

  /** True when `offset` is a token boundary. */
  readonly isBoundary = (offset: number): boolean => this.tokAt[offset] >= 0;

  word(i: number): string {
    return this.tokens.words[i];
  }
  tag(i: number): string {
    return this.tokens.tags[i];
  }
  start(i: number): number {
    return this.tokens.starts[i];
  }
  end(i: number): number {
    return this.tokens.starts[i + 1];
  }

  add(start: number, end: number, type: EntityType, weight = 0): void {
    if (end <= start) return;
    this.candidates.push({ start, end, type, tier: 1, weight });
    this.markAnchor(start, end);
    if (type === 'PER') {
      this.perStarts.add(start);
      this.perEnds.add(end);
    } else if (type === 'ORG') this.orgEnds.add(end);
    else if (type === 'LOC') this.locEnds.add(end);
    else if (type === 'FAC') this.facEnds.add(end);
  }

  /** Records [start, end) as a name unit that an organisation or facility name may start with. */
  markAnchor(start: number, end: number): void {
    if (this.tokAt[start] < 0) return;
    const last = this.tokAt[end] - 1;
    if (last < 0 || last >= this.n) return;
    const previous = this.anchorStartAtEnd[last];
    if (previous < 0 || start < previous) this.anchorStartAtEnd[last] = start;
  }
}

// ---------------------------------------------------------------------------------------------
// Places

function findPlaces(st: LineState): void {
  const { text, n } = st;
  const trie = placeTrie();
  const isBoundary = st.isBoundary;
  for (let i = 0; i < n; i++) {
    const word = st.word(i);
    const tag = st.tag(i);
    if (!isHanChar(word.charCodeAt(0))) continue;
    const start = st.start(i);

    // Verbs, adverbs, function words and idioms do not start place names (saves most lookups);
    // abbreviation rules (访华, 中美) may still apply to them.
    const placeTag = !NOT_PLACE_START_TAGS.has(tag);
    const abbreviation = ABBREVIATION_START[word.charCodeAt(0)] === 1;
    if (!placeTag && !abbreviation) continue;
    // A full or hand-listed name wins over splitting abbreviations: 粤港澳大湾区, not 粤/港/澳.
    const fullEnd = trie.longestEnd(text, start, isBoundary);
    const fullKind = trie.lastValue;
    const hasLongName = fullEnd > st.end(i) && fullKind !== PLACE_SHORT && fullKind !== PLACE_SHORT_COUNTY;
    if (abbreviation && !hasLongName && abbreviationPlaces(st, i)) continue;
    if (!placeTag) continue;

    if (word.length >= 4 && (tag === 'nt' || tag === 'ns' || tag === 'nz') && coverWithPlaces(st, i)) continue;

    const matchEnd = fullEnd;
    let end = -1;
    if (matchEnd > 0) {
      const last = st.tokAt[matchEnd] - 1;
      const kind = fullKind;
      if (kind === PLACE_SHORT_COUNTY) {
        // Many county short forms are also words (新建, 和平): a place tag and a place-like neighbour.
        if (last === i && tag === 'ns' && placeContext(st, i)) end = matchEnd;
      } else if (kind === PLACE_SHORT) {
        if (last === i ? NAME_TAGS.has(tag) : allSingleChars(st, i, last)) end = matchEnd;
      } else end = matchEnd;
    }
    if (end < 0 && word.length >= 3 && (tag === 'ns' || tag === 'n' || tag === 'nt' || tag === 'nz' || tag === 'j')) {
      // A place inside a longer word: 东亚各国, 香港回归, 亚太地区 → 东亚, 香港, 亚太.
      const inner = trie.startsAt(text, start) ? trie.longestAt(text, start) : undefined;
      const tail = inner && inner.end < st.end(i) ? text.slice(inner.end, st.end(i)) : '';
      if (inner && tail && inner.value !== PLACE_SHORT_COUNTY && (PLACE_WORD_TAILS.has(tail) || TITLES.has(tail))) {
        st.add(start, inner.end, 'LOC');
        continue;
      }
    }
    let weight = 1;
    if (end < 0 && tag === 'ns' && acceptNs(word) && (word.length >= 3 || placeContext(st, i))) {
      end = st.end(i);
      weight = 0;
    }
    if (end < 0) continue;
    // Extend with a place suffix: 洛杉矶 + 市, 乌 + 镇.
    const after = st.tokAt[end];
    if (after < n && LOC_SUFFIXES.has(st.word(after)) && !followsAsTitle(st, after)) end = st.end(after);
    st.add(start, end, 'LOC', weight);
    i = st.tokAt[end] - 1;
  }
}

/** 1 for characters that can start an abbreviation rule: place abbreviations and 访/来/驻 … */
const ABBREVIATION_START = new Uint8Array(65536);
for (const ch of [...PLACE_ABBREVIATIONS, ...ABBREV_VERBS]) ABBREVIATION_START[ch.charCodeAt(0)] = 1;

/** A word made of two or more full place names: 中华人民共和国香港特别行政区 → two LOCs. */
function coverWithPlaces(st: LineState, i: number): boolean {
  const { text } = st;
  const trie = placeTrie();
  const end = st.end(i);
  const pieces: number[] = [];
  for (let at = st.start(i); at < end; ) {
    const match = trie.longestAt(text, at, (e) => e <= end);
    if (!match || match.value === PLACE_SHORT_COUNTY) return false;
    pieces.push(at, match.end);
    at = match.end;
  }
  if (pieces.length < 4) return false;
  for (let k = 0; k < pieces.length; k += 2) st.add(pieces[k], pieces[k + 1], 'LOC', 1);
  st.markAnchor(st.start(i), end);
  st.placeTokens.add(i);
  return true;
}

/** Country and province abbreviations: 中美, 中俄关系, 中方, 访华, 俄 中. Returns true when token i was one. */
function abbreviationPlaces(st: LineState, i: number): boolean {
  const word = st.word(i);
  if (!ABBREVIATION_START[word.charCodeAt(0)]) return false;
  const tag = st.tag(i);
  const start = st.start(i);
  // Compounds of abbreviations: 中美, 中日韩, 京津 → one LOC per character.
  if (word.length >= 2 && word.length <= 3 && (tag === 'ns' || tag === 'j' || tag === 'nz') && allAbbreviations(word)) {
    for (let k = 0; k < word.length; k++) st.add(start + k, start + k + 1, 'LOC', -1);
    st.markAnchor(start, st.end(i));
    return true;
  }
  // Abbreviations glued to a bilateral word: 中俄关系, 中美贸易.
  for (const head of word.length >= 4 ? [3, 2] : []) {
    if (allAbbreviations(word.slice(0, head)) && BILATERAL_WORDS.has(word.slice(head))) {
      for (let k = 0; k < head; k++) st.add(start + k, start + k + 1, 'LOC', -1);
      return true;
    }
  }
  if (word.length === 2) {
    // 中方, 美方: the side of a country.
    if (word[1] === '方' && PLACE_ABBREVIATIONS.has(word[0]) && word[0] !== '新' && word[0] !== '黑') {
      st.add(start, start + 1, 'LOC', -1);
      return true;
    }
    // 访华, 驻美, 来京: a verb character and an abbreviation.
    if (ABBREV_VERBS.has(word[0]) && (word[1] === '华' || PLACE_ABBREVIATIONS.has(word[1])) && (tag === 'v' || tag === 'vn' || tag === 'j')) {
      st.add(start + 1, start + 2, 'LOC', -1);
      return true;
    }
  }
  // A run of one-character abbreviation tokens, one of them tagged as a place/abbreviation: 俄/j 中/f.
  if (word.length === 1 && PLACE_ABBREVIATIONS.has(word) && (i === 0 || st.word(i - 1).length !== 1 || !PLACE_ABBREVIATIONS.has(st.word(i - 1)))) {
    let j = i;
    let tagged = false;
    while (j < st.n && st.word(j).length === 1 && PLACE_ABBREVIATIONS.has(st.word(j)) && !NOT_PLACE_CHAR_TAGS.has(st.tag(j))) {
      if (st.tag(j) === 'j' || st.tag(j) === 'ns') tagged = true;
      j++;
    }
    if (j - i >= 2 && j - i <= 4 && tagged) {
      for (let k = i; k < j; k++) st.add(st.start(k), st.end(k), 'LOC', -1);
      st.markAnchor(start, st.end(j - 1));
      return true;
    }
  }
  return false;
}

function allAbbreviations(word: string): boolean {
  for (const ch of word) if (!PLACE_ABBREVIATIONS.has(ch)) return false;
  return true;
}

function allSingleChars(st: LineState, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (st.word(k).length !== 1) return false;
  return true;
}

/** A two-character word jieba calls a place, outside the gazetteer: needs a place-like neighbour. */
function placeContext(st: LineState, i: number): boolean {
  if (i > 0 && BEFORE_PLACE.has(st.word(i - 1))) return true;
  // Right after a larger place: 浙江嘉善, 北京海淀.
  if (i > 0 && st.locEnds.has(st.start(i))) return true;
  if (i + 1 < st.n && AFTER_PLACE.has(st.word(i + 1))) return true;
  return false;
}

/**
 * jieba's ns words that are not places by shape: 两国, 回国, 爱国, 外国 (a word ending in 国 whose
 * first character is not a country's abbreviation), and non-Han words.
 */
function acceptNs(word: string): boolean {
  if (word.length < 2 || !HAN.test(word) || GENERIC_PLACE_NOUNS.has(word)) return false;
  if (word.length === 2 && word[1] === '国' && !PLACE_ABBREVIATIONS.has(word[0]) && !'泰韩德法英俄美中'.includes(word[0])) return false;
  if (word.length >= 3 && word.endsWith('兴国')) return false;
  return true;
}

/** 市 in 嘉兴市长 is part of the title 市长 only when the segmenter said so; single suffix tokens are fine. */
function followsAsTitle(st: LineState, suffixToken: number): boolean {
  const next = suffixToken + 1 < st.n ? st.word(suffixToken + 1) : '';
  return next === '长' || next === '委';
}

// ---------------------------------------------------------------------------------------------
// People

const DOUBLE_SURNAME_STARTS = new CharSet([...DOUBLE_SURNAMES].map((s) => s[0]).join(''));

/** Length of the surname at `offset` (2 for 欧阳, 1 for 李), or 0. */
function surnameLength(text: string, offset: number, allowAmbiguous: boolean): number {
  const code = text.charCodeAt(offset);
  if (DOUBLE_SURNAME_STARTS.hasCode(code) && DOUBLE_SURNAMES.has(text.substr(offset, 2))) return 2;
  if (SURNAMES.hasCode(code) && (allowAmbiguous || !AMBIGUOUS_SURNAMES.hasCode(code))) return 1;
  return 0;
}

/** True when `word` looks like a Chinese name: surname + one or two given-name characters. */
function nameShaped(word: string, allowAmbiguous: boolean): boolean {
  const surname = surnameLength(word, 0, allowAmbiguous);
  if (!surname) return false;
  const given = word.length - surname;
  if (given < 1 || given > 2) return false;
  for (let k = surname; k < word.length; k++) if (NOT_IN_GIVEN_NAME.hasCode(word.charCodeAt(k)) || !isHanChar(word.charCodeAt(k))) return false;
  return true;
}

function translitShaped(word: string): boolean {
  return word.length >= 3 && allTranslit(word);
}

function allTranslit(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (!TRANSLIT.hasCode(word.charCodeAt(k))) return false;
  return true;
}

/** Ends of title tokens: 主任, 党组书记, 市委书记 (a title at the end of a longer word). */
function titleAt(st: LineState, i: number): boolean {
  if (i < 0 || i >= st.n) return false;
  const word = st.word(i);
  if (!(ENDS[word.charCodeAt(word.length - 1)] & END_TITLE)) return false;
  if (TITLES.has(word)) return true;
  return word.length >= 3 && (TITLES.has(word.slice(-2)) || TITLES.has(word.slice(-3)));
}

const NAME_TAG_SET = new Set(['nr', 'nrfg', 'nrt', 'x']);
const FUNCTION_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'uv', 'ud', 'ug', 'd', 'r', 'm', 'q', 'f', 'y', 'e', 'o']);

function findPeople(st: LineState): void {
  const { n } = st;
  for (let i = 0; i < n; i++) {
    const word = st.word(i);
    const tag = st.tag(i);
    if (!isHanChar(word.charCodeAt(0))) continue;
    const start = st.start(i);

    // A surname glued to a title in one word: 江主席, 李总理, 王先生 → the surname.
    if (word.length >= 3 && SURNAMES.has(word[0]) && (SURNAME_TITLES.has(word.slice(1)) || (NAME_TAG_SET.has(tag) && TITLES.has(word.slice(1))))) {
      st.add(start, start + 1, 'PER');
      continue;
    }

    if (NAME_TAG_SET.has(tag)) {
      // Transliterated names split by the segmenter: 卡拉/nrt 辛/nr.
      let j = i;
      let joined = '';
      while (j < n && NAME_TAG_SET.has(st.tag(j)) && allTranslit(st.word(j))) {
        joined += st.word(j);
        j++;
      }
      if (j - i >= 2 && joined.length >= 3 && joined.length <= 10) {
        st.add(start, st.end(j - 1), 'PER');
        i = j - 1;
        continue;
      }
      if (word.length >= 3 && word.length <= 4 && nameShaped(word, tag !== 'x' || word.length === 3)) {
        // Three-character names are reliable; 2+2 with a double surname too.
        st.add(start, st.end(i), 'PER');
        continue;
      }
      if (tag !== 'x' && translitShaped(word)) {
        st.add(start, st.end(i), 'PER');
        continue;
      }
      if (tag !== 'x' && word.length > 3) {
        // 邓小平理论, 毛泽东思想: a name inside one word.
        for (const suffix of NAME_WORD_SUFFIXES) {
          if (word.endsWith(suffix) && nameShaped(word.slice(0, -suffix.length), true)) {
            st.add(start, st.end(i) - suffix.length, 'PER');
            break;
          }
        }
        continue;
      }
      if (word.length === 2 && nameShaped(word, true) && (tag !== 'x' || !AMBIGUOUS_SURNAMES.has(word[0]))) {
        if (personContext(st, i, i)) st.add(start, st.end(i), 'PER');
        continue;
      }
      // Two-character transliterations with a title or speech verb: 总统拜登.
      if (word.length === 2 && tag !== 'x' && TRANSLIT.has(word[0]) && TRANSLIT.has(word[1]) && personContext(st, i, i)) {
        st.add(start, st.end(i), 'PER');
        continue;
      }
    }

    // A title followed by a surname-led name: 主任杨克建, 记者张三.
    if (titleAt(st, i) && i + 1 < n) {
      const name = nameAfter(st, st.end(i));
      if (name > 0) st.add(st.end(i), name, 'PER', 1);
      continue;
    }

    // A bare surname before a high title: 江/主席.
    if (word.length === 1 && SURNAMES.has(word) && i + 1 < n && SURNAME_TITLES.has(st.word(i + 1))) {
      const before = i > 0 ? st.word(i - 1) : '';
      if (!before || !isHanChar(before.charCodeAt(before.length - 1)) || before.length > 1) st.add(start, st.end(i), 'PER');
    }
  }
  findCredits(st);
  findDottedNames(st);
  findAnnotatedNames(st);
  // Two-character names next to other names, with or without separators: 李鹏、乔石、李瑞环,
  // 黄菊尉健行谢非 (lists of names). Repeated so that a chain of short names is picked up.
  for (let changed = st.perStarts.size > 0, forward = true; changed; forward = !forward) {
    changed = false;
    // Alternate directions so that a chain is taken up in a pass or two.
    for (let step = 0; step < n; step++) {
      const i = forward ? step : n - 1 - step;
      const word = st.word(i);
      const tag = st.tag(i);
      if (word.length !== 2 || !NAME_TAG_SET.has(tag) || !nameShaped(word, tag !== 'x')) continue;
      const start = st.start(i);
      if (st.perStarts.has(start)) continue;
      const prev = i >= 1 && st.perEnds.has(start);
      const next = i + 1 < n && st.perStarts.has(st.end(i));
      const prevSep = i >= 2 && isListSeparator(st.word(i - 1)) && st.perEnds.has(st.start(i - 1));
      const nextSep = i + 2 < n && isListSeparator(st.word(i + 1)) && st.perStarts.has(st.end(i + 1));
      if (prev || next || prevSep || nextSep) {
        st.add(start, st.end(i), 'PER');
        changed = true;
      }
    }
  }
}

/** Names followed by a note of sex or ethnic group, as in lists: 韦钰（女，壮族）, 热地（藏族）. */
function findAnnotatedNames(st: LineState): void {
  const { text } = st;
  if (text.indexOf('（') < 0 && text.indexOf('(') < 0) return;
  const re = /[（(](?:女|男|[\u4e00-\u9fff]{1,5}族)[，,）)]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index;
    if (st.tokAt[end] < 0 || st.perEnds.has(end)) continue;
    for (const length of [3, 2, 4]) {
      const start = end - length;
      if (start < 0 || st.tokAt[start] < 0) continue;
      const candidate = text.slice(start, end);
      if (nameShaped(candidate, true) || (length >= 3 && translitShaped(candidate))) {
        st.add(start, end, 'PER');
        break;
      }
    }
  }
}

function isListSeparator(word: string): boolean {
  return word === '、' || word === '和' || word === '与' || word === '及' || word === '，' || word === ',';
}

/** Context that makes a two-character surname-led word a name: a title or speech verb around it. */
function personContext(st: LineState, first: number, last: number): boolean {
  if (first > 0 && st.word(first - 1) === '的') return false;
  if (titleAt(st, first - 1)) return true;
  if (last + 1 < st.n) {
    const next = st.word(last + 1);
    if (TITLES.has(next) || AFTER_NAME.has(next)) return true;
  }
  return false;
}

/** End offset of a surname-led name starting at `offset` (after a title or credit), or 0. */
function nameAfter(st: LineState, offset: number): number {
  const { text } = st;
  const token = st.tokAt[offset];
  if (token < 0 || token >= st.n) return 0;
  const surname = surnameLength(text, offset, true);
  if (!surname) return 0;
  // The segmenter's word at the surname must not be a common word that merely starts with it.
  const word = st.word(token);
  const tag = st.tag(token);
  if (word.length > surname && !NAME_TAG_SET.has(tag)) return 0;
  // A surname character the segmenter reads as a function word: 代表由选举…, 主任和副主任.
  if (word.length === surname && FUNCTION_TAGS.has(tag)) return 0;
  if (word.length > surname + 2) return 0;
  let given = 0;
  while (given < 2) {
    const at = offset + surname + given;
    if (!isHanChar(text.charCodeAt(at))) break;
    const ch = text[at];
    if (NOT_IN_GIVEN_NAME.has(ch)) break;
    // Outside the segmenter's name word, be stricter about what continues a name.
    if (at >= st.end(token) && NOT_IN_GIVEN_NAME_AFTER_TITLE.has(ch)) break;
    given++;
  }
  if (given === 0) return 0;
  // Prefer an end that is a token boundary.
  for (let g = given; g >= 1; g--) if (st.tokAt[offset + surname + g] >= 0) return offset + surname + g;
  return offset + surname + given;
}

/** A credit needs a colon or a space after its word. */
const CREDIT_GATE = /[:：\s\u3000]/;

/** 责编：李文治, 记者 张三 李四, (编辑 王五). */
function findCredits(st: LineState): void {
  const { text } = st;
  if (!CREDIT_GATE.test(text)) return;
  CREDIT_RE ??= new RegExp(`(${[...CREDIT_WORDS].sort((a, b) => b.length - a.length).join('|')})(\\s*[:：]\\s*|[ \\u3000]+)`, 'g');
  CREDIT_RE.lastIndex = 0;
  for (let m = CREDIT_RE.exec(text); m; m = CREDIT_RE.exec(text)) {
    const before = m.index > 0 ? text.charCodeAt(m.index - 1) : 0;
    // The credit word must start the line or follow punctuation/space, not end a longer word.
    if (before && isHanChar(before)) continue;
    if (m[1].length === 1 && !/[:：]/.test(m[2])) continue;
    let offset = m.index + m[0].length;
    for (let count = 0; count < 4; count++) {
      const end = creditName(text, offset);
      if (!end) break;
      st.add(offset, end, 'PER', 2);
      offset = end;
      const sep = /^[ \u3000、，,]+/.exec(text.slice(offset, offset + 3));
      if (!sep) break;
      offset += sep[0].length;
    }
  }
}

/** A name in a credit: surname + 1–2 characters, followed by a non-Han character or the end. */
function creditName(text: string, offset: number): number {
  const surname = surnameLength(text, offset, true);
  if (!surname) return 0;
  let k = offset + surname;
  while (k < text.length && k - offset - surname < 3 && isHanChar(text.charCodeAt(k))) k++;
  const given = k - offset - surname;
  if (given < 1 || given > 2) return 0;
  return k;
}

/** 帕巴拉·格列朗杰, 司马义·艾买提: name parts joined by a middle dot. */
function findDottedNames(st: LineState): void {
  const { n, text } = st;
  if (!DOT_RE.test(text)) return;
  for (let i = 1; i + 1 < n; i++) {
    if (!DOTS.has(st.word(i))) continue;
    // Left part: the word before the dot, or two short words (帕巴/拉).
    let first = i - 1;
    if (!isNamePart(st, first)) continue;
    if (st.word(first).length === 1 && first > 0 && st.word(first - 1).length <= 2 && isNamePart(st, first - 1)) first--;
    // Right part: one or two words, more parts after further dots.
    let last = i + 1;
    if (!isNamePart(st, last)) continue;
    for (;;) {
      if (last + 1 < n && st.word(last).length + st.word(last + 1).length <= 4 && st.word(last + 1).length === 1 && isNamePart(st, last + 1) && !st.perStarts.has(st.start(last + 1))) last++;
      if (last + 2 < n && DOTS.has(st.word(last + 1)) && isNamePart(st, last + 2)) last += 2;
      else break;
    }
    if (st.start(first) < st.start(i) - 6) continue;
    st.add(st.start(first), st.end(last), 'PER', 1);
    i = last;
  }
}

const DOTS = new Set(['·', '•', '‧', '・', '.']);
const DOT_RE = /[·•‧・.]/;

function isNamePart(st: LineState, i: number): boolean {
  const word = st.word(i);
  return word.length <= 5 && HAN.test(word) && !NOT_IN_GIVEN_NAME.has(word[0]);
}

// ---------------------------------------------------------------------------------------------
// Organisations and facilities

/** Flags per UTF-16 code unit: the last character of an organisation suffix, a facility suffix or a title. */
const END_ORG = 1;
const END_FAC = 2;
const END_TITLE = 4;
const ENDS = new Uint8Array(65536);
for (const suffix of ORG_SUFFIXES) ENDS[suffix.charCodeAt(suffix.length - 1)] |= END_ORG;
for (const suffix of FAC_SUFFIXES) ENDS[suffix.charCodeAt(suffix.length - 1)] |= END_FAC;
for (const title of TITLES) ENDS[title.charCodeAt(title.length - 1)] |= END_TITLE;
for (const ch of INSTITUTION_CHARS) ENDS[ch.charCodeAt(0)] |= END_ORG;

/** The longest member of `set` (two or more characters, shorter than the word) that ends `word`, or ''. */
function longestEnding(word: string, set: ReadonlySet<string>, maxLength: number): string {
  for (let k = Math.min(maxLength, word.length - 1); k >= 2; k--) {
    const ending = word.slice(-k);
    if (set.has(ending)) return ending;
  }
  return '';
}

const LONG_ORG_SUFFIXES = new Set([...ORG_SUFFIXES].filter((s) => s.length >= 2 && !WEAK_ORG_SUFFIXES.has(s)));
const LONG_FAC_SUFFIXES = new Set([...FAC_SUFFIXES].filter((s) => s.length >= 2));
const MAX_ORG_SUFFIX = Math.max(...[...ORG_SUFFIXES].map((s) => s.length));
const MAX_FAC_SUFFIX = Math.max(...[...FAC_SUFFIXES].map((s) => s.length));
const MAX_TITLE = Math.max(...[...TITLES].map((s) => s.length));
/** Words that end the material of an organisation name to their left: 两国政府, 各级政府. */
const ORG_BREAK_WORDS = new Set(['两国', '各国', '双方', '各方', '两岸', '我国', '本国', '全体', '各级', '有关', '相关', '各地', '各界']);

/** The org suffix a token ends with (the token itself, or a long suffix at its end), or ''. */
function orgSuffixOf(word: string, tag: string): string {
  if (!(ENDS[word.charCodeAt(word.length - 1)] & END_ORG)) return '';
  if (ORG_SUFFIXES.has(word)) return word;
  if (word.length >= 3 && (tag === 'n' || tag === 'nt' || tag === 'nz' || tag === 'j' || tag === 'v')) {
    const long = longestEnding(word, LONG_ORG_SUFFIXES, MAX_ORG_SUFFIX);
    if (long) return long;
    // 教育厅, 统计局, 财政部: a three-character noun ending with an institution character.
    const last = word[word.length - 1];
    if ((word.length === 3 || tag === 'nt') && tag !== 'v' && INSTITUTION_WORD_ENDS.has(last) && !GENERIC_ORG_HEADS.some((head) => word.endsWith(head))) {
      return last;
    }
  }
  return '';
}

function facSuffixOf(word: string, tag: string): string {
  if (!(ENDS[word.charCodeAt(word.length - 1)] & END_FAC)) return '';
  if (FAC_SUFFIXES.has(word)) return word;
  if (word.length >= 3 && (tag === 'n' || tag === 'nz' || tag === 'ns' || tag === 'nt')) {
    return longestEnding(word, LONG_FAC_SUFFIXES, MAX_FAC_SUFFIX);
  }
  return '';
}

const NUMERAL_CHARS = new Set(Array.from('一二三四五六七八九十两百千万几零〇'));
/** Tags of one-character words that can be part of an abbreviated project name (通/苏/嘉/甬). */
const NAME_CHAR_TAGS = new Set(['j', 'ns', 'nr', 'nrt', 'nz', 'x', 'ng']);
const NOT_NAME_CHAR_TAGS = new Set([...FUNCTION_TAGS, 'a', 'ad', 'an', 'v', 'vd', 'vn', 'b', 'z', 'zg']);
/** Tags that stop a run of place abbreviations (俄/j 中/f is a run; 新/a is not part of one). */
const NOT_PLACE_CHAR_TAGS = new Set(['a', 'ad', 'an', 'v', 'vd', 'vn', 'd', 'p', 'c', 'u', 'uj', 'ul', 'r', 'm', 'b', 'z']);

/**
 * Start offset of a run of one-character words ending at token i that reads as an abbreviated
 * name (沪/苏/嘉, 张/江, 苏/台): two or more characters, one of them tagged as a name. -1 if none.
 */
function abbreviationRunStart(st: LineState, i: number): number {
  let k = i;
  let named = false;
  while (k >= 0 && st.word(k).length === 1 && isHanChar(st.word(k).charCodeAt(0)) && !NOT_NAME_CHAR_TAGS.has(st.tag(k))) {
    if (NAME_CHAR_TAGS.has(st.tag(k)) || PLACE_ABBREVIATIONS.has(st.word(k))) named = true;
    k--;
  }
  if (i - k >= 2 && named) return st.start(k + 1);
  // A single abbreviation tagged as such before another name: 沪/j 苏嘉/x 城际铁路.
  if (i - k === 1 && (st.tag(i) === 'j' || st.tag(i) === 'ns') && PLACE_ABBREVIATIONS.has(st.word(i))) return st.start(i);
  return -1;
}

/** True when token i is a proper-name unit on its own (a place, org, name-like or unknown word). */
function isAnchorToken(st: LineState, i: number): boolean {
  const tag = st.tag(i);
  const word = st.word(i);
  if (ORG_BREAK_WORDS.has(word)) return false;
  if (!isHanChar(word.charCodeAt(0))) return tag === 'eng';
  if (tag === 'j') return word.length >= 2 && !word.endsWith('电') && !NUMERAL_CHARS.has(word[0]);
  return tag === 'ns' || tag === 'nt' || tag === 'nz' || tag === 'nrt' || (tag === 'x' && word.length >= 2) || ORG_SCOPE_WORDS.has(word);
}

/** True when token i may sit inside an organisation name before its suffix (`step` 0 = next to it). */
function isModifierToken(st: LineState, i: number, step: number): boolean {
  const word = st.word(i);
  const tag = st.tag(i);
  if (ORG_BREAK_WORDS.has(word) || TITLES.has(word)) return false;
  if (GENERIC_MODIFIERS.has(word)) return true;
  if (!isHanChar(word.charCodeAt(0))) return tag === 'eng';
  // Verbs only right before the suffix: 筹备委员会, 终审法院, 推选委员会.
  if (tag === 'v' || tag === 'vn') return step === 0 && word.length >= 2;
  return NOUNISH.has(tag);
}

/**
 * Start of an organisation or facility whose suffix is token `suffixToken`: walks left over
 * modifiers and takes the leftmost proper-name anchor; an ordinal (第九届) starts the name.
 * `strict` allows only anchors between the anchor and the suffix (for weak suffixes like 网, 报).
 * Returns -1 when there is no anchor.
 */
function composeLeft(st: LineState, suffixToken: number, strict: boolean, facility: boolean): number {
  let leftmost = -1;
  let chars = 0;
  let i = suffixToken - 1;
  for (let step = 0; i >= 0 && step < 8; step++) {
    const word = st.word(i);
    if (ORDINAL.test(word)) {
      // 政协 + 第八届全国委员会 continues through an organisation; 香港 + 第九届… does not.
      const before = i - 1;
      const orgBefore =
        before >= 0 &&
        !st.locEnds.has(st.end(before)) &&
        (st.orgEnds.has(st.end(before)) || st.tag(before) === 'nt' || orgAbbreviation(st, before));
      if (orgBefore) {
        const unitStart = st.orgEnds.has(st.end(before)) ? st.anchorStartAtEnd[before] : -1;
        return unitStart >= 0 ? unitStart : st.start(before);
      }
      return st.start(i);
    }
    // A recognised unit (place, person, organisation) ending here counts as one anchor.
    const unitStart = st.anchorStartAtEnd[i];
    const unitIsFacility = st.facEnds.has(st.end(i)) && !st.orgEnds.has(st.end(i)) && !st.locEnds.has(st.end(i));
    // A facility does not swallow the organisation that runs it: 浙江大学 + 长三角智慧绿洲创新中心.
    if (facility && st.orgEnds.has(st.end(i))) break;
    if (unitStart >= 0 && (step === 0 || !st.perEnds.has(st.end(i))) && !(strict && unitIsFacility)) {
      leftmost = unitStart;
      chars += st.end(i) - unitStart;
      i = st.tokAt[unitStart] - 1;
      continue;
    }
    if (st.perEnds.has(st.end(i))) break;
    if (isAnchorToken(st, i)) {
      leftmost = st.start(i);
    } else if (facility && word.length === 1 && abbreviationRunStart(st, i) >= 0) {
      // One-character abbreviations in project names: 沪/苏/嘉 城际, 苏/台 高速.
      const runStart = abbreviationRunStart(st, i);
      leftmost = runStart;
      chars += st.end(i) - runStart;
      i = st.tokAt[runStart] - 1;
      continue;
    } else if (strict || !isModifierToken(st, i, step)) {
      break;
    }
    chars += word.length;
    if (chars > 24) break;
    i--;
  }
  // Include an ordinal right before the name: 第九届 + 全国人民代表大会.
  if (leftmost >= 0) {
    const before = st.tokAt[leftmost] - 1;
    if (before >= 0 && ORDINAL.test(st.word(before))) return st.start(before);
  }
  return leftmost;
}

const COMPANY_SUFFIXES = new Set(['公司', '集团', '有限公司', '集团公司', '股份有限公司', '有限责任公司', '控股', '集团有限公司']);

/** A word before a company suffix that can be the company's name: a noun of two or more characters. */
function isCompanyName(st: LineState, i: number): boolean {
  const word = st.word(i);
  const tag = st.tag(i);
  return word.length >= 2 && HAN.test(word) && (tag === 'n' || tag === 'nz' || tag === 'nr' || tag === 'nrt' || tag === 'x' || tag === 'ng') && !ORG_BREAK_WORDS.has(word) && !GENERIC_COMPANY_WORDS.has(word);
}

/** Kinds of business that make 公司 generic: 这家旅游公司, 保险公司. */
const GENERIC_COMPANY_WORDS = new Set(['中资', '外资', '社会', '外国', '本国', '旅游', '保险', '电力', '航空', '物流', '科技', '投资', '贸易', '建筑', '房地产', '地产', '证券', '基金', '上市', '合资', '国有', '民营', '私营', '跨国', '大型', '中小', '母', '子', '分', '空壳']);

/** An abbreviation ending with an institution character: 政协, 立法会, 外办. */
function orgAbbreviation(st: LineState, i: number): boolean {
  const word = st.word(i);
  return st.tag(i) === 'j' && word.length >= 2 && INSTITUTION_CHARS.has(word[word.length - 1]);
}

/** Offset where an organisation word ends once a trailing title is cut off (中央政治局常委 → 中央政治局), or -1. */
function orgEndBeforeTitle(st: LineState, i: number): number {
  const word = st.word(i);
  if (word.length < 4 || !(ENDS[word.charCodeAt(word.length - 1)] & END_TITLE)) return -1;
  for (let k = Math.min(MAX_TITLE, word.length - 2); k >= 2; k--) {
    const title = word.slice(-k);
    if (!TITLES.has(title)) continue;
    const head = word.slice(0, -k);
    if (st.tag(i) === 'nt' || orgSuffixOf(head, 'n')) return st.start(i) + head.length;
  }
  return -1;
}

function findOrganisations(st: LineState): void {
  const { n } = st;
  for (let i = 0; i < n; i++) {
    const word = st.word(i);
    const tag = st.tag(i);
    if (!isHanChar(word.charCodeAt(0)) || st.placeTokens.has(i)) continue;
    // Most words end like no organisation, facility or title and are not tagged nt/j: skip them.
    if (!ENDS[word.charCodeAt(word.length - 1)] && tag !== 'nt' && tag !== 'j' && !KNOWN_ORGS.has(word)) continue;
    const start = st.start(i);

    // Congress abbreviations after a party: 致公党十大, 中共十五大; alone when unambiguous (十五大).
    if (tag === 'j' && CONGRESS.test(word)) {
      const prevStart = i > 0 ? st.anchorStartAtEnd[i - 1] : -1;
      if (prevStart >= 0) st.add(prevStart, st.end(i), 'ORG', 1);
      else if (i > 0 && st.tag(i - 1) === 'nt') st.add(st.start(i - 1), st.end(i), 'ORG', 1);
      else if (word.length >= 3) st.add(start, st.end(i), 'ORG');
      continue;
    }

    // Facilities first: 首都国际机场 is a facility even when tagged as an organisation; but a
    // longer organisation suffix wins (研究中心 is an organisation, 中心 alone a facility).
    const fac = facSuffixOf(word, tag);
    if (fac && orgSuffixOf(word, tag).length <= fac.length) {
      const left = composeLeft(st, i, false, true);
      if (left >= 0) {
        st.add(left, st.end(i), 'FAC');
        continue;
      }
      if (tag === 'nt' || (tag === 'ns' && word.length > fac.length)) {
        st.add(start, st.end(i), 'FAC');
        continue;
      }
    }

    let end = st.end(i);
    let suffix = orgSuffixOf(word, tag);
    const cut = orgEndBeforeTitle(st, i);
    if (cut > 0) {
      end = cut;
      suffix = suffix || word.slice(0, cut - start);
    }
    const known = KNOWN_ORGS.has(word);
    const abbreviation = orgAbbreviation(st, i);
    // A short sub-unit right after an organisation: 国务院 + 外办, 市 + 计委.
    if (!suffix && word.length === 2 && INSTITUTION_CHARS.has(word[1]) && (tag === 'n' || tag === 'j') && i > 0 && st.orgEnds.has(start)) {
      const unitStart = st.anchorStartAtEnd[i - 1];
      if (unitStart >= 0) {
        st.add(unitStart, end, 'ORG', 1);
        continue;
      }
    }
    // 外交部长 → 外交部: an institution glued to 长 in one word.
    if (!suffix && word.length >= 4 && word.endsWith('长') && INSTITUTION_CHARS.has(word[word.length - 2]) && tag !== 'nr') {
      st.add(start, st.end(i) - 1, 'ORG');
      continue;
    }
    // 中央 (党中央, 致公党中央) only after an organisation.
    if (suffix === '中央' && !(i > 0 && (st.orgEnds.has(start) || st.tag(i - 1) === 'nt' || orgAbbreviation(st, i - 1)))) suffix = '';
    if (suffix) {
      const strict = WEAK_ORG_SUFFIXES.has(suffix) && !known;
      // 网, 台, 报 … as measure words or verbs are not suffixes (苏/j 台/q 高速).
      const left = strict && (FUNCTION_TAGS.has(tag) || tag === 'v') ? -1 : composeLeft(st, i, strict, false);
      if (left >= 0 && (!strict || start - left >= 2)) {
        st.add(left, end, 'ORG', 1);
        continue;
      }
      // A company suffix right after a noun names the company: 小米 + 集团, 腾讯 + 公司.
      if (COMPANY_SUFFIXES.has(suffix) && suffix === word && i > 0 && isCompanyName(st, i - 1)) {
        st.add(st.start(i - 1), end, 'ORG');
        continue;
      }
    }
    // An nt word that is exactly a known place (香港特别行政区) stays a place.
    const unitStart = st.anchorStartAtEnd[i];
    const isPlace = st.locEnds.has(st.end(i)) && unitStart >= 0 && unitStart <= start;
    if (known || abbreviation || (tag === 'nt' && !isPlace && acceptNt(word.slice(0, end - start)))) {
      st.add(start, end, 'ORG');
      continue;
    }
  }
}

/** Last characters of organisation names: 部, 局, 党, 社, 院, 会, 央 (中央), 织 (组织) … */
const ORG_END_CHARS = new Set<string>([...INSTITUTION_CHARS, ...Array.from('党军队所台网报站馆厂店织央府学庭班组')]);

/**
 * jieba's nt words that are names of organisations: they end like one (部, 局, 党, 组织 …) and are
 * not category words (党政机关, 国际组织, 新格局); rejects 国际化, 中央商务区.
 */
function acceptNt(word: string): boolean {
  if (word.length < 2 || !HAN.test(word)) return false;
  if (KNOWN_ORGS.has(word)) return true;
  if (!ORG_END_CHARS.has(word[word.length - 1])) return false;
  for (const head of GENERIC_ORG_HEADS) if (word.endsWith(head)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------

/** Finds PER/LOC/ORG/FAC candidates in a tagged Simplified line. */
export function recognize(text: string, tokens: Tokens): Candidate[] {
  const st = new LineState(text, tokens);
  findPlaces(st);
  findPeople(st);
  findOrganisations(st);
  return st.candidates;
}
