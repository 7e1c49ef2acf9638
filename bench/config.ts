// Benchmark settings read from the environment (BENCH_QUICK=1 for a short run; each knob can be set alone).

export interface BenchConfig {
  quick: boolean;
  /** Size of the small inputs, in MB (1 MB = 1,000,000 bytes of UTF-8). */
  smallMB: number;
  /** Size of the large inputs in MB; 0 skips them. */
  largeMB: number;
  /** Runs of each in-process measurement on the small inputs. */
  repeats: number;
  /** Runs on the large inputs. */
  largeRepeats: number;
  /** Python jieba: how many timed loops, and on how many KB of the Simplified small input. */
  pyRuns: number;
  pyKB: number;
  /** Language-server cold starts. */
  coldRuns: number;
  /** One-character edits for the edit-latency measurement. */
  edits: number;
  /** Extension-host blocking in a real VS Code: one-character edits, and page scrolls each way. */
  hostEdits: number;
  hostScrollPages: number;
  /** nodejieba load() runs per variant. */
  loadRuns: number;
  /** Which sections to run. */
  sections: Set<Section>;
  /** Skip bench/setup.sh (the apt install of python3-jieba). */
  noSetup: boolean;
  /** Write bench/latest.json (default: on for full runs, off for quick ones). */
  writeLatest: boolean;
  /** Milliseconds to wait for the language server before calling it broken. */
  serverTimeoutMs: number;
}

export const SECTIONS = ['engine', 'python', 'jieba-load', 'cold', 'edit', 'memory', 'host', 'corpus', 'model-load'] as const;
export type Section = (typeof SECTIONS)[number];

function num(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name}=${raw} is not a non-negative number`);
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  return !/^(0|false|no|off)$/i.test(raw);
}

export function readConfig(): BenchConfig {
  const quick = flag('BENCH_QUICK', false);
  const only = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of only) {
    if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`BENCH_ONLY: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
  }
  return {
    quick,
    smallMB: num('BENCH_SMALL_MB', 1),
    largeMB: num('BENCH_LARGE_MB', quick ? 0 : 10),
    repeats: Math.max(1, Math.round(num('BENCH_REPEATS', quick ? 2 : 5))),
    largeRepeats: Math.max(1, Math.round(num('BENCH_LARGE_REPEATS', quick ? 1 : 3))),
    // Paired rounds against Python jieba posseg: one round was a single sample of a noisy ratio (9.7× one day, 9.5× the next).
    pyRuns: Math.round(num('BENCH_PY_RUNS', quick ? 1 : 3)),
    pyKB: num('BENCH_PY_KB', quick ? 100 : 1000),
    coldRuns: Math.max(1, Math.round(num('BENCH_COLD_RUNS', quick ? 2 : 5))),
    edits: Math.max(1, Math.round(num('BENCH_EDITS', quick ? 10 : 30))),
    hostEdits: Math.max(1, Math.round(num('BENCH_HOST_EDITS', quick ? 8 : 20))),
    hostScrollPages: Math.round(num('BENCH_HOST_SCROLL_PAGES', quick ? 10 : 30)),
    loadRuns: Math.max(1, Math.round(num('BENCH_LOAD_RUNS', quick ? 1 : 3))),
    sections: new Set((only.length ? only : SECTIONS) as Section[]),
    noSetup: flag('BENCH_NO_SETUP', false),
    // bench/latest.json is the README's source: only a full run of every section replaces it by default.
    writeLatest: flag('BENCH_WRITE_LATEST', !quick && only.length === 0),
    serverTimeoutMs: num('BENCH_SERVER_TIMEOUT_MS', 180_000),
  };
}
