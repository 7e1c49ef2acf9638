// Chinese, financial, Arabic and full-width numeral parsing (一億零五百萬, 壹萬貳仟, 102.54億, 三萬五, １９９７, 1,234,567) into numbers.

const NONE = -1;

/** Value of a digit character (0–9 for Arabic, full-width and Chinese digits, 兩/两 = 2), else -1. */
const DIGIT = new Int8Array(65536).fill(NONE);
/** Power of ten of a Chinese unit character: 十 1, 百 2, 千 3, 萬/万 4, 億/亿 8; 0 when not a unit. */
const UNIT_POW = new Int8Array(65536);

for (let d = 0; d <= 9; d++) {
  DIGIT[0x30 + d] = d;
  DIGIT[0xff10 + d] = d;
}
const CN_DIGITS: ReadonlyArray<[string, number]> = [
  ['〇', 0], ['零', 0], ['一', 1], ['二', 2], ['兩', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
];
/** Financial (大寫) digits and units, written on cheques, contracts and court rulings: 壹萬貳仟叁佰元整. */
const FINANCIAL_DIGITS: ReadonlyArray<[string, number]> = [
  ['壹', 1], ['贰', 2], ['貳', 2], ['叁', 3], ['參', 3], ['叄', 3], ['肆', 4], ['伍', 5], ['陆', 6], ['陸', 6],
  ['柒', 7], ['捌', 8], ['玖', 9],
];
const FINANCIAL_UNITS: ReadonlyArray<[string, number]> = [['拾', 1], ['佰', 2], ['仟', 3]];
/** 1 for a financial digit or unit character, 0 otherwise. */
const FINANCIAL = new Uint8Array(65536);

for (const [ch, d] of CN_DIGITS) DIGIT[ch.charCodeAt(0)] = d;
for (const [ch, d] of FINANCIAL_DIGITS) {
  DIGIT[ch.charCodeAt(0)] = d;
  FINANCIAL[ch.charCodeAt(0)] = 1;
}
for (const [ch, p] of [['十', 1], ['百', 2], ['千', 3], ['萬', 4], ['万', 4], ['億', 8], ['亿', 8]] as const) {
  UNIT_POW[ch.charCodeAt(0)] = p;
}
for (const [ch, p] of FINANCIAL_UNITS) {
  UNIT_POW[ch.charCodeAt(0)] = p;
  FINANCIAL[ch.charCodeAt(0)] = 1;
}

/** Whether a character is a financial digit or unit (壹貳叁…拾佰仟). */
export function isFinancial(code: number): boolean {
  return FINANCIAL[code] === 1;
}

/** Value 0–9 of a digit character (Arabic, full-width, Chinese, financial), or -1. */
export function digitValue(code: number): number {
  return DIGIT[code];
}

const C_NIAN = '廿'.charCodeAt(0); // 20
const C_SA = '卅'.charCodeAt(0); // 30
const C_DIAN_T = '點'.charCodeAt(0);
const C_DIAN_S = '点'.charCodeAt(0);
const C_LIANG_T = '兩'.charCodeAt(0);
const C_LIANG_S = '两'.charCodeAt(0);
const C_FU_S = '负'.charCodeAt(0);
const C_FU_T = '負'.charCodeAt(0);

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

export function isArabicDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Chinese digit characters 〇零一二兩两三四五六七八九 and the financial ones 壹貳叁…玖. */
export function isChineseDigit(code: number): boolean {
  return DIGIT[code] >= 0 && !isArabicDigit(code);
}

/** Power of ten of a Chinese unit character (十百千萬億), 0 otherwise. */
export function chineseUnitPower(code: number): number {
  return UNIT_POW[code];
}

/** Removes floating-point noise: 102.54 * 1e8 = 10254000000.000002 → 10254000000. */
export function clean(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(15));
}

/** x · 10^pow without floating-point garbage. */
export function scalePow10(x: number, pow: number): number {
  if (pow === 0) return x;
  if (pow < 0) return clean(x / (POW10[-pow] ?? 10 ** -pow));
  const r = x * (POW10[pow] ?? 10 ** pow);
  return Number.isInteger(x) ? r : clean(r);
}

/** Replaces full-width digits (and full-width ．：) by ASCII ones; returns the same string when there are none. */
export function toAsciiDigits(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff0e && c <= 0xff1a) break;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff0e && c <= 0xff1a ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

/** Small integer of ASCII/full-width digits, e.g. for dates; NaN when a character is not a digit. */
export function digitsValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isArabicDigit(c)) return NaN;
    v = v * 10 + DIGIT[c];
  }
  return s.length ? v : NaN;
}

/** The value read by the last successful `readArabic` (a module variable: no object per number). */
let arabicValue = 0;

/**
 * Reads an Arabic number starting at `i` (ASCII or full-width digits, `,`/`，` thousands separators in
 * groups of three, `.`/`．` decimals). Returns the end offset, or -1; the value is left in `arabicValue`.
 */
