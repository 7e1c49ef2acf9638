// Fills the entities CLUENER leaves unlabelled with a teacher model's confident predictions (step 3 of training).
//
// Usage: npx tsx scripts/ner/fill-labels.ts --model TEACHER.bin --cluener-raw train.json [--data DIR]
//          [--tau 0.5] [--out DIR2] [--top 30] [--stats 0.5,0.7,0.9]
//
// CLUENER labels the places, people and organisations a sentence is about, and mostly leaves those
// mentioned in passing unlabelled (中国 in 10 of its 587 occurrences in train); MSRA labels every one.
// A model that learns from both learns to skip them, which costs MSRA-style text recall. The teacher
// (a model of MSRA alone, scripts/ner/README.md) tags every CLUENER *train* sentence of DIR/corpus.jsonl
// (tagger.ts alone, on the Simplified view, as train.ts sees it), and its entities of confidence ≥ --tau
// that overlap no CLUENER label are added to the sentence. With --cluener-raw (the CLUENER train.json
// the corpus was converted from), CLUENER's labels that are not PER/LOC/ORG (book, movie, game,
// position) count as labels for the overlap test too: they are labelled, just as another type.
//
// Prints the conflict statistics (predicted entities with no gold overlap, by type, the most frequent
// strings, and how many sentences gain an entity at each --stats threshold). With --out, writes
// DIR2/corpus.jsonl: every row copied unchanged except CLUENER train rows, which gain the entities.
// Dev and test rows are copied as they are and never read for anything else, so dev stays gold.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CORPUS_FILE,
  FILL_FILE,
  type FillRecord,
  defaultDataDir,
  type CorpusSentence,
  type Span,
} from '../../src/cli/ner-corpus';
import { parseModel } from '../../src/core/entities/model-format';
import {
  ensureSegmenter,
  segmenterError,
  tagTokens,
} from '../../src/core/entities/segmenter';
import { tagEntities } from '../../src/core/entities/tagger';
import { toSimplified } from '../../src/core/script';

function parseArgs(argv: string[]) {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const model = value('--model');
  if (!model) throw new Error('--model FILE is required');
  return {
    model,
    data: value('--data') ?? defaultDataDir(),
    cluenerRaw: value('--cluener-raw'),
    tau: Number(value('--tau') ?? 0.5),
    out: value('--out'),
    top: Number(value('--top') ?? 30),
    stats: (value('--stats') ?? '0.5,0.7,0.9').split(',').map(Number),
  };
}

/** CLUENER's spans of the labels convert.ts drops (book, movie, game, position), by line index, UTF-16 offsets. */
function otherCluenerSpans(
  file: string,
): Map<string, OtherSpan[]> {
  const KEPT = new Set([
    'name',
    'address',
    'scene',
    'organization',
    'company',
    'government',
  ]);
  const byId = new Map<
    string,
    OtherSpan[]
  >();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      const { text, label } = JSON.parse(line) as {
        text: string;
        label: Record<string, Record<string, [number, number][]>>;
      };
      const utf16At: number[] = [0];
      for (const ch of Array.from(text))
        utf16At.push(utf16At[utf16At.length - 1] + ch.length);
      const spans: OtherSpan[] = [];
      for (const [kind, entities] of Object.entries(label ?? {})) {
        if (KEPT.has(kind)) continue;
        for (const ranges of Object.values(entities))
          for (const [first, last] of ranges)
            spans.push({ start: utf16At[first], end: utf16At[last + 1], kind });
      }
      byId.set(String(index), spans);
    });
  return byId;
}

