// Section 1–2a: warm in-process engine throughput (full and cheap-only, fresh Analyzer per run) beside nodejieba tag() on the same text.
import { Analyzer } from '../src/core/analyze';
import { segmenterError, warmUpEntities } from '../src/core/entities';
import { toSimplified } from '../src/core/script';
import type { AnalyzeOptions } from '../src/core/types';
import type { BenchInput } from './inputs';
import { mbPerSecond, settle, summarize, threadCpuMs, type Summary } from './stats';

interface Tagger {
  tag(sentence: string): unknown[];
  /** Only in News Lens's patched build (scripts/patch-nodejieba.mjs): the same tagging, packed result. */
  tagPacked?(sentence: string): unknown;
}

/** nodejieba as the engine loaded it (same module instance, so the same dictionaries). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodejieba = require('nodejieba') as Tagger;

export interface Throughput extends Summary {
  /** MB/s at the median wall time, and at the slowest and fastest runs. */
  mbps: number;
  mbpsMin: number;
  mbpsMax: number;
  /** Main-thread CPU time (median ms) and the MB/s it gives: steadier than wall time on a loaded machine. */
  cpuMs: number;
  mbpsCpu: number;
  /**
   * CPU time of the whole process (median ms) and its MB/s: the main thread plus V8's helper
   * threads (parallel scavenges, concurrent marking), which do part of the work the analysis
   * makes. The fair figure beside a single-threaded peer such as Python jieba.
   */
  cpuAllMs: number;
  mbpsCpuAll: number;
}

export interface EngineRow {
  input: string;
  bytes: number;
  lines: number;
  full?: Throughput;
  cheap?: Throughput;
  tagLines?: Throughput;
  tagWhole?: Throughput;
  /** tagPacked() per line: the segmentation the engine actually calls (patched addon only). */
  tagPackedLines?: Throughput;
  /** Engine full-analysis MB/s ÷ tag() MB/s (per line, as the engine calls it; and whole text); wall and CPU time. */
  ratioToTagLines?: number;
  ratioToTagWhole?: number;
  ratioToTagLinesCpu?: number;
  /** Engine full-analysis MB/s ÷ tagPacked() MB/s: how much the engine adds to the segmentation it calls. */
  ratioToTagPackedLines?: number;
  counts?: { junk: number; entities: number; figures: number; metadata: number };
}

function throughput(bytes: number, times: number[], cpu: number[], cpuAll: number[]): Throughput {
  const s = summarize(times);
  const cpuMs = summarize(cpu).median;
  const cpuAllMs = summarize(cpuAll).median;
  return {
    ...s,
    mbps: mbPerSecond(bytes, s.median),
    mbpsMin: mbPerSecond(bytes, s.max),
    mbpsMax: mbPerSecond(bytes, s.min),
    cpuMs,
    mbpsCpu: mbPerSecond(bytes, cpuMs),
    cpuAllMs,
    mbpsCpuAll: mbPerSecond(bytes, cpuAllMs),
  };
}

/** CPU time of the whole process so far, in ms (all threads). */
function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs each case once per round (interleaved, so load changes hit all alike); wall and CPU ms per case. */
async function interleaved(cases: [string, () => void][], runs: number, budgetMs: number, onRound?: (round: number, last: Map<string, number>) => void) {
  const wall = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  const cpu = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  const cpuAll = new Map<string, number[]>(cases.map(([name]) => [name, []]));
  const started = performance.now();
  for (let round = 0; round < runs; round++) {
    const last = new Map<string, number>();
    for (const [name, fn] of cases) {
      await settle();
      const p0 = processCpuMs();
      const c0 = threadCpuMs();
      const t0 = performance.now();
      fn();
      const t = performance.now() - t0;
      cpu.get(name)!.push(threadCpuMs() - c0);
      cpuAll.get(name)!.push(processCpuMs() - p0);
      wall.get(name)!.push(t);
      last.set(name, t);
    }
    onRound?.(round, last);
    if (performance.now() - started > budgetMs) break;
  }
  return { wall, cpu, cpuAll };
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

/** The lines as the engine hands them to tag(): the Simplified view, only lines with Han characters. */
export function simplifiedTagLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => HAN.test(l)).map(toSimplified);
}

export async function warmEngine(): Promise<number> {
  const t0 = performance.now();
  await warmUpEntities();
  const error = segmenterError();
  if (error) throw new Error(`nodejieba failed to load: ${error.message}`);
  // One small analysis so every lazily built table (character maps, gazetteer, lexicons) exists.
  new Analyzer().analyze('嘉興市委書記張三在杭州表示,2023年投資102.54億元。\n', {});
  return performance.now() - t0;
}