function readArabic(s: string, i: number): number {
  const n = s.length;
  let intPart = 0;
  let digits = 0;
  let groupLen = 0;
  let grouped = false;
  let j = i;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (isArabicDigit(c)) {
      intPart = intPart * 10 + DIGIT[c];
      digits++;
      groupLen++;
      j++;
    } else if ((c === 0x2c || c === 0xff0c) && digits > 0) {
      // A thousands separator: the first group has 1–3 digits, later ones exactly 3.
      if ((grouped ? groupLen !== 3 : groupLen > 3) || !isDigitRun(s, j + 1, 3)) return -1;
      grouped = true;
      groupLen = 0;
      j++;
    } else break;
  }
  if (digits === 0 || (grouped && groupLen !== 3)) return -1;
  let value = intPart;
  const c = s.charCodeAt(j);
  if ((c === 0x2e || c === 0xff0e) && j + 1 < n && isArabicDigit(s.charCodeAt(j + 1))) {
    let frac = 0;
    let fracDigits = 0;
    j++;
    while (j < n && isArabicDigit(s.charCodeAt(j))) {
      frac = frac * 10 + DIGIT[s.charCodeAt(j)];
      fracDigits++;
      j++;
    }
    value = fracDigits < POW10.length ? clean(intPart + frac / POW10[fracDigits]) : Number(`${intPart}.${frac}`);
  }
  arabicValue = value;
  return j;
}

function isDigitRun(s: string, i: number, len: number): boolean {
  if (i + len > s.length) return false;
  for (let k = i; k < i + len; k++) if (!isArabicDigit(s.charCodeAt(k))) return false;
  return !(i + len < s.length && isArabicDigit(s.charCodeAt(i + len)));
}

/** 负/負/-/−/－ before a numeral. */
export function isMinusSign(code: number): boolean {
  return code === 0x2d || code === 0x2212 || code === 0xff0d || code === C_FU_S || code === C_FU_T;
}

/**
 * Parses a numeral: Chinese (一億零五百萬 = 105000000, 十五, 一百零三, 一百十一, 兩千, 三萬五千, 三點五, colloquial
 * 一萬五 = 15000), financial (壹萬貳仟叁佰 = 12300), digit strings (二〇二二 = 2022), Arabic with Chinese multipliers
 * (1.2萬 = 12000, 102.54億, 3萬5千, colloquial 2萬5 = 25000), full-width digits (１９９７), thousands separators
 * (1,234,567, 1，234) and a leading minus (负三 = -3). Undefined when malformed (十四五, 一五一十, 千百, 萬萬).
 */
export function parseChineseNumber(s: string): number | undefined {
  if (s.length > 1 && isMinusSign(s.charCodeAt(0))) {
    const v = parseUnsigned(s.slice(1));
    return v === undefined ? undefined : -v;
  }
  return parseUnsigned(s);
}

