// Reads the figure at a numeral token from the words around it: MONEY, PERCENT, QUANTITY, CARDINAL, ORDINAL, DATE, TIME.
import type { FigureType, FigureValue } from '../types';
import { accepts, currencyBefore, type Kind, qualifierAfter, qualifierBefore, type Suffix, suffixAt } from './context';
import { matchDateTime, precisionOf } from './dates';
import { isEnglishYear } from './english';
import { describe, formatNumber, qualifierPrefix } from './format';
import { changeAfterYuan, CURRENCY_SUFFIXES, englishMultiplierAt, kuaiChangeAt } from './money';
import {
  chineseUnitPower, clean, digitValue, digitsValue, isArabicDigit, parseChineseNumber, parseChineseRange, scalePow10,
} from './numerals';
import { englishOrdinalAt, ordinalDisplay, ordinalMarkerBefore, sessionAt } from './ordinals';
import { APPROX_MARKERS, type Qualifier } from './qualifiers';
import { PER_PREFIXES, PERCENT_SIGNS, POINT_WORDS, TIME_UNITS, UNITS } from './quantities';
import { growthAt, signBefore } from './signs';
import { financialCount, gluedAfter, gluedBefore, NUMERAL_AT, runKind } from './tokens';

export interface Figure {
  start: number;
  end: number;
  label: FigureType;
  value: FigureValue;
  /** Power of ten of the multiplier ending the numeral (萬 4, 億 8, billion 9), which a range may share: 5到10億元. */
  mult: number;
  /** For PERCENT: what the number was divided by (100 for %, 1000 for ‰), which a range may share: 3-5%. */
  divisor?: number;
}

/** Returned when Arabic digits belong to a Latin word (G60, 3D, MP3): the caller skips the word. */
export const GLUED = 'glued';

const C_QIAN = '千'.charCodeAt(0);
const C_BAI = '百'.charCodeAt(0);
const C_WAN_T = '萬'.charCodeAt(0);
const C_WAN_S = '万'.charCodeAt(0);
const C_FEN = '分'.charCodeAt(0);
const C_CHENG = '成'.charCodeAt(0);
const C_ZENG = '增'.charCodeAt(0);
const C_SLASH = 0x2f;
const UNIT_AFTER_QIAN = new Set([...'米克瓦伏'].map((c) => c.charCodeAt(0)));
/** 成 after a numeral is "tenths" (三成 = 30%) unless it starts a word: 成員, 成功, 成果 … */
const NOT_TENTHS = new Set([...'员員功果立本績绩長长就交熟型品不為为年人都群'].map((c) => c.charCodeAt(0)));
const BEFORE_ONE_TENTH = new Set([...'僅仅只有佔占為为是約约'].map((c) => c.charCodeAt(0)));
/** What a financial numeral of one financial character needs after it to be money: 伍角, 拾萬元. */
const MONEY_AFTER_FINANCIAL = new Set([...'元圆圓角萬万億亿'].map((c) => c.charCodeAt(0)));
/** After a spelled-out decimal with no unit (三點一四), an ideograph other than these continues a word (一點一滴). */
const AFTER_BARE_DECIMAL = new Set([...'的是和與与或及了，。、；：！？'].map((c) => c.charCodeAt(0)));
/** 3/4: a small proper fraction in Arabic digits (not a date such as 1/16/2023). */
const ARABIC_DENOMINATOR = /\/([1-9][0-9]{0,2})(?![0-9/.:])/y;

/** 1 for the first unit of every word that can follow a lone Chinese digit and make it a figure. */
const FOLLOWS_DIGIT = new Uint8Array(65536);
for (const table of [PERCENT_SIGNS, POINT_WORDS, CURRENCY_SUFFIXES, APPROX_MARKERS]) {
  for (const c of table.firstUnits()) FOLLOWS_DIGIT[c] = 1;
}
// Units for Arabic digits only (5角, not 長三角) do not make a Chinese digit a figure.
for (const c of UNITS.firstUnits((use) => use !== 'arabic')) FOLLOWS_DIGIT[c] = 1;
for (const c of '屆届季分成') FOLLOWS_DIGIT[c.charCodeAt(0)] = 1;

/** Whether a word that makes a lone digit a figure may start at `p` or after a space there. */
function canFollowDigit(line: string, p: number): boolean {
  const c = line.charCodeAt(p);
  if (FOLLOWS_DIGIT[c] === 1) return true;
  return (c === 0x20 || c === 0xa0) && FOLLOWS_DIGIT[line.charCodeAt(p + 1)] === 1;
}

