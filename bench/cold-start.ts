// Section 3: language-server cold start: spawn → first junk diagnostics, → first annotations with entities (dictionaries loaded).
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sampleText } from './inputs';
import { LspSession } from './lsp-client';
import { summarize, type Summary } from './stats';

export interface ColdRun {
  /** spawn → initialize answered. */
  initializeMs: number;
  /** spawn → first publishDiagnostics with at least one junk diagnostic for the sample. */
  firstJunkMs: number;
  /** The server main thread's CPU ms at the first junk diagnostics and at the entities (a load-independent view). */
  firstJunkCpuMs: number;
  entitiesCpuMs: number;
  /** spawn → first newsLens/annotations (cheap layers, entitiesPending true). */
  firstAnnotationsMs: number;
  /** spawn → first newsLens/annotations with entitiesPending false. */
  entitiesMs: number;
  /** The server's own elapsedMs for the cheap and the full analyses. */
  cheapElapsedMs: number;
  fullElapsedMs: number;
  entities: number;
}

export interface ColdResult {
  /** The first start after installing: no compile cache yet. */
  firstStart: ColdRun;
  runs: ColdRun[];
  initializeMs: Summary;
  firstJunkMs: Summary;
  firstJunkCpuMs: Summary;
  entitiesCpuMs: Summary;
  firstAnnotationsMs: Summary;
  entitiesMs: Summary;
  fullElapsedMs: Summary;
}

const URI = 'file:///bench/mirror-article-zh-hant.txt';

export async function coldStartOnce(timeoutMs: number): Promise<ColdRun> {
  const session = new LspSession({}, timeoutMs);
  try {
    await session.initialize();
    const initializeMs = session.now();
    await session.open(URI, sampleText(), 1);
    const junk = await session.diagnosticsFor(URI, (e) => e.count > 0);
    const first = await session.annotationsFor(URI, 1);
    const full = await session.annotationsFor(URI, 1, (e) => !e.entitiesPending);
    if (full.counts.entities === 0) throw new Error('the sample came back with no entities');
    return {
      initializeMs,
      firstJunkMs: junk.at,
      firstJunkCpuMs: junk.cpu,
      entitiesCpuMs: full.cpu,
      firstAnnotationsMs: first.at,
      entitiesMs: full.at,
      cheapElapsedMs: first.elapsedMs,
      fullElapsedMs: full.elapsedMs,
      entities: full.counts.entities,
    };
  } finally {
    await session.dispose();
  }
}

function describeRun(run: ColdRun): string {
  return `initialize ${run.initializeMs.toFixed(0)} ms, junk ${run.firstJunkMs.toFixed(0)} ms (server CPU ${run.firstJunkCpuMs.toFixed(0)}), entities ${run.entitiesMs.toFixed(0)} ms (server CPU ${run.entitiesCpuMs.toFixed(0)})`;
}

/**
 * The first start after installing (no compile cache yet: src/server/start.ts), then `runs` starts
 * as every later VS Code session sees them (the cache the first one wrote). The median is over the latter.
 */
export async function measureColdStart(runs: number, timeoutMs: number, log: (line: string) => void): Promise<ColdResult> {
  const cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-compile-cache-'));
  const previous = process.env.NEWS_LENS_COMPILE_CACHE_DIR;
  process.env.NEWS_LENS_COMPILE_CACHE_DIR = cacheDirectory;
  const all: ColdRun[] = [];
  let firstStart: ColdRun;
  try {
    firstStart = await coldStartOnce(timeoutMs);
    log(`    first start (empty compile cache): ${describeRun(firstStart)}`);
    for (let i = 0; i < runs; i++) {
      const run = await coldStartOnce(timeoutMs);
      all.push(run);
      log(`    run ${i + 1}/${runs}: ${describeRun(run)}`);
    }
  } finally {
    if (previous === undefined) delete process.env.NEWS_LENS_COMPILE_CACHE_DIR;
    else process.env.NEWS_LENS_COMPILE_CACHE_DIR = previous;
    rmSync(cacheDirectory, { recursive: true, force: true });
  }
  const pick = (key: keyof ColdRun): Summary => summarize(all.map((r) => r[key]));
  return {
    firstStart,
    runs: all,
    initializeMs: pick('initializeMs'),
    firstJunkMs: pick('firstJunkMs'),
    firstJunkCpuMs: pick('firstJunkCpuMs'),
    entitiesCpuMs: pick('entitiesCpuMs'),
    firstAnnotationsMs: pick('firstAnnotationsMs'),
    entitiesMs: pick('entitiesMs'),
    fullElapsedMs: pick('fullElapsedMs'),
  };
}
