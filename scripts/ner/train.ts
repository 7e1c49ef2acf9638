// `npm run train:ner`: trains the entity tagger (a linear-chain CRF, or an averaged perceptron, over BIO labels) on the converted corpus and writes data/ner/model.bin.
//
// Usage: npx tsx scripts/ner/train.ts [--data DIR] [--algorithm crf|perceptron] [--epochs N]
//          [--rate R] [--min-count K] [--keep N] [--weights msra=3,cluener=2,gsd=6] [--seed S | --seeds A,B,…]
//          [--drop T,T] [--by-source all|none|T,T] [--convention msra=1,…] [--out FILE] [--checkpoint FILE]
//          [--from-checkpoint FILE[,FILE…]] [--only-for SOURCE:T,T] [--overlay-keep N] [--overlay-reads own|others]
// Reads DIR/corpus.jsonl (scripts/ner/convert.ts). Learns on the `train` split only; after each
// epoch scores the averaged weights on the `dev` split of each source and keeps the best epoch
// (by the mean of the per-source F1s). Never reads the `test` split. Run it under `nice`.
// --seeds trains one model per seed (each keeps its own best epoch) and averages their float weights
// (a "soup": the seeds differ only in the order the sentences are seen). The default is seeds 1–8.
// --checkpoint saves the best float weights; --from-checkpoint skips training and only exports
// (to try pruning and quantization settings); given several checkpoints, it exports their soup. --drop leaves templates out (ablation runs).
// --by-source gives templates a copy per source, and --convention says how the copies are folded
// into the exported model (by-source.ts). --only-for msra:T,T gives the sparse templates T a copy for one
// source only; the export keeps its --overlay-keep strongest rows as an overlay (overlay.ts), read by that source's
// view (--overlay-reads own) or, with the copies folded into the shared rows, taking them out of the others' (others).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultDataDir, readCorpus, readFillRecord, SOURCES, type CorpusSentence, type FillRecord, type Source, type Span } from '../../src/cli/ner-corpus';
import { ABSENT, featureKeys, FEATURE_VERSION, MAX_LEXICON_WORD, mix, Positions, readPositions, TEMPLATE_COUNT, TEMPLATE_NAMES, wordHash, type Template, type WordLexicon } from '../../src/core/entities/features';
import { DENSE_ROWS } from '../../src/core/entities/features';
import { buildLexicon, buildModel, HashLexicon, nearestCode, serializeModel, type TrainedFeature } from '../../src/core/entities/model-format';
import { ensureSegmenter, jiebaDictionaryPaths, tagTokens } from '../../src/core/entities/segmenter';
import { allowedEnd, allowedStart, allowedTransition, ENTITY_LABELS, LABEL_COUNT, labelOf, spansOf, tagEntities, viterbi, type TaggerModel } from '../../src/core/entities/tagger';
import { toSimplified } from '../../src/core/script';
import { forEachGateFeature, gateChoice, gateLogProbs, gatePriors, GATE_BUCKETS, modelForLine } from '../../src/core/entities/convention-gate';
import { HashMap } from './hash-map';
import { namesInsideTitles } from './title-convention';
import { effectiveTransitions, foldSources, parseBySource, parseConvention, parseSourceOnly, slotsPerPosition, slotTemplate, takeCopies, transitionBlocks, TRANSITIONS, withSourceSlots, type SourceOnly } from './by-source';
import { OVERLAY_TEMPLATES } from '../../src/core/entities/overlay';
import { seededRandom as random } from '../../src/shared/seeded-random';

const L = LABEL_COUNT;
const DENSE_TEMPLATES = new Set(Object.keys(DENSE_ROWS).map(Number));
const F = TEMPLATE_COUNT;
/** The templates with a copy per source (by-source.ts): the dense ones, so that each source's convention ships as its own tables. */
const DEFAULT_BY_SOURCE = 'Bias,Types,PosTag,PrevTagTag,TagNextTag,Place,CharClasses,PrevWordClass,WordClass,LexiconBegin,LexiconEnd,LexiconInside';
/** How often each source's train sentences are seen per epoch: MSRA ×3 pulls the model toward labelling every mention (scripts/ner/README.md). */
const DEFAULT_WEIGHTS: Record<Source, number> = { msra: 3, cluener: 2, gsd: 6 };
/**
 * MSRA's own copies of the sparse templates (session 18): folded into the shared rows, so MSRA-style text reads all of
 * them, and taken out again for the other conventions by an overlay of the strongest 118,000 (as many as the 15 MiB budget holds).
 */
const DEFAULT_ONLY_FOR = 'msra:CharM2,CharM1,Char0,CharP1,CharP2,BigramM2M1,BigramM1C0,BigramC0P1,BigramP1P2,Word,PrevWord,NextWord,CharPosLength,CharTag';
const DEFAULT_OVERLAY_KEEP = 118_000;

interface Options {
  data: string;
  algorithm: 'crf' | 'perceptron';
  epochs: number;
  rate: number;
  minCount: number;
  /** Keep at most this many features (those with the largest weights). */
  keep: number;
  weights: Record<Source, number>;
  out: string;
  /** One model per seed, their float weights averaged. */
  seeds: number[];
  drop: number[];
  /** Templates with a copy per source (by-source.ts), and the weights of the copies in the export. */
  bySource: number[];
  /** Templates copied for one source only: that source's overlay in the shipped model, of at most `overlayKeep` rows. */
  onlyFor?: SourceOnly;
  overlayKeep: number;
  /**
   * Who reads the overlay: `own`, the source's view (its copies added to the shared rows), or `others`, the other
   * sources' views (the shared rows include the source's copies, and the overlay takes them out again).
   */
  overlayReads: 'own' | 'others';
  convention: Record<Source, number>;
  checkpoint?: string;
  fromCheckpoint?: string;
}

