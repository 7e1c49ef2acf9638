// Reads the figure at a numeral token from the words around it: MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL, DATE, TIME.
import type { FigureType, FigureValue } from '../types';
import { matchDateTime } from './dates';
import { type Comparator, comparatorPrefix, formatNumber, formatPercent } from './format';
import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES, englishMultiplierAt } from './money';
import { chineseUnitPower, clean, digitsValue, isArabicDigit, parseChineseNumber, scalePow10 } from './numerals';
import { englishOrdinalAt, ordinalDisplay, ordinalMarkerBefore, sessionAt } from './ordinals';
import {
  APPROX_MARKERS, COMPARATOR_PREFIXES, COMPARATOR_SUFFIXES, LATIN_UNIT, PER_PREFIXES, PERCENT_SIGNS, POINT_WORDS,
  TIME_UNITS, UNITS, type UnitUse, VAGUE_PREFIXES,
} from './quantities';
import { gluedAfter, gluedBefore, NUMERAL_AT, type RunKind, runKind } from './tokens';

export interface Figure {
  start: number;
  end: number;
  label: FigureType;
  value: FigureValue;
}

/** Returned when Arabic digits belong to a Latin word (G60, 3D, MP3): the caller skips the word. */
export const GLUED = 'glued';

type Kind = RunKind | 'arabic';

const C_QIAN = '千'.charCodeAt(0);
const C_BAI = '百'.charCodeAt(0);
const C_WAN_T = '萬'.charCodeAt(0);
const C_WAN_S = '万'.charCodeAt(0);
const C_FEN = '分'.charCodeAt(0);
const C_CHENG = '成'.charCodeAt(0);
const UNIT_AFTER_QIAN = new Set(['米', '克', '瓦', '伏'].map((c) => c.charCodeAt(0)));
/** 成 after a numeral is "tenths" (三成 = 30%) unless it starts a word: 成員, 成功, 成果 … */
const NOT_TENTHS = new Set(['員', '员', '功', '果', '立', '本', '績', '绩', '長', '长', '就', '交', '熟', '型', '品', '不', '為', '为', '年', '人', '都'].map((c) => c.charCodeAt(0)));
const BEFORE_ONE_TENTH = new Set(['僅', '仅', '只', '有', '佔', '占', '為', '为', '是', '約', '约'].map((c) => c.charCodeAt(0)));
const GENERIC_CURRENCY = new Set(['元', '圓', '圆']);
/** 元 that starts another word is not a currency: 元素, 元旦, 元年, 元首, 二元結構 … */
const NOT_YUAN = new Set(['素', '旦', '年', '首', '件', '氣', '气', '宵', '老', '帥', '帅', '朝', '代', '化', '論', '论', '月', '數', '数', '結', '结'].map((c) => c.charCodeAt(0)));

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0;
}

/** `pos`, or one past a single space that is followed by something else (pangu spacing: 15 個). */
function skipSpace(line: string, pos: number): number {
  return isSpace(line.charCodeAt(pos)) && !isSpace(line.charCodeAt(pos + 1)) && pos + 1 < line.length ? pos + 1 : pos;
}

function parseToken(line: string, s: number, e: number): number | undefined {
  if (e - s <= 15) {
    // Fast path for plain ASCII integers.
    let v = 0;
    let i = s;
    for (; i < e; i++) {
      const c = line.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + (c - 0x30);
    }
    if (i === e) return v;
  }
  return parseChineseNumber(line.slice(s, e));
}

function figure(start: number, end: number, label: FigureType, value: FigureValue): Figure {
  return { start, end, label, value };
}

interface Prefix {
  start: number;
  comparator?: Comparator;
  /** The comparator word is 近 or alike, which before a time unit means "the past N years". */
  near?: boolean;
  currency?: string;
}

/** Currency sign or word before `s`, allowing one space between (US$ 3, RMB 100). */
function currencyBefore(line: string, s: number, floor: number): { start: number; code: string } | undefined {
  let entry = CURRENCY_PREFIXES.before(line, s, floor);
  if (entry) return { start: s - entry.word.length, code: entry.value };
  if (s - 1 > floor && isSpace(line.charCodeAt(s - 1))) {
    entry = CURRENCY_PREFIXES.before(line, s - 1, floor);
    if (entry) return { start: s - 1 - entry.word.length, code: entry.value };
  }
  return undefined;
}

