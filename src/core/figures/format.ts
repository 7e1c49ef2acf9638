// Human-readable renderings of figure values: 10,254,000,000 CNY, 138% (1.38), 9th.
import type { FigureValue } from '../types';
import { clean } from './numerals';

export type Comparator = NonNullable<FigureValue['comparator']>;

/** 10254000000 → "10,254,000,000"; 1.25 → "1.25". */
export function formatNumber(n: number): string {
  const s = String(n);
  if (s.includes('e')) return s;
  const dot = s.indexOf('.');
  const int = dot < 0 ? s : s.slice(0, dot);
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  let grouped = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) grouped += ',';
    grouped += digits[i];
  }
  return sign + grouped + (dot < 0 ? '' : s.slice(dot));
}

/** "> ", "~ " … before a rendered number; empty when exact. */
export function comparatorPrefix(comparator: Comparator | undefined): string {
  return comparator ? `${comparator} ` : '';
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinalWord(n: number): string {
  const mod100 = n % 100;
  const mod10 = n % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** 1.38 → "138% (1.38)". */
export function formatPercent(fraction: number, comparator?: Comparator): string {
  return `${comparatorPrefix(comparator)}${formatNumber(clean(fraction * 100))}% (${fraction})`;
}
