// The figures layer: finds money, percents, dates, times, quantities, cardinals and ordinals in one line of text.
import type { Annotation, LineContext } from '../types';
import { type Figure, figureAt, GLUED } from './classify';
import { type NumeralLexicon, numeralLexicon, wordAcross } from './lexicon';
import { isArabicDigit, isFinancial } from './numerals';
import { rangeFrom } from './ranges';
import * as tokens from './tokens';
import { nextToken, rangeEndAt, skipWord, urlRanges } from './tokens';

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
  let from = 0;
  for (let s = nextToken(line, 0); s >= 0; s = nextToken(line, from)) {
    const e = tokens.tokenEnd;
    from = e;
    if (urls) {
      const urlEnd = rangeEndAt(urls, s);
      if (urlEnd >= 0) {
        from = urlEnd;
        continue;
      }
    }
    const read = figureAt(line, s, e, floor);
    if (read === GLUED) {
      from = skipWord(line, e);
      continue;
    }
    const fig: Figure | undefined = rangeFrom(line, s, e, read, floor) ?? read;
    if (!fig) {
      // A run that starts with the 一 of a word may still hold a figure: 統一三個 (一三 fails, 三個 does not).
      if (e - s > 1 && (line.charCodeAt(s) === C_YI || isFinancial(line.charCodeAt(s)))) from = s + 1;
      continue;
    }
    // Lexicon words are written with Chinese numerals: a figure read from Arabic digits is in none of them.
    if (lexicon && !isArabicDigit(line.charCodeAt(s))) {
      const wordEnd = wordAcross(lexicon, line, s, fig.start, fig.end);
      if (wordEnd >= 0) {
        from = wordEnd;
        continue;
      }
    }
    found.push({ kind: 'figure', label: fig.label, start: fig.start, end: fig.end, text: line.slice(fig.start, fig.end), value: fig.value });
    floor = fig.end;
    from = fig.end;
  }
  return found;
}