function parseOverlayReads(value: string): 'own' | 'others' {
  if (value !== 'own' && value !== 'others') throw new Error('--overlay-reads must be own or others');
  return value;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const weights: Record<Source, number> = { ...DEFAULT_WEIGHTS };
  for (const pair of (value('--weights') ?? '').split(',').filter(Boolean)) {
    const [source, w] = pair.split('=');
    if (!(SOURCES as readonly string[]).includes(source)) throw new Error(`--weights: unknown source ${source}`);
    weights[source as Source] = Number(w);
  }
  const algorithm = value('--algorithm') ?? 'crf';
  if (algorithm !== 'crf' && algorithm !== 'perceptron') throw new Error('--algorithm must be crf or perceptron');
  return {
    data: value('--data') ?? defaultDataDir(),
    algorithm,
    epochs: Number(value('--epochs') ?? 8),
    rate: Number(value('--rate') ?? 0.1),
    minCount: Number(value('--min-count') ?? 2),
    keep: Number(value('--keep') ?? 420_000),
    weights,
    out: value('--out') ?? path.join(__dirname, '..', '..', 'data', 'ner', 'model.bin'),
    seeds: value('--seed') !== undefined ? [Number(value('--seed'))] : (value('--seeds') ?? '1,2,3,4,5,6,7,8').split(',').map(Number),
    drop: (value('--drop') ?? '').split(',').filter(Boolean).map((name) => {
      const t = /^\d+$/.test(name) ? Number(name) : TEMPLATE_NAMES.indexOf(name);
      if (t < 0 || t >= F) throw new Error(`--drop: unknown template ${name} (known: ${TEMPLATE_NAMES.join(', ')})`);
      return t;
    }),
    bySource: parseBySource(value('--by-source') ?? DEFAULT_BY_SOURCE),
    onlyFor: parseSourceOnly(value('--only-for') ?? DEFAULT_ONLY_FOR),
    overlayKeep: Number(value('--overlay-keep') ?? DEFAULT_OVERLAY_KEEP),
    overlayReads: parseOverlayReads(value('--overlay-reads') ?? 'others'),
    convention: parseConvention(value('--convention') ?? 'msra=1'),
    checkpoint: value('--checkpoint'),
    fromCheckpoint: value('--from-checkpoint'),
  };
}

// ---------------------------------------------------------------------------------------------
// The dictionary of names: jieba's own dictionary, words tagged as person, place or organisation.

const DICTIONARY_CATEGORIES: Record<string, number> = { nr: 1, nrt: 1, nrfg: 1, ns: 2, nt: 3 };

/** Hashes of jieba's person/place/organisation words (2..MAX_LEXICON_WORD units) and of their prefixes. */
export function dictionaryOfNames(): { entries: Map<number, number>; words: number; source: string } {
  const file = jiebaDictionaryPaths()?.dict;
  if (!file) throw new Error("nodejieba's dictionary was not found");
  const entries = new Map<number, number>();
  let words = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, , tag] = line.trim().split(' ');
    const category = DICTIONARY_CATEGORIES[tag];
    if (!category || !word || word.length < 2 || word.length > MAX_LEXICON_WORD) continue;
    const simplified = toSimplified(word);
    words++;
    for (let k = 2; k < simplified.length; k++) {
      const prefix = wordHash(simplified, 0, k);
      if (prefix !== 0 && !entries.has(prefix)) entries.set(prefix, 0);
    }
    const h = wordHash(simplified, 0, simplified.length);
    if (h !== 0) entries.set(h, category);
  }
  return { entries, words, source: `nodejieba ${require('nodejieba/package.json').version} jieba.dict.utf8 (MIT): words tagged nr/nrt/nrfg, ns, nt` };
}

// ---------------------------------------------------------------------------------------------
// Examples

/** A sentence ready for training: Simplified text, gold labels and hashed features. */
interface Example {
  source: Source;
  text: string;
  gold: Uint8Array;
  spans: Span[];
  /** Feature ids (hashes of template and key, 0 for none), n * stride (by-source.ts); dropped once indexed. */
  features: Uint32Array;
  /** Feature keys (features.ts featureKeys, with the source slots), n * stride; dropped once indexed. */
  keys: Uint32Array;
  indices?: Int32Array;
}

export function goldLabels(n: number, spans: Span[]): Uint8Array {
  const labels = new Uint8Array(n);
  for (const s of spans) {
    const type = ENTITY_LABELS.indexOf(s.type);
    labels[s.start] = labelOf(type, 'B');
    for (let i = s.start + 1; i < s.end; i++) labels[i] = labelOf(type, 'I');
  }
  return labels;
}

/** The training id of a feature: a non-zero hash of its template and key. */
const featureId = (t: number, key: number): number => mix(mix(0x51ed27 + t, key), t) || 1;

const positions = new Positions();

function prepare(sentences: CorpusSentence[], words: WordLexicon, drop: number[], bySource: number[], onlyFor?: SourceOnly): Example[] {
  const stride = slotsPerPosition(bySource, onlyFor);
  return sentences.map((s) => {
    const text = toSimplified(s.text);
    readPositions(positions, text, tagTokens(text), words, 0, text.length);
    const general = featureKeys(positions);
    for (const t of drop) for (let i = t; i < text.length * F; i += F) general[i] = ABSENT;
    const keys = withSourceSlots(general, text.length, bySource, onlyFor, s.source);
    const features = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== ABSENT) features[i] = featureId(slotTemplate(i % stride, s.source, bySource, onlyFor), keys[i]) >>> 0;
    return { source: s.source, text, gold: goldLabels(text.length, s.spans), spans: s.spans, features, keys };
  });
}

// ---------------------------------------------------------------------------------------------
// Weights, shared by both algorithms: current values and the sums for averaging (avg = w - u / c).

