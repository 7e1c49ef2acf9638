// English dates and times in English text: Jan. 5, 2023 · 5 January 2023 · December 2023 · in 2023 · the 1990s · 10:30 a.m. · 3 p.m.
import { digitsValue } from './numerals';
import { WordTable } from './wordtable';

export interface EnglishDate {
  start: number;
  end: number;
  label: 'DATE';
  iso: string;
  display: string;
}

const MONTH_NAMES = [
  ['January', 'Jan'], ['February', 'Feb'], ['March', 'Mar'], ['April', 'Apr'], ['May', 'May'], ['June', 'Jun'],
  ['July', 'Jul'], ['August', 'Aug'], ['September', 'Sep', 'Sept'], ['October', 'Oct'], ['November', 'Nov'], ['December', 'Dec'],
];

/** Month names (capitalized: "may" is a verb) with the space that separates them from the number, in both orders. */
const MONTH_BEFORE = new WordTable<number>(monthWords((n) => [`${n} `], (n) => [`${n} `, `${n}. `]));
const MONTH_AFTER = new WordTable<number>(monthWords((n) => [` ${n}`], (n) => [` ${n}.`, ` ${n}`]));

/** Each month's full name and abbreviations (with and without the dot) as table entries. */
function monthWords(full: (n: string) => string[], short: (n: string) => string[]): Array<[string, number]> {
  return MONTH_NAMES.flatMap((names, i) =>
    names.flatMap((n, k) => (k === 0 || n === 'May' ? full(n) : short(n)).map((w) => [w, i + 1] as [string, number])),
  );
}

/** ", 2023" or " 2023" after a day. */
const YEAR_AFTER = /,?[ \u00A0]([12][0-9]{3})(?![0-9]|,[0-9])/y;
/** a.m. / p.m. after a clock time or an hour. */
const MERIDIEM = /[ \u00A0]?([aApP])\.?[mM]\.?(?![A-Za-z])/y;
/** The s of a decade: 1990s. */
const DECADE_S = /s(?![A-Za-z0-9])/y;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isAsciiDigits(line: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return e > s;
}

function yearAfter(line: string, p: number): { end: number; year: number } | undefined {
  YEAR_AFTER.lastIndex = p;
  const m = YEAR_AFTER.exec(line);
  return m ? { end: YEAR_AFTER.lastIndex, year: Number(m[1]) } : undefined;
}

function dayDate(start: number, end: number, month: number, day: number, year: number | undefined): EnglishDate {
  const md = `${pad2(month)}-${pad2(day)}`;
  if (year === undefined) return { start, end, label: 'DATE', iso: `--${md}`, display: `${md} (year not stated)` };
  const iso = `${year}-${md}`;
  return { start, end, label: 'DATE', iso, display: iso };
}

/**
 * An English date around the ASCII number [s, e): Jan. 5, 2023 / January 2023 / 5 January 2023 / Jan 26 / the 1990s.
 * Nothing before `floor` is used.
 */
export function englishDateAt(line: string, s: number, e: number, floor: number): EnglishDate | undefined {
  // Each form has a month name or an s right next to the number, across one space (Jan 5, 5 May, 1990s).
  const b = line.charCodeAt(s - 1);
  const a = line.charCodeAt(e);
  const monthBefore = (b === 0x20 || b === 0xa0) && isAsciiLetterOrDot(line.charCodeAt(s - 2));
  const monthAfter = (a === 0x20 || a === 0xa0) && isAsciiUpper(line.charCodeAt(e + 1));
  if (!monthBefore && !monthAfter && a !== 0x73) return undefined;
  if (!isAsciiDigits(line, s, e)) return undefined;
  const n = digitsValue(line.slice(s, e));
  const before = monthBefore ? MONTH_BEFORE.before(line, s, floor) : undefined;
  if (before) {
    const start = s - before.word.length;
    if (e - s <= 2 && n >= 1 && n <= 31) {
      const y = yearAfter(line, e);
      return dayDate(start, y ? y.end : e, before.value, n, y?.year);
    }
    if (e - s === 4 && n >= 1000 && n <= 2999) {
      const iso = `${n}-${pad2(before.value)}`;
      return { start, end: e, label: 'DATE', iso, display: iso };
    }
    return undefined;
  }
  if (e - s <= 2 && n >= 1 && n <= 31) {
    const after = monthAfter ? MONTH_AFTER.at(line, e) : undefined;
    if (!after) return undefined;
    const end = e + after.word.length;
    const y = yearAfter(line, end);
    return dayDate(s, y ? y.end : end, after.value, n, y?.year);
  }
  if (e - s === 4 && n >= 1000 && n <= 2990 && n % 10 === 0) {
    DECADE_S.lastIndex = e;
    if (DECADE_S.exec(line)) return { start: s, end: DECADE_S.lastIndex, label: 'DATE', iso: String(n / 10), display: `${n}s` };
  }
  return undefined;
}

function isAsciiLetterOrDot(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x2e;
}

function isAsciiUpper(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

function isIdeograph(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd840 && code <= 0xd87f);
}

/**
 * Whether the plain number [s, e) is a year standing in English text: four ASCII digits from 1800 to 2099 with
 * no ideograph on either side (in 2023, since 2019,); Chinese writes its years with 年.
 */
export function isEnglishYear(line: string, s: number, e: number): boolean {
  if (e - s !== 4 || !isAsciiDigits(line, s, e)) return false;
  const n = digitsValue(line.slice(s, e));
  if (n < 1800 || n > 2099) return false;
  let p = s - 1;
  while (p >= 0 && line.charCodeAt(p) === 0x20) p--;
  if (p >= 0 && isIdeograph(line.charCodeAt(p))) return false;
  let q = e;
  while (q < line.length && line.charCodeAt(q) === 0x20) q++;
  return !(q < line.length && isIdeograph(line.charCodeAt(q)));
}

/** a.m./p.m. at `p`: the shift it gives the hour and where it ends. */
export function meridiemAt(line: string, p: number): { end: number; pm: boolean } | undefined {
  MERIDIEM.lastIndex = p;
  const m = MERIDIEM.exec(line);
  return m ? { end: MERIDIEM.lastIndex, pm: m[1] === 'p' || m[1] === 'P' } : undefined;
}
