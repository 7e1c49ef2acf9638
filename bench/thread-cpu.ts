// CPU seconds per thread of a running process (Linux /proc), sampled until it exits: main thread, workers, helpers.
import * as fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node supports

/** The CPU time of one process's threads, as last seen before it exited. */
export interface ThreadCpu {
  /** The thread whose id is the process id (the CLI's main thread). */
  mainSeconds: number;
  /** Every other thread, busiest first (worker threads, then V8's GC helpers and libuv's I/O threads). */
  otherSeconds: number[];
}

export const threadCpuAvailable = fs.existsSync('/proc/self/task');

function readTicks(pid: number): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return undefined;
  }
  const ticks = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after "(comm)": state is field 3; utime and stime are fields 14 and 15 of the whole line.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks.set(Number(tid), Number(fields[11]) + Number(fields[12]));
    } catch {
      // the thread ended between readdir and read
    }
  }
  return ticks;
}

/** The first child of `pid` (e.g. the program /usr/bin/time runs), or undefined until it has started. */
export function childOf(pid: number): number | undefined {
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return children ? Number(children.split(' ')[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Samples the threads of the process `target()` names every `intervalMs` until stop() is called. A thread's CPU is
 * its last sample, so each thread misses at most one interval of work before it ends: keep the interval short.
 */
export function sampleThreadCpu(target: () => number | undefined, intervalMs = 50): { stop(): ThreadCpu | undefined } {
  const last = new Map<number, number>();
  let pid: number | undefined;
  const sample = () => {
    pid ??= target();
    if (pid === undefined) return;
    for (const [tid, ticks] of readTicks(pid) ?? []) last.set(tid, ticks);
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      if (pid === undefined || !last.size) return undefined;
      const others = [...last].filter(([tid]) => tid !== pid).map(([, ticks]) => ticks / TICKS_PER_SECOND);
      return { mainSeconds: (last.get(pid) ?? 0) / TICKS_PER_SECOND, otherSeconds: others.sort((a, b) => b - a) };
    },
  };
}
