// The `corpus` section of `npm run bench`: CLI throughput with --jobs 1 and 2, Dask with 1 and 2 workers, dedup, peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildCorpus } from './corpus-build';
import { fmt, summarize, table, type Summary } from './stats';
import { childOf, sampleThreadCpu, threadCpuAvailable, type ThreadCpu } from './thread-cpu';

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
  /**
   * Median CPU seconds of the main thread, of each worker thread (the `jobs` busiest other threads, busiest first;
   * none for --jobs 1) and of all the rest (V8's GC helpers, libuv's I/O threads).
   */
  threads?: { main: number; workers: number[]; rest: number };
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
  /** CPU seconds of --jobs 2 ÷ CPU seconds of --jobs 1: the cost of the second engine and of the work in two threads. */
  cpuRatioJobs2?: number;
  /**
   * The speed-up 2 free cores would give, from CPU per thread: --jobs 1 is bound by its main thread, --jobs 2 by its
   * busiest thread or by half its total CPU, whichever is longer.
   */
  speedupJobs2Threads?: number;
  /**
   * The machine's own ceiling for two jobs: --jobs 1 on all files ÷ two independent --jobs 1 processes, side by side,
   * each on half the files (by bytes). No threads, no shared heap, no coordination: what 2 cores give this engine here.
   */
  speedupSideBySide?: number;
  /** --jobs 2's speed-up as a share of that ceiling (1.00: the pool costs nothing over two separate processes). */
  jobs2OfCeiling?: number;
  speedupDask2?: number;
  /** The 1-minute load average when the section started (the machine is shared: wall-clock ratios need a quiet one). */
  loadAverage?: number;
  skipped: Record<string, string>;
}

interface Timed {
  seconds: number;
  cpuSeconds?: number;
  peakRssMB?: number;
  threads?: ThreadCpu;
}

const hasTime = fs.existsSync('/usr/bin/time');
/** Numbers the report files of /usr/bin/time, so that commands timed side by side write their own. */
let timedRuns = 0;

/**
 * Runs a command with stdout discarded: wall time; CPU time and peak RSS through /usr/bin/time when present; and the
 * CPU time of each thread of the command's process, sampled from /proc (Linux).
 */
async function timed(command: string, args: string[]): Promise<Timed> {
  const report = path.join(os.tmpdir(), `news-lens-bench-time-${process.pid}-${timedRuns++}.txt`);
  const [cmd, argv] = hasTime ? ['/usr/bin/time', ['-o', report, '-f', '%U %S %M', command, ...args]] : [command, args];
  const t0 = performance.now();
  const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
  const sampler = threadCpuAvailable ? sampleThreadCpu(() => (hasTime ? childOf(child.pid!) : child.pid)) : undefined;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-20_000)));
  const status = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  const seconds = (performance.now() - t0) / 1000;
  const threads = sampler?.stop();
  if (status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1, 3).join(' ')} failed (${status}): ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
  if (!hasTime) return { seconds, threads };
  const [user, system, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(report, { force: true });
  return { seconds, cpuSeconds: user + system, peakRssMB: kb / 1024, threads };
}