function isIdeograph(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
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

function withQualifier(v: FigureValue, q: Qualifier | undefined): FigureValue {
  if (q) {
    v.qualifier = q.qualifier;
    if (q.inclusive) v.inclusive = true;
  }
  return v;
}

/** A MONEY, PERCENT, QUANTITY or CARDINAL figure with its display built from its fields. */
export function numericFigure(
  start: number, end: number, label: FigureType, v: Omit<FigureValue, 'display'>, q: Qualifier | undefined, mult = 0, divisor?: number,
): Figure {
  // `v` is always a fresh object of the caller's: it becomes the value (no copy per figure).
  const value = withQualifier(v as FigureValue, q);
  value.display = describe(label, value);
  return { start, end, label, value, mult, divisor };
}

function plain(start: number, end: number, label: FigureType, value: FigureValue): Figure {
  return { start, end, label, value, mult: 0 };
}

/** 百分之三十八, 千分之五, 負百分之二: a percent written in words, from `s` (the 百/千/萬 of the prefix). */
function perWordsAt(line: string, s: number, divisor: number, prefixLength: number, floor: number, head: number, sign: number): Figure | undefined {
  const p = s + prefixLength;
  NUMERAL_AT.lastIndex = p;
  const m = NUMERAL_AT.exec(line);
  if (!m) return undefined;
  const n = parseToken(line, p, p + m[0].length);
  if (n === undefined) return undefined;
  const before = qualifierBefore(line, head, floor, 0, true);
  const after = qualifierAfter(line, p + m[0].length);
  return numericFigure(before.start, after.end, 'PERCENT', { number: clean((sign * n) / divisor) }, before.q ?? after.q, 0, divisor);
}

/** The power of ten of a Chinese multiplier ending the numeral [s, e): 4 for 3萬, 8 for 10億, 0 otherwise. */
function trailingMultiplier(line: string, s: number, e: number): number {
  const pow = e - s > 1 || !isArabicDigit(line.charCodeAt(s)) ? chineseUnitPower(line.charCodeAt(e - 1)) : 0;
  return pow >= 2 ? pow : 0;
}

/**
 * The figure whose numeral token spans [s, e), or undefined when the token is not a figure (一體化, 十分),
 * or GLUED for digits inside a Latin word. Nothing before `floor` (the end of the previous figure) is used.
 * `lenient` also reads a bare numeral that could not stand alone (三 of 三至五年), for the ends of a range.
 */
export function figureAt(line: string, s: number, e: number, floor: number, lenient = false): Figure | typeof GLUED | undefined {
  const first = line.charCodeAt(s);
  const arabic = isArabicDigit(first);
  if (!arabic && e - s === 3 && line.charCodeAt(s + 1) === C_ZENG) {
    const growth = growthAt(line, s);
    return growth ? numericFigure(s, e, 'PERCENT', { number: 0 }, growth.qualifier && { qualifier: growth.qualifier }) : undefined;
  }
  // A financial digit alone is a word (大陸, 隊伍) unless money follows it (伍角, 拾萬元).
  const financial = arabic ? 0 : financialCount(line, s, e);
  if (financial === 1 && !MONEY_AFTER_FINANCIAL.has(line.charCodeAt(e))) return undefined;

  const signAt = signBefore(line, s, floor);
  const sign = signAt >= 0 ? -1 : 1;
  const head = signAt >= 0 ? signAt : s;
  const currencyPre = currencyBefore(line, head, floor);
  if (arabic && !currencyPre && signAt < 0 && gluedBefore(line, s)) return GLUED;
  let kind: Kind = arabic ? 'arabic' : runKind(line, s, e);

  // 第三, 第1
  const di = signAt < 0 ? ordinalMarkerBefore(line, s, floor) : -1;
  if (di >= 0) {
    if (kind !== 'arabic' && kind !== 'one' && kind !== 'digit' && kind !== 'number') return undefined;
    const n = parseToken(line, s, e);
    return n === undefined ? undefined : plain(di, e, 'ORDINAL', { number: n, display: ordinalDisplay(n) });
  }

  // 百分之三十八, 千分之五
  if (first === C_BAI || first === C_QIAN || first === C_WAN_T || first === C_WAN_S) {
    const per = PER_PREFIXES.at(line, s);
    if (per) return perWordsAt(line, s, per.value, per.word.length, floor, head, sign);
  }

  if (signAt < 0) {
    const dt = matchDateTime(line, s, e, floor);
    if (dt) return plain(dt.start, dt.end, dt.label, { iso: dt.iso, precision: precisionOf(dt.iso), display: dt.display });
  }
  if (kind === 'bad') return undefined;
  // 一 or one digit (一體化, 三角洲) is a figure only with a word after it (or after one space): a unit, a currency,
  // a percent sign, 多/餘, 屆, 季度, 分之, 成. Without one it would fail `accepts` below; this skips the work before.
  if ((kind === 'one' || kind === 'digit') && !lenient && signAt < 0 && financial === 0 && !canFollowDigit(line, e)) return undefined;

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
  // 五六十, 兩三, 十五六: two neighbouring digits are a range.
  let value: number | undefined;
  let upper: number | undefined;
  if (kind === 'digits' || kind === 'number') {
    const range = parseChineseRange(line.slice(s, tokEnd));
    if (range) {
      [value, upper] = range;
      kind = 'number';
    }
  }
  if (value === undefined) value = parseToken(line, s, tokEnd);
  if (value === undefined || (upper !== undefined && sign < 0)) return undefined;
  value *= sign;
  const p = tokEnd;
  let mult = trailingMultiplier(line, s, tokEnd);
  const wholeNumber = upper === undefined && (kind === 'arabic' || kind === 'digit' || kind === 'number') && sign > 0;

  // 九屆二次 (9th term, 2nd plenary session), 十四屆
  if (wholeNumber && Number.isInteger(value) && value > 0) {
    const session = sessionAt(line, p, value);
    if (session) return plain(s, session.end, 'ORDINAL', { number: value, display: session.display });
  }

  // 一季度, 四季度: the first / fourth quarter (a count of quarters is 3個季度)
  if ((wholeNumber || kind === 'one') && value >= 1 && value <= 4 && Number.isInteger(value) && line.startsWith('季度', p)) {
    return plain(s, p + 2, 'ORDINAL', { number: value, display: `Q${value}` });
  }

  const prefix = qualifierBefore(line, currencyPre ? currencyPre.start : head, floor, signAt < 0 ? first : 0, arabic);

  // 三分之一, 3/4
  const fraction = fractionAt(line, p, value, kind, wholeNumber || (sign < 0 && upper === undefined));
  if (fraction) {
    const after = qualifierAfter(line, fraction.end);
    const q = prefix.q ?? after.q;
    const number = clean(fraction.num / fraction.den);
    const shown = `${number < 0 ? '-' : ''}${formatNumber(Math.abs(fraction.num))}/${formatNumber(Math.abs(fraction.den))}`;
    return plain(prefix.start, after.end, 'CARDINAL', withQualifier({ number, display: `${qualifierPrefix(q?.qualifier, q?.inclusive)}${shown}` }, q));
  }

  // 三成 (30%), 七成以上, 七八成, 不到一成 (一成 only after a qualifier or 僅/有/佔…: 統一成本 is not 10%)
  const tenthsOk = wholeNumber || upper !== undefined || (kind === 'one' && (prefix.q !== undefined || BEFORE_ONE_TENTH.has(line.charCodeAt(s - 1))));
  if (tenthsOk && line.charCodeAt(p) === C_CHENG && value >= 1 && (upper ?? value) <= 10 && Number.isInteger(value) && !NOT_TENTHS.has(line.charCodeAt(p + 1))) {
    const after = qualifierAfter(line, p + 1);
    const v = upper === undefined ? { number: value / 10 } : { range: { from: value / 10, to: upper / 10 } };
    return numericFigure(prefix.start, after.end, 'PERCENT', v, prefix.q ?? after.q, 0, 10);
  }

  // 1st, 2nd
  if (arabic && sign > 0) {
    const ordEnd = englishOrdinalAt(line, p);
    if (ordEnd >= 0) return plain(s, ordEnd, 'ORDINAL', { number: value, display: ordinalDisplay(value) });
  }

  // $12.5 million, US$3 billion, 12.5 million
  let q = p;
  if (arabic) {
    const multiplier = englishMultiplierAt(line, q, currencyPre !== undefined);
    if (multiplier) {
      value = scalePow10(value, multiplier.pow);
      q = multiplier.end;
      mult = multiplier.pow;
    }
  }

  // 30多家, 3000餘人, 3000多萬元, 十幾個
  let approx: Qualifier | undefined;
  let suffix: Suffix | undefined;
  const marker = upper === undefined ? APPROX_MARKERS.at(line, q) : undefined;
  if (marker) {
    let r = q + marker.word.length;
    let scaled = value;
    const pow = chineseUnitPower(line.charCodeAt(r));
    if (pow >= 4 || (pow === 3 && !UNIT_AFTER_QIAN.has(line.charCodeAt(r + 1)))) {
      scaled = scalePow10(value, pow);
      r++;
    }
    const after = suffixAt(line, r, arabic, currencyPre !== undefined);
    if (after || arabic || r > q + marker.word.length) {
      approx = marker.value;
      value = scaled;
      q = r;
      suffix = after;
    }
  }
  if (!approx) suffix = suffixAt(line, q, arabic, currencyPre !== undefined);

  const bounded = prefix.q !== undefined || approx !== undefined;
  if (!accepts(kind, suffix, bounded)) {
    const bare = accepts(kind, undefined, bounded) || lenient || signAt >= 0 || (kind === 'decimal' && bareDecimalEnds(line, q));
    if (!bare || (upper !== undefined && !lenient)) return undefined;
    suffix = undefined; // 三十分 is not a quantity of 分 but may still be a number
  } else if (!suffix && upper !== undefined) return undefined; // 一五一十, 三五: a range needs a unit
  const near = prefix.q?.near === true;
  let q0 = prefix.q;
  // 近3年 is "the past three years": no qualifier.
  if (near && suffix?.unit !== undefined && TIME_UNITS.has(suffix.unit)) {
    q0 = undefined;
    prefix.start = currencyPre ? currencyPre.start : head;
  }

  let end0 = suffix ? suffix.end : q;
  if (arabic && end0 === tokEnd) {
    if (gluedAfter(line, tokEnd)) return GLUED;
    // 0573, 007: codes, not numbers.
    if (!q0 && !currencyPre && tokEnd - s > 1 && digitsValue(line[s]) === 0 && isArabicDigit(line.charCodeAt(s + 1))) return undefined;
  }

  // 玖仟陸佰元伍角, 壹萬元整, 三塊五, 伍角
  let label: FigureType = suffix?.label ?? 'CARDINAL';
  let currency = suffix?.currency;
  if (suffix?.genericCurrency && upper === undefined) {
    const change = changeAfterYuan(line, end0, digitValue);
    if (change) {
      value = clean(value + sign * change.add);
      end0 = change.end;
    }
  } else if (suffix?.unit === '塊' || suffix?.unit === '块' || (suffix?.unit === '角' && (arabic || financial > 0))) {
    const change = suffix.unit === '角' ? { end: end0, add: 0 } : kuaiChangeAt(line, end0, digitValue);
    if (change && upper === undefined) {
      value = suffix.unit === '角' ? clean(value / 10) : clean(value + change.add);
      end0 = change.end;
      label = 'MONEY';
      currency = 'CNY';
    }
  }
  const after = qualifierAfter(line, end0);
  const qual = q0 ?? approx ?? after.q;
  const v: Omit<FigureValue, 'display'> = upper === undefined ? { number: value } : { range: { from: value, to: upper } };

  if (label === 'PERCENT') {
    const divisor = suffix?.divisor ?? 100;
    if (v.range) v.range = { from: clean((v.range.from as number) / divisor), to: clean((v.range.to as number) / divisor) };
    else v.number = clean(value / divisor);
    return numericFigure(prefix.start, after.end, 'PERCENT', v, qual, mult, divisor);
  }
  if (label === 'MONEY' || currencyPre) {
    v.currency = currency && !(suffix?.genericCurrency && currencyPre) ? currency : currencyPre?.code;
    return numericFigure(prefix.start, after.end, 'MONEY', v, qual, mult);
  }
  if (label === 'QUANTITY' && suffix?.unit) {
    v.unit = suffix.unit;
    return numericFigure(prefix.start, after.end, 'QUANTITY', v, qual, mult);
  }
  // in 2023, since 2019: a year of English text.
  if (!qual && sign > 0 && upper === undefined && isEnglishYear(line, s, tokEnd) && after.end === tokEnd) {
    const iso = String(value);
    return plain(s, tokEnd, 'DATE', { iso, precision: 'year', display: iso });
  }
  return numericFigure(prefix.start, after.end, 'CARDINAL', v, qual, mult);
}

/** Whether a spelled-out decimal with no unit ends a word here (三點一四。) rather than starting an idiom (一點一滴). */
function bareDecimalEnds(line: string, p: number): boolean {
  const c = line.charCodeAt(p);
  return !isIdeograph(c) || AFTER_BARE_DECIMAL.has(c) || qualifierAfter(line, p).q !== undefined;
}

/** 三分之一 (the number read is the denominator) or 3/4 (it is the numerator), and where the fraction ends. */
function fractionAt(line: string, p: number, value: number, kind: Kind, whole: boolean): { num: number; den: number; end: number } | undefined {
  if (!whole || value === 0) return undefined;
  if (line.startsWith('分之', p)) {
    NUMERAL_AT.lastIndex = p + 2;
    const m = NUMERAL_AT.exec(line);
    const num = m ? parseToken(line, p + 2, p + 2 + m[0].length) : undefined;
    return m && num !== undefined ? { num, den: value, end: p + 2 + m[0].length } : undefined;
  }
  if (kind === 'arabic' && line.charCodeAt(p) === C_SLASH && Number.isInteger(value)) {
    ARABIC_DENOMINATOR.lastIndex = p;
    const m = ARABIC_DENOMINATOR.exec(line);
    const den = m ? Number(m[1]) : 0;
    if (m && Math.abs(value) < den) return { num: value, den, end: ARABIC_DENOMINATOR.lastIndex };
  }
  return undefined;
}
