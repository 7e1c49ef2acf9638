// Signs before a number (负三, 零下五度, -3.5%, －５℃) and growth without a number (负增长 = below zero, 零增长, 正增长).
import type { FigureQualifier } from '../types';

const C_FU_S = '负'.charCodeAt(0);
const C_FU_T = '負'.charCodeAt(0);
const C_LING = '零'.charCodeAt(0);
const C_XIA = '下'.charCodeAt(0);
const C_ZHENG = '正'.charCodeAt(0);

/** Characters that make a word with a following 负 (勝負, 擔負, 抱負, 減負, 正負 …): that 负 is no sign. */
const BEFORE_FU_IN_WORD = new Set([...'胜勝担擔肩背抱辜欺自身不正减減重轻輕抵'].map((c) => c.charCodeAt(0)));

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isDigitLike(code: number): boolean {
  return isAsciiAlnum(code) || (code >= 0xff10 && code <= 0xff19) || code === 0x2e || code === 0x25 || code === 0x29;
}

/**
 * Where the sign of the number at `s` starts, or -1: 负/負 (not in 胜负, 抱负 …), 零下 (below zero), or a minus
 * (- − －) that is not between two numbers (3-5 is a range, 2023-01 a date).
 */
export function signBefore(line: string, s: number, floor: number): number {
  const p = s - 1;
  if (p < floor) return -1;
  const c = line.charCodeAt(p);
  if (c === C_FU_S || c === C_FU_T) return p > floor && BEFORE_FU_IN_WORD.has(line.charCodeAt(p - 1)) ? -1 : p;
  if (c === C_XIA && p - 1 >= floor && line.charCodeAt(p - 1) === C_LING) return p - 1;
  if (c === 0x2d || c === 0x2212 || c === 0xff0d) {
    if (p === 0) return p;
    const b = line.charCodeAt(p - 1); // a look at what precedes, even before `floor`: 3-2 is a score
    return isDigitLike(b) ? -1 : p;
  }
  return -1;
}

/** 负增长 (growth below zero), 零增长 (none), 正增长 (above zero), as a token of the numeral scan. */
export const GROWTH = '[负負正零]增[长長]';

/** The qualifier and the value of a growth word at `s`, or undefined. */
export function growthAt(line: string, s: number): { qualifier?: FigureQualifier } | undefined {
  const c = line.charCodeAt(s);
  if (c === C_FU_S || c === C_FU_T) return { qualifier: 'under' };
  if (c === C_ZHENG) return { qualifier: 'over' };
  if (c === C_LING && line.charCodeAt(s + 1) !== C_LING) return {};
  return undefined;
}
