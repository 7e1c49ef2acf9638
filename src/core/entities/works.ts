// Titles of works: 《…》 and 〈…〉 (brackets included) are WORK by a post-rule; the model never labels WORK.
import type { Candidate } from './candidates';

const WORK_RE = /《[^《》\r\n]{1,80}》|〈[^〈〉\r\n]{1,80}〉/g;

/** Adds the bracketed titles of `text` (certain by their brackets: confidence 1). */
export function findWorks(text: string, out: Candidate[]): void {
  if (text.indexOf('《') < 0 && text.indexOf('〈') < 0) return;
  WORK_RE.lastIndex = 0;
  for (let m = WORK_RE.exec(text); m; m = WORK_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, type: 'WORK', tier: 2, confidence: 1 });
  }
}
