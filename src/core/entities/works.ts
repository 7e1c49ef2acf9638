// Titles of works: 《…》 and 〈…〉 (brackets included) are WORK by a post-rule; the model never labels WORK.
//
// Whether a name inside a title is labelled is a convention of the training sets: MSRA labels it (《东京新闻》 holds
// the ORG 东京新闻, 《中华人民共和国香港特别行政区基本法》 two places), CLUENER and UNER GSD hardly ever do. Each
// convention of the model carries its set's share of train titles with a name labelled inside (scripts/ner/train.ts);
// where that share is high, the names the tagger finds inside a title are shown as well, nested in the title.
import type { Candidate } from './candidates';
import type { TaggerModel } from './model-format';

const WORK_RE = /《[^《》\r\n]{1,80}》|〈[^〈〉\r\n]{1,80}〉/g;

/**
 * A convention labels names inside titles when at least this share of its set's train titles has one labelled:
 * MSRA 0.38, UNER GSD 0.07, CLUENER 0.00 (2026-12 data); any value between the last two gives the same choice.
 */
export const NAMES_IN_TITLES_MIN = 0.2;

/** Calls `visit` with each bracketed title of `text`: its start and end (brackets included). */
export function forEachTitle(text: string, visit: (start: number, end: number) => void): void {
  if (text.indexOf('《') < 0 && text.indexOf('〈') < 0) return;
  WORK_RE.lastIndex = 0;
  for (let m = WORK_RE.exec(text); m; m = WORK_RE.exec(text)) visit(m.index, m.index + m[0].length);
}

/** Adds the bracketed titles of `text` (certain by their brackets: confidence 1). */
export function findWorks(text: string, out: Candidate[]): void {
  forEachTitle(text, (start, end) => out.push({ start, end, type: 'WORK', tier: 2, confidence: 1 }));
}

/** Whether the view of the model labels names inside titles (its convention's share, NAMES_IN_TITLES_MIN). */
export function labelsNamesInTitles(model: TaggerModel): boolean {
  return (model.header.namesInsideTitles ?? 0) >= NAMES_IN_TITLES_MIN;
}

/**
 * Takes out of `candidates` (in place) and returns the titles that hold a name from the tagger (tier 1) inside their
 * brackets: with them out of the way, the names inside are resolved against the other candidates as usual.
 */
export function takeTitlesAroundNames(candidates: Candidate[]): Candidate[] {
  const names = candidates.filter((c) => c.tier === 1);
  const taken: Candidate[] = [];
  if (names.length === 0) return taken;
  let kept = 0;
  for (const c of candidates) {
    if (c.type === 'WORK' && names.some((n) => n.start > c.start && n.end < c.end)) taken.push(c);
    else candidates[kept++] = c;
  }
  candidates.length = kept;
  return taken;
}

/** The titles of takeTitlesAroundNames that no chosen candidate crosses (one a user word cuts across is dropped). */
export function titlesAroundChosen(titles: readonly Candidate[], chosen: readonly Candidate[]): Candidate[] {
  return titles.filter((t) => !chosen.some((c) => c.start < t.end && c.end > t.start && (c.start <= t.start || c.end >= t.end)));
}
