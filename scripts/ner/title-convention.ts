// Whether each training set labels names inside titles (《…》): a convention the model file carries per set (works.ts).
import { SOURCES, type CorpusSentence, type Source } from '../../src/cli/ner-corpus';
import { forEachTitle } from '../../src/core/entities/works';

/**
 * Per source, the share of its train titles (《…》, works.ts) with a PER/LOC/ORG span labelled inside the brackets:
 * whether the set labels names inside titles. The base tables get the shares weighed as the copies were folded.
 */
export function namesInsideTitles(corpus: readonly CorpusSentence[], fold: Record<Source, number>): { base: number; bySource: Record<Source, number> } {
  const titles = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>;
  const holding = { ...titles };
  for (const s of corpus) {
    if (s.split !== 'train') continue;
    forEachTitle(s.text, (start, end) => {
      titles[s.source]++;
      if (s.spans.some((span) => span.start > start && span.end < end)) holding[s.source]++;
    });
  }
  const bySource = Object.fromEntries(SOURCES.map((s) => [s, titles[s] ? holding[s] / titles[s] : 0])) as Record<Source, number>;
  const weight = SOURCES.reduce((sum, s) => sum + fold[s], 0);
  const base = weight ? SOURCES.reduce((sum, s) => sum + fold[s] * bySource[s], 0) / weight : 0;
  return { base, bySource };
}
