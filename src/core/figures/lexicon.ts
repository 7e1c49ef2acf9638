// Words that contain a numeral but are no figure (三天兩頭, 十三陵, 第一時間): data/figures/numeral-words.json, built from jieba's dictionary.
import data from '../../../data/figures/numeral-words.json';
import { pairKey } from './wordtable';

/** Words indexed by their first two UTF-16 units, with a flag table of first units for a cheap first test. */
export interface NumeralLexicon {
  readonly byPair: ReadonlyMap<number, readonly string[]>;
  readonly starts: Uint8Array;
}

/** The longest lexicon word is this long: a word holding a numeral at `s` starts at most this far before it. */
const MAX_LEAD = 6;

export function buildLexicon(words: Iterable<string>): NumeralLexicon {
  const map = new Map<number, string[]>();
  const starts = new Uint8Array(65536);
  for (const w of words) {
    if (w.length < 2) continue;
    const key = pairKey(w.charCodeAt(0), w.charCodeAt(1));
    const list = map.get(key);
    if (list) list.push(w);
    else map.set(key, [w]);
    starts[w.charCodeAt(0)] = 1;
  }
  for (const list of map.values()) list.sort((a, b) => b.length - a.length);
  return { byPair: map, starts };
}

let shipped: NumeralLexicon | undefined;

/** The shipped lexicon (jieba's numeral-bearing words that the figure rules would misread, in both scripts). */
export function numeralLexicon(): NumeralLexicon {
  return (shipped ??= buildLexicon((data as { words: string }).words.split(' ')));
}

/**
 * The end of a lexicon word that holds the numeral at `s` and sticks out of the figure [start, end) (十三 of 十三陵,
 * 第一 of 第一時間), or -1: then the numeral is part of a word, not a figure.
 */
export function wordAcross(lexicon: NumeralLexicon, line: string, s: number, start: number, end: number): number {
  for (let p = Math.max(0, s - MAX_LEAD); p <= s; p++) {
    const first = line.charCodeAt(p);
    if (lexicon.starts[first] === 0) continue;
    const list = lexicon.byPair.get(pairKey(first, line.charCodeAt(p + 1)));
    if (!list) continue;
    for (const w of list) {
      const wEnd = p + w.length;
      if (wEnd <= s || (p >= start && wEnd <= end)) continue;
      if (line.startsWith(w, p)) return wEnd;
    }
  }
  return -1;
}
