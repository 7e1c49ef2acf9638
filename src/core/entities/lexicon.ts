// The tagger's word lists (data/ner/lexicon.json, with their source there) as lookup tables for features and post-rules.
import data from '../../../data/ner/lexicon.json';
import { CharSet } from './char-set';
import { PLACE_ABBREVIATIONS } from './gazetteer';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Bits of a character's classes (a feature of the tagger). */
export const CHAR_SURNAME = 1;
export const CHAR_DOUBLE_SURNAME_START = 2;
export const CHAR_TRANSLITERATION = 4;
export const CHAR_PLACE_ABBREVIATION = 8;

/** Bits of a word's classes (a feature of the tagger). */
export const WORD_TITLE = 1;
export const WORD_CREDIT = 2;
export const WORD_SPEECH = 4;
export const WORD_ORG_SUFFIX = 8;
export const WORD_FACILITY_SUFFIX = 16;
export const WORD_PLACE_SUFFIX = 32;
export const WORD_BEFORE_PLACE = 64;
export const WORD_ORGANIZATION = 128;
export const WORD_DOUBLE_SURNAME = 256;

export interface Lexicon {
  /** Per code unit: CHAR_* bits. */
  charClasses: Uint8Array;
  /** Word hash (features.ts wordHash) → WORD_* bits. */
  wordClasses: Map<number, number>;
  /** 1 at the low 16 bits of every hash in wordClasses: most words have no class, and this answers them without the Map. */
  wordClassFilter: Uint8Array;
  credits: string[];
  titles: Set<string>;
  facilitySuffixes: string[];
  /** Media suffixes, longest first (organizations.ts). */
  mediaSuffixes: string[];
  surnames: CharSet;
  doubleSurnames: string[];
}

let cached: Lexicon | undefined;

/** The lists as tables, built on first use. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  // features.ts imports this module: the word hash is required lazily to keep the import order simple.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { wordHash } = require('./features') as typeof import('./features');
  const charClasses = new Uint8Array(65536);
  const mark = (characters: Iterable<string>, bit: number): void => {
    for (const ch of characters) charClasses[ch.charCodeAt(0)] |= bit;
  };
  mark(data.surnames.items, CHAR_SURNAME);
  mark(
    words(data.doubleSurnames.items).map((s) => s[0]),
    CHAR_DOUBLE_SURNAME_START,
  );
  mark(data.transliteration.items, CHAR_TRANSLITERATION);
  mark(PLACE_ABBREVIATIONS, CHAR_PLACE_ABBREVIATION);

  const wordClasses = new Map<number, number>();
  const add = (list: string, bit: number): void => {
    for (const w of words(list)) {
      const h = wordHash(w, 0, w.length);
      wordClasses.set(h, (wordClasses.get(h) ?? 0) | bit);
    }
  };
  add(data.titles.items, WORD_TITLE);
  add(data.credits.items, WORD_CREDIT);
  add(data.speech.items, WORD_SPEECH);
  add(data.orgSuffixes.items, WORD_ORG_SUFFIX);
  add(data.facilitySuffixes.items, WORD_FACILITY_SUFFIX);
  add(data.placeSuffixes.items, WORD_PLACE_SUFFIX);
  add(data.beforePlace.items, WORD_BEFORE_PLACE);
  add(data.organizations.items, WORD_ORGANIZATION);
  add(data.doubleSurnames.items, WORD_DOUBLE_SURNAME);
  const wordClassFilter = new Uint8Array(65536);
  for (const h of wordClasses.keys()) wordClassFilter[h & 0xffff] = 1;
  cached = {
    charClasses,
    wordClasses,
    wordClassFilter,
    credits: words(data.credits.items),
    titles: new Set(words(data.titles.items)),
    // Longest first: 国际机场 before 机场.
    facilitySuffixes: words(data.facilitySuffixes.items).sort((a, b) => b.length - a.length),
    mediaSuffixes: words(data.mediaSuffixes.items).sort((a, b) => b.length - a.length),
    surnames: new CharSet(data.surnames.items),
    doubleSurnames: words(data.doubleSurnames.items),
  };
  return cached;
}
