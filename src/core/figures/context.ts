// Words around a numeral token: currency and qualifier words before it; percent signs, currencies, units and qualifiers after it.
import type { FigureType } from '../types';
import { CURRENCY_PREFIXES, CURRENCY_SUFFIXES } from './money';
import { chineseUnitPower } from './numerals';
import { type Qualifier, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES, VAGUE_PREFIXES } from './qualifiers';
import { LATIN_UNIT, PERCENT_SIGNS, POINT_WORDS, UNITS, type UnitUse } from './quantities';
import type { RunKind } from './tokens';

export type Kind = RunKind | 'arabic';

const GENERIC_CURRENCY = new Set(['元', '圓', '圆']);
/** 元 that starts another word is not a currency: 元素, 元旦, 元年, 元首, 二元結構 … */
const NOT_YUAN = new Set([...'素旦年首件氣气宵老帥帅朝代化論论月數数結结'].map((c) => c.charCodeAt(0)));

export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0;
}

/** `pos`, or one past a single space that is followed by something else (pangu spacing: 15 個). */
export function skipSpace(line: string, pos: number): number {
  return isSpace(line.charCodeAt(pos)) && !isSpace(line.charCodeAt(pos + 1)) && pos + 1 < line.length ? pos + 1 : pos;
}

/** Currency sign or word before `s`, allowing one space between (US$ 3, RMB 100). */
export function currencyBefore(line: string, s: number, floor: number): { start: number; code: string } | undefined {
  let entry = CURRENCY_PREFIXES.before(line, s, floor);
  if (entry) return { start: s - entry.word.length, code: entry.value };
  if (s - 1 > floor && isSpace(line.charCodeAt(s - 1))) {
    entry = CURRENCY_PREFIXES.before(line, s - 1, floor);
    if (entry) return { start: s - 1 - entry.word.length, code: entry.value };
  }
  return undefined;
}

/** Where the figure starts once the qualifier before `start` is taken, and that qualifier. */
export interface Prefix {
  start: number;
  q?: Qualifier;
  currency?: string;
}

/** Qualifier words before `start` (超, 近, 約, 不到, more than …); vague multipliers (數千, 上萬) when the numeral allows them. */
export function qualifierBefore(line: string, start: number, floor: number, firstCode: number, arabic: boolean): Prefix {
  const entry = QUALIFIER_PREFIXES.before(line, start, floor);
  if (entry) return entry.value === null ? { start } : { start: start - entry.word.length, q: entry.value };
  const pow = arabic ? 0 : chineseUnitPower(firstCode);
  if (pow >= 1) {
    // 數十萬, 幾百, 上千 (上十 is no figure).
    const vague = VAGUE_PREFIXES.before(line, start, floor);
    if (vague?.value && (pow >= 2 || vague.word !== '上')) return { start: start - vague.word.length, q: vague.value };
  }
  return { start };
}

/** A qualifier word after `end` (以上, 左右 …): the new end and the qualifier. */
export function qualifierAfter(line: string, end: number): { end: number; q?: Qualifier } {
  const entry = QUALIFIER_SUFFIXES.at(line, end);
  return entry ? { end: end + entry.word.length, q: entry.value } : { end };
}

/** What follows a number: its label, where it ends and what it says. */
export interface Suffix {
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
export function suffixAt(line: string, pos: number, arabic: boolean, moneyOnly: boolean): Suffix | undefined {
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
  if (arabic && isAsciiLetterAt(line, isSpace(line.charCodeAt(pos)) ? pos + 1 : pos)) {
    LATIN_UNIT.lastIndex = pos;
    const m = LATIN_UNIT.exec(line);
    if (m) return { end: LATIN_UNIT.lastIndex, label: 'QUANTITY', unit: m[1], use: 'any' };
  }
  return undefined;
}

function isAsciiLetterAt(line: string, p: number): boolean {
  const c = line.charCodeAt(p) | 0x20;
  return c >= 0x61 && c <= 0x7a;
}

/**
 * Whether a numeral of this kind may carry this suffix (一批, 百家, 十分 may not); `bounded`: a qualifier before
 * it; `financial`: written in financial numerals, which take 角 as money.
 */
export function accepts(kind: Kind, suffix: Suffix | undefined, bounded: boolean): boolean {
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