function parseUnsigned(s: string): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const digitString = parseDigitString(s);
  if (digitString !== undefined) return digitString;
  // 萬一, 億三 are words ("in case", …), not 萬 followed by a colloquial digit.
  if (n > 1 && UNIT_POW[s.charCodeAt(0)] >= 4 && DIGIT[s.charCodeAt(1)] > 0) return undefined;

  let total = 0; // everything already multiplied by 萬/億
  let section = 0; // the part below 萬 being built
  let pending: number | undefined; // a number not yet multiplied by a unit
  let pendingAfterUnit = false; // `pending` came right after a unit (一萬五: colloquial 5 × 1000)
  let lastSmall = 4; // last 十/百/千 power in this section; units must decrease
  let lastUnitPow = 0;
  let zero = false; // a 零 since the last unit
  let prevBigPow = 0; // power of the previous token when it was 萬/億
  let wanSinceYi = false;
  let decimal = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    const wasBig = prevBigPow;
    prevBigPow = 0;
    if (isArabicDigit(c)) {
      if (pending !== undefined) return undefined;
      const end = readArabic(s, i);
      if (end < 0) return undefined;
      pending = arabicValue;
      // 2萬5 = 25000 and 3千2 = 3200, as 一萬五 = 15000.
      pendingAfterUnit = lastUnitPow > 0 && !zero && end - i === 1;
      i = end;
      continue;
    }
    const d = DIGIT[c];
    if (d > 0) {
      if (pending !== undefined || decimal) return undefined;
      pending = d;
      pendingAfterUnit = lastUnitPow > 0 && !zero;
    } else if (d === 0) {
      if (pending !== undefined || decimal) return undefined;
      zero = true;
    } else if (c === C_NIAN || c === C_SA) {
      if (pending !== undefined || lastSmall <= 1 || decimal) return undefined;
      section += c === C_NIAN ? 20 : 30;
      lastSmall = 1;
      lastUnitPow = 1;
      zero = false;
    } else if (c === C_DIAN_T || c === C_DIAN_S) {
      // Chinese decimal point: 三點五, 十點五, 三點五億.
      if (decimal || (pending === undefined && section === 0 && total === 0)) return undefined;
      let frac = 0;
      let k = i + 1;
      while (k < n && isChineseDigit(s.charCodeAt(k)) && s.charCodeAt(k) !== C_LIANG_T && s.charCodeAt(k) !== C_LIANG_S) {
        frac = frac * 10 + DIGIT[s.charCodeAt(k)];
        k++;
      }
      if (k === i + 1 || k - i - 1 >= POW10.length) return undefined;
      pending = clean(section + (pending ?? 0) + frac / POW10[k - i - 1]);
      pendingAfterUnit = false;
      section = 0;
      decimal = true;
      lastSmall = 0; // no 十百千 after a decimal
      i = k;
      continue;
    } else {
      const pow = UNIT_POW[c];
      if (pow === 0) return undefined;
      if (pow < 4) {
        if (pending === undefined) {
          // 十 stands for 一十 at the start (十五), after 零 (一千零十) and after 百/千 (colloquial 一百十一 = 111).
          if (!(i === 0 || (pow === 1 && (zero || lastSmall === 2 || lastSmall === 3)))) return undefined;
          pending = 1;
        }
        if (pow >= lastSmall) return undefined;
        section += scalePow10(pending, pow);
        lastSmall = pow;
      } else {
        let block = section + (pending ?? 0);
        if (block === 0 && pending === undefined) {
          if (i === 0) block = 1;
          else if (wasBig && wasBig < pow) {
            total = scalePow10(total, pow); // 萬億 = 10^12
            prevBigPow = pow;
            lastUnitPow = pow;
            i++;
            continue;
          } else return undefined;
        }
        if (pow === 8) {
          total = scalePow10(total + block, 8);
          wanSinceYi = false;
        } else {
          if (wanSinceYi) return undefined;
          total += scalePow10(block, pow);
          wanSinceYi = true;
        }
        section = 0;
        lastSmall = 4;
        prevBigPow = pow;
        decimal = false;
      }
      pending = undefined;
      lastUnitPow = pow;
      zero = false;
    }
    i++;
  }
  if (pending !== undefined) {
    // 一萬五 = 15000, 兩千五 = 2500, 十五 = 15: a trailing digit right after a unit counts one power lower.
    if (pendingAfterUnit && Number.isInteger(pending) && pending < 10) pending = scalePow10(pending, lastUnitPow - 1);
    section += pending;
  }
  return clean(total + section);
}

/** 二〇二二 = 2022, 三點一四 = 3.14: Chinese digits read positionally; undefined when `s` has other characters. */
function parseDigitString(s: string): number | undefined {
  let v = 0;
  let frac = 0;
  let fracDigits = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === C_DIAN_T || c === C_DIAN_S) {
      if (fracDigits >= 0 || i === 0) return undefined;
      fracDigits = 0;
      continue;
    }
    if (!isChineseDigit(c)) return undefined;
    // 兩 only stands alone (兩三 is "two or three", not 23).
    if ((c === C_LIANG_T || c === C_LIANG_S) && s.length > 1) return undefined;
    if (fracDigits >= 0) {
      frac = frac * 10 + DIGIT[c];
      fracDigits++;
    } else v = v * 10 + DIGIT[c];
  }
  if (fracDigits === 0) return undefined;
  return fracDigits > 0 ? clean(v + frac / POW10[Math.min(fracDigits, 16)]) : v;
}

/**
 * Two neighbouring digits that give a range (五六十 = 50–60, 十五六 = 15–16, 三四百, 兩三, 一兩, 三五):
 * [from, to], or undefined. What comes before the pair must end in a unit (十五六) and what follows must be
 * units only (五六十, 三四百萬).
 */
export function parseChineseRange(s: string): [number, number] | undefined {
  for (let i = 0; i + 1 < s.length; i++) {
    const c1 = s.charCodeAt(i);
    const c2 = s.charCodeAt(i + 1);
    if (isArabicDigit(c1) || isArabicDigit(c2) || isFinancial(c1) || isFinancial(c2)) return undefined;
    const d1 = DIGIT[c1];
    const d2 = DIGIT[c2];
    if (d1 < 1 || d2 < 1) continue;
    if (!(d2 === d1 + 1 || (d1 === 3 && d2 === 5))) return undefined;
    if (i > 0 && UNIT_POW[s.charCodeAt(i - 1)] === 0) return undefined;
    for (let k = i + 2; k < s.length; k++) if (UNIT_POW[s.charCodeAt(k)] === 0) return undefined;
    const head = s.slice(0, i);
    const tail = s.slice(i + 2);
    const from = parseUnsigned(head + s[i] + tail);
    const to = parseUnsigned(head + s[i + 1] + tail);
    return from !== undefined && to !== undefined && from < to ? [from, to] : undefined;
  }
  return undefined;
}
