// Pinyin glosses: `網(wǎng)` — a parenthesised reading of the preceding character, inserted by spam mirrors.
import table from '../../../data/readings.json';
import type { Annotation } from '../types';
import { toSimplified } from '../script';
import { PINYIN_LETTERS, junkAt } from './common';

/**
 * Candidate: `(`/`（`, a lower-case pinyin-like syllable, `)`/`）`. Combining tone marks are allowed and normalised
 * before comparing. The character before the parenthesis is checked by hand (faster than a look-behind).
 */
const CANDIDATE = new RegExp(`[(（]([${PINYIN_LETTERS}\\u0300\\u0301\\u0304\\u0308\\u030c]{1,7})[)）]`, 'g');
const COMBINING_MARK = /[\u0300-\u036f]/;
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c]/;

/** Reading (tone marks, NFC, lower case) → the characters that have it: data/readings.json, pinyin-pro's readings generated at build time. */
const CHARACTERS_BY_READING = new Map<string, string>(Object.entries(table.readings as Record<string, string>));

/**
 * True when `reading` is a reading of the character or of its Simplified form. One short string
 * search (the characters sharing one reading), so nothing is built before the first gloss.
 */
export function hasReading(ch: string, reading: string): boolean {
  const characters = CHARACTERS_BY_READING.get(reading);
  if (!characters) return false;
  if (characters.includes(ch)) return true;
  const simplified = toSimplified(ch);
  return simplified !== ch && characters.includes(simplified);
}

/** All readings of a character and of its Simplified form (a scan of the whole table: for tests and tools, not hot paths). */
export function readingsOf(ch: string): ReadonlySet<string> {
  const found = new Set<string>();
  for (const reading of CHARACTERS_BY_READING.keys()) if (hasReading(ch, reading)) found.add(reading);
  return found;
}

/** The CJK ideograph (BMP or astral) that ends right before `index`, or undefined. */
function characterBefore(line: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const unit = line.charCodeAt(index - 1);
  if ((unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff)) return line[index - 1];
  if (unit >= 0xdc00 && unit <= 0xdfff && index >= 2) {
    const high = line.charCodeAt(index - 2);
    // Planes 2 and 3: CJK Extensions B–H and the compatibility supplement.
    if (high >= 0xd840 && high <= 0xd8bf) return line.slice(index - 2, index);
  }
  return undefined;
}

export function detectPinyinGlosses(line: string): Annotation[] {
  if (line.indexOf('(') < 0 && line.indexOf('（') < 0) return [];
  const found: Annotation[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(line); match; match = CANDIDATE.exec(line)) {
    const start = match.index;
    const ch = characterBefore(line, start);
    if (ch === undefined) continue;
    const syllableRaw = match[1];
    // Tone marks come precomposed nearly always; normalising only when a combining mark is there saves a call per gloss.
    if (!hasReading(ch, COMBINING_MARK.test(syllableRaw) ? syllableRaw.normalize('NFC') : syllableRaw)) continue;
    const end = start + match[0].length;
    const toned = TONE_MARKED.test(syllableRaw);
    found.push(
      junkAt(
        line,
        'pinyin-gloss',
        start,
        end,
        `Pinyin gloss ${match[0]} is the reading of ${ch} inserted by a spam mirror`,
        toned ? 0.97 : 0.8,
      ),
    );
  }
  return found;
}
