// What stands beyond a number beside a run of mojibake: the far side of `16` in 分、16个, for the byte lost before it.
import { LINE_EDGE, type NumberSides } from './mojibake-context';

export type { NumberSides };

/** The line's suspect runs as numberSides reads them. */
export interface LineRuns {
  runStarts: ReadonlySet<number>;
  runEnds: ReadonlySet<number>;
  /** The repaired text of each run repaired so far, by where it ends. */
  repairedEndingAt: ReadonlyMap<number, string>;
  /** The first character of the run starting at an offset, read through the misreading ('' when unknown). */
  firstOfRun: (at: number) => string;
}

const NUMBER_AHEAD = /[0-9]+(?:[.,:][0-9]+)*/y;
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * What stands beyond a number right next to a run, for the lost byte beside it: 个 in `鍒嗐€�16涓` (分、16个), read
 * through the GBK misreading when it is itself mojibake; before it, the end of the run repaired before (后 in 最后7分).
 * '' where that is not known.
 */
export function numberSides(line: string, run: { start: number; end: number }, runs: LineRuns): NumberSides {
  const { runStarts, runEnds, repairedEndingAt, firstOfRun } = runs;
  const sides: NumberSides = {};
  if (isDigit(line[run.end])) {
    NUMBER_AHEAD.lastIndex = run.end;
    NUMBER_AHEAD.test(line);
    const end = NUMBER_AHEAD.lastIndex;
    let next = end;
    while (next < line.length && (line[next] === ' ' || line[next] === '\t' || line[next] === '\u3000')) next++;
    // A space after the number breaks the sentence's flow (nothing known) unless only spaces follow.
    if (next === line.length) sides.after = LINE_EDGE;
    else if (next === end) sides.after = runStarts.has(end) ? firstOfRun(end) : line[end];
  }
  if (isDigit(line[run.start - 1])) {
    let start = run.start - 1;
    while (start > 0 && (isDigit(line[start - 1]) || ('.,:'.includes(line[start - 1]) && isDigit(line[start - 2])))) start--;
    if (start === 0) sides.before = LINE_EDGE;
    else if (repairedEndingAt.has(start)) sides.before = repairedEndingAt.get(start)!.slice(-1);
    else if (!runEnds.has(start)) sides.before = line[start - 1];
  }
  return sides;
}
