// Measurement helpers of the integration tests: this thread's CPU clock, and a table of News Lens's host-task timings.
import type { TaskTiming } from '../../src/client/host-timing';

/** This thread's CPU milliseconds (Node ≥ 23.9, as code-server's extension host runs), if available: it tells work from waiting for a core. */
export function threadCpuClock(): (() => number) | undefined {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.bind(process);
  if (!usage) return undefined;
  return () => {
    const { user, system } = usage();
    return (user + system) / 1000;
  };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

/** One line per task: count, then wall p50/p95/max and (with a CPU clock) CPU p95/max, in ms. */
export function timingRows(snapshot: Record<string, TaskTiming>): string[] {
  return Object.entries(snapshot).map(([name, t]) => {
    const wall = `wall p50 ${percentile(t.recentMs, 0.5).toFixed(1)} p95 ${percentile(t.recentMs, 0.95).toFixed(1)} max ${t.maxMs.toFixed(1)}`;
    const cpu = t.recentCpuMs ? ` · CPU p95 ${percentile(t.recentCpuMs, 0.95).toFixed(1)} max ${t.maxCpuMs!.toFixed(1)}` : '';
    return `${name}: ${t.count}×, ${wall}${cpu} ms`;
  });
}