/** Runs commands at the same time, with stdout discarded: wall time until the last ends, and their CPU summed. */
async function timedTogether(commands: [string, string[]][]): Promise<Timed> {
  const t0 = performance.now();
  const each = await Promise.all(commands.map(([command, args]) => timed(command, args)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = each.every((t) => t.cpuSeconds !== undefined) ? each.reduce((n, t) => n + t.cpuSeconds!, 0) : undefined;
  return { seconds, cpuSeconds: cpu, peakRssMB: each.every((t) => t.peakRssMB !== undefined) ? each.reduce((n, t) => n + t.peakRssMB!, 0) : undefined };
}

/** Splits files into two groups of about equal bytes (largest first, each to the lighter group). */
export function halvesByBytes(files: readonly { file: string; bytes: number }[]): [string[], string[]] {
  const groups: [string[], string[]] = [[], []];
  const weight = [0, 0];
  for (const f of [...files].sort((a, b) => b.bytes - a.bytes)) {
    const lighter = weight[0] <= weight[1] ? 0 : 1;
    groups[lighter].push(f.file);
    weight[lighter] += f.bytes;
  }
  return groups;
}

function daskAvailable(): string | undefined {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import dask.distributed'], { stdio: 'ignore' });
  return probe.status === 0 ? undefined : "Debian's python3-dask/python3-distributed not installed (scripts/editor/setup.sh installs them)";
}

/**
 * The default corpus: large enough that each job's start-up (segmenter and entity model, about 2 CPU s per engine)
 * is a small part of the run, as it is on a real crawl, and small enough for the section to take about 4 minutes on
 * 2 free cores (--jobs 1 and 2 three times each, interleaved; the other runs once).
 */
const DEFAULT_CORPUS_MB = 24;

export async function measureCorpus(log: (line: string) => void, quick: boolean): Promise<CorpusResult> {
  const mb = Number(process.env.BENCH_CORPUS_MB ?? (quick ? 2 : DEFAULT_CORPUS_MB));
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
    log(`  corpus: ${(bytes / 1e6).toFixed(1)} MB, ${records} records in ${files.length} files (crawled style: junk, both scripts, ~16% copies); --jobs 1 and 2 ${runs} run(s) each, interleaved; the rest once`);
    const result: CorpusResult = { mb: bytes / 1e6, files: files.length, records, runs: [], skipped: {}, loadAverage: os.loadavg()[0] };
    const row = (name: string, samples: Timed[], workers: number, processTree = false): CorpusRun => {
      const seconds = summarize(samples.map((s) => s.seconds));
      const median = (pick: (s: Timed) => number | undefined) => (samples.every((s) => pick(s) !== undefined) ? summarize(samples.map((s) => pick(s)!)).median : undefined);
      const cpu = median((s) => s.cpuSeconds);
      const main = median((s) => s.threads?.mainSeconds);
      const perWorker = Array.from({ length: workers }, (_, i) => median((s) => s.threads?.otherSeconds[i] ?? 0));
      const rest = median((s) => s.threads && s.threads.otherSeconds.slice(workers).reduce((a, b) => a + b, 0));
      // For a tree of processes (Dask) /usr/bin/time sees the driver and whichever descendants it waited for: no CPU or RSS.
      const out: CorpusRun = processTree
        ? { name, seconds, mbps: bytes / 1e6 / seconds.median }
        : {
            name,
            seconds,
            mbps: bytes / 1e6 / seconds.median,
            cpuSeconds: cpu,
            peakRssMB: samples[0].peakRssMB && Math.max(...samples.map((s) => s.peakRssMB!)),
            threads: main !== undefined && rest !== undefined && perWorker.every((w) => w !== undefined) ? { main, workers: perWorker as number[], rest } : undefined,
          };
      result.runs.push(out);
      const threads = out.threads ? ` (${threadCpuText(out.threads)})` : '';
      log(`  ${name}: ${fmt(seconds.median, 1)} s median (${fmt(seconds.min, 1)}–${fmt(seconds.max, 1)}), ${fmt(out.mbps, 2)} MB/s${out.cpuSeconds !== undefined ? `, CPU ${fmt(out.cpuSeconds, 1)} s` : ''}${threads}${out.peakRssMB ? `, peak RSS ${fmt(out.peakRssMB, 0)} MB` : ''}`);
      return out;
    };
    const once = async (name: string, command: string, args: string[], workers: number, processTree = false) => row(name, [await timed(command, args)], workers, processTree);
    const annotate = (jobs: number, of: readonly string[] = files) => [CLI, 'annotate', '--input', 'jsonl', '--jobs', String(jobs), ...of];
    const halves = halvesByBytes(files.map((file) => ({ file, bytes: fs.statSync(file).size })));
    // Interleaved, so that a change in the machine's load falls on all alike.
    const [one, two, sideBySide]: Timed[][] = [[], [], []];
    for (let i = 0; i < runs; i++) {
      one.push(await timed(process.execPath, annotate(1)));
      two.push(await timed(process.execPath, annotate(2)));
      if (halves[1].length) sideBySide.push(await timedTogether(halves.map((half) => [process.execPath, annotate(1, half)])));
    }
    const jobs1 = row('annotate --jobs 1', one, 0);
    const jobs2 = row('annotate --jobs 2', two, 2);
    if (sideBySide.length) {
      const ceiling = row('two --jobs 1 processes side by side, half the files each', sideBySide, 0);
      result.speedupSideBySide = jobs1.seconds.median / ceiling.seconds.median;
      result.jobs2OfCeiling = ceiling.seconds.median / jobs2.seconds.median;
    }
    const stats = path.join(dir, 'stats.json');
    await once('annotate --jobs 2 --stats (with dedup)', process.execPath, [CLI, 'annotate', '--input', 'jsonl', '--jobs', '2', '--stats', stats, ...files], 2);
    await once('dedup --jobs 2', process.execPath, [CLI, 'dedup', '--input', 'jsonl', '--jobs', '2', ...files], 2);
    await once('dedup --jobs 1', process.execPath, [CLI, 'dedup', '--input', 'jsonl', '--jobs', '1', ...files], 0);
    result.speedupJobs2 = jobs1.seconds.median / jobs2.seconds.median;
    if (jobs1.cpuSeconds && jobs2.cpuSeconds) {
      result.speedupJobs2Cpu = jobs1.cpuSeconds / (jobs2.cpuSeconds / 2);
      result.cpuRatioJobs2 = jobs2.cpuSeconds / jobs1.cpuSeconds;
    }
    if (jobs1.threads && jobs2.threads && jobs2.cpuSeconds) {
      result.speedupJobs2Threads = jobs1.threads.main / Math.max(...jobs2.threads.workers, jobs2.threads.main, jobs2.cpuSeconds / 2);
    }
    const noDask = daskAvailable();
    if (noDask) {
      result.skipped.dask = noDask;
      log(`  Dask: skipped (${noDask})`);
    } else {
      const dask1 = await once('Dask, 1 worker', process.execPath, [DASK, '--workers', '1', '--out', path.join(dir, 'dask1'), ...files], 0, true);
      const dask2 = await once('Dask, 2 workers', process.execPath, [DASK, '--workers', '2', '--out', path.join(dir, 'dask2'), ...files], 0, true);
      result.speedupDask2 = dask1.seconds.median / dask2.seconds.median;
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function threadCpuText(t: NonNullable<CorpusRun['threads']>): string {
  const workers = t.workers.length ? `, workers ${t.workers.map((w) => fmt(w, 1)).join(' and ')}` : '';
  return `main thread ${fmt(t.main, 1)}${workers}, other threads ${fmt(t.rest, 1)}`;
}

export function corpusTable(c: CorpusResult): string {
  const rows = c.runs.map((r) => [
    r.name,
    `${fmt(r.seconds.median, 1)} (${fmt(r.seconds.min, 1)}–${fmt(r.seconds.max, 1)})`,
    fmt(r.mbps, 2),
    r.cpuSeconds === undefined ? '—' : fmt(r.cpuSeconds, 1),
    r.threads === undefined ? '—' : `${fmt(r.threads.main, 1)} / ${r.threads.workers.length ? r.threads.workers.map((w) => fmt(w, 1)).join(', ') : '—'} / ${fmt(r.threads.rest, 1)}`,
    r.peakRssMB === undefined ? '—' : fmt(r.peakRssMB, 0),
  ]);
  const lines = [
    table([['run', 's (min–max)', 'MB/s', 'CPU s', 'CPU s: main / workers / rest', 'peak RSS MB'], ...rows]),
    `${fmt(c.mb, 1)} MB, ${c.records} records in ${c.files} files; start-up included; Dask includes starting the local cluster.` +
      (c.loadAverage !== undefined ? ` Load average ${fmt(c.loadAverage, 1)} at the start (2 cores: above ~1 the wall-clock ratios understate).` : ''),
  ];
  if (c.speedupJobs2 !== undefined) {
    lines.push(`--jobs 2 ÷ --jobs 1, wall clock: ${fmt(c.speedupJobs2, 2)}× (the target: ≥ 1.6× on 2 cores)`);
    if (c.cpuRatioJobs2 !== undefined) lines.push(`--jobs 2 ÷ --jobs 1, total CPU: ${fmt(c.cpuRatioJobs2, 2)}× (1.00 would be no overhead); by CPU time on 2 free cores: ${fmt(c.speedupJobs2Cpu, 2)}×`);
    if (c.speedupSideBySide !== undefined) {
      lines.push(`two --jobs 1 processes side by side ÷ --jobs 1, wall clock: ${fmt(c.speedupSideBySide, 2)}× (this machine's ceiling for 2 jobs); --jobs 2 reaches ${fmt((c.jobs2OfCeiling ?? 0) * 100, 0)}% of it`);
    }
    if (c.speedupJobs2Threads !== undefined) lines.push(`--jobs 2 ÷ --jobs 1 predicted per thread (main thread of --jobs 1 ÷ the longest of --jobs 2's threads and half its CPU): ${fmt(c.speedupJobs2Threads, 2)}×`);
  }
  if (c.speedupDask2 !== undefined) lines.push(`Dask 2 workers ÷ 1 worker: ${fmt(c.speedupDask2, 2)}×`);
  for (const [what, why] of Object.entries(c.skipped)) lines.push(`${what}: skipped (${why})`);
  return lines.join('\n');
}
