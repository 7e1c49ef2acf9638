// Numeral tokens of a line (1,234.5, 102.54億, 3萬5千, 一億零五百萬, 三點五萬, 壹萬貳仟, 负增长) and what kind of Chinese numeral they are.
import { chineseUnitPower, isArabicDigit, isFinancial } from './numerals';
import { GROWTH } from './signs';

const AD = '[0-9\\uFF10-\\uFF19]';
const ARABIC = `(?:${AD}{1,3}(?:[,，]${AD}{3})+(?!${AD})|${AD}+)(?:[.．]${AD}+)?`;
/** Chinese multipliers after Arabic digits; 千 of 千米/千克/千瓦 and 百 of 百分點 belong to the unit. */
const MULT = '(?:[萬万億亿]|百(?!分)|千(?![米克瓦伏]))';
/** 3萬5千, 1億2000萬, 20萬零300, and colloquial 2萬5 (= 25000, one digit after the last multiplier). */
const ARABIC_TOKEN = `${ARABIC}(?:${MULT}+(?:零?${ARABIC}${MULT}+)*(?:零${ARABIC}|${AD}(?![0-9\\uFF10-\\uFF19.．,，]))?)?`;
const CHINESE_RUN = '[〇零一二兩两三四五六七八九十百千萬万億亿廿卅]+(?:[點点][〇零一二三四五六七八九]+[萬万億亿]*)?';
/** Financial numerals (壹萬貳仟叁佰): their own run, so that 陸/伍/拾 in words (大陸, 隊伍) do not join other digits. */
const FINANCIAL_RUN = '[壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟][〇零壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟萬万億亿]*';

/** A numeral token (or a growth word: 负增长) exactly at `lastIndex`. */
export const TOKEN_AT = new RegExp(`${ARABIC_TOKEN}|${GROWTH}|${CHINESE_RUN}|${FINANCIAL_RUN}`, 'y');
/** A numeral token exactly at `lastIndex`. */
export const NUMERAL_AT = new RegExp(`${ARABIC_TOKEN}|${CHINESE_RUN}|${FINANCIAL_RUN}`, 'y');

/** 1 for the characters a token can start with: a scan that skips the others is cheaper than a global regex. */
const TOKEN_START = new Uint8Array(65536);
for (const c of '0123456789０１２３４５６７８９〇零一二兩两三四五六七八九十百千萬万億亿廿卅壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟负負正') {
  TOKEN_START[c.charCodeAt(0)] = 1;
}

/** The end of the token found by the last successful `nextToken` (a module variable: no object per token). */
export let tokenEnd = 0;

/** The start of the next token at or after `from` (its end is left in `tokenEnd`), or -1. */
export function nextToken(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    if (TOKEN_START[line.charCodeAt(i)] === 0) continue;
    TOKEN_AT.lastIndex = i;
    if (TOKEN_AT.test(line)) {
      tokenEnd = TOKEN_AT.lastIndex;
      return i;
    }
  }
  return -1;
}

/** Number of financial characters in [s, e). */
export function financialCount(line: string, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (isFinancial(line.charCodeAt(i))) n++;
  return n;
}

/**
 * What a Chinese numeral run is, which decides where it may stand:
 * - `one`: 一 alone (一體化, 統一, 一批 are words, not figures);
 * - `digit`: one other digit or 十/廿/卅 (兩個, 三年, 十家);
 * - `multLone`: 百/千/萬/億 alone (百家, 萬事通);
 * - `multOnly`: only multipliers (千億, 百萬);
 * - `digits`: a digit string without 〇 (一一, 九九), `digitsZero`: with 〇 (二〇二二);
 * - `decimal`: with 點 (三點五);
 * - `number`: a well-formed numeral with units (十五, 一億零五百萬);
 * - `bad`: anything else (萬一, 零 alone).
 */
export type RunKind = 'one' | 'digit' | 'multLone' | 'multOnly' | 'digits' | 'digitsZero' | 'decimal' | 'number' | 'bad';

const C_YI = '一'.charCodeAt(0);
const C_NIAN = '廿'.charCodeAt(0);
const C_SA = '卅'.charCodeAt(0);
const C_LING = '零'.charCodeAt(0);
const C_ZERO = '〇'.charCodeAt(0);
const C_DIAN_T = '點'.charCodeAt(0);
const C_DIAN_S = '点'.charCodeAt(0);

