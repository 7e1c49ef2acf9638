// The figures layer: finds money, percents, dates, times, quantities, cardinals and ordinals in one line of text.
import type { Annotation, LineContext } from '../types';
import { type Figure, figureAt, GLUED } from './classify';
import { type NumeralLexicon, numeralLexicon, wordAcross } from './lexicon';
import { isFinancial } from './numerals';
import { rangeFrom } from './ranges';
import { NUMERAL, rangeEndAt, skipWord, urlRanges } from './tokens';

export { parseChineseNumber } from './numerals';

const C_YI = '一'.charCodeAt(0);

/**
 * Figures of one line (no line breaks), sorted by start and non-overlapping; offsets are UTF-16 units
 * into `line`. Each numeral token is read once, with the longest reading that its neighbours allow
 * (2023-01-16 11:13:00 is one DATE, 102.54億元 one MONEY, 超千億元 one MONEY over 1e11, 3至5年 one QUANTITY
 * with a range).
 */
export function findFigures(line: string, ctx: LineContext): Annotation[] {
  if (ctx.options.figures === false) return [];
  return scanFigures(line, numeralLexicon());
}

/** The figures of a line, with `lexicon` (or none) vetoing numerals inside words. */
export function scanFigures(line: string, lexicon: NumeralLexicon | undefined): Annotation[] {
  const found: Annotation[] = [];
  const urls = urlRanges(line);
  let floor = 0;
  NUMERAL.lastIndex = 0;
  for (let m = NUMERAL.exec(line); m; m = NUMERAL.exec(line)) {
    const s = m.index;
    const e = s + m[0].length;
    if (urls) {
      const urlEnd = rangeEndAt(urls, s);
      if (urlEnd >= 0) {
        NUMERAL.lastIndex = urlEnd;
        continue;
      }
    }
    const read = figureAt(line, s, e, floor);
    if (read === GLUED) {
      NUMERAL.lastIndex = skipWord(line, e);
      continue;
    }
    const fig: Figure | undefined = rangeFrom(line, s, e, read, floor) ?? read;
    if (!fig) {
      // A run that starts with the 一 of a word may still hold a figure: 統一三個 (一三 fails, 三個 does not).
      if (e - s > 1 && (line.charCodeAt(s) === C_YI || isFinancial(line.charCodeAt(s)))) NUMERAL.lastIndex = s + 1;
      continue;
    }
    if (lexicon) {
      const wordEnd = wordAcross(lexicon, line, s, fig.start, fig.end);
      if (wordEnd >= 0) {
        NUMERAL.lastIndex = wordEnd;
        continue;
      }
    }
    found.push({ kind: 'figure', label: fig.label, start: fig.start, end: fig.end, text: line.slice(fig.start, fig.end), value: fig.value });
    floor = fig.end;
    NUMERAL.lastIndex = fig.end;
  }
  return found;
}
