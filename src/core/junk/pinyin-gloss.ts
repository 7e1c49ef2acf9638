// Pinyin glosses: `網(wǎng)` — a parenthesised reading of the preceding character, inserted by spam mirrors.
import { pinyin } from 'pinyin-pro';
import type { Annotation } from '../types';
import { toSimplified } from '../script';
import { PINYIN_LETTERS, junkAt } from './common';

/**
 * Candidate: one CJK character (BMP or a surrogate pair) right before `(`/`（`, a lower-case pinyin-like
 * syllable, and `)`/`）`. Combining tone marks are allowed and normalised before comparing.
 */
const CANDIDATE = new RegExp(
  `([\\u3400-\\u9fff\\uf900-\\ufaff]|[\\ud840-\\ud8bf][\\udc00-\\udfff])([(（])([${PINYIN_LETTERS}\\u0300\\u0301\\u0304\\u0308\\u030c]{1,7})([)）])`,
  'g',
);
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c]/;

const readingCache = new Map<string, ReadonlySet<string>>();

/** All readings pinyin-pro knows for a character and for its Simplified form, with tone marks. */
export function readingsOf(ch: string): ReadonlySet<string> {
  let readings = readingCache.get(ch);
  if (readings) return readings;
  const set = new Set<string>();
  const forms = new Set([ch, toSimplified(ch)]);
  for (const form of forms) {
    for (const reading of pinyin(form, { multiple: true, type: 'array' })) {
      // pinyin-pro echoes characters it has no reading for; keep only Latin readings.
      if (reading && reading !== form && /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+$/.test(reading)) {
        set.add(reading.toLowerCase().normalize('NFC'));
      }
    }
  }
  readings = set;
  readingCache.set(ch, readings);
  return readings;
}

export function detectPinyinGlosses(line: string): Annotation[] {
  if (line.indexOf('(') < 0 && line.indexOf('（') < 0) return [];
  const found: Annotation[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(line); match; match = CANDIDATE.exec(line)) {
    const [, ch, , syllableRaw] = match;
    const syllable = syllableRaw.normalize('NFC');
    const start = match.index + ch.length;
    const end = match.index + match[0].length;
    if (!readingsOf(ch).has(syllable)) {
      // Not a reading of this character: let the regex retry from the opening parenthesis's content.
      CANDIDATE.lastIndex = start;
      continue;
    }
    const toned = TONE_MARKED.test(syllableRaw);
    found.push(
      junkAt(
        line,
        'pinyin-gloss',
        start,
        end,
        `Pinyin gloss ${line.slice(start, end)} is the reading of ${ch} inserted by a spam mirror`,
        toned ? 0.97 : 0.8,
      ),
    );
  }
  return found;
}
