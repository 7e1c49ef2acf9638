// Records how long each synchronous task of News Lens blocks the extension host: max, count and recent durations per task.

/** What is kept for one task name. Durations are wall-clock milliseconds of one synchronous run. */
export interface TaskTiming {
  count: number;
  totalMs: number;
  maxMs: number;
  /** The last RECENT_CAPACITY durations, oldest first. */
  recentMs: number[];
  /** Only with a CPU clock (setCpuClock): the thread's CPU time of the same runs, and the largest of all runs. */
  recentCpuMs?: number[];
  maxCpuMs?: number;
}

/** Enough recent durations for percentiles over a benchmark scenario; a fixed ring, so recording never allocates. */
const RECENT_CAPACITY = 512;

class TaskStats {
  count = 0;
  totalMs = 0;
  maxMs = 0;
  maxCpuMs = 0;
  private readonly ring = new Float64Array(RECENT_CAPACITY);
  private cpuRing: Float64Array | undefined;

  add(ms: number, cpuMs: number | undefined): void {
    const slot = this.count % RECENT_CAPACITY;
    this.ring[slot] = ms;
    if (cpuMs !== undefined) {
      this.cpuRing ??= new Float64Array(RECENT_CAPACITY).fill(NaN);
      this.cpuRing[slot] = cpuMs;
      if (cpuMs > this.maxCpuMs) this.maxCpuMs = cpuMs;
    }
    this.count++;
    this.totalMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  timing(): TaskTiming {
    const recent = (ring: Float64Array) => {
      const kept = Math.min(this.count, RECENT_CAPACITY);
      const out: number[] = new Array(kept);
      for (let i = 0; i < kept; i++) out[i] = ring[(this.count - kept + i) % RECENT_CAPACITY];
      return out;
    };
    const timing: TaskTiming = { count: this.count, totalMs: this.totalMs, maxMs: this.maxMs, recentMs: recent(this.ring) };
    if (this.cpuRing) Object.assign(timing, { recentCpuMs: recent(this.cpuRing), maxCpuMs: this.maxCpuMs });
    return timing;
  }
}

/**
 * Task names are dotted ("annotations.unpack" inside "annotations"): an outer task's duration includes the inner
 * ones it ran synchronously, so the outer figure is the one that says how long the host was blocked.
 */
export class HostTiming {
  private readonly tasks = new Map<string, TaskStats>();
  private cpuClock: (() => number) | undefined;

  /**
   * Also records each task's CPU time from `clock` (ms of this thread; a benchmark passes one): on a busy machine it
   * tells a slow task from a host thread that was not scheduled. Undefined turns it off.
   */
  setCpuClock(clock: (() => number) | undefined): void {
    this.cpuClock = clock;
  }

  /** Runs a synchronous task and records its duration under `name` (also when it throws). */
  measure<T>(name: string, task: () => T): T {
    const clock = this.cpuClock;
    const cpuStarted = clock?.();
    const started = performance.now();
    try {
      return task();
    } finally {
      const ms = performance.now() - started;
      this.record(name, ms, clock && cpuStarted !== undefined ? clock() - cpuStarted : undefined);
    }
  }

  /** A listener that measures each call of `listener` under `name`. */
  wrap<A extends unknown[], R>(name: string, listener: (...args: A) => R): (...args: A) => R {
    return (...args: A) => this.measure(name, () => listener(...args));
  }

  record(name: string, ms: number, cpuMs?: number): void {
    let stats = this.tasks.get(name);
    if (!stats) {
      stats = new TaskStats();
      this.tasks.set(name, stats);
    }
    stats.add(ms, cpuMs);
  }

  /** A copy of every task's figures, by name. */
  snapshot(): Record<string, TaskTiming> {
    const out: Record<string, TaskTiming> = {};
    for (const [name, stats] of [...this.tasks].sort(([a], [b]) => a.localeCompare(b))) out[name] = stats.timing();
    return out;
  }

  /** Forgets everything recorded so far (a benchmark calls this before its scenario). */
  reset(): void {
    this.tasks.clear();
  }
}
