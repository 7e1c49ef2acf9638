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
  EN_MULTIPLIER.lastIndex = p;
  const m = EN_MULTIPLIER.exec(line);
  if (!m) return undefined;
  if (m[2] !== undefined && !allowShort) return undefined;
  return { end: EN_MULTIPLIER.lastIndex, pow: EN_POWERS[(m[1] ?? m[2]).toLowerCase()] };
}