class Weights {
  readonly w: Float32Array;
  readonly u: Float64Array;
  /** AdaGrad's sums of squared gradients (CRF only). */
  readonly g2: Float32Array;
  /** Transitions (L * L), then start (L), then end (L); then the same per source when conditioned (by-source.ts). */
  readonly t: Float64Array;
  readonly tu: Float64Array;
  readonly tg2: Float64Array;
  c = 1;
  constructor(
    readonly features: number,
    crf: boolean,
    blocks: number,
  ) {
    this.t = new Float64Array(blocks * TRANSITIONS);
    this.tu = new Float64Array(blocks * TRANSITIONS);
    this.tg2 = new Float64Array(blocks * TRANSITIONS);
    this.w = new Float32Array(features * L);
    this.u = new Float64Array(features * L);
    this.g2 = new Float32Array(crf ? features * L : 0);
  }
  add(k: number, delta: number): void {
    this.w[k] += delta;
    this.u[k] += this.c * delta;
  }
  addTransition(k: number, delta: number): void {
    this.t[k] += delta;
    this.tu[k] += this.c * delta;
  }
  /** The block of a source's transitions, or -1 when they are not conditioned. */
  blockOf(source: Source): number {
    return this.t.length > TRANSITIONS ? (1 + SOURCES.indexOf(source)) * TRANSITIONS : -1;
  }
}

const START = L * L;
const END = L * L + L;

const MASKED = -1e9;
const transitionMask = new Float64Array(L * L + 2 * L);
for (let a = 0; a < L; a++) {
  for (let b = 0; b < L; b++) transitionMask[a * L + b] = allowedTransition(a, b) ? 0 : MASKED;
  transitionMask[START + a] = allowedStart(a) ? 0 : MASKED;
  transitionMask[END + a] = allowedEnd(a) ? 0 : MASKED;
}

/** A decoding view of transition weights: what tagger.ts's viterbi() reads of a model. */
function decodingModel(t: Float64Array): TaggerModel {
  const f32 = (from: number, count: number): Float32Array => Float32Array.from({ length: count }, (_, k) => (transitionMask[from + k] ? -Infinity : t[from + k]));
  return { transitions: f32(0, L * L), start: f32(START, L), end: f32(END, L) } as TaggerModel;
}

let emission = new Float32Array(0);
function emissions(weights: Float32Array, indices: Int32Array, n: number): Float32Array {
  if (emission.length < n * L) emission = new Float32Array(n * L * 2);
  emission.fill(0, 0, n * L);
  const stride = indices.length / n;
  for (let i = 0; i < n; i++) {
    const base = i * L;
    for (let t = 0; t < stride; t++) {
      const f = indices[i * stride + t];
      if (f < 0) continue;
      const row = f * L;
      for (let l = 0; l < L; l++) emission[base + l] += weights[row + l];
    }
  }
  return emission;
}

let predicted = new Uint8Array(256);

/** One perceptron pass: decode, and on a mistake move the weights toward the gold labels. Returns the sentences decoded wrong. */
function perceptronEpoch(p: Weights, examples: Example[], order: number[]): number {
  let mistakes = 0;
  for (const k of order) {
    const ex = examples[k];
    const n = ex.text.length;
    if (n === 0) continue;
    const e = emissions(p.w, ex.indices!, n);
    if (predicted.length < n) predicted = new Uint8Array(n * 2);
    viterbi(decodingModel(effectiveTransitions(p.t, ex.source)), e, n, predicted);
    const block = p.blockOf(ex.source);
    const moveTransition = (k: number, delta: number): void => {
      p.addTransition(k, delta);
      if (block >= 0) p.addTransition(block + k, delta);
    };
    let wrong = false;
    for (let i = 0; i < n; i++) if (predicted[i] !== ex.gold[i]) wrong = true;
    if (wrong) {
      mistakes++;
      const indices = ex.indices!;
      const stride = indices.length / n;
      for (let i = 0; i < n; i++) {
        const g = ex.gold[i];
        const q = predicted[i];
        if (g !== q) {
          for (let t = 0; t < stride; t++) {
            const f = indices[i * stride + t];
            if (f < 0) continue;
            p.add(f * L + g, 1);
            p.add(f * L + q, -1);
          }
        }
        const gp = i === 0 ? START : ex.gold[i - 1] * L;
        const qp = i === 0 ? START : predicted[i - 1] * L;
        if (g !== q || gp !== qp) {
          moveTransition(gp + g, 1);
          moveTransition(qp + q, -1);
        }
      }
      const g = ex.gold[n - 1];
      const q = predicted[n - 1];
      if (g !== q) {
        moveTransition(END + g, 1);
        moveTransition(END + q, -1);
      }
    }
    p.c++;
  }
  return mistakes;
}

let alpha = new Float64Array(0);
let beta = new Float64Array(0);
let potential = new Float64Array(0);
let scale = new Float64Array(0);
const tEffective = new Float64Array(TRANSITIONS);

/**
 * One pass of stochastic gradient ascent on the CRF log-likelihood (AdaGrad step sizes): for
 * each sentence, forward-backward gives the label marginals, and each feature's weights move by
 * (gold indicator - marginal). Returns the mean negative log-likelihood per sentence.
 */