/** Comparator words before `start` (超, 近, 約, 不到 …); vague multipliers (數千, 上萬) when the numeral allows them. */
function comparatorBefore(line: string, start: number, floor: number, firstCode: number, arabic: boolean): Prefix {
  const entry = COMPARATOR_PREFIXES.before(line, start, floor);
  if (entry) {
    if (entry.value === null) return { start };
    const near = entry.word.endsWith('近');
    return { start: start - entry.word.length, comparator: entry.value, near };
  }
  if (!arabic) {
    const pow = chineseUnitPower(firstCode);
    if (pow >= 1) {
      const vague = VAGUE_PREFIXES.before(line, start, floor);
      if (vague?.value && (pow >= 2 || vague.value === '>')) return { start: start - vague.word.length, comparator: vague.value };
    }
  }
  return { start };
}

interface Suffix {
  end: number;
  label: FigureType;
  unit?: string;
  use?: UnitUse;
  currency?: string;
  genericCurrency?: boolean;
  divisor?: number;
  points?: boolean;
}

/** What follows the number at `pos`: a percent sign, 個百分點, a currency or a unit. */
function suffixAt(line: string, pos: number, arabic: boolean, moneyOnly: boolean): Suffix | undefined {
  const percent = PERCENT_SIGNS.at(line, pos);
  if (percent && !moneyOnly) return { end: pos + percent.word.length, label: 'PERCENT', divisor: percent.value };
  // After a currency sign only an adjacent currency word counts (人民幣3億元, not HK$5 RMB100).
  const sp = moneyOnly ? pos : skipSpace(line, pos);
  if (!moneyOnly) {
    const points = POINT_WORDS.at(line, sp);
    if (points) return { end: sp + points.word.length, label: 'QUANTITY', unit: points.value, points: true };
  }
  const currency = CURRENCY_SUFFIXES.at(line, sp);
  if (currency && !(currency.word === '元' && NOT_YUAN.has(line.charCodeAt(sp + 1)))) {
    return {
      end: sp + currency.word.length, label: 'MONEY', currency: currency.value, genericCurrency: GENERIC_CURRENCY.has(currency.word),
    };
  }
  if (moneyOnly) return undefined;
  const unit = UNITS.at(line, sp);
  if (unit) return { end: sp + unit.word.length, label: 'QUANTITY', unit: unit.word, use: unit.value };
  if (arabic) {
    LATIN_UNIT.lastIndex = pos;
    const m = LATIN_UNIT.exec(line);
    if (m) return { end: LATIN_UNIT.lastIndex, label: 'QUANTITY', unit: m[1], use: 'any' };
  }
  return undefined;
}

/** Whether a numeral of this kind may carry this suffix (一批, 百家, 十分 may not); `bounded`: a comparator before it. */
function accepts(kind: Kind, suffix: Suffix | undefined, bounded: boolean): boolean {
  if (kind === 'arabic') return true;
  if (kind === 'bad') return false;
  if (!suffix) return kind === 'number' || kind === 'digitsZero' || ((kind === 'multOnly' || kind === 'multLone') && bounded);
  if (suffix.label === 'MONEY') return kind !== 'digits';
  if (suffix.label === 'PERCENT') return kind !== 'digits' && kind !== 'multLone';
  if (suffix.points) return kind !== 'digits' && kind !== 'multLone';
  switch (kind) {
    case 'one':
      return suffix.use === 'measure';
    case 'multLone':
      return bounded && suffix.use !== 'arabic';
    case 'digits':
      return false;
    default:
      return suffix.use !== 'arabic';
  }
}

function withComparator(value: FigureValue, comparator: Comparator | undefined): FigureValue {
  if (comparator) value.comparator = comparator;
  return value;
}

/** A comparator word after `end` (以上, 左右 …): the new end and the comparator. */
function comparatorAfter(line: string, end: number): { end: number; comparator?: Comparator } {
  const entry = COMPARATOR_SUFFIXES.at(line, end);
  return entry ? { end: end + entry.word.length, comparator: entry.value } : { end };
}

/** 百分之三十八, 千分之五: a percent written in words, from `s` (the 百/千/萬 of the prefix). */
function perWordsAt(line: string, s: number, divisor: number, prefixLength: number, floor: number): Figure | undefined {
  const p = s + prefixLength;
  NUMERAL_AT.lastIndex = p;
  const m = NUMERAL_AT.exec(line);
  if (!m) return undefined;
  const n = parseToken(line, p, p + m[0].length);
  if (n === undefined) return undefined;
  const before = comparatorBefore(line, s, floor, 0, true);
  const after = comparatorAfter(line, p + m[0].length);
  const comparator = before.comparator ?? after.comparator;
  const fraction = clean(n / divisor);
  return figure(before.start, after.end, 'PERCENT', withComparator({ number: fraction, display: formatPercent(fraction, comparator) }, comparator));
}