function countKinds(options: AnalyzeOptions, text: string): EngineRow['counts'] {
  const counts = { junk: 0, entities: 0, figures: 0, metadata: 0 };
  for (const a of new Analyzer().analyze(text, options).annotations) {
    if (a.kind === 'junk') counts.junk++;
    else if (a.kind === 'entity') counts.entities++;
    else if (a.kind === 'figure') counts.figures++;
    else counts.metadata++;
  }
  return counts;
}

export interface EngineCase {
  input: BenchInput;
  runs: number;
  /** Also time cheap-only and whole-text tag() (skipped where they add nothing). */
  withCheap?: boolean;
  withTagWhole?: boolean;
  /** Stop repeating once this much time has gone (the first run always completes). */
  budgetMs?: number;
}

/** Runs full analysis, cheap-only, tag() per line and tag() on the whole text, interleaved round by round. */
export async function measureEngine(c: EngineCase, log: (line: string) => void): Promise<EngineRow> {
  const { input } = c;
  const text = input.text;
  const tagLines = simplifiedTagLines(text);
  const whole = toSimplified(text);
  const variants: [string, () => void][] = [
    ['full', () => new Analyzer().analyze(text, {})],
    ['tagLines', () => {
      for (const line of tagLines) nodejieba.tag(line);
    }],
  ];
  if (c.withCheap !== false) variants.push(['cheap', () => new Analyzer().analyze(text, { cheapOnly: true })]);
  if (c.withTagWhole !== false) variants.push(['tagWhole', () => nodejieba.tag(whole)]);
  const tagPacked = nodejieba.tagPacked?.bind(nodejieba);
  if (tagPacked) {
    variants.push(['tagPackedLines', () => {
      for (const line of tagLines) tagPacked(line);
    }]);
  }
  const { wall, cpu, cpuAll } = await interleaved(variants, c.runs, c.budgetMs ?? Infinity, (round, last) =>
    log(`    ${input.name}: round ${round + 1}/${c.runs} ` + [...last].map(([n, t]) => `${n} ${t.toFixed(0)} ms`).join(', ')),
  );
  const row: EngineRow = { input: input.name, bytes: input.bytes, lines: input.lines };
  for (const [name] of variants) (row as unknown as Record<string, Throughput>)[name] = throughput(input.bytes, wall.get(name)!, cpu.get(name)!, cpuAll.get(name)!);
  if (row.full && row.tagLines) {
    row.ratioToTagLines = row.full.mbps / row.tagLines.mbps;
    row.ratioToTagLinesCpu = row.full.mbpsCpu / row.tagLines.mbpsCpu;
  }
  if (row.full && row.tagWhole) row.ratioToTagWhole = row.full.mbps / row.tagWhole.mbps;
  if (row.full && row.tagPackedLines) row.ratioToTagPackedLines = row.full.mbps / row.tagPackedLines.mbps;
  row.counts = countKinds({}, text);
  if (row.counts && row.counts.entities === 0) throw new Error(`${input.name}: full analysis found no entities (segmenter not working?)`);
  return row;
}

export interface LayerRow {
  layer: string;
  ms: Summary;
  mbps: number;
  cpuMs: number;
}

/** Where the time of a full analysis goes: each layer alone (fresh Analyzer), and toSimplified per line. */
export async function measureLayers(input: BenchInput, runs: number): Promise<LayerRow[]> {
  const text = input.text;
  const lines = text.split(/\r\n|\r|\n/);
  const cases: [string, () => void][] = [
    ['junk only', () => new Analyzer().analyze(text, { entityTypes: [], figures: false })],
    ['figures only', () => new Analyzer().analyze(text, { junkKinds: [], entityTypes: [] })],
    ['entities only (no junk view)', () => new Analyzer().analyze(text, { junkKinds: [], figures: false })],
    ['nothing (line split, script count, cache)', () => new Analyzer().analyze(text, { junkKinds: [], entityTypes: [], figures: false })],
    ['toSimplified per line', () => {
      for (const line of lines) toSimplified(line);
    }],
  ];
  const { wall, cpu } = await interleaved(cases, runs, Infinity);
  return cases.map(([layer]) => {
    const ms = summarize(wall.get(layer)!);
    return { layer, ms, mbps: mbPerSecond(input.bytes, ms.median), cpuMs: summarize(cpu.get(layer)!).median };
  });
}

/** One full analysis of `text` (fresh Analyzer, engine already warm): wall, main-thread CPU and whole-process CPU in ms. */
export function timeEngineOnce(text: string): { ms: number; cpuMs: number; cpuAllMs: number } {
  const p0 = processCpuMs();
  const c0 = threadCpuMs();
  const t0 = performance.now();
  new Analyzer().analyze(text, {});
  const ms = performance.now() - t0;
  return { ms, cpuMs: threadCpuMs() - c0, cpuAllMs: processCpuMs() - p0 };
}
