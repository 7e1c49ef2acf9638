// `npm run eval:ner`: strict PER/LOC/ORG span scores of findEntities on our dev split (per source and type) and on BIO files given as dev.
//
// Usage: npm run eval:ner -- [FILE.bio ...] [--data DIR] [--split dev|test] [--sources msra,cluener,gsd]
//          [--traditional] [--no-fac-as-loc] [--no-work] [--min-confidence X] [--errors N] [--documents]
//          [--convention auto|msra|cluener|gsd]
//
// Without FILE arguments it scores the `dev` split of the converted corpus (scripts/ner/convert.ts,
// default DIR .ner-data/). Each FILE.bio (MSRA style: `char<TAB>tag` lines, blank line between
// sentences), such as the 800 shared MSRA sentences, is scored as dev data too.
// `--split test` scores the held-out test split instead: it exists to be read once, at the end of
// a round of development, never to tune on.
//
// Scoring is strict: a predicted entity counts only with exactly the gold start, end and type.
// WORK predictions are ignored; FAC is scored as LOC (MSRA and CLUENER label facilities as places),
// or ignored with --no-fac-as-loc. --no-work switches WORK off, so names inside 《》 are tagged
// (MSRA labels them). --traditional converts Simplified sentences to Traditional first (offsets
// are unchanged); Traditional sources (gsd) are always scored as written. --documents analyzes whole
// documents (MSRA blocks of 50 sentences, GSD documents; blocks of 50 sentences of a BIO file) as the
// editor does, so that a name tagged in one sentence is also tagged in the others (entities/consistency.ts).
import { readFileSync } from 'node:fs';
import { analyze } from '../core/analyze';
import { findEntities, taggerLoadMs, warmUpEntities } from '../core/entities';
import { toTraditional } from '../core/script';
import { ENTITY_CONVENTIONS, type AnalyzeOptions, type Annotation, type EntityConvention, type EntityType, type LineContext } from '../core/types';
import { defaultDataDir, documentOf, MSRA_BLOCK, readBio, readCorpus, SCORED_TYPES, SOURCES, type ScoredType, type Source, type Span } from './ner-corpus';

export { readBio } from './ner-corpus';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  byType: Map<ScoredType, Counts>;
  sentences: number;
  characters: number;
  ms: number;
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

export function total(scores: Scores): Counts {
  const sum: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const c of scores.byType.values()) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
  }
  return sum;
}

export interface EvalOptions {
  traditional?: boolean;
  facAsLoc?: boolean;
  noWork?: boolean;
  /** Analyze whole documents (the sentences' `doc`) instead of one sentence at a time. */
  documents?: boolean;
  minConfidence?: number;
  /** Whose labelling the tagger follows (default auto: the gate's choice per sentence, or per document with `documents`). */
  convention?: EntityConvention;
  /** Called with each sentence that has misses or false alarms. */
  onError?: (text: string, missed: string[], wrong: string[]) => void;
}

/**
 * Each sentence's entities through analyze() of its whole document (the sentences of one `doc`, consecutive, one per
 * line; junk and figures off): what the editor and the CLI report for a document, with names spread across its
 * sentences (entities/consistency.ts). Sentences without `doc` are documents of their own.
 */
function entitiesByDocument(sentences: readonly { text: string; doc?: string }[], options: AnalyzeOptions): Annotation[][] {
  const out: Annotation[][] = [];
  for (let i = 0; i < sentences.length; ) {
    let j = i + 1;
    while (j < sentences.length && sentences[j].doc !== undefined && sentences[j].doc === sentences[i].doc) j++;
    const lines = sentences.slice(i, j).map((s) => s.text.replace(/[\r\n]/g, ' '));
    const starts: number[] = [];
    let at = 0;
    for (const line of lines) {
      starts.push(at);
      at += line.length + 1;
    }
    const perLine: Annotation[][] = lines.map(() => []);
    for (const a of analyze(lines.join('\n'), { ...options, junkKinds: [], figures: false }).annotations) {
      if (a.kind !== 'entity') continue;
      let k = lines.length - 1;
      while (k > 0 && starts[k] > a.start) k--;
      perLine[k].push({ ...a, start: a.start - starts[k], end: a.end - starts[k] });
    }
    out.push(...perLine);
    i = j;
  }
  return out;
}

