// Section 2b: Python jieba posseg (Debian's python3-jieba under /usr/bin/python3) on a slice of the same Simplified text, load timed apart.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mbPerSecond, summarize, type Summary } from './stats';

export const PYTHON = '/usr/bin/python3';

export interface PythonResult {
  skipped?: string;
  version?: string;
  python?: string;
  /** Import + dictionary load + first tiny cut, in ms (outside the timed loop). */
  loadMs?: number;
  /** Whether jieba's prefix-dictionary cache already existed (a first load builds it and is slower). */
  cacheExisted?: boolean;
  bytes?: number;
  lines?: number;
  tokens?: number;
  loop?: Summary;
  mbps?: number;
  /** Thread CPU time of the loop (median ms) and the MB/s it gives. */
  cpuMs?: number;
  mbpsCpu?: number;
  /** Describes the slice timed, e.g. "first 1000 KB of 1 MB Simplified". */
  slice?: string;
  /**
   * The engine's full analysis of the same slice, timed just before each Python run (so both see
   * the same load; the median of three runs per round), and the medians of the per-round ratios engine MB/s ÷ Python MB/s: wall,
   * main-thread CPU, and whole-process CPU (Python jieba is single-threaded; V8's GC threads
   * work for the engine).
   */
  paired?: { rounds: number; engineMs: number; engineCpuMs: number; engineCpuAllMs: number; ratio: number; ratioCpu: number; ratioCpuAll: number };
}

/** One timed run of the engine on a text: wall, main-thread CPU and whole-process CPU, in ms. */
export type EngineTimer = (text: string) => { ms: number; cpuMs: number; cpuAllMs: number };

const median = (values: number[]): number => summarize(values).median;

/** Runs bench/setup.sh (installs python3-jieba with apt when missing); never throws. */
export function runSetup(log: (line: string) => void): void {
  const script = path.join(__dirname, 'setup.sh');
  const result = spawnSync('bash', [script], { encoding: 'utf8', timeout: 600_000 });
  for (const line of `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n')) if (line.trim()) log(`  ${line.trim()}`);
}

export function pythonJiebaAvailable(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import jieba.posseg'], { stdio: 'ignore', timeout: 60_000 }).status === 0;
}

/** Cuts text to at most `kb` KB of UTF-8 at a line break. */
export function sliceText(text: string, kb: number): string {
  const limit = Math.round(kb * 1000);
  if (Buffer.byteLength(text, 'utf8') <= limit) return text;
  const cut = Buffer.from(text, 'utf8').subarray(0, limit).toString('utf8');
  const lastBreak = cut.lastIndexOf('\n');
  return lastBreak > 0 ? cut.slice(0, lastBreak + 1) : cut;
}

interface PossegRun {
  version: string; python: string; loadMs: number; cacheExisted: boolean; loopMs: number[]; loopCpuMs: number[]; bytes: number; lines: number; tokens: number;
}

function runPosseg(file: string, runs: number): PossegRun {
  const out = execFileSync(PYTHON, [path.join(__dirname, 'posseg.py'), file, String(runs)], {
    encoding: 'utf8',
    timeout: 30 * 60_000,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as PossegRun;
}

/**
 * Times Python jieba posseg on a slice of `simplified`, `runs` times. With `engine`, each round
 * first times the engine on the same slice and then starts Python for one run, so that the ratio
 * compares runs made under the same load (this machine's load changes within minutes); Python's
 * start-up and dictionary load stay outside its timed loop either way.
 */
export function measurePython(simplified: string, runs: number, kb: number, sliceName: string, engine?: EngineTimer): PythonResult {
  if (runs <= 0) return { skipped: 'BENCH_PY_RUNS=0' };
  if (!pythonJiebaAvailable()) return { skipped: `${PYTHON} cannot import jieba (python3-jieba not installed)` };
  const slice = sliceText(simplified, kb);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-'));
  try {
    const file = path.join(dir, 'input.txt');
    writeFileSync(file, slice);
    const loopMs: number[] = [];
    const loopCpuMs: number[] = [];
    const loads: number[] = [];
    const engineRuns: ReturnType<EngineTimer>[] = [];
    let raw: PossegRun | undefined;
    // One untimed engine run first: the first full-size analysis of a process still compiles.
    if (engine) engine(slice);
    for (let round = 0; round < (engine ? runs : 1); round++) {
      if (engine) {
        // The median of three engine runs (by main-thread CPU): one run is under a second, Python's several.
        const three = [engine(slice), engine(slice), engine(slice)].sort((a, b) => a.cpuMs - b.cpuMs);
        engineRuns.push(three[1]);
      }
      raw = runPosseg(file, engine ? 1 : runs);
      loopMs.push(...raw.loopMs);
      loopCpuMs.push(...raw.loopCpuMs);
      loads.push(raw.loadMs);
    }
    if (!raw) throw new Error('no Python run');
    const loop = summarize(loopMs);
    const result: PythonResult = {
      version: raw.version,
      python: raw.python,
      loadMs: median(loads),
      cacheExisted: raw.cacheExisted,
      bytes: raw.bytes,
      lines: raw.lines,
      tokens: raw.tokens,
      loop,
      mbps: mbPerSecond(raw.bytes, loop.median),
      cpuMs: median(loopCpuMs),
      mbpsCpu: mbPerSecond(raw.bytes, median(loopCpuMs)),
      slice: `${(raw.bytes / 1e6).toFixed(2)} MB: ${sliceName}`,
    };
    if (engine) {
      // Same bytes on both sides: a ratio of MB/s is Python's time ÷ the engine's.
      result.paired = {
        rounds: engineRuns.length,
        engineMs: median(engineRuns.map((e) => e.ms)),
        engineCpuMs: median(engineRuns.map((e) => e.cpuMs)),
        engineCpuAllMs: median(engineRuns.map((e) => e.cpuAllMs)),
        ratio: median(engineRuns.map((e, i) => loopMs[i] / e.ms)),
        ratioCpu: median(engineRuns.map((e, i) => loopCpuMs[i] / e.cpuMs)),
        ratioCpuAll: median(engineRuns.map((e, i) => loopCpuMs[i] / e.cpuAllMs)),
      };
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