function crfEpoch(p: Weights, examples: Example[], order: number[], rate: number): number {
  let loss = 0;
  const tPot = new Float64Array(L * L);
  for (const k of order) {
    const ex = examples[k];
    const n = ex.text.length;
    if (n === 0) continue;
    const indices = ex.indices!;
    const stride = indices.length / n;
    const e = emissions(p.w, indices, n);
    // The transitions of this sentence's source (by-source.ts); te is read, p.t is moved.
    const te = effectiveTransitions(p.t, ex.source, tEffective);
    const block = p.blockOf(ex.source);
    if (alpha.length < n * L) {
      alpha = new Float64Array(n * L * 2);
      beta = new Float64Array(n * L * 2);
      potential = new Float64Array(n * L * 2);
      scale = new Float64Array(n * 2);
    }
    for (let a = 0; a < L * L; a++) tPot[a] = transitionMask[a] ? 0 : Math.exp(te[a]);
    let logZ = 0;
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let l = 0; l < L; l++) max = Math.max(max, e[i * L + l]);
      for (let l = 0; l < L; l++) potential[i * L + l] = Math.exp(e[i * L + l] - max);
      logZ += max;
    }
    // Forward (scaled), start and end weights folded in.
    let sum = 0;
    for (let l = 0; l < L; l++) sum += alpha[l] = transitionMask[START + l] ? 0 : Math.exp(te[START + l]) * potential[l];
    scale[0] = sum;
    for (let l = 0; l < L; l++) alpha[l] /= sum;
    for (let i = 1; i < n; i++) {
      sum = 0;
      for (let b = 0; b < L; b++) {
        let s = 0;
        for (let a = 0; a < L; a++) s += alpha[(i - 1) * L + a] * tPot[a * L + b];
        s *= potential[i * L + b];
        alpha[i * L + b] = s;
        sum += s;
      }
      scale[i] = sum;
      for (let b = 0; b < L; b++) alpha[i * L + b] /= sum;
    }
    let endSum = 0;
    for (let l = 0; l < L; l++) {
      beta[(n - 1) * L + l] = transitionMask[END + l] ? 0 : Math.exp(te[END + l]);
      endSum += alpha[(n - 1) * L + l] * beta[(n - 1) * L + l];
    }
    for (let l = 0; l < L; l++) beta[(n - 1) * L + l] /= endSum;
    for (let i = n - 2; i >= 0; i--) {
      for (let a = 0; a < L; a++) {
        let s = 0;
        for (let b = 0; b < L; b++) s += tPot[a * L + b] * potential[(i + 1) * L + b] * beta[(i + 1) * L + b];
        beta[i * L + a] = s / scale[i + 1];
      }
    }
    for (let i = 0; i < n; i++) logZ += Math.log(scale[i]);
    logZ += Math.log(endSum);
    // Gold score, for the loss.
    let gold = 0;
    for (let i = 0; i < n; i++) {
      gold += e[i * L + ex.gold[i]];
      gold += i === 0 ? te[START + ex.gold[0]] : te[ex.gold[i - 1] * L + ex.gold[i]];
    }
    gold += te[END + ex.gold[n - 1]];
    loss += logZ - gold;

    // Gradients: node marginals for the features, edge marginals for the transitions.
    const step = (g2: Float32Array | Float64Array, k: number, g: number): number => {
      g2[k] += g * g;
      return (rate * g) / (Math.sqrt(g2[k]) + 1e-6);
    };
    const moveTransition = (k: number, g: number): void => {
      p.addTransition(k, step(p.tg2, k, g));
      if (block >= 0) p.addTransition(block + k, step(p.tg2, block + k, g));
    };
    for (let i = 0; i < n; i++) {
      const gl = ex.gold[i];
      for (let l = 0; l < L; l++) {
        const marginal = alpha[i * L + l] * beta[i * L + l];
        const g = (l === gl ? 1 : 0) - marginal;
        if (Math.abs(g) < 1e-4) continue;
        for (let t = 0; t < stride; t++) {
          const f = indices[i * stride + t];
          if (f < 0) continue;
          p.add(f * L + l, step(p.g2, f * L + l, g));
        }
      }
      if (i === 0) {
        for (let l = 0; l < L; l++) {
          const g = (l === gl ? 1 : 0) - alpha[l] * beta[l];
          if (!transitionMask[START + l]) moveTransition(START + l, g);
        }
      } else {
        for (let a = 0; a < L; a++) {
          for (let b = 0; b < L; b++) {
            if (transitionMask[a * L + b]) continue;
            const edge = (alpha[(i - 1) * L + a] * tPot[a * L + b] * potential[i * L + b] * beta[i * L + b]) / scale[i];
            const g = (ex.gold[i - 1] === a && gl === b ? 1 : 0) - edge;
            if (Math.abs(g) >= 1e-4) moveTransition(a * L + b, g);
          }
        }
      }
    }
    for (let l = 0; l < L; l++) {
      const g = (l === ex.gold[n - 1] ? 1 : 0) - alpha[(n - 1) * L + l] * beta[(n - 1) * L + l];
      moveTransition(END + l, g);
    }
    p.c++;
  }
  return loss / order.length;
}

interface Averaged {
  w: Float32Array;
  t: Float64Array;
}

function averaged(p: Weights): Averaged {
  const w = new Float32Array(p.w.length);
  for (let k = 0; k < w.length; k++) w[k] = p.w[k] - p.u[k] / p.c;
  return { w, t: Float64Array.from(p.t, (v, k) => v - p.tu[k] / p.c) };
}

/**
 * The mean of several runs' float weights (same features, other seeds): each run's averaged weights at its own
 * best epoch. Summed in double precision, as the runs' checkpoints would be.
 */
function soup(runs: { epoch: number; score: number; averaged: Averaged; table: string }[]): { epoch: number; score: number; averaged: Averaged; table: string } {
  const w = new Float64Array(runs[0].averaged.w.length);
  const t = new Float64Array(runs[0].averaged.t.length);
  for (const run of runs) {
    for (let k = 0; k < w.length; k++) w[k] += run.averaged.w[k];
    for (let k = 0; k < t.length; k++) t[k] += run.averaged.t[k];
  }
  for (let k = 0; k < w.length; k++) w[k] /= runs.length;
  for (let k = 0; k < t.length; k++) t[k] /= runs.length;
  return { epoch: Math.max(...runs.map((r) => r.epoch)), score: 0, averaged: { w: Float32Array.from(w), t }, table: '' };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const f1 = (c: Counts): number => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);
const newCounts = (): Map<Source, Counts> => new Map(SOURCES.map((s) => [s, { tp: 0, fp: 0, fn: 0 }]));

function count(counts: Map<Source, Counts>, ex: Example, predictedKeys: string[]): void {
  const gold = new Set(ex.spans.map((s) => `${s.start}:${s.end}:${s.type}`));
  const c = counts.get(ex.source)!;
  let tp = 0;
  for (const key of predictedKeys) if (gold.has(key)) tp++;
  c.tp += tp;
  c.fp += predictedKeys.length - tp;
  c.fn += gold.size - tp;
}

/** Strict span F1 per source of the float weights on `examples`. */
function evaluate(a: Averaged, examples: Example[]): Map<Source, Counts> {
  const models = new Map(SOURCES.map((s) => [s, decodingModel(effectiveTransitions(a.t, s))]));
  const counts = newCounts();
  let labels = new Uint8Array(256);
  for (const ex of examples) {
    const n = ex.text.length;
    if (n === 0) continue;
    if (labels.length < n) labels = new Uint8Array(n * 2);
    viterbi(models.get(ex.source)!, emissions(a.w, ex.indices!, n), n, labels);
    count(
      counts,
      ex,
      spansOf(labels, n).map((s) => `${s.start}:${s.end}:${ENTITY_LABELS[s.type]}`),
    );
  }
  return counts;
}

