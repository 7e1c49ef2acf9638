// The `corpus` section of `npm run bench`: CLI throughput with --jobs 1 and 2, Dask with 1 and 2 workers, dedup, peak RSS.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCorpus } from './corpus-build';
import { fmt, summarize, table, type Summary } from './stats';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DASK = path.join(ROOT, 'dask', 'run.mjs');

export interface CorpusRun {
  name: string;
  /** Wall-clock seconds, process start-up included (what a user waits). */
  seconds: Summary;
  mbps: number;
  /** CPU seconds of the process and its threads (user + system), when /usr/bin/time is there. */
  cpuSeconds?: number;
  peakRssMB?: number;
}

export interface CorpusResult {
  mb: number;
  files: number;
  records: number;
  runs: CorpusRun[];
  /** Wall-clock speed-up of --jobs 2 over --jobs 1 (median over median). */
  speedupJobs2?: number;
  /** The same from CPU time: how much the second job costs in overhead (1 CPU-second of --jobs 1 vs per job of --jobs 2). */
  speedupJobs2Cpu?: number;
  speedupDask2?: number;
  skipped: Record<string, string>;
}

interface Timed {
  seconds: number;
  cpuSeconds?: number;
  peakRssMB?: number;
}

const hasTime = fs.existsSync('/usr/bin/time');

/** Runs a command with stdout discarded; wall time, and CPU time and peak RSS through /usr/bin/time when present. */
function timed(command: string, args: string[]): Timed {
  const report = path.join(os.tmpdir(), `news-lens-bench-time-${process.pid}.txt`);
  const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-o', report, '-f', '%U %S %M', command, ...args]] : [command, args];
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1, 3).join(' ')} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  if (!hasTime) return { seconds };
  const [user, system, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(report, { force: true });
  return { seconds, cpuSeconds: user + system, peakRssMB: kb / 1024 };
}

function daskAvailable(): string | undefined {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import dask.distributed'], { stdio: 'ignore' });
  return probe.status === 0 ? undefined : "Debian's python3-dask/python3-distributed not installed (scripts/editor/setup.sh installs them)";
}

export function measureCorpus(log: (line: string) => void, quick: boolean): CorpusResult {
  const mb = Number(process.env.BENCH_CORPUS_MB ?? (quick ? 2 : 8));
  const runs = Math.max(1, Number(process.env.BENCH_CORPUS_RUNS ?? (quick ? 1 : 3)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-corpus-'));
  try {
    const parts = buildCorpus(mb, 7, 4);
    const files = parts.map((text, i) => {
      const file = path.join(dir, `part-${i}.jsonl`);
      fs.writeFileSync(file, text);
      return file;
    });
    const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
    const records = parts.reduce((n, p) => n + p.split('\n').length - 1, 0);
    log(`  corpus: ${(bytes / 1e6).toFixed(1)} MB, ${records} records in ${files.length} files (crawled style: junk, both scripts, ~16% copies); ${runs} run(s) each`);
    const result: CorpusResult = { mb: bytes / 1e6, files: files.length, records, runs: [], skipped: {} };
    const measure = (name: string, command: string, args: (run: number) => string[], processTree = false) => {
      const samples: Timed[] = [];
      for (let i = 0; i < runs; i++) samples.push(timed(command, args(i)));
      const seconds = summarize(samples.map((s) => s.seconds));
      const cpu = samples.every((s) => s.cpuSeconds !== undefined) ? summarize(samples.map((s) => s.cpuSeconds!)).median : undefined;
      // For a tree of processes (Dask) /usr/bin/time sees the driver and whichever descendants it waited for: no CPU or RSS.
      const row: CorpusRun = processTree
        ? { name, seconds, mbps: bytes / 1e6 / seconds.median }
        : { name, seconds, mbps: bytes / 1e6 / seconds.median, cpuSeconds: cpu, peakRssMB: samples[0].peakRssMB && Math.max(...samples.map((s) => s.peakRssMB!)) };
      result.runs.push(row);
      log(`  ${name}: ${fmt(seconds.median, 1)} s median (${fmt(seconds.min, 1)}–${fmt(seconds.max, 1)}), ${fmt(row.mbps, 2)} MB/s${row.cpuSeconds !== undefined ? `, CPU ${fmt(row.cpuSeconds, 1)} s` : ''}${row.peakRssMB ? `, peak RSS ${fmt(row.peakRssMB, 0)} MB` : ''}`);
      return row;
    };
    const stats = path.join(dir, 'stats.json');
    const jobs1 = measure('annotate --jobs 1', process.execPath, () => [CLI, 'annotate', '--input', 'jsonl', '--jobs', '1', ...files]);
    const jobs2 = measure('annotate --jobs 2', process.execPath, () => [CLI, 'annotate', '--input', 'jsonl', '--jobs', '2', ...files]);
    measure('annotate --jobs 2 --stats (with dedup)', process.execPath, () => [CLI, 'annotate', '--input', 'jsonl', '--jobs', '2', '--stats', stats, ...files]);
    measure('dedup --jobs 2', process.execPath, () => [CLI, 'dedup', '--input', 'jsonl', '--jobs', '2', ...files]);
    measure('dedup --jobs 1', process.execPath, () => [CLI, 'dedup', '--input', 'jsonl', '--jobs', '1', ...files]);
    result.speedupJobs2 = jobs1.seconds.median / jobs2.seconds.median;
    if (jobs1.cpuSeconds && jobs2.cpuSeconds) result.speedupJobs2Cpu = jobs1.cpuSeconds / (jobs2.cpuSeconds / 2);
    const noDask = daskAvailable();
    if (noDask) {
      result.skipped.dask = noDask;
      log(`  Dask: skipped (${noDask})`);
    } else {
      const dask1 = measure('Dask, 1 worker', process.execPath, (i) => [DASK, '--workers', '1', '--out', path.join(dir, `dask1-${i}`), ...files], true);
      const dask2 = measure('Dask, 2 workers', process.execPath, (i) => [DASK, '--workers', '2', '--out', path.join(dir, `dask2-${i}`), ...files], true);
      result.speedupDask2 = dask1.seconds.median / dask2.seconds.median;
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function corpusTable(c: CorpusResult): string {
  const rows = c.runs.map((r) => [
    r.name,
    `${fmt(r.seconds.median, 1)} (${fmt(r.seconds.min, 1)}–${fmt(r.seconds.max, 1)})`,
    fmt(r.mbps, 2),
    r.cpuSeconds === undefined ? '—' : fmt(r.cpuSeconds, 1),
    r.peakRssMB === undefined ? '—' : fmt(r.peakRssMB, 0),
  ]);
  const lines = [
    table([['run', 's (min–max)', 'MB/s', 'CPU s', 'peak RSS MB'], ...rows]),
    `${fmt(c.mb, 1)} MB, ${c.records} records in ${c.files} files; start-up included; Dask includes starting the local cluster.`,
  ];
  if (c.speedupJobs2 !== undefined) lines.push(`--jobs 2 ÷ --jobs 1: ${fmt(c.speedupJobs2, 2)}× wall clock${c.speedupJobs2Cpu !== undefined ? `, ${fmt(c.speedupJobs2Cpu, 2)}× by CPU time (2 free cores)` : ''}`);
  if (c.speedupDask2 !== undefined) lines.push(`Dask 2 workers ÷ 1 worker: ${fmt(c.speedupDask2, 2)}×`);
  for (const [what, why] of Object.entries(c.skipped)) lines.push(`${what}: skipped (${why})`);
  return lines.join('\n');
}
