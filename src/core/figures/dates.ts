// Dates (2023-01-16 11:13:00, 2023年1月16日, 二〇二二年, 1月16日, 1980年代, Jan. 5, 2023) and clock times (11:13, 下午3點, 3 p.m.).
import type { DatePrecision } from '../types';
import { englishDateAt, meridiemAt } from './english';
import { WordTable } from './wordtable';
import { digitsValue, isArabicDigit, parseChineseNumber } from './numerals';

export interface DateTimeMatch {
  start: number;
  end: number;
  label: 'DATE' | 'TIME';
  iso: string;
  display: string;
}

/** How precise an ISO 8601 date or time written by this module is: 199 decade, 2023 year, --01 month, ---16 day … */
export function precisionOf(iso: string): DatePrecision {
  if (iso.includes(':')) return 'time';
  if (iso.startsWith('---')) return 'day';
  if (iso.startsWith('--')) return iso.length === 4 ? 'month' : 'day';
  if (iso.length === 3) return 'decade';
  return iso.length === 4 ? 'year' : iso.length === 7 ? 'month' : 'day';
}

const D = '[0-9\\uFF10-\\uFF19]';
const SP = '[ \\u00A0]?';
const MONTH_N = `${D}{1,2}|十[一二]?|[一二三四五六七八九]`;
const DAY_N = `${D}{1,2}|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]`;
const HOUR_N = `${D}{1,2}|二十[一二三四]?|十[一二三四五六七八九]?|[〇零一二兩两三四五六七八九]`;
const MIN_N = `${D}{1,2}|[一二三四五]?十[一二三四五六七八九]?|[〇零][一二三四五六七八九]|[一二三四五六七八九]`;

const ISO_DATE = new RegExp(`(${D}{4})([-/.．／－])(${D}{1,2})\\2(${D}{1,2})(?!${D})`, 'y');
const ISO_MONTH = new RegExp(`(${D}{4})[-/](${D}{2})(?![-/.．]?${D})`, 'y');
const YEAR = new RegExp(`(${D}{4}|[〇零一二三四五六七八九]{4})${SP}年(?![代級级])`, 'y');
const MONTH = new RegExp(`${SP}(${MONTH_N})${SP}月(份)?`, 'y');
const DAY = new RegExp(`${SP}(${DAY_N})${SP}([日號号])`, 'y');
const ROC_YEAR = new RegExp(`(${D}{1,3}|[一二三四五六七八九十百零〇]{1,5})${SP}年(?![代級级])`, 'y');
const ROC_ERA = new WordTable<true>([['民國', true], ['民国', true]]);
const DECADE = new RegExp(`(${D}{4}|${D}{2}|[一二三四五六七八九]十)${SP}年代`, 'y');
const CLOCK = new RegExp(`(${D}{1,2})[:：](${D}{2})(?:[:：](${D}{2}))?(?![0-9\\uFF10-\\uFF19:：])`, 'y');
const CN_CLOCK = new RegExp(
  `(${HOUR_N})${SP}([時时點点])(?:${SP}(${MIN_N})${SP}分(?![之鐘钟])(?:${SP}(${MIN_N})${SP}秒)?|(半)|(整))?([鐘钟])?`,
  'y',
);

/** Parts of the day before a clock time and how they shift the hour. */
type Period = 'am' | 'pm' | 'evening' | 'noon';
const PERIODS = new WordTable<Period>([
  ['上午', 'am'], ['早上', 'am'], ['早晨', 'am'], ['清晨', 'am'], ['凌晨', 'am'], ['淩晨', 'am'],
  ['下午', 'pm'], ['傍晚', 'pm'], ['中午', 'noon'],
  ['晚上', 'evening'], ['晚間', 'evening'], ['晚间', 'evening'], ['夜間', 'evening'], ['夜间', 'evening'],
  ['夜裡', 'evening'], ['夜里', 'evening'], ['深夜', 'evening'],
]);

const C_SHI_T = '時'.charCodeAt(0);
const C_SHI_S = '时'.charCodeAt(0);
const C_DIAN_T = '點'.charCodeAt(0);
const C_DIAN_S = '点'.charCodeAt(0);
const C_NIAN = '年'.charCodeAt(0);
const C_YUE = '月'.charCodeAt(0);
const C_RI = '日'.charCodeAt(0);

