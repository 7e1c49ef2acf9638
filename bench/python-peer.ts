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
}

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

export function measurePython(simplified: string, runs: number, kb: number, sliceName: string): PythonResult {
  if (runs <= 0) return { skipped: 'BENCH_PY_RUNS=0' };
  if (!pythonJiebaAvailable()) return { skipped: `${PYTHON} cannot import jieba (python3-jieba not installed)` };
  const slice = sliceText(simplified, kb);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-'));
  try {
    const file = path.join(dir, 'input.txt');
    writeFileSync(file, slice);
    const out = execFileSync(PYTHON, [path.join(__dirname, 'posseg.py'), file, String(runs)], {
      encoding: 'utf8',
      timeout: 30 * 60_000,
      maxBuffer: 1 << 20,
    });
    const raw = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      version: string; python: string; loadMs: number; cacheExisted: boolean; loopMs: number[]; loopCpuMs: number[]; bytes: number; lines: number; tokens: number;
    };
    const loop = summarize(raw.loopMs);
    return {
      version: raw.version,
      python: raw.python,
      loadMs: raw.loadMs,
      cacheExisted: raw.cacheExisted,
      bytes: raw.bytes,
      lines: raw.lines,
      tokens: raw.tokens,
      loop,
      mbps: mbPerSecond(raw.bytes, loop.median),
      cpuMs: summarize(raw.loopCpuMs).median,
      mbpsCpu: mbPerSecond(raw.bytes, summarize(raw.loopCpuMs).median),
      slice: `${(raw.bytes / 1e6).toFixed(2)} MB: ${sliceName}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