/** The same with the exported model and the shipped decoder (after pruning and quantization). */
function evaluateExported(model: TaggerModel, examples: Example[]): Map<Source, Counts> {
  const counts = newCounts();
  for (const ex of examples) {
    count(
      counts,
      ex,
      tagEntities(modelForLine(model, ex.text), ex.text, tagTokens(ex.text)).map((s) => `${s.start}:${s.end}:${s.type}`),
    );
  }
  return counts;
}

function summary(scores: Map<Source, Counts>): { mean: number; table: string } {
  const perSource = SOURCES.map((s) => f1(scores.get(s)!));
  return {
    mean: perSource.reduce((x, y) => x + y, 0) / perSource.length,
    table: SOURCES.map((s, k) => `${s} ${(perSource[k] * 100).toFixed(2)}`).join('  '),
  };
}

// ---------------------------------------------------------------------------------------------
// Export: pruning, a 256-value codebook, the two feature tables and the dictionary.

/**
 * 256 code values for the weights, ascending: code 127 is exactly 0, and the others are spaced
 * evenly in asinh(w / s) (s = the median |weight|), so that small weights get fine steps and the
 * few large ones a constant relative error (a few per cent). Code 255 repeats 254.
 */
function codebookOf(values: Float32Array): Float32Array {
  const magnitudes = Float32Array.from(values.filter((v) => v !== 0), Math.abs).sort();
  const s = magnitudes[magnitudes.length >> 1] || 1;
  const top = Math.asinh((magnitudes[magnitudes.length - 1] ?? 1) / s);
  const codebook = new Float32Array(256);
  for (let k = 0; k < 255; k++) codebook[k] = Math.sinh(((k - 127) / 127) * top) * s;
  codebook[127] = 0;
  codebook[255] = codebook[254];
  return codebook;
}

/** The record a grouped feature shares with others (features of a kept record are all kept: they cost no space), or undefined. */
function recordOf(t: Template, key: number): string | undefined {
  const name = TEMPLATE_NAMES[t];
  if (name.startsWith('Char') && name.length <= 6) return `c${key}`;
  if (name === 'CharPosLength') return `c${Math.floor(key / 32)}`;
  if (name.startsWith('Bigram')) return `b${key}`;
  if (name === 'Word' || name === 'PrevWord' || name === 'NextWord') return `w${key >>> 2}`;
  return undefined;
}

/**
 * The shipped model: the `keep` features with the largest |weight| (and all features of the
 * records they belong to, and of the dense tables), coded against a 256-value codebook.
 */
function exportModel(
  a: Averaged,
  templates: Uint8Array,
  keys: Uint32Array,
  keep: number,
  lexicon: Uint32Array,
  about: Record<string, unknown>,
  conventions: { name: Source; folded: Averaged }[] = [],
  gate?: { buckets: number; logProbs: Float32Array },
  titles?: { base: number; bySource: Record<Source, number> },
  overlay?: { conventions: Source[]; base: boolean; copies: { template: number; key: number; w: Float32Array }[]; keep: number },
): TaggerModel {
  const total = keys.length;
  // A feature's strength is its largest |weight|.
  const strength = new Float32Array(total);
  for (let f = 0; f < total; f++) {
    let m = 0;
    for (let l = 0; l < L; l++) m = Math.max(m, Math.abs(a.w[f * L + l]));
    strength[f] = m;
  }
  const threshold = total > keep ? Float32Array.from(strength).sort()[total - keep] : 0;
  const records = new Set<string>();
  for (let f = 0; f < total; f++) {
    const record = recordOf(templates[f] as Template, keys[f]);
    if (record && strength[f] >= threshold && strength[f] > 0) records.add(record);
  }
  const kept: number[] = [];
  for (let f = 0; f < total; f++) {
    if (strength[f] === 0) continue;
    const record = recordOf(templates[f] as Template, keys[f]);
    const dense = DENSE_TEMPLATES.has(templates[f]);
    if (dense || (record ? records.has(record) : strength[f] >= threshold)) kept.push(f);
  }
  const keptWeights = new Float32Array(kept.length * L);
  kept.forEach((f, r) => keptWeights.set(a.w.subarray(f * L, f * L + L), r * L));
  // The conventions' dense tables share the codebook: it spans their weights too.
  const denseFeatures = kept.filter((f) => DENSE_TEMPLATES.has(templates[f]));
  const conventionWeights = conventions.map((c) => {
    const w = new Float32Array(denseFeatures.length * L);
    denseFeatures.forEach((f, r) => w.set(c.folded.w.subarray(f * L, f * L + L), r * L));
    return w;
  });
  // An overlay keeps its `keep` strongest rows among those the shared tables have room for: a view adds each to the
  // shared row of its feature (model-format.ts), so a feature needs its record (a character's, pair's or word's rows).
  const keptCharTags = new Set(kept.filter((f) => recordOf(templates[f] as Template, keys[f]) === undefined).map((f) => `${templates[f]}:${keys[f]}`));
  const representable = (c: { template: number; key: number }): boolean => {
    const record = recordOf(c.template as Template, c.key);
    return record ? records.has(record) : keptCharTags.has(`${c.template}:${c.key}`);
  };
  const overlayRows = overlay ? strongest(overlay.copies.filter(representable), overlay.keep) : [];
  const overlayWeights = new Float32Array(overlayRows.length * L);
  overlayRows.forEach((c, r) => overlayWeights.set(c.w, r * L));
  const all = new Float32Array(keptWeights.length + conventionWeights.reduce((n, w) => n + w.length, 0) + overlayWeights.length);
  all.set(keptWeights);
  const end = conventionWeights.reduce((at, w) => (all.set(w, at), at + w.length), keptWeights.length);
  all.set(overlayWeights, end);
  const codebook = codebookOf(all);
  const codesOf = (w: Float32Array, r: number): Uint8Array => Uint8Array.from({ length: L }, (_, l) => nearestCode(codebook, w[r * L + l]));
  const features: TrainedFeature[] = kept.map((f, r) => {
    const codes = new Uint8Array(L);
    for (let l = 0; l < L; l++) codes[l] = nearestCode(codebook, keptWeights[r * L + l]);
    return { template: templates[f] as Template, key: keys[f], codes };
  });
  const decoding = decodingModel(a.t);
  const conventionTables = conventions.map((c, k) => ({
    name: c.name,
    namesInsideTitles: titles?.bySource[c.name],
    ...decodingModel(c.folded.t),
    dense: denseFeatures.map((f, r) => ({ template: templates[f] as Template, key: keys[f], codes: codesOf(conventionWeights[k], r) })),
  }));
  const overlayTable = overlay && {
    conventions: overlay.conventions,
    base: overlay.base,
    features: overlayRows.map((c, r) => ({ template: c.template as Template, key: c.key, codes: codesOf(overlayWeights, r) })),
  };
  if (overlayTable) Object.assign(about.overlay as object, { rows: overlayTable.features.length });
  return buildModel(features, { transitions: decoding.transitions, start: decoding.start, end: decoding.end, codebook }, lexicon, { temperature: 1, about, namesInsideTitles: titles?.base }, { conventions: conventionTables, gate, overlay: overlayTable });
}

