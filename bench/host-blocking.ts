// Section "host": how long News Lens blocks the extension host of a real VS Code on a large document (edits, scrolling),
// from the client's own task timings, with the host's event-loop delay beside (that one includes VS Code's own work).
// Runs bench/host-probe.ts in the editor through test/integration/runTest.ts. Env: BENCH_HOST_EDITS and
// BENCH_HOST_SCROLL_PAGES (bench/config.ts); BENCH_HOST_PROFILE=FILE keeps the host's CPU profile;
// BENCH_HOST_SETTINGS='{"editor.lightbulb.enabled":"off"}' runs with those workspace settings, to see what they change.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { locateTools, toolsPresent } from '../scripts/editor/code-server.mjs';
import { editPoints } from './edit-latency';
import type { HostProbeReport, HostScenario } from './host-probe';
import { busyStretchesByCause, type BusyCause } from './host-profile';
import type { BenchInput } from './inputs';

const ROOT = path.join(__dirname, '..');
const PROBE_RELATIVE = 'dist/bench/host-probe.js';
const EXTENSION_RELATIVE = 'dist/client/extension.js';
const DOCUMENT_NAME = 'host-blocking.txt';

export interface HostTaskRow {
  task: string;
  count: number;
  /** Over the most recent durations the client kept (all of them unless the task ran more than 512 times). */
  medianMs: number;
  p95Ms: number;
  /** Over every run of the task. */
  maxMs: number;
  totalMs: number;
  /**
   * The most CPU time of the host thread one run took (when the host's Node can tell): tells a slow task from a host
   * that was not scheduled. Linux counts thread CPU time in scheduler ticks here (~4 ms), so only larger values mean much.
   */
  cpuMaxMs?: number;
  /** The kept durations in the order they ran (for the results file). */
  durationsMs: number[];
}

export interface HostBlockingResult {
  skipped?: string;
  input?: string;
  documentLines?: number;
  spans?: number;
  edits?: number;
  scrollSteps?: number;
  openToFullMs?: number;
  editToAnnotationsMedianMs?: number;
  tasks?: HostTaskRow[];
  /** The longest single News Lens task (outer tasks include the inner ones they ran), and the one with most CPU time. */
  longestTask?: { task: string; maxMs: number };
  mostCpuTask?: { task: string; cpuMaxMs: number };
  eventLoop?: NonNullable<HostProbeReport['host']>['eventLoop'];
  /** From a CPU profile of the host over the scenario: busy stretches of ≥ 20 ms by cause (whoever's code it was). */
  busyStretches?: BusyCause[];
  entityListVisible?: boolean;
  editorSeconds?: number;
}

export interface HostBlockingOptions {
  edits: number;
  scrollPages: number;
  timeoutMs: number;
}

/** Nearest-rank percentile of unsorted values. */
function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Why the editor cannot run here, or undefined when it can. */
function missingEditor(): string | undefined {
  for (const file of [EXTENSION_RELATIVE, PROBE_RELATIVE]) {
    if (!existsSync(path.join(ROOT, file))) return `${file} is missing (run npm run build)`;
  }
  if (process.env.VSCODE_EXECUTABLE || process.env.NEWS_LENS_USE_DESKTOP === '1') return undefined;
  if (!toolsPresent(locateTools())) return 'the editor tools (code-server, Node 24, Chromium) are not installed; bash scripts/editor/setup.sh installs them';
  return undefined;
}

/** Runs runTest.ts with the probe as the test index; resolves with its exit code. */
function runEditor(workspace: string, report: string, log: (line: string) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'test/integration/runTest.ts'], {
      cwd: ROOT,
      env: { ...process.env, NEWS_LENS_TESTS_PATH: PROBE_RELATIVE, NEWS_LENS_TEST_WORKSPACE: workspace, NEWS_LENS_TEST_REPORT: report },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) log(`    editor run exited with ${code}; its last output:\n${tail.replace(/^/gm, '      ')}`);
      resolve(code ?? 1);
    });
  });
}