/** Scores findEntities on gold sentences (with `documents`, analyze() on whole documents: see entitiesByDocument). */
export function score(sentences: readonly { text: string; gold: readonly Span[]; doc?: string }[], options: EvalOptions = {}): Scores {
  const analyzeOptions: AnalyzeOptions = {};
  if (options.noWork) analyzeOptions.entityTypes = ['PER', 'LOC', 'ORG', 'FAC'] as EntityType[];
  if (options.minConfidence) analyzeOptions.minEntityConfidence = options.minConfidence;
  if (options.convention) analyzeOptions.entityConvention = options.convention;
  const ctx: LineContext = { script: options.traditional ? 'traditional' : 'simplified', options: analyzeOptions };
  const facAsLoc = options.facAsLoc ?? true;
  const byType = new Map<ScoredType, Counts>(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let characters = 0;
  const t0 = performance.now();
  const texts = sentences.map((s) => ({ text: options.traditional ? toTraditional(s.text) : s.text, doc: s.doc }));
  const byDocument = options.documents ? entitiesByDocument(texts, analyzeOptions) : undefined;
  for (const [index, sentence] of sentences.entries()) {
    const text = texts[index].text;
    characters += text.length;
    const predicted: Span[] = [];
    for (const a of byDocument?.[index] ?? findEntities(text, ctx)) {
      const type = a.label === 'FAC' && facAsLoc ? 'LOC' : a.label;
      if ((SCORED_TYPES as readonly string[]).includes(type)) predicted.push({ start: a.start, end: a.end, type: type as ScoredType });
    }
    const key = (s: Span): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(sentence.gold.map(key));
    const predictedKeys = new Set(predicted.map(key));
    for (const s of predicted) byType.get(s.type)![goldKeys.has(key(s)) ? 'tp' : 'fp']++;
    for (const s of sentence.gold) if (!predictedKeys.has(key(s))) byType.get(s.type)!.fn++;
    if (options.onError) {
      const show = (s: Span): string => `${s.type}:${text.slice(s.start, s.end)}`;
      const missed = sentence.gold.filter((s) => !predictedKeys.has(key(s))).map(show);
      const wrong = predicted.filter((s) => !goldKeys.has(key(s))).map(show);
      if (missed.length || wrong.length) options.onError(text, missed, wrong);
    }
  }
  return { byType, sentences: sentences.length, characters, ms: performance.now() - t0 };
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);

/** A per-type table: gold, predicted, true positives, P, R, F1, and the micro average. */
export function formatScores(title: string, scores: Scores): string {
  const lines = [title, 'type    gold  pred    tp      P      R     F1'];
  const row = (name: string, c: Counts): string => {
    const s = prf(c);
    return `${name.padEnd(5)} ${String(c.tp + c.fn).padStart(6)} ${String(c.tp + c.fp).padStart(5)} ${String(c.tp).padStart(5)}  ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f)}`;
  };
  for (const type of SCORED_TYPES) lines.push(row(type, scores.byType.get(type)!));
  lines.push(row('micro', total(scores)));
  lines.push(`(${scores.sentences} sentences, ${scores.characters} characters, ${scores.ms.toFixed(0)} ms)`);
  return lines.join('\n');
}

const SOURCE_NAMES: Record<Source, string> = {
  msra: 'MSRA-style (People’s Daily, MSRA NER train file)',
  cluener: 'Sina-style (CLUENER2020 train file, labels mapped)',
  gsd: 'Traditional (UNER Chinese GSD train file)',
};

function conventionOf(name: string | undefined): EntityConvention | undefined {
  if (name !== undefined && !(ENTITY_CONVENTIONS as readonly string[]).includes(name)) throw new Error(`--convention must be one of ${ENTITY_CONVENTIONS.join(', ')}`);
  return name as EntityConvention | undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const flagged = new Set(['--data', '--split', '--sources', '--min-confidence', '--errors', '--convention'].flatMap((f) => (value(f) ? [value(f)] : [])));
  const files = args.filter((a) => !a.startsWith('--') && !flagged.has(a));
  const split = value('--split') ?? 'dev';
  if (split !== 'dev' && split !== 'test') throw new Error('--split must be dev or test');
  const sources = (value('--sources') ?? SOURCES.join(',')).split(',') as Source[];
  const maxErrors = Number(value('--errors') ?? 0);
  let shownErrors = 0;
  const options: EvalOptions = {
    traditional: args.includes('--traditional'),
    facAsLoc: !args.includes('--no-fac-as-loc'),
    noWork: args.includes('--no-work'),
    documents: args.includes('--documents'),
    minConfidence: value('--min-confidence') ? Number(value('--min-confidence')) : undefined,
    convention: conventionOf(value('--convention')),
    onError: maxErrors
      ? (text, missed, wrong) => {
          if (shownErrors++ >= maxErrors) return;
          console.log(text);
          if (missed.length) console.log('  missed: ' + missed.join(' '));
          if (wrong.length) console.log('  wrong:  ' + wrong.join(' '));
        }
      : undefined,
  };

  const t0 = performance.now();
  await warmUpEntities();
  console.log(`segmenter and model loaded in ${(performance.now() - t0).toFixed(0)} ms (model ${taggerLoadMs()?.toFixed(0) ?? '?'} ms)`);
  const setting = `${options.traditional ? 'Traditional' : 'as written'}, FAC ${options.facAsLoc ? 'as LOC' : 'ignored'}, WORK ${options.noWork ? 'off' : 'on'}${options.documents ? ', whole documents' : ''}`;

  if (files.length === 0 || args.includes('--data') || args.includes('--split')) {
    const dataDir = value('--data') ?? defaultDataDir();
    const corpus = readCorpus(dataDir).filter((s) => s.split === split);
    if (split === 'test') console.log('HELD-OUT TEST split: score it once, at the end; never tune on it.');
    const all: Scores = { byType: new Map(SCORED_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])), sentences: 0, characters: 0, ms: 0 };
    for (const source of sources) {
      const sentences = corpus.filter((s) => s.source === source).map((s) => ({ text: s.text, gold: s.spans, doc: documentOf(s) }));
      const scores = score(sentences, { ...options, traditional: options.traditional && source !== 'gsd' });
      console.log('\n' + formatScores(`${split.toUpperCase()} ${source}: ${SOURCE_NAMES[source]}; ${setting}`, scores));
      for (const [type, c] of scores.byType) {
        const sum = all.byType.get(type)!;
        sum.tp += c.tp;
        sum.fp += c.fp;
        sum.fn += c.fn;
      }
      all.sentences += scores.sentences;
      all.characters += scores.characters;
      all.ms += scores.ms;
    }
    if (sources.length > 1) console.log('\n' + formatScores(`${split.toUpperCase()} all sources`, all));
  }
  for (const file of files) {
    // A BIO file has no document marks: with --documents, blocks of consecutive sentences stand for them.
    const sentences = readBio(readFileSync(file, 'utf8')).map((s, i) => ({ ...s, doc: String(Math.floor(i / MSRA_BLOCK)) }));
    const scores = score(sentences, options);
    console.log('\n' + formatScores(`DEV ${file}; ${setting}`, scores));
  }
}

// Run only as a script (the tests import the scoring functions).
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
