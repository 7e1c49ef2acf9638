// The labelling convention of a whole document: the gate (convention-gate.ts) reads all of its lines, so one article is labelled one way.
//
// An article comes from one source, so it follows one convention. Judged line by line, the gate misreads
// some lines (a short line of names reads like another set): about one line in twenty of MSRA's dev
// sentences went to another set's tables. Summed over a document its evidence is much stronger.
import { toSimplified } from '../script';
import type { AnalyzeOptions, EntityConvention } from '../types';
import { addGateScores, bestGateScore } from './convention-gate';
import type { TaggerModel } from './model-format';

/**
 * What a line adds to its document's choice: per convention of `model`, the gate's log-likelihood of the line's
 * Simplified form, then the line's Han characters (the last entry). Undefined for a model without a gate.
 */
export function lineGateScores(model: TaggerModel, line: string): Float64Array | undefined {
  const names = model.header.layout.conventions;
  if (!model.gate || !names?.length) return undefined;
  const scores = new Float64Array(names.length + 1);
  scores[names.length] = addGateScores(model.gate, scores.subarray(0, names.length), toSimplified(line));
  return scores;
}

/**
 * The convention the document's lines (their lineGateScores) are most like, or undefined when the model has no
 * gate or the document too little Han for it (then each line is left to findEntities, which uses the base tables).
 */
export function documentConvention(model: TaggerModel, lines: Iterable<Float64Array | undefined>): EntityConvention | undefined {
  const names = model.header.layout.conventions;
  if (!model.gate || !names?.length) return undefined;
  const sum = new Float64Array(names.length + 1);
  for (const scores of lines) if (scores) for (let k = 0; k <= names.length; k++) sum[k] += scores[k];
  const best = bestGateScore(sum.subarray(0, names.length), sum[names.length], model.header.layout.gate?.priors);
  return best < 0 ? undefined : (names[best].name as EntityConvention);
}

/** Whether analyze() should choose a convention for the document: the tagger runs and no convention is named. */
export function choosesDocumentConvention(options: AnalyzeOptions): boolean {
  if (options.cheapOnly || options.entityTypes?.length === 0) return false;
  return options.entityConvention === undefined || options.entityConvention === 'auto';
}
