// Pinyin glosses: `網(wǎng)`, `杭(hang)`, `網(wang3)`, `網 （wǎng）`, `網(網)` — a reading (or the character itself) inserted after a character by spam mirrors.
import table from '../../../data/readings.json';
import type { Annotation } from '../types';
import { toSimplified } from '../script';
import { PINYIN_LETTERS, junkAt } from './common';

/** Spaces a gloss may have around its parentheses (`網 (wǎng)`, `網（ wang ）`). */
const SPACE = '[ \\u00a0\\u3000]?';
/**
 * Candidate: `(`/`（`, a lower-case pinyin-like syllable with an optional tone digit — or one CJK
 * character (a self-gloss) — and `)`/`）`. Combining tone marks are allowed and normalized before comparing. The
 * character before is checked by hand (faster than a look-behind).
 */
const CANDIDATE = new RegExp(
  `[(（]${SPACE}(?:([${PINYIN_LETTERS}\\u0300\\u0301\\u0304\\u0308\\u030c]{1,7})([0-5]?)|([\\u3400-\\u9fff\\uf900-\\ufaff]|[\\ud840-\\ud8bf][\\udc00-\\udfff]))${SPACE}[)）]`,
  'g',
);
const COMBINING_MARK = /[\u0300-\u036f]/;
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c]/;

/**
 * A line where (nearly) every character carries a reading is interlinear pinyin — a children's reader, a textbook,
 * a learner's example — not a mirror's glosses (those gloss about one character in six on the seed page, and
 * rarely more than every other one). Every pinyin-like parenthetical after a CJK character counts, word-level ones
 * (`合作(hézuò)`) by their syllables: interlinear pinyin has about one syllable per character outside the
 * parentheses, a dense mirror headline such as `长(zhǎng)三角一体(tǐ)化发(fā)展(zhǎn)` about one in two.
 */
const INTERLINEAR_MIN_GLOSSES = 4;
const INTERLINEAR_MIN_SHARE = 0.5;
const INTERLINEAR_MIN_SYLLABLES_PER_CHARACTER = 0.8;
/** A syllable's vowel nucleus: a run of vowels (tone-marked or not). */
const VOWEL_RUN = /[aeiouvüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+/g;
const PINYIN_PARENTHETICAL = new RegExp(`[(（] ?[${PINYIN_LETTERS}][${PINYIN_LETTERS}0-5 ']{0,40}[)）]`, 'g');
const CJK_CHARACTER = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** Lines that talk about readings (`多音字“长”读 cháng`, `注音`) show them on purpose. */
const PINYIN_TEACHING = /拼音|读音|讀音|注音|多音字|讀作|读作|念作|唸作|聲調|声调/;

/** Reading (tone marks, NFC, lower case) → the characters that have it: data/readings.json, pinyin-pro's readings generated at build time. */
const CHARACTERS_BY_READING = new Map<string, string>(Object.entries(table.readings as Record<string, string>));
/** Numbered (`wang3`) or toneless (`wang`, `lv`) spelling → the tone-marked readings it stands for (space-separated). */
const READINGS_BY_FORM = new Map<string, string>(Object.entries(table.forms as Record<string, string>));

function readingHasCharacter(reading: string, ch: string): boolean {
  const characters = CHARACTERS_BY_READING.get(reading);
  if (!characters) return false;
  if (characters.includes(ch)) return true;
  const simplified = toSimplified(ch);
  return simplified !== ch && characters.includes(simplified);
}

/**
 * True when `spelling` — tone-marked (`wǎng`), numbered (`wang3`, `men5`) or toneless (`wang`) — is a reading of the
 * character or of its Simplified form, any of its readings (heteronyms) counted. One short string search per
 * reading, so nothing is built before the first gloss.
 */
export function hasReading(ch: string, spelling: string): boolean {
  if (readingHasCharacter(spelling, ch)) return true;
  const readings = READINGS_BY_FORM.get(spelling);
  if (!readings) return false;
  for (const reading of readings.split(' ')) if (readingHasCharacter(reading, ch)) return true;
  return false;
}

/** All tone-marked readings of a character and of its Simplified form (a scan of the whole table: for tests and tools, not hot paths). */
export function readingsOf(ch: string): ReadonlySet<string> {
  const found = new Set<string>();
  for (const reading of CHARACTERS_BY_READING.keys()) if (readingHasCharacter(reading, ch)) found.add(reading);
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

/** True for a line whose readings are content: interlinear pinyin, or a line about pronunciation. */
function showsReadingsOnPurpose(line: string, glosses: number): boolean {
  if (PINYIN_TEACHING.test(line)) return true;
  // Cheap bound first (one loop, no allocation): parentheses against CJK characters. A mirror's line fails here.
  let parentheses = 0;
  let characters = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x28 || code === 0xff08) parentheses++;
    else if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) characters++;
  }
  if (Math.max(parentheses, glosses) < INTERLINEAR_MIN_GLOSSES || parentheses < INTERLINEAR_MIN_SHARE * (characters - parentheses)) return false;
  PINYIN_PARENTHETICAL.lastIndex = 0;
  let parentheticals = 0;
  let syllables = 0;
  for (let m = PINYIN_PARENTHETICAL.exec(line); m; m = PINYIN_PARENTHETICAL.exec(line)) {
    const before = line.charCodeAt(m.index - 1);
    if (before < 0x3400 || before > 0x9fff) continue;
    parentheticals++;
    syllables += Math.max(1, m[0].normalize('NFC').toLowerCase().match(VOWEL_RUN)?.length ?? 0);
  }
  if (parentheticals < INTERLINEAR_MIN_GLOSSES) return false;
  const outside = (line.replace(PINYIN_PARENTHETICAL, '').match(CJK_CHARACTER) ?? []).length;
  return syllables >= INTERLINEAR_MIN_SYLLABLES_PER_CHARACTER * outside;
}