const overlaps = (
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean => a.start < b.end && b.start < a.end;

/** A CLUENER label that is not PER/LOC/ORG (book, movie, game, position). */
export interface OtherSpan {
  start: number;
  end: number;
  kind: string;
}

/** A teacher's entity and its confidence. */
export interface Predicted extends Span {
  confidence: number;
}

/** What a predicted entity meets in the sentence: a gold PER/LOC/ORG, another CLUENER label, or nothing (it may be added). */
export function verdictOf(p: Span, gold: readonly Span[], others: readonly OtherSpan[] | undefined): { verdict: 'gold' | 'new' } | { verdict: 'other'; kind: string } {
  if (gold.some((g) => overlaps(g, p))) return { verdict: 'gold' };
  const other = others?.find((o) => overlaps(o, p));
  return other ? { verdict: 'other', kind: other.kind } : { verdict: 'new' };
}

/** The row with the new entities of confidence ≥ tau added (spans sorted), or undefined when it gains none. Only CLUENER train rows are ever filled. */
export function filledRow(row: CorpusSentence, extras: readonly Predicted[], tau: number): CorpusSentence | undefined {
  if (row.source !== 'cluener' || row.split !== 'train') return undefined;
  const list = extras.filter((e) => e.confidence >= tau);
  if (!list.length) return undefined;
  const spans = [...row.spans, ...list.map(({ start, end, type }) => ({ start, end, type }))].sort((a, b) => a.start - b.start);
  return { ...row, spans };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  if (!ensureSegmenter())
    throw new Error(
      `nodejieba could not be loaded: ${segmenterError()?.message}`,
    );
  const modelBytes = readFileSync(options.model);
  const model = parseModel(modelBytes);
  const lines = readFileSync(path.join(options.data, CORPUS_FILE), 'utf8')
    .split('\n')
    .filter(Boolean);
  const others = options.cluenerRaw
    ? otherCluenerSpans(options.cluenerRaw)
    : undefined;

  const extras = new Map<number, Predicted[]>();
  let trainSentences = 0;
  let predictedTotal = 0;
  let predictedExact = 0;
  let predictedOverlapGold = 0;
  let predictedOverlapOther = 0;
  const otherKinds = new Map<string, number>();
  lines.forEach((line, k) => {
    const row = JSON.parse(line) as CorpusSentence;
    if (row.source !== 'cluener' || row.split !== 'train') return;
    trainSentences++;
    const text = toSimplified(row.text);
    const kept: Predicted[] = [];
    for (const p of tagEntities(model, text, tagTokens(text))) {
      predictedTotal++;
      if (
        row.spans.some(
          (g) => g.start === p.start && g.end === p.end && g.type === p.type,
        )
      )
        predictedExact++;
      const met = verdictOf(p, row.spans, others?.get(row.id));
      if (met.verdict === 'gold') {
        predictedOverlapGold++;
        continue;
      }
      if (met.verdict === 'other') {
        predictedOverlapOther++;
        otherKinds.set(met.kind, (otherKinds.get(met.kind) ?? 0) + 1);
        continue;
      }
      kept.push({
        start: p.start,
        end: p.end,
        type: p.type,
        confidence: p.confidence,
      });
    }
    if (kept.length) extras.set(k, kept);
  });

  // Conflict statistics.
  const all = [...extras.entries()].flatMap(([k, list]) =>
    list.map((e) => ({ k, e })),
  );
  console.log(`CLUENER train sentences: ${trainSentences}`);
  console.log(
    `model's entities: ${predictedTotal} (exactly gold: ${predictedExact}; overlapping a gold PER/LOC/ORG: ${predictedOverlapGold}; overlapping book/movie/game/position only: ${predictedOverlapOther} ${JSON.stringify(Object.fromEntries(otherKinds))})`,
  );
  console.log(
    `no overlap with any gold label: ${all.length} entities in ${extras.size} sentences`,
  );
  for (const tau of options.stats) {
    const byType = new Map<string, number>();
    const sentences = new Set<number>();
    for (const { k, e } of all) {
      if (e.confidence < tau) continue;
      byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      sentences.add(k);
    }
    const n = [...byType.values()].reduce((a, b) => a + b, 0);
    console.log(
      `τ ≥ ${tau}: ${n} entities (${['PER', 'LOC', 'ORG'].map((t) => `${t} ${byType.get(t) ?? 0}`).join(', ')}) in ${sentences.size} sentences (${((100 * sentences.size) / trainSentences).toFixed(1)} %)`,
    );
  }
  const texts = new Map<number, string>();
  for (const k of extras.keys())
    texts.set(k, (JSON.parse(lines[k]) as CorpusSentence).text);
  const tally = new Map<string, { n: number; conf: number }>();
  for (const { k, e } of all) {
    const key = `${e.type}\t${texts.get(k)!.slice(e.start, e.end)}`;
    const t = tally.get(key) ?? { n: 0, conf: 0 };
    t.n++;
    t.conf += e.confidence;
    tally.set(key, t);
  }
  const ranked = [...tally.entries()].sort((a, b) => b[1].n - a[1].n);
  console.log(
    `\nmost frequent strings with no gold overlap (type, string, count, mean confidence):`,
  );
  for (const [key, t] of ranked.slice(0, options.top))
    console.log(`  ${key}\t${t.n}\t${(t.conf / t.n).toFixed(2)}`);
  for (const type of ['PER', 'LOC', 'ORG']) {
    const top = ranked
      .filter(([key]) => key.startsWith(type + '\t'))
      .slice(0, 12);
    console.log(
      `  top ${type}: ${top.map(([key, t]) => `${key.split('\t')[1]} ${t.n}`).join(', ')}`,
    );
  }

  if (!options.out) return;
  let added = 0;
  let gained = 0;
  const out = lines.map((line, k) => {
    const list = extras.get(k);
    if (!list) return line;
    const row = JSON.parse(line) as CorpusSentence;
    const filled = filledRow(row, list, options.tau);
    if (!filled) return line;
    added += filled.spans.length - row.spans.length;
    gained++;
    return JSON.stringify(filled);
  });
  mkdirSync(options.out, { recursive: true });
  writeFileSync(path.join(options.out, CORPUS_FILE), out.join('\n') + '\n');
  const record: FillRecord = {
    teacher: path.basename(options.model),
    teacherSha256: createHash('sha256').update(modelBytes).digest('hex'),
    tau: options.tau,
    entitiesAdded: added,
    sentencesGained: gained,
  };
  writeFileSync(path.join(options.out, FILL_FILE), JSON.stringify(record, null, 2) + '\n');
  console.log(
    `\nwrote ${path.join(options.out, CORPUS_FILE)}: τ ${options.tau}, ${added} entities added to ${gained} CLUENER train sentences; other rows unchanged`,
  );
}

if (require.main === module) main();