export function runKind(line: string, s: number, e: number): RunKind {
  const first = line.charCodeAt(s);
  if (e - s === 1) {
    if (first === C_YI) return 'one';
    if (first === C_ZERO || first === C_LING) return 'bad';
    const pow = chineseUnitPower(first);
    return pow > 1 ? 'multLone' : 'digit';
  }
  let units = 0;
  let bigOnly = true;
  let zeroDigit = false;
  let decimal = false;
  for (let i = s; i < e; i++) {
    const c = line.charCodeAt(i);
    if (c === C_DIAN_T || c === C_DIAN_S) {
      decimal = true;
      break;
    }
    const pow = chineseUnitPower(c);
    if (pow > 0 || c === C_NIAN || c === C_SA) {
      units++;
      if (pow <= 1) bigOnly = false;
    } else {
      bigOnly = false;
      if (c === C_ZERO) zeroDigit = true;
    }
  }
  if (decimal) return units === 0 || !(chineseUnitPower(first) > 1) ? 'decimal' : 'bad';
  if (units === 0) return zeroDigit ? 'digitsZero' : 'digits';
  if (bigOnly) return 'multOnly';
  // A numeral starts with a digit or 十 (十五); 萬一, 百一 are words.
  if (chineseUnitPower(first) > 1 || first === C_LING) return 'bad';
  return 'number';
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiAlnum(code: number): boolean {
  return isAsciiLetter(code) || (code >= 0x30 && code <= 0x39);
}

/**
 * Whether Arabic digits at `s` are glued to what comes before: a Latin letter or _ (G60, MP3, qc0qw),
 * a dot after an alphanumeric (v1.2, 192.168.1.1), a hyphen or slash after a letter (COVID-19, abc/123), @.
 */
export function gluedBefore(line: string, s: number): boolean {
  if (s === 0) return false;
  const p = line.charCodeAt(s - 1);
  if (isAsciiLetter(p) || p === 0x5f || p === 0x40) return true;
  if (s < 2) return false;
  const pp = line.charCodeAt(s - 2);
  if (p === 0x2e) return isAsciiAlnum(pp);
  if (p === 0x2d || p === 0x2f || p === 0x5c || p === 0x3d) return isAsciiLetter(pp);
  return false;
}

/** Whether what follows Arabic digits ending at `e` glues them into a word: 3D, 1.2.3, abc.com, 5_x. */
export function gluedAfter(line: string, e: number): boolean {
  const c = line.charCodeAt(e);
  if (isAsciiLetter(c) || c === 0x5f) return true;
  const next = line.charCodeAt(e + 1);
  if (c === 0x2e) return isAsciiAlnum(next);
  if (c === 0x2d) return isAsciiLetter(next);
  return false;
}

/** The end of the Latin/digit word containing offset `e` (to skip the rest of G60, H5N1, 192.168.1.1). */
export function skipWord(line: string, e: number): number {
  let p = e;
  for (;;) {
    const c = line.charCodeAt(p);
    if (isAsciiAlnum(c) || c === 0x5f || isArabicDigit(c)) p++;
    else if ((c === 0x2e || c === 0x2d) && isAsciiAlnum(line.charCodeAt(p + 1))) p++;
    else return p;
  }
}

/** Ranges [start, end, start, end, …] of URLs and e-mail addresses in the line, whose digits are not figures. */
const URL = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s"'<>，。；、！？（）「」『』]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function urlRanges(line: string): number[] | undefined {
  if (line.indexOf('://') < 0 && line.indexOf('www.') < 0 && line.indexOf('@') < 0) return undefined;
  const ranges: number[] = [];
  URL.lastIndex = 0;
  for (let m = URL.exec(line); m; m = URL.exec(line)) ranges.push(m.index, m.index + m[0].length);
  return ranges.length ? ranges : undefined;
}

/** The end of the range containing `pos`, or -1. */
export function rangeEndAt(ranges: readonly number[], pos: number): number {
  for (let i = 0; i < ranges.length; i += 2) if (pos >= ranges[i] && pos < ranges[i + 1]) return ranges[i + 1];
  return -1;
}