export function detectPinyinGlosses(line: string): Annotation[] {
  if (line.indexOf('(') < 0 && line.indexOf('（') < 0) return [];
  const found: Annotation[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(line); match; match = CANDIDATE.exec(line)) {
    // One space may stand between the character and the parenthesis (`網 (wǎng)`): it goes with the gloss.
    const spaced = match.index > 0 && /[ \u00a0\u3000]/.test(line[match.index - 1]);
    const start = spaced ? match.index - 1 : match.index;
    const ch = characterBefore(line, start);
    if (ch === undefined) continue;
    const end = match.index + match[0].length;
    const verdict = glossVerdict(line.slice(start - ch.length, end), ch, match);
    if (verdict) found.push(junkAt(line, 'pinyin-gloss', start, end, verdict.reason, verdict.confidence));
  }
  if (found.length > 0 && showsReadingsOnPurpose(line, found.length)) return [];
  return found;
}

interface GlossVerdict {
  reason: string;
  confidence: number;
}

/**
 * Verdicts by the character and its gloss (`網(wǎng)`): a mirror glosses the same common characters again and again,
 * so each is judged once and its reason string shared. Bounded: cleared when full.
 */
const verdicts = new Map<string, GlossVerdict | null>();
const MAX_VERDICTS = 4096;

/** Whether `candidate` (the character `ch`, then the parenthetical `match` found) is a gloss, and why. */
function glossVerdict(candidate: string, ch: string, match: RegExpExecArray): GlossVerdict | undefined {
  const known = verdicts.get(candidate);
  if (known !== undefined) return known ?? undefined;
  const verdict = judgeGloss(candidate.slice(ch.length).trim(), ch, match);
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(candidate, verdict ?? null);
  return verdict;
}

function judgeGloss(text: string, ch: string, match: RegExpExecArray): GlossVerdict | undefined {
  const [, letters, digit, character] = match;
  if (character !== undefined) {
    // Only the very character: `後(后)` or `乾(干)` is how texts explain a Traditional form.
    if (character !== ch) return undefined;
    return { reason: `Self-gloss ${text} repeats the character ${ch}: a spam mirror's gloss with no reading`, confidence: 0.9 };
  }
  // Tone marks come precomposed nearly always; normalizing only when a combining mark is there saves a call per gloss.
  const syllable = COMBINING_MARK.test(letters) ? letters.normalize('NFC') : letters;
  const toned = TONE_MARKED.test(syllable);
  // A digit after a tone mark (`wǎng3`) is no spelling anyone uses.
  if (toned && digit) return undefined;
  if (!hasReading(ch, syllable + digit)) return undefined;
  const form = toned ? 'the reading' : digit ? 'the numbered reading' : 'the toneless reading';
  return { reason: `Pinyin gloss ${text} is ${form} of ${ch} inserted by a spam mirror`, confidence: toned ? 0.97 : digit ? 0.9 : 0.8 };
}