export async function measureHostBlocking(input: BenchInput, options: HostBlockingOptions, log: (line: string) => void): Promise<HostBlockingResult> {
  const missing = missingEditor();
  if (missing) return { skipped: missing };

  const workspace = mkdtempSync(path.join(tmpdir(), 'news-lens-host-'));
  const report = path.join(workspace, 'report.json');
  try {
    const scenario: HostScenario = {
      file: DOCUMENT_NAME,
      edits: editPoints(input.text, options.edits),
      scrollPages: options.scrollPages,
      scrollPauseMs: 50,
      timeoutMs: options.timeoutMs,
      cpuProfile: path.join(workspace, 'host.cpuprofile'),
    };
    writeFileSync(path.join(workspace, DOCUMENT_NAME), input.text);
    writeFileSync(path.join(workspace, 'host-scenario.json'), JSON.stringify(scenario));
    if (process.env.BENCH_HOST_SETTINGS) {
      mkdirSync(path.join(workspace, '.vscode'));
      writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(JSON.parse(process.env.BENCH_HOST_SETTINGS)));
    }
    const t0 = Date.now();
    const code = await runEditor(workspace, report, log);
    const editorSeconds = (Date.now() - t0) / 1000;
    const probe = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as HostProbeReport) : undefined;
    if (!probe?.host) {
      const why = probe?.failures?.map((f) => f.error.split('\n')[0]).join('; ') || `no report (exit code ${code})`;
      throw new Error(`the in-editor scenario failed: ${why}`);
    }
    const host = probe.host;
    const profile = scenario.cpuProfile!;
    const busyStretches = existsSync(profile) ? busyStretchesByCause(JSON.parse(readFileSync(profile, 'utf8'))) : undefined;
    if (process.env.BENCH_HOST_PROFILE && existsSync(profile)) copyFileSync(profile, path.resolve(process.env.BENCH_HOST_PROFILE));
    const tasks: HostTaskRow[] = Object.entries(host.tasks).map(([task, t]) => ({
      task,
      count: t.count,
      medianMs: percentile(t.recentMs, 50),
      p95Ms: percentile(t.recentMs, 95),
      maxMs: t.maxMs,
      totalMs: t.totalMs,
      cpuMaxMs: t.maxCpuMs,
      durationsMs: t.recentMs,
    }));
    const longest = tasks.reduce<HostTaskRow | undefined>((a, b) => (!a || b.maxMs > a.maxMs ? b : a), undefined);
    const mostCpu = tasks.reduce<HostTaskRow | undefined>((a, b) => (b.cpuMaxMs !== undefined && (!a || b.cpuMaxMs > a.cpuMaxMs!) ? b : a), undefined);
    const result: HostBlockingResult = {
      input: input.name,
      documentLines: host.documentLines,
      spans: host.spans,
      edits: host.editsDone,
      scrollSteps: host.scrollSteps,
      openToFullMs: host.openToFullMs,
      editToAnnotationsMedianMs: percentile(host.editToAnnotationsMs, 50),
      tasks,
      longestTask: longest && { task: longest.task, maxMs: longest.maxMs },
      mostCpuTask: mostCpu && { task: mostCpu.task, cpuMaxMs: mostCpu.cpuMaxMs! },
      eventLoop: host.eventLoop,
      busyStretches,
      entityListVisible: host.entityListVisible,
      editorSeconds,
    };
    log(`    ${input.name}: ${host.documentLines} lines, ${host.spans} spans; ${host.editsDone} edits, ${host.scrollSteps} scroll steps; open → full annotations ${host.openToFullMs.toFixed(0)} ms`);
    log(`    longest News Lens task: ${longest ? `${longest.task} ${longest.maxMs.toFixed(1)} ms` : 'none recorded'}; event-loop delay max ${host.eventLoop.whole.maxMs.toFixed(1)} ms (editor run ${editorSeconds.toFixed(0)} s)`);
    return result;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
