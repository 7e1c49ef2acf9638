// Ordinals: 第三, 第1, 九屆二次 (9th term, 2nd plenary), 十九屆四中全會, 1st/2nd/3rd.
import { formatNumber, ordinalWord } from './format';
import { parseChineseNumber } from './numerals';

const C_DI = '第'.charCodeAt(0);
const C_JIE_T = '屆'.charCodeAt(0);
const C_JIE_S = '届'.charCodeAt(0);

/** Offset of a 第 (optionally followed by one space) right before `s`, or -1. */
export function ordinalMarkerBefore(line: string, s: number, floor: number): number {
  let p = s - 1;
  if (p > floor && (line.charCodeAt(p) === 0x20 || line.charCodeAt(p) === 0xa0)) p--;
  return p >= floor && line.charCodeAt(p) === C_DI ? p : -1;
}

/** N屆 optionally followed by M次 / M中(全會): a session of a congress or committee. */
const SESSION = /[屆届](?:([0-9\uFF10-\uFF19]{1,2}|[一二三四五六七八九十]{1,3})(次|中(?=全[會会])))?/y;

/** A term (屆) and plenary session (次/中全會) after the number `n` ending at `p`. */
export function sessionAt(line: string, p: number, n: number): { end: number; display: string } | undefined {
  const c = line.charCodeAt(p);
  if (c !== C_JIE_T && c !== C_JIE_S) return undefined;
  SESSION.lastIndex = p;
  const m = SESSION.exec(line);
  if (!m) return undefined;
  const term = `${ordinalWord(n)} term`;
  if (m[1] === undefined) return { end: SESSION.lastIndex, display: term };
  const session = parseChineseNumber(m[1]);
  if (session === undefined || !Number.isInteger(session) || session < 1) return { end: p + 1, display: term };
  return { end: SESSION.lastIndex, display: `${term}, ${ordinalWord(session)} plenary session` };
}

/** English ordinal suffixes glued to digits: 1st, 22nd, 3rd, 4th. */
const EN_ORDINAL = /(st|nd|rd|th)(?![A-Za-z])/iy;

export function englishOrdinalAt(line: string, p: number): number {
  const c = line.charCodeAt(p) | 0x20; // lower case
  if (c !== 0x73 && c !== 0x6e && c !== 0x72 && c !== 0x74) return -1;
  EN_ORDINAL.lastIndex = p;
  return EN_ORDINAL.test(line) ? EN_ORDINAL.lastIndex : -1;
}

/** "3rd" for whole numbers, the plain number otherwise. */
export function ordinalDisplay(n: number): string {
  return Number.isInteger(n) && n >= 0 ? ordinalWord(n) : formatNumber(n);
}
