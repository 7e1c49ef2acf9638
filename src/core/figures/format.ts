// Human-readable renderings of figure values: 10,254,000,000 CNY, 138% (1.38), > 100 人, 3–5 年, 9th.
import type { FigureQualifier, FigureType, FigureValue } from '../types';
import { clean } from './numerals';

/** 10254000000 → "10,254,000,000"; 1.25 → "1.25"; -3 → "-3". */
export function formatNumber(n: number): string {
  const s = String(n);
  if (s.includes('e')) return s;
  const dot = s.indexOf('.');
  const intEnd = dot < 0 ? s.length : dot;
  const signLength = s.charCodeAt(0) === 0x2d ? 1 : 0;
  const digits = intEnd - signLength;
  if (digits <= 3) return s;
  // Groups of three sliced from the string, not one concatenation per digit.
  let p = signLength + (digits % 3 || 3);
  let out = s.slice(0, p);
  for (; p < intEnd; p += 3) out += `,${s.slice(p, p + 3)}`;
  return dot < 0 ? out : out + s.slice(dot);
}

const QUALIFIER_SIGNS: Readonly<Record<FigureQualifier, string>> = { over: '>', under: '<', about: '~', approx: '≈' };

/** "> ", "≥ ", "~ ", "≈ " … before a rendered number; empty when exact. */
export function qualifierPrefix(qualifier: FigureQualifier | undefined, inclusive?: boolean): string {
  if (!qualifier) return '';
  if (inclusive && qualifier === 'over') return '≥ ';
  if (inclusive && qualifier === 'under') return '≤ ';
  return `${QUALIFIER_SIGNS[qualifier]} `;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinalWord(n: number): string {
  const mod100 = n % 100;
  const mod10 = n % 10;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : mod10 === 1 ? 'st' : mod10 === 2 ? 'nd' : mod10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function percentOf(fraction: number): string {
  return `${formatNumber(clean(fraction * 100))}%`;
}

/** Units that are percentage points (5個百分點): shown with a note, as they are not percents. */
const POINT_UNITS = new Set(['百分點', '百分点', 'percentage points']);

/**
 * The display of a MONEY, PERCENT, QUANTITY or CARDINAL value from its fields:
 * "10,254,000,000 CNY", "> 30% (0.3)", "3–5 年", "-5 ℃", "≈ 100,000 人".
 */
export function describe(label: FigureType, v: FigureValue): string {
  const q = qualifierPrefix(v.qualifier, v.inclusive);
  const range = v.range && typeof v.range.from === 'number' ? (v.range as { from: number; to: number }) : undefined;
  if (label === 'PERCENT') {
    if (range) return `${q}${percentOf(range.from)}–${percentOf(range.to)} (${range.from}–${range.to})`;
    return `${q}${percentOf(v.number ?? 0)} (${v.number})`;
  }
  const amount = range ? `${formatNumber(range.from)}–${formatNumber(range.to)}` : formatNumber(v.number ?? 0);
  const tail = label === 'MONEY' ? ` ${v.currency}` : v.unit ? ` ${v.unit}${POINT_UNITS.has(v.unit) ? ' (percentage points)' : ''}` : '';
  return `${q}${amount}${tail}`;
}
