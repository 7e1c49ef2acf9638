// Currencies around a number (人民幣3.5億元, 3000萬美元, US$3 billion, HK$5) mapped to ISO 4217 codes.
import { WordTable } from './wordtable';

/** Currency words written before the amount. */
export const CURRENCY_PREFIXES = new WordTable<string>([
  ['人民幣', 'CNY'], ['人民币', 'CNY'], ['RMB', 'CNY'], ['CNY', 'CNY'], ['¥', 'CNY'], ['￥', 'CNY'],
  ['US$', 'USD'], ['USD', 'USD'], ['$', 'USD'], ['＄', 'USD'],
  ['HK$', 'HKD'], ['HKD', 'HKD'], ['港幣', 'HKD'], ['港币', 'HKD'],
  ['NT$', 'TWD'], ['TWD', 'TWD'], ['新台幣', 'TWD'], ['新台币', 'TWD'],
  ['S$', 'SGD'], ['A$', 'AUD'], ['C$', 'CAD'], ['MOP$', 'MOP'],
  ['€', 'EUR'], ['EUR', 'EUR'], ['£', 'GBP'], ['GBP', 'GBP'], ['JPY', 'JPY'],
]);

/** Currency words written after the amount (3000萬美元, 5000元, 5 USD, 3,000 yuan). */
export const CURRENCY_SUFFIXES = new WordTable<string>([
  ['元人民幣', 'CNY'], ['元人民币', 'CNY'], ['元', 'CNY'], ['圓', 'CNY'], ['圆', 'CNY'], ['人民幣', 'CNY'], ['人民币', 'CNY'],
  ['塊錢', 'CNY'], ['块钱', 'CNY'], ['yuan', 'CNY'], ['RMB', 'CNY'], ['CNY', 'CNY'],
  ['美元', 'USD'], ['美金', 'USD'], ['USD', 'USD'], ['dollars', 'USD'], ['dollar', 'USD'],
  ['港元', 'HKD'], ['港幣', 'HKD'], ['港币', 'HKD'], ['港圓', 'HKD'], ['HKD', 'HKD'],
  ['歐元', 'EUR'], ['欧元', 'EUR'], ['EUR', 'EUR'], ['euros', 'EUR'], ['euro', 'EUR'],
  ['日元', 'JPY'], ['日圓', 'JPY'], ['日圆', 'JPY'], ['日幣', 'JPY'], ['日币', 'JPY'], ['JPY', 'JPY'],
  ['英鎊', 'GBP'], ['英镑', 'GBP'], ['GBP', 'GBP'],
  ['新台幣', 'TWD'], ['新台币', 'TWD'], ['台幣', 'TWD'], ['台币', 'TWD'], ['臺幣', 'TWD'],
  ['澳門幣', 'MOP'], ['澳门币', 'MOP'], ['澳門元', 'MOP'], ['澳门元', 'MOP'], ['葡幣', 'MOP'], ['葡币', 'MOP'],
  ['澳元', 'AUD'], ['加元', 'CAD'], ['韓元', 'KRW'], ['韩元', 'KRW'], ['盧布', 'RUB'], ['卢布', 'RUB'],
  ['新加坡元', 'SGD'], ['新元', 'SGD'], ['瑞士法郎', 'CHF'], ['泰銖', 'THB'], ['泰铢', 'THB'], ['印度盧比', 'INR'], ['卢比', 'INR'],
]);

/** English multipliers after an amount: "12.5 million", "3 billion"; the short ones (m, bn, k) only after a currency sign. */
const EN_MULTIPLIER = /[ \u00A0]?(thousand|million|billion|trillion)(?![A-Za-z])|(mn|bn|m|b|k)(?![A-Za-z])/iy;
const EN_POWERS: Readonly<Record<string, number>> = {
  thousand: 3, million: 6, billion: 9, trillion: 12, mn: 6, m: 6, bn: 9, b: 9, k: 3,
};

/** The power of ten and end of an English multiplier at `p`, if any. */
export function englishMultiplierAt(line: string, p: number, allowShort: boolean): { end: number; pow: number } | undefined {
  const c = line.charCodeAt(p);
  const letter = (c === 0x20 || c === 0xa0 ? line.charCodeAt(p + 1) : c) | 0x20; // lower case
  if (letter !== 0x74 && letter !== 0x6d && letter !== 0x62 && letter !== 0x6b) return undefined;
  EN_MULTIPLIER.lastIndex = p;
  const m = EN_MULTIPLIER.exec(line);
  if (!m) return undefined;
  if (m[2] !== undefined && !allowShort) return undefined;
  return { end: EN_MULTIPLIER.lastIndex, pow: EN_POWERS[(m[1] ?? m[2]).toLowerCase()] };
}

const C_JIAO = '角'.charCodeAt(0);
const C_FEN = '分'.charCodeAt(0);
const C_LING = '零'.charCodeAt(0);
/** 整/正 closing an amount written out in full: 壹萬元整, 壹仟元正. */
const CLOSERS = new Set(['整', '正'].map((c) => c.charCodeAt(0)));
/** What may follow the digit of 三塊五 (3.5 yuan): 毛/角/錢 or no ideograph at all. */
const AFTER_KUAI_DIGIT = new Set(['毛', '角', '錢', '钱'].map((c) => c.charCodeAt(0)));

function isIdeograph(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** A single digit 1–9 (Arabic, Chinese or financial) at `p`, or -1. */
function oneDigit(line: string, p: number, digit: (code: number) => number): number {
  const d = digit(line.charCodeAt(p));
  const next = digit(line.charCodeAt(p + 1));
  return d >= 1 && next < 0 ? d : -1;
}

/**
 * The fractional yuan after 元 at `p`: 伍角 (0.5), 貳分 (0.02), 零伍分, and a closing 整/正 (not 整體, 正在).
 * Returns the end and the amount to add, or undefined when nothing follows.
 */
export function changeAfterYuan(line: string, p: number, digit: (code: number) => number): { end: number; add: number } | undefined {
  let q = p;
  let add = 0;
  for (const [marker, scale] of [[C_JIAO, 0.1], [C_FEN, 0.01]] as const) {
    const r = line.charCodeAt(q) === C_LING ? q + 1 : q;
    const d = oneDigit(line, r, digit);
    if (d > 0 && line.charCodeAt(r + 1) === marker) {
      add += d * scale;
      q = r + 2;
    }
  }
  if (CLOSERS.has(line.charCodeAt(q)) && !isIdeograph(line.charCodeAt(q + 1))) q++;
  return q > p ? { end: q, add: Number(add.toFixed(2)) } : undefined;
}

/** The digit of 三塊五 / 兩块五毛 after 塊/块 at `p`: its tenths of a yuan and where it ends. */
export function kuaiChangeAt(line: string, p: number, digit: (code: number) => number): { end: number; add: number } | undefined {
  const d = oneDigit(line, p, digit);
  if (d < 1) return undefined;
  const next = line.charCodeAt(p + 1);
  if (isIdeograph(next) && !AFTER_KUAI_DIGIT.has(next)) return undefined;
  const end = next === '毛'.charCodeAt(0) || next === C_JIAO ? p + 2 : p + 1;
  return { end, add: d / 10 };
}
