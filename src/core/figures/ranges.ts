// Ranges written with a connector as one figure: 3至5年, 3-5%, 百分之十到二十, 1000萬至2000萬元, 5到10億元, 1至3月, 5月10日至12日.
import type { FigureValue } from '../types';
import { figureAt, type Figure, GLUED, numericFigure } from './classify';
import { clean, scalePow10 } from './numerals';
import { NUMERAL_AT } from './tokens';

/** Connectors between the two ends of a range; the ASCII ones may have a space on each side. */
const CONNECTORS = new Set([...'至到-~～〜—–－'].map((c) => c.charCodeAt(0)));

/** The offset after a range connector at `p` (至, 到, -, ~, —, "3 - 5"), or -1. */
function connectorEnd(line: string, p: number): number {
  let q = p;
  if (line.charCodeAt(q) === 0x20) q++;
  const c = line.charCodeAt(q);
  if (!CONNECTORS.has(c)) return -1;
  q++;
  if (c === 0x2014 && line.charCodeAt(q) === 0x2014) q++; // ——
  if (line.charCodeAt(q) === 0x20 && q > p + 1) q++;
  return q;
}

/**
 * The range that starts with the numeral token [s, e) whose own reading is `fig` (undefined when it is no figure
 * alone, as 三 of 三至五年), or undefined when no range starts there.
 */
export function rangeFrom(line: string, s: number, e: number, fig: Figure | undefined, floor: number): Figure | undefined {
  const after = connectorEnd(line, fig ? fig.end : e);
  if (after < 0) return undefined;
  NUMERAL_AT.lastIndex = after;
  if (!NUMERAL_AT.test(line)) return undefined;
  const secondEnd = NUMERAL_AT.lastIndex;
  const first = fig ?? figureAt(line, s, e, floor, true);
  if (!first || first === GLUED) return undefined;
  const second = figureAt(line, after, secondEnd, after, true);
  if (!second || second === GLUED) return undefined;
  if (first.label === 'DATE' || second.label === 'DATE') return dateRange(first, second);
  return numericRange(first, second);
}

function numberOf(f: Figure): number | undefined {
  return f.value.range ? undefined : f.value.number;
}

/** Two numbers as one range, the unit, currency or percent sign of either end applying to both. */
function numericRange(a: Figure, b: Figure): Figure | undefined {
  if (a.label === 'ORDINAL' || b.label === 'ORDINAL' || a.label === 'TIME' || b.label === 'TIME') return undefined;
  let from = numberOf(a);
  let to = numberOf(b);
  if (from === undefined || to === undefined || a.value.display.includes('/') || b.value.display.includes('/')) return undefined;
  const typed = b.label !== 'CARDINAL' ? b : a;
  if (typed.label === 'CARDINAL') return undefined; // 3-5 alone may be a score or a code
  if (a.label !== 'CARDINAL' && b.label !== 'CARDINAL') {
    if (a.label !== b.label || a.value.unit !== b.value.unit || a.value.currency !== b.value.currency) return undefined;
  } else if (a.label === 'CARDINAL') {
    // 3-5% and 5到10億元: the first end takes the percent sign or the multiplier of the second.
    if (b.label === 'PERCENT') from = clean(from / (b.divisor ?? 100));
    else if (a.mult === 0 && b.mult > 0 && from <= scalePow10(to, -b.mult)) from = scalePow10(from, b.mult);
  } else if (a.label === 'PERCENT') {
    to = clean(to / (a.divisor ?? 100)); // 百分之十到二十
  }
  if (!(from < to)) return undefined;
  const v: Omit<FigureValue, 'display'> = { range: { from, to } };
  if (typed.value.unit) v.unit = typed.value.unit;
  if (typed.value.currency) v.currency = typed.value.currency;
  const q = a.value.qualifier ?? b.value.qualifier;
  const inclusive = a.value.qualifier ? a.value.inclusive : b.value.inclusive;
  return numericFigure(a.start, b.end, typed.label, v, q && { qualifier: q, inclusive }, Math.max(a.mult, b.mult), typed.divisor);
}

/** An ISO date split into its fields: "2023-05-10" → [2023, 5, 10]; "--05" → [undefined, 5]; "---12" → [u, u, 12]. */
function fields(iso: string): Array<number | undefined> | undefined {
  const num = (x: string | undefined): number | undefined => (x === undefined ? undefined : Number(x));
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (m) return [num(m[1]), num(m[2]), num(m[3])];
  m = /^--(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (m) return [undefined, num(m[1]), num(m[2])];
  m = /^---(\d{2})$/.exec(iso);
  return m ? [undefined, undefined, num(m[1])] : undefined;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The ISO 8601 form of date fields, with the reduced forms --MM, --MM-DD and ---DD when the year is not known. */
function isoOf(f: Array<number | undefined>): string {
  const [y, mo, d] = f;
  if (y !== undefined) return `${y}${mo !== undefined ? `-${pad2(mo)}${d !== undefined ? `-${pad2(d)}` : ''}` : ''}`;
  if (mo !== undefined) return `--${pad2(mo)}${d !== undefined ? `-${pad2(d)}` : ''}`;
  return `---${pad2(d ?? 1)}`;
}

function lowest(f: Array<number | undefined>): number {
  return f[2] !== undefined ? 2 : f[1] !== undefined ? 1 : 0;
}

function dateDisplay(iso: string): string {
  const f = fields(iso);
  if (!f || f[0] !== undefined) return iso;
  return f[2] !== undefined && f[1] === undefined ? `day ${pad2(f[2])}` : iso.replace(/^-+/, '');
}

/**
 * Two dates as one range (2021年至2023年, 5月10日至12日): the second end takes the fields it leaves out from the
 * first, and a bare first end (1至3月, 2020-2022年) is the second with its last field replaced.
 */
function dateRange(a: Figure, b: Figure): Figure | undefined {
  if (b.label !== 'DATE' || !b.value.iso) return undefined;
  const to = fields(b.value.iso);
  if (!to) return undefined;
  let from: Array<number | undefined> | undefined;
  if (a.label === 'DATE' && a.value.iso) {
    from = fields(a.value.iso);
    if (!from || lowest(from) !== lowest(to)) return undefined;
    for (let i = 0; i < 3; i++) if (to[i] === undefined && from[i] !== undefined && i < lowest(to)) to[i] = from[i];
  } else if (a.label === 'CARDINAL' && a.value.number !== undefined && !a.value.qualifier && Number.isInteger(a.value.number)) {
    const n = a.value.number;
    const field = lowest(to);
    const ok = field === 0 ? n >= 1000 && n <= 2999 : field === 1 ? n >= 1 && n <= 12 : n >= 1 && n <= 31;
    if (!ok) return undefined;
    from = [...to];
    from[field] = n;
  } else return undefined;
  const fromIso = isoOf(from);
  const toIso = isoOf(to);
  if (!(fromIso < toIso)) return undefined;
  const yearless = from[0] === undefined;
  const display = `${dateDisplay(fromIso)} – ${dateDisplay(toIso)}${yearless ? ' (year not stated)' : ''}`;
  const precision = b.value.precision;
  const value: FigureValue = { range: { from: fromIso, to: toIso }, iso: `${fromIso}/${toIso}`, display };
  if (precision) value.precision = precision;
  return { start: a.start, end: b.end, label: 'DATE', value, mult: 0 };
}