/** A number written with Arabic or Chinese digits (for date and clock fields). */
function fieldValue(s: string): number {
  if (isArabicDigit(s.charCodeAt(0))) return digitsValue(s);
  return parseChineseNumber(s) ?? NaN;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYear(y: number): boolean {
  return y >= 1000 && y <= 2999;
}

interface Clock {
  end: number;
  iso: string;
}

/** A clock time at `p`: 11:13, 11:13:00, 9時30分, 3點半, 三點整. `period` comes from 上午/下午… before it. */
function clockAt(line: string, p: number, period: Period | undefined): Clock | undefined {
  CLOCK.lastIndex = p;
  let m = CLOCK.exec(line);
  let hour: number;
  let minute: number;
  let second = NaN;
  let end: number;
  if (m) {
    hour = digitsValue(m[1]);
    minute = digitsValue(m[2]);
    if (m[3] !== undefined) second = digitsValue(m[3]);
    end = CLOCK.lastIndex;
    const meridiem = period ? undefined : meridiemAt(line, end);
    if (meridiem && hour >= 1 && hour <= 12) {
      period = meridiem.pm ? 'pm' : 'am';
      if (!meridiem.pm && hour === 12) hour = 0;
      end = meridiem.end;
    }
  } else {
    CN_CLOCK.lastIndex = p;
    m = CN_CLOCK.exec(line);
    if (!m) return undefined;
    const marker = m[2].charCodeAt(0);
    const hasDetail = m[3] !== undefined || m[5] !== undefined || m[6] !== undefined || m[7] !== undefined;
    // 時 reads as a clock hour on its own (9時許), except 一時 ("for a moment"); 點 ("point") needs more.
    const isShi = marker === C_SHI_T || marker === C_SHI_S;
    if (!period && !hasDetail && (!isShi || m[1] === '一')) return undefined;
    hour = fieldValue(m[1]);
    minute = m[3] !== undefined ? fieldValue(m[3]) : m[5] !== undefined ? 30 : 0;
    if (m[4] !== undefined) second = fieldValue(m[4]);
    end = CN_CLOCK.lastIndex;
  }
  if (!(hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59) || second > 59) return undefined;
  if (period === 'pm' && hour >= 1 && hour < 12) hour += 12;
  else if (period === 'evening' && hour >= 6 && hour < 12) hour += 12;
  else if (period === 'noon' && hour >= 1 && hour <= 3) hour += 12;
  const iso = `${pad2(hour)}:${pad2(minute)}${Number.isNaN(second) ? '' : `:${pad2(second)}`}`;
  return { end, iso };
}

/** A clock time right after a date (2023-01-16 11:13:00, 2023年1月16日下午3點). */
function clockAfterDate(line: string, p: number): Clock | undefined {
  let q = p;
  const c = line.charCodeAt(q);
  if (c === 0x54 /* T */ && isArabicDigit(line.charCodeAt(q + 1))) q++;
  else {
    let spaces = 0;
    while (spaces < 2 && (line.charCodeAt(q) === 0x20 || line.charCodeAt(q) === 0xa0 || line.charCodeAt(q) === 0x3000)) {
      q++;
      spaces++;
    }
  }
  const period = PERIODS.at(line, q);
  if (period) q += period.word.length;
  return clockAt(line, q, period?.value);
}

function dateMatch(start: number, end: number, iso: string, display: string, line: string, withClock: boolean): DateTimeMatch {
  if (withClock) {
    const clock = clockAfterDate(line, end);
    if (clock) return { start, end: clock.end, label: 'DATE', iso: `${iso}T${clock.iso}`, display: `${display} ${clock.iso}` };
  }
  return { start, end, label: 'DATE', iso, display };
}

/** Month (and day) from `p` on, after a year or alone; undefined when there is no valid month. */
function monthDayAt(line: string, p: number): { end: number; month: number; day?: number } | undefined {
  MONTH.lastIndex = p;
  const m = MONTH.exec(line);
  if (!m) return undefined;
  const month = fieldValue(m[1]);
  if (!(month >= 1 && month <= 12)) return undefined;
  const end = MONTH.lastIndex;
  if (m[2] !== undefined) return { end, month }; // 1月份
  DAY.lastIndex = end;
  const d = DAY.exec(line);
  if (d) {
    const day = fieldValue(d[1]);
    if (day >= 1 && day <= 31) return { end: DAY.lastIndex, month, day };
  }
  return { end, month };
}

/** A date from a year on (the year ends at `yearEnd`), with the month, day and time that follow it. */
function fromYear(line: string, start: number, yearEnd: number, y: number): DateTimeMatch {
  const md = monthDayAt(line, yearEnd);
  if (!md) return { start, end: yearEnd, label: 'DATE', iso: String(y), display: String(y) };
  let iso = `${y}-${pad2(md.month)}`;
  if (md.day === undefined) return { start, end: md.end, label: 'DATE', iso, display: iso };
  iso += `-${pad2(md.day)}`;
  return dateMatch(start, md.end, iso, iso, line, true);
}

/**
 * A date or a clock time starting at `s` (the first digit of a numeral). A part of the day before `s`
 * (下午3點) is included when it does not reach before `floor`.
 */
export function matchDateTime(line: string, s: number, tokenEnd: number, floor: number): DateTimeMatch | undefined {
  const arabic = isArabicDigit(line.charCodeAt(s));
  if (arabic) {
    const english = englishDateAt(line, s, tokenEnd, floor);
    if (english) return english;
  }
  // Each form below has a marker a few units after `s` (the separator of 2023-01, 年, 月, 日, :, 時/點): the cheap
  // test of that position before each sticky regex keeps the regexes off the many numerals that are no date.
  const c4 = line.charCodeAt(s + 4);
  if (arabic && (c4 === 0x2d || c4 === 0x2f || c4 === 0x2e || c4 === 0xff0e || c4 === 0xff0f || c4 === 0xff0d)) {
    ISO_DATE.lastIndex = s;
    let m = ISO_DATE.exec(line);
    if (m) {
      const y = digitsValue(m[1]);
      const mo = digitsValue(m[3]);
      const d = digitsValue(m[4]);
      if (validYear(y) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
        const iso = `${y}-${pad2(mo)}-${pad2(d)}`;
        return dateMatch(s, ISO_DATE.lastIndex, iso, iso, line, true);
      }
    }
    ISO_MONTH.lastIndex = s;
    m = ISO_MONTH.exec(line);
    if (m) {
      const y = digitsValue(m[1]);
      const mo = digitsValue(m[2]);
      if (validYear(y) && mo >= 1 && mo <= 12) {
        const iso = `${y}-${pad2(mo)}`;
        return { start: s, end: ISO_MONTH.lastIndex, label: 'DATE', iso, display: iso };
      }
    }
  }

  const near = markersNear(line, s);
  let m: RegExpExecArray | null;
  if (c4 === C_NIAN || (isSpace(c4) && line.charCodeAt(s + 5) === C_NIAN)) {
    YEAR.lastIndex = s;
    m = YEAR.exec(line);
    if (m) {
      const y = fieldValue(m[1]);
      if (validYear(y)) return fromYear(line, s, YEAR.lastIndex, y);
    }
  }

  // 民國112年 (Republic of China calendar: year 1 = 1912)
  const era = ROC_ERA.before(line, s, floor);
  if (era) {
    ROC_YEAR.lastIndex = s;
    m = ROC_YEAR.exec(line);
    const n = m ? fieldValue(m[1]) : NaN;
    if (m && n >= 1 && n <= 200) return fromYear(line, s - era.word.length, ROC_YEAR.lastIndex, 1911 + n);
  }

  DECADE.lastIndex = s;
  m = near & NEAR_DECADE ? DECADE.exec(line) : null;
  if (m) {
    let y = fieldValue(m[1]);
    if (m[1].length === 2 || !arabic) y += y < 30 ? 2000 : 1900; // 90年代 / 九十年代 = the 1990s
    if (validYear(y) && y % 10 === 0) {
      const iso = String(y / 10);
      return { start: s, end: DECADE.lastIndex, label: 'DATE', iso, display: `${y}s` };
    }
  }

  const md = near & NEAR_MONTH ? monthDayAt(line, s) : undefined;
  if (md) {
    if (md.day === undefined) {
      const iso = `--${pad2(md.month)}`;
      return { start: s, end: md.end, label: 'DATE', iso, display: `month ${pad2(md.month)} (year not stated)` };
    }
    const iso = `--${pad2(md.month)}-${pad2(md.day)}`;
    return dateMatch(s, md.end, iso, `${pad2(md.month)}-${pad2(md.day)} (year not stated)`, line, true);
  }

  DAY.lastIndex = s;
  m = near & NEAR_DAY ? DAY.exec(line) : null;
  // A day of the month alone: 16日. Not 3號 (a number, 3號線) and not a one-character Chinese numeral (三日遊).
  if (m && m[2] === '日' && (arabic || m[1].length >= 2)) {
    const day = fieldValue(m[1]);
    if (day >= 1 && day <= 31) {
      const iso = `---${pad2(day)}`;
      return dateMatch(s, DAY.lastIndex, iso, `day ${pad2(day)} (month not stated)`, line, true);
    }
  }

  if (near & NEAR_CLOCK) {
    const period = PERIODS.before(line, s, floor);
    const clock = clockAt(line, s, period?.value);
    if (clock) {
      const start = period ? s - period.word.length : s;
      return { start, end: clock.end, label: 'TIME', iso: clock.iso, display: clock.iso };
    }
  }
  // 3 p.m.
  if (arabic && tokenEnd - s <= 2 && isMeridiemStart(line.charCodeAt(line.charCodeAt(tokenEnd) === 0x20 ? tokenEnd + 1 : tokenEnd))) {
    const meridiem = meridiemAt(line, tokenEnd);
    const hour = meridiem ? digitsValue(line.slice(s, tokenEnd)) : NaN;
    if (meridiem && hour >= 1 && hour <= 12) {
      const iso = `${pad2(meridiem.pm ? (hour % 12) + 12 : hour % 12)}:00`;
      return { start: s, end: meridiem.end, label: 'TIME', iso, display: iso };
    }
  }
  return undefined;
}

/** Bits of `markersNear`: which date or clock marker stands where its form needs it. */
const NEAR_DECADE = 1; // 年 2–5 units after the start (1990年代, 九十 年代)
const NEAR_MONTH = 2; // 月 1–4 units after (1月, 十二 月)
const NEAR_DAY = 4; // 日 1–4 units after (16日, 二十一 日)
const NEAR_CLOCK = 8; // a colon 1–2 units after (11:13), or 時/點 1–4 units after (9時, 二十一 點)

const MARKER_KIND = new Map<number, number>([
  [C_NIAN, NEAR_DECADE], [C_YUE, NEAR_MONTH], [C_RI, NEAR_DAY],
  [C_SHI_T, NEAR_CLOCK], [C_SHI_S, NEAR_CLOCK], [C_DIAN_T, NEAR_CLOCK], [C_DIAN_S, NEAR_CLOCK],
  [0x3a, NEAR_CLOCK], [0xff1a, NEAR_CLOCK],
]);
/** 1 for the units that `MARKER_KIND` knows, so that the loop below tests a typed array first. */
const IS_MARKER = new Uint8Array(65536);
for (const c of MARKER_KIND.keys()) IS_MARKER[c] = 1;

/**
 * The markers near a numeral at `s`, as NEAR_* bits, in one pass over the next five units: each date or clock
 * regex below may only match where its marker stands, so a numeral with none of them skips the regexes.
 */
function markersNear(line: string, s: number): number {
  let bits = 0;
  const end = Math.min(line.length, s + 6);
  for (let i = s + 1; i < end; i++) {
    const c = line.charCodeAt(i);
    if (IS_MARKER[c] === 0) continue;
    const kind = MARKER_KIND.get(c)!;
    const d = i - s;
    if (kind === NEAR_DECADE) {
      if (d >= 2) bits |= NEAR_DECADE;
    } else if (c === 0x3a || c === 0xff1a) {
      if (d <= 2) bits |= NEAR_CLOCK;
    } else if (d <= 4) bits |= kind;
  }
  return bits;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0;
}

/** a, p, A or P: what a.m./p.m. starts with. */
function isMeridiemStart(code: number): boolean {
  return code === 0x61 || code === 0x70 || code === 0x41 || code === 0x50;
}