/**
 * The figure whose numeral token spans [s, e), or undefined when the token is not a figure (一體化, 十分),
 * or GLUED for digits inside a Latin word. Nothing before `floor` (the end of the previous figure) is used.
 */
export function figureAt(line: string, s: number, e: number, floor: number): Figure | typeof GLUED | undefined {
  const first = line.charCodeAt(s);
  const arabic = isArabicDigit(first);
  const currencyPre = currencyBefore(line, s, floor);
  if (arabic && !currencyPre && gluedBefore(line, s)) return GLUED;
  let kind: Kind = arabic ? 'arabic' : runKind(line, s, e);

  // 第三, 第1
  const di = ordinalMarkerBefore(line, s, floor);
  if (di >= 0) {
    if (kind !== 'arabic' && kind !== 'one' && kind !== 'digit' && kind !== 'number') return undefined;
    const n = parseToken(line, s, e);
    return n === undefined ? undefined : figure(di, e, 'ORDINAL', { number: n, display: ordinalDisplay(n) });
  }

  // 百分之三十八, 千分之五
  if (first === C_BAI || first === C_QIAN || first === C_WAN_T || first === C_WAN_S) {
    const per = PER_PREFIXES.at(line, s);
    if (per) return perWordsAt(line, s, per.value, per.word.length, floor);
  }

  const dt = matchDateTime(line, s, floor);
  if (dt) return figure(dt.start, dt.end, dt.label, { iso: dt.iso, display: dt.display });
  if (kind === 'bad') return undefined;

  // A run ending in the 千 of 千米/千克, the 百 of 百分點 or the 萬 of 萬分之 gives that character back.
  let tokEnd = e;
  if (!arabic) {
    const last = line.charCodeAt(e - 1);
    const next = line.charCodeAt(e);
    if ((last === C_QIAN && UNIT_AFTER_QIAN.has(next)) || ((last === C_BAI || last === C_WAN_T || last === C_WAN_S) && next === C_FEN)) {
      if (e - s === 1) return undefined;
      tokEnd = e - 1;
      kind = runKind(line, s, tokEnd);
      if (kind === 'bad') return undefined;
    }
  }
  const parsed = parseToken(line, s, tokEnd);
  if (parsed === undefined) return undefined;
  let value = parsed;
  const p = tokEnd;
  const wholeNumber = kind === 'arabic' || kind === 'digit' || kind === 'number';

  // 九屆二次 (9th term, 2nd plenary session), 十四屆
  if (wholeNumber && Number.isInteger(value) && value > 0) {
    const session = sessionAt(line, p, value);
    if (session) return figure(s, session.end, 'ORDINAL', { number: value, display: session.display });
  }

  // 一季度, 四季度: the first / fourth quarter (a count of quarters is 3個季度)
  if ((wholeNumber || kind === 'one') && value >= 1 && value <= 4 && Number.isInteger(value) && line.startsWith('季度', p)) {
    return figure(s, p + 2, 'ORDINAL', { number: value, display: `Q${value}` });
  }

  const prefix: Prefix = comparatorBefore(line, currencyPre ? currencyPre.start : s, floor, first, arabic);
  if (currencyPre) prefix.currency = currencyPre.code;

  // 三分之一
  if (wholeNumber && line.startsWith('分之', p)) {
    NUMERAL_AT.lastIndex = p + 2;
    const m = NUMERAL_AT.exec(line);
    const numerator = m ? parseToken(line, p + 2, p + 2 + m[0].length) : undefined;
    if (m && numerator !== undefined && value !== 0) {
      const after = comparatorAfter(line, p + 2 + m[0].length);
      const comparator = prefix.comparator ?? after.comparator;
      const display = `${comparatorPrefix(comparator)}${formatNumber(numerator)}/${formatNumber(value)}`;
      return figure(prefix.start, after.end, 'CARDINAL', withComparator({ number: clean(numerator / value), display }, comparator));
    }
  }

  // 三成 (30%), 七成以上, 不到一成 (一成 only after a comparator or 僅/有/佔…: 統一成本 is not 10%)
  const tenthsOk = wholeNumber || (kind === 'one' && (prefix.comparator !== undefined || BEFORE_ONE_TENTH.has(line.charCodeAt(s - 1))));
  if (tenthsOk && line.charCodeAt(p) === C_CHENG && value >= 1 && value <= 10 && Number.isInteger(value) && !NOT_TENTHS.has(line.charCodeAt(p + 1))) {
    const after = comparatorAfter(line, p + 1);
    const comparator = prefix.comparator ?? after.comparator;
    const fraction = value / 10;
    return figure(prefix.start, after.end, 'PERCENT', withComparator({ number: fraction, display: formatPercent(fraction, comparator) }, comparator));
  }

  if (arabic) {
    // 1st, 2nd
    const ordEnd = englishOrdinalAt(line, p);
    if (ordEnd >= 0) return figure(s, ordEnd, 'ORDINAL', { number: value, display: ordinalDisplay(value) });
  }

  // $12.5 million, US$3 billion, 12.5 million
  let q = p;
  if (arabic) {
    const multiplier = englishMultiplierAt(line, q, currencyPre !== undefined);
    if (multiplier) {
      value = scalePow10(value, multiplier.pow);
      q = multiplier.end;
    }
  }

  // 30多家, 3000餘人, 3000多萬元, 十幾個
  let approx: Comparator | undefined;
  let suffix: Suffix | undefined;
  const marker = APPROX_MARKERS.at(line, q);
  if (marker) {
    let r = q + marker.word.length;
    let scaled = value;
    const pow = chineseUnitPower(line.charCodeAt(r));
    if (pow >= 4 || (pow === 3 && !UNIT_AFTER_QIAN.has(line.charCodeAt(r + 1)))) {
      scaled = scalePow10(value, pow);
      r++;
    }
    const after = suffixAt(line, r, arabic, currencyPre !== undefined);
    if (after || arabic) {
      approx = marker.value;
      value = scaled;
      q = r;
      suffix = after;
    }
  }
  if (!approx) suffix = suffixAt(line, q, arabic, currencyPre !== undefined);

  const bounded = prefix.comparator !== undefined || approx !== undefined;
  if (!accepts(kind, suffix, bounded)) {
    if (!suffix || !accepts(kind, undefined, bounded)) return undefined;
    suffix = undefined; // 三十分 is not a quantity of 分 but may still be a number
  }

  // 近3年 is "the past three years": no comparator.
  if (prefix.near && suffix?.unit !== undefined && TIME_UNITS.has(suffix.unit)) {
    prefix.comparator = undefined;
    prefix.start = currencyPre ? currencyPre.start : s;
  }

  const end0 = suffix ? suffix.end : q;
  if (arabic && end0 === tokEnd) {
    if (gluedAfter(line, tokEnd)) return GLUED;
    // 0573, 007: codes, not numbers.
    if (!prefix.comparator && !prefix.currency && tokEnd - s > 1 && digitsValue(line[s]) === 0 && isArabicDigit(line.charCodeAt(s + 1))) {
      return undefined;
    }
  }
  const after = comparatorAfter(line, end0);
  const comparator = prefix.comparator ?? approx ?? after.comparator;
  const cmp = comparatorPrefix(comparator);

  if (suffix?.label === 'PERCENT') {
    const fraction = clean(value / (suffix.divisor ?? 100));
    return figure(prefix.start, after.end, 'PERCENT', withComparator({ number: fraction, display: formatPercent(fraction, comparator) }, comparator));
  }
  if (suffix?.label === 'MONEY' || prefix.currency) {
    const currency = suffix?.currency && !(suffix.genericCurrency && prefix.currency) ? suffix.currency : (prefix.currency as string);
    const money: FigureValue = { number: value, currency, display: `${cmp}${formatNumber(value)} ${currency}` };
    return figure(prefix.start, after.end, 'MONEY', withComparator(money, comparator));
  }
  if (suffix?.label === 'QUANTITY' && suffix.unit) {
    const display = `${cmp}${formatNumber(value)} ${suffix.unit}${suffix.points ? ' (percentage points)' : ''}`;
    return figure(prefix.start, after.end, 'QUANTITY', withComparator({ number: value, unit: suffix.unit, display }, comparator));
  }
  return figure(prefix.start, after.end, 'CARDINAL', withComparator({ number: value, display: `${cmp}${formatNumber(value)}` }, comparator));
}