/** The `keep` rows with the largest |weight|. */
function strongest<T extends { w: Float32Array }>(rows: T[], keep: number): T[] {
  const strength = (row: T): number => row.w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return rows
    .map((row) => ({ row, s: strength(row) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .slice(0, keep)
    .map((x) => x.row);
}

/**
 * The convention gate (convention-gate.ts): per source, bucket counts over its train sentences
 * (Simplified), and its share of them as the prior; reports how often it picks each dev sentence's own source.
 */
function trainGate(corpus: CorpusSentence[], log: (line: string) => void): { buckets: number; logProbs: Float32Array; priors: number[]; about: Record<string, unknown> } {
  const counts = SOURCES.map(() => new Float64Array(GATE_BUCKETS));
  const sentences = SOURCES.map(() => 0);
  for (const s of corpus) {
    if (s.split !== 'train') continue;
    const k = SOURCES.indexOf(s.source);
    sentences[k]++;
    forEachGateFeature(toSimplified(s.text), 0, s.text.length, (b) => counts[k][b]++);
  }
  const logProbs = gateLogProbs(counts);
  const priors = gatePriors(sentences);
  const devAccuracy: Record<string, string> = {};
  for (const source of SOURCES) {
    let right = 0;
    let decided = 0;
    for (const s of corpus) {
      if (s.split !== 'dev' || s.source !== source) continue;
      const k = gateChoice(logProbs, SOURCES.length, toSimplified(s.text), priors);
      if (k < 0) continue;
      decided++;
      if (SOURCES[k] === source) right++;
    }
    devAccuracy[source] = `${right}/${decided}`;
  }
  log(`convention gate: dev sentences given their own source's convention: ${JSON.stringify(devAccuracy)}`);
  return { buckets: GATE_BUCKETS, logProbs, priors, about: { trainSentences: sentences, buckets: GATE_BUCKETS, features: 'Han characters and pairs with a Han character, Simplified', devOwnSource: devAccuracy } };
}

/** Sets the temperature of a model and of its conventions' views. */
function setTemperature(model: TaggerModel, t: number): void {
  for (const view of [model, ...model.conventions.values()]) view.header.temperature = t;
}

/**
 * The temperature whose span probabilities best predict, on dev, whether a predicted span is
 * right (lowest log loss over a grid). Uses the shipped decoder on the quantized weights.
 */
function calibrate(model: TaggerModel, dev: Example[]): number {
  const sample = dev.filter((_, k) => k % 2 === 0);
  let best = { t: 1, loss: Infinity };
  for (const t of [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8]) {
    setTemperature(model, t);
    let loss = 0;
    let n = 0;
    for (const ex of sample) {
      const gold = new Set(ex.spans.map((s) => `${s.start}:${s.end}:${s.type}`));
      for (const s of tagEntities(modelForLine(model, ex.text), ex.text, tagTokens(ex.text))) {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, s.confidence));
        loss -= gold.has(`${s.start}:${s.end}:${s.type}`) ? Math.log(p) : Math.log(1 - p);
        n++;
      }
    }
    if (loss / n < best.loss) best = { t, loss: loss / n };
  }
  return best.t;
}

// ---------------------------------------------------------------------------------------------

/** What a model was trained from, kept in the checkpoint so a re-export describes the model and not the command line. */
interface Recipe {
  sourceWeights: Record<Source, number>;
  seeds: number[];
  /** The teacher's fill of CLUENER train (fill.json beside the corpus), or null. */
  cluenerFilled: FillRecord | null;
  /** Templates with a copy per source (by-source.ts); none in older checkpoints. */
  bySource?: string[];
  /** Templates copied for one source only (by-source.ts SourceOnly), by name. */
  onlyFor?: { source: Source; templates: string[] };
}

interface Checkpoint {
  templates: number[];
  keys: number[];
  w: number[];
  t: number[];
  about: Record<string, unknown>;
}

/**
 * A checkpoint, or the soup of several (comma-separated files) trained on the same features with other seeds: their
 * float weights averaged, their seeds joined. Two soups of four seeds trained side by side make one of eight.
 */
function readCheckpoints(files: string[]): Checkpoint {
  const all = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Checkpoint);
  if (all.length === 1) return all[0];
  const [first] = all;
  for (const [k, c] of all.entries()) {
    const same = c.keys.length === first.keys.length && c.keys.every((key, f) => key === first.keys[f] && c.templates[f] === first.templates[f]) && c.t.length === first.t.length;
    if (!same) throw new Error(`${files[k]} has other features than ${files[0]}: only runs on the same data and options can be averaged`);
  }
  const mean = (pick: (c: Checkpoint) => number[]): number[] => pick(first).map((_, i) => all.reduce((sum, c) => sum + pick(c)[i], 0) / all.length);
  const recipes = all.map((c) => c.about.recipe as Recipe | undefined);
  return {
    templates: first.templates,
    keys: first.keys,
    w: mean((c) => c.w),
    t: mean((c) => c.t),
    about: {
      ...first.about,
      epoch: Math.max(...all.map((c) => Number(c.about.epoch))),
      table: `(soup of ${files.length} checkpoints)`,
      ...(recipes[0] ? { recipe: { ...recipes[0], seeds: recipes.flatMap((r) => r?.seeds ?? []) } } : {}),
    },
  };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const log = (line: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)} s] ${line}`);
  if (!ensureSegmenter()) throw new Error('nodejieba could not be loaded');
  const names = dictionaryOfNames();
  const lexicon = buildLexicon(names.entries);
  const words = new HashLexicon(lexicon);
  log(`dictionary of names: ${names.words} words (${names.entries.size} entries with prefixes)`);
  if (options.drop.length) log(`templates left out: ${options.drop.map((t) => TEMPLATE_NAMES[t]).join(', ')}`);
  const corpus = readCorpus(options.data);
  const checkpoint = options.fromCheckpoint ? readCheckpoints(options.fromCheckpoint.split(',')) : undefined;
  // A checkpoint's features are laid out as it was trained, whatever this command line says.
  const checkpointRecipe = checkpoint?.about.recipe as Recipe | undefined;
  const bySource = checkpoint ? parseBySource(checkpointRecipe?.bySource?.join(',')) : options.bySource;
  const onlyFor = checkpoint
    ? checkpointRecipe?.onlyFor && parseSourceOnly(`${checkpointRecipe.onlyFor.source}:${checkpointRecipe.onlyFor.templates.join(',')}`)
    : options.onlyFor;
  const dev = prepare(
    corpus.filter((s) => s.split === 'dev'),
    words,
    options.drop,
    bySource,
    onlyFor,
  );

  /** Per feature index: its template and key. */
  let templates: Uint8Array;
  let keys: Uint32Array;
  let best: { epoch: number; score: number; averaged: Averaged; table: string };
  let trainSentences: number;
  let recipe: Recipe = {
    sourceWeights: options.weights,
    seeds: options.seeds,
    cluenerFilled: readFillRecord(options.data),
    bySource: bySource.map((t) => TEMPLATE_NAMES[t]),
    ...(onlyFor ? { onlyFor: { source: onlyFor.source, templates: onlyFor.templates.map((t) => TEMPLATE_NAMES[t]) } } : {}),
  };
  const indexDev = (index: HashMap): void => {
    for (const ex of dev) {
      ex.indices = Int32Array.from(ex.features, (h) => (h ? (index.get(h) ?? -1) : -1));
      ex.features = ex.keys = new Uint32Array(0);
    }
  };
  if (checkpoint) {
    templates = Uint8Array.from(checkpoint.templates);
    keys = Uint32Array.from(checkpoint.keys);
    best = { ...(checkpoint.about as { epoch: number; score: number; table: string }), averaged: { w: Float32Array.from(checkpoint.w), t: Float64Array.from(checkpoint.t) } };
    trainSentences = Number(checkpoint.about.trainSentences);
    // The recipe is the checkpoint's, not this command line's (older checkpoints did not record it).
    recipe = { ...recipe, ...(checkpoint.about.recipe as Partial<Recipe> | undefined) };
    const index = new HashMap(keys.length * 2);
    keys.forEach((key, f) => index.set(featureId(templates[f], key) >>> 0, f));
    indexDev(index);
    log(`loaded ${options.fromCheckpoint}: epoch ${best.epoch}, ${best.table}`);
  } else {
    const train = prepare(
      corpus.filter((s) => s.split === 'train'),
      words,
      options.drop,
      bySource,
      onlyFor,
    );
    trainSentences = train.length;
    log(`prepared ${train.length} train and ${dev.length} dev sentences`);
    // Features seen at least minCount times in train get an index; the rest are dropped.
    const counts = new HashMap(1 << 20);
    for (const ex of train) for (const h of ex.features) if (h) counts.add(h, 1);
    const index = new HashMap(1 << 20);
    const templateList: number[] = [];
    const keyList: number[] = [];
    const stride = slotsPerPosition(bySource, onlyFor);
    for (const ex of train) {
      for (let i = 0; i < ex.features.length; i++) {
        const h = ex.features[i];
        if (!h || index.get(h) !== undefined || (counts.get(h) ?? 0) < options.minCount) continue;
        index.set(h, keyList.length);
        templateList.push(slotTemplate(i % stride, ex.source, bySource, onlyFor));
        keyList.push(ex.keys[i]);
      }
    }
    templates = Uint8Array.from(templateList);
    keys = Uint32Array.from(keyList);
    log(`${counts.size} distinct features, ${keys.length} seen ≥ ${options.minCount} times`);
    for (const ex of train) {
      ex.indices = Int32Array.from(ex.features, (h) => (h ? (index.get(h) ?? -1) : -1));
      ex.features = ex.keys = new Uint32Array(0);
    }
    indexDev(index);

    // Each source's sentences appear `weight` times per epoch (rounded), shuffled.
    const baseOrder: number[] = [];
    train.forEach((ex, k) => {
      for (let r = 0; r < options.weights[ex.source]; r++) baseOrder.push(k);
    });
    const trainSeed = (seed: number): typeof best => {
      const order = [...baseOrder];
      const weights = new Weights(keys.length, options.algorithm === 'crf', transitionBlocks(bySource));
      const rand = random(seed);
      let found: typeof best | undefined;
      for (let epoch = 1; epoch <= options.epochs; epoch++) {
        for (let k = order.length - 1; k > 0; k--) {
          const j = Math.floor(rand() * (k + 1));
          [order[k], order[j]] = [order[j], order[k]];
        }
        const progress =
          options.algorithm === 'crf' ? `loss ${crfEpoch(weights, train, order, options.rate).toFixed(3)}` : `${perceptronEpoch(weights, train, order)} sentences wrong`;
        const a = averaged(weights);
        const { mean, table } = summary(evaluate(a, dev));
        log(`seed ${seed} epoch ${epoch}: ${progress}; dev F1 ${table}  mean ${(mean * 100).toFixed(2)}`);
        if (!found || mean > found.score) found = { epoch, score: mean, averaged: a, table };
      }
      if (!found) throw new Error('no epoch ran');
      log(`seed ${seed}: best epoch ${found.epoch}: ${found.table}`);
      return found;
    };
    const runs = options.seeds.map(trainSeed);
    best = runs.length === 1 ? runs[0] : soup(runs);
    if (runs.length > 1) {
      const { mean, table } = summary(evaluate(best.averaged, dev));
      best = { ...best, score: mean, table };
      log(`soup of seeds ${options.seeds.join(', ')} (best epochs ${runs.map((r) => r.epoch).join(', ')}): dev F1 ${table}  mean ${(mean * 100).toFixed(2)}`);
    }
    if (options.checkpoint) {
      const checkpoint: Checkpoint = {
        templates: [...templates],
        keys: [...keys],
        w: [...best.averaged.w],
        t: [...best.averaged.t],
        about: { epoch: best.epoch, score: best.score, table: best.table, trainSentences, drop: options.drop, recipe },
      };
      writeFileSync(options.checkpoint, JSON.stringify(checkpoint));
      log(`checkpoint ${options.checkpoint}`);
    }
  }

  const about = {
    trained: new Date().toISOString().slice(0, 10),
    algorithm: options.algorithm === 'crf' ? 'linear-chain CRF, BIO, AdaGrad SGD with weight averaging' : 'averaged structured perceptron, BIO',
    epochs: best.epoch,
    rate: options.rate,
    minCount: options.minCount,
    keep: options.keep,
    ...recipe,
    ...(bySource.length ? { convention: options.convention } : {}),
    templatesLeftOut: options.drop.map((t) => TEMPLATE_NAMES[t]),
    trainSentences,
    dictionary: names.source,
    devF1Float: best.table,
    devF1: '',
  };
  // One source's own copies of the sparse templates become an overlay: added for its view (`own`), or folded into the
  // shared rows and taken out again for the other views (`others`). The rest is folded as before.
  const { rest, copies } = takeCopies(best.averaged.w, templates, keys, (t) => onlyFor !== undefined && OVERLAY_TEMPLATES.includes(t as Template));
  const foldFrom = onlyFor && options.overlayReads === 'others' ? { w: best.averaged.w, templates, keys } : rest;
  const folded = foldSources(foldFrom.w, best.averaged.t, foldFrom.templates, foldFrom.keys, options.convention);
  if (bySource.length) log(`folded the source copies with ${JSON.stringify(options.convention)}: ${folded.keys.length} of ${keys.length} features (${folded.orphans} copies without a general feature left out)`);
  // Copies of dense templates only: each source's convention ships as its own dense tables and transitions, picked per line by the gate.
  const conventions: { name: Source; folded: Averaged }[] = [];
  let gate: ReturnType<typeof trainGate> | undefined;
  if (bySource.length && bySource.every((t) => DENSE_TEMPLATES.has(t))) {
    for (const name of SOURCES) {
      const one = foldSources(rest.w, best.averaged.t, rest.templates, rest.keys, { ...parseConvention(''), [name]: 1 });
      conventions.push({ name, folded: { w: one.w, t: one.t } });
    }
    gate = trainGate(corpus, log);
    Object.assign(about, { conventions: SOURCES, gate: gate.about });
  }
  const titles = namesInsideTitles(corpus, options.convention);
  log(`train titles with a name labelled inside: ${SOURCES.map((s) => `${s} ${titles.bySource[s].toFixed(2)}`).join(', ')}; base ${titles.base.toFixed(2)}`);
  Object.assign(about, { namesInsideTitles: titles.bySource });
  let overlay: Parameters<typeof exportModel>[9];
  if (onlyFor && copies.length) {
    if (!conventions.some((c) => c.name === onlyFor.source)) throw new Error('an overlay needs the conventions (copies of the dense templates only, as by default)');
    // The base tables are the overlay source's view when the fold is that source's alone.
    const sourceAlone = SOURCES.every((s) => options.convention[s] === (s === onlyFor.source ? 1 : 0));
    const own = copies.filter((c) => c.source === onlyFor.source);
    if (options.overlayReads === 'own') overlay = { conventions: [onlyFor.source], base: sourceAlone, copies: own, keep: options.overlayKeep };
    else {
      if (!sourceAlone) throw new Error(`--overlay-reads others needs --convention ${onlyFor.source}=1`);
      const others = SOURCES.filter((s) => s !== onlyFor.source);
      overlay = { conventions: others, base: false, copies: own.map((c) => ({ ...c, w: c.w.map((v) => -v) })), keep: options.overlayKeep };
    }
    const rows = Math.min(options.overlayKeep, own.length);
    log(`overlay of ${onlyFor.source}'s copies of ${onlyFor.templates.map((t) => TEMPLATE_NAMES[t]).join(', ')}: the ${rows} strongest of ${own.length}, read by ${overlay.conventions.join(', ')}${overlay.base ? ' and the base tables' : ''}`);
    Object.assign(about, { overlay: { copiesOf: onlyFor.source, readBy: overlay.conventions, base: overlay.base, rows, of: own.length } });
  }
  const model = exportModel({ w: folded.w, t: folded.t }, folded.templates, folded.keys, options.keep, lexicon, about, conventions, gate, titles, overlay);
  const exported = summary(evaluateExported(model, dev));
  about.devF1 = exported.table;
  const layout = model.header.layout;
  log(`exported ${model.header.features} of ${keys.length} features (${layout.chars} characters, ${layout.bigramSlots} pair slots, ${layout.wordSlots} word slots, ${layout.charTagSlots} character-tag slots): dev F1 ${exported.table}`);
  setTemperature(model, calibrate(model, dev));
  log(`confidence temperature ${model.header.temperature}`);
  const bytes = serializeModel(model);
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, bytes);
  log(`wrote ${options.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
