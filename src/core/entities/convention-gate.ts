// The convention gate: which training set's labelling a line of text resembles, by naive Bayes over its code units and pairs of them.
//
// The training sets label the same kind of text differently (MSRA splits 浙江省余姚市 into two places;
// CLUENER keeps an address whole and leaves many passing mentions unlabelled; UNER follows UD Chinese
// GSD). The model keeps one set of transitions and dense tables per set (model-format.ts); the gate
// picks the set whose sentences the line is most like. Its log-probabilities are trained with the
// tagger (scripts/ner/train.ts) on the same train sentences, in the Simplified view, so the Traditional
// and the Simplified form of a line get the same convention. Code units are read as they are (not
// normalized): full-width digits and punctuation are part of a source's style.
import type { EntityConvention } from '../types';
import type { TaggerModel } from './model-format';

/** Hash buckets of the gate's features (code units and pairs). 2^16 and the smoothing were chosen on dev (scripts/ner/README.md). */
export const GATE_BUCKETS = 1 << 16;
const SHIFT = 16;
/** Below this many Han characters a line says too little about its source: the base tables are used. */
export const GATE_MIN_HAN = 6;
/**
 * Jelinek-Mercer smoothing: a source's bucket probability is mixed with the pooled one (weight 1 − λ). A bucket
 * a source never saw then costs every source the same, instead of favouring the smallest set: with add-k smoothing
 * a line of rare names (a committee list) went to GSD, the smallest set. λ was chosen on dev (scripts/ner/README.md).
 */
const LAMBDA = 0.9;

const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/** Calls `visit` with the bucket of each feature of text[from, to): each code unit, and each pair of adjacent units. Returns the number of Han characters. */
export function forEachGateFeature(text: string, from: number, to: number, visit: (bucket: number) => void): number {
  let han = 0;
  let previous = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isHan(code)) han++;
    visit(Math.imul(code, 0x9e3779b1) >>> SHIFT);
    if (previous >= 0) visit((Math.imul(previous * 65536 + code, 0x85ebca6b) ^ 0x5bd1e995) >>> SHIFT);
    previous = code;
  }
  return han;
}

/** Per convention, the log-probability of each bucket (conventions × GATE_BUCKETS), from per-convention bucket counts. */
export function gateLogProbs(counts: Float64Array[]): Float32Array {
  const pool = new Float64Array(GATE_BUCKETS);
  for (const c of counts) for (let b = 0; b < GATE_BUCKETS; b++) pool[b] += c[b];
  let pooled = 0;
  for (const x of pool) pooled += x;
  const out = new Float32Array(counts.length * GATE_BUCKETS);
  counts.forEach((c, k) => {
    let total = 0;
    for (const x of c) total += x;
    for (let b = 0; b < GATE_BUCKETS; b++) {
      const own = total ? c[b] / total : 0;
      out[k * GATE_BUCKETS + b] = Math.log(LAMBDA * own + (1 - LAMBDA) * ((pool[b] + 0.5) / (pooled + 0.5 * GATE_BUCKETS)));
    }
  });
  return out;
}

/** Adds to scores[k] the log-likelihood of text[from, to) under convention k; returns the number of Han characters read. */
export function addGateScores(logProbs: Float32Array, scores: Float64Array, text: string, from = 0, to = text.length): number {
  const conventions = scores.length;
  return forEachGateFeature(text, from, to, (bucket) => {
    for (let k = 0; k < conventions; k++) scores[k] += logProbs[k * GATE_BUCKETS + bucket];
  });
}

/**
 * Log prior probabilities of the conventions: each training set's share of the train sentences. A line that says
 * little (short, or common words only) then goes to the set most text comes from, as naive Bayes would have it.
 */
export function gatePriors(sentences: readonly number[]): number[] {
  const total = sentences.reduce((a, b) => a + b, 0);
  return sentences.map((n) => Math.log(n / total));
}

/**
 * Index of the highest score plus log prior (`priors`: gatePriors; equal priors when absent), or -1 when the text
 * behind the scores had fewer than GATE_MIN_HAN Han characters.
 */
export function bestGateScore(scores: Float64Array, han: number, priors?: readonly number[]): number {
  if (han < GATE_MIN_HAN) return -1;
  const score = (k: number): number => scores[k] + (priors?.[k] ?? 0);
  let best = 0;
  for (let k = 1; k < scores.length; k++) if (score(k) > score(best)) best = k;
  return best;
}

/** Index of the convention the text is most like, or -1 when it has fewer than GATE_MIN_HAN Han characters. */
export function gateChoice(logProbs: Float32Array, conventions: number, text: string, priors?: readonly number[]): number {
  const scores = new Float64Array(conventions);
  return bestGateScore(scores, addGateScores(logProbs, scores, text), priors);
}

/**
 * The view of `model` that tags a (Simplified) line: the named convention's, or with `auto` the one the
 * gate picks for the line. The base tables serve a model without conventions, a line too short for
 * the gate, and a convention the model does not have.
 */
export function modelForLine(model: TaggerModel, simplified: string, convention: EntityConvention = 'auto'): TaggerModel {
  if (convention !== 'auto') return model.conventions.get(convention) ?? model;
  const names = model.header.layout.conventions;
  if (!model.gate || !names?.length) return model;
  const k = gateChoice(model.gate, names.length, simplified, model.header.layout.gate?.priors);
  return k < 0 ? model : (model.conventions.get(names[k].name) ?? model);
}
