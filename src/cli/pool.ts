// Runs document batches on N worker threads (or in this thread for one job); callers consume results in submission order.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processBatch, type BatchResult, type WorkConfig, type WorkItem } from './work';
import type { WorkerReady } from './worker';

/** Marks the workerData of a CLI worker thread (src/cli/index.ts starts the worker loop when it sees it). */
export const WORKER_FLAG = 'newsLensCliWorker';

export interface BatchRunner {
  readonly jobs: number;
  /** Resolves once every worker has loaded the engine, with what each reported; at once for one job (it loads on first use). */
  readonly ready: Promise<WorkerReady[]>;
  run(items: WorkItem[]): Promise<BatchResult>;
  close(): Promise<void>;
}

/** Input below this many bytes per worker is not worth starting one: each loads the engine (a second or two). */
const BYTES_PER_WORKER = 2_000_000;

/**
 * The default --jobs: the cores this process may use, fewer for small inputs (`inputBytes`, when known), where
 * starting workers would cost more than it saves. The output is the same for any number of jobs.
 */
export function defaultJobs(inputBytes?: number): number {
  const cores = Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  if (inputBytes === undefined) return cores;
  return Math.max(1, Math.min(cores, Math.floor(inputBytes / BYTES_PER_WORKER)));
}

/** Total size of the input files; undefined when standard input is among them (its size is unknown). */
export function inputSize(files: readonly string[]): number | undefined {
  let total = 0;
  for (const file of files) {
    if (file === '-') return undefined;
    try {
      total += fs.statSync(file).size;
    } catch {
      // reported when the file is read
    }
  }
  return total;
}

export function createRunner(jobs: number, config: WorkConfig): BatchRunner {
  return jobs <= 1 ? new InlineRunner(config) : new WorkerPool(jobs, config);
}

class InlineRunner implements BatchRunner {
  readonly jobs = 1;
  readonly ready = Promise.resolve([] as WorkerReady[]);
  constructor(private readonly config: WorkConfig) {}
  async run(items: WorkItem[]): Promise<BatchResult> {
    // Analysis is synchronous: let the event loop turn between batches, or a Ctrl-C would wait for the whole run.
    await new Promise((resolve) => setImmediate(resolve));
    return processBatch(this.config, items);
  }
  async close(): Promise<void> {}
}

interface Job {
  id: number;
  items: WorkItem[];
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

/**
 * A fixed pool of worker threads; each loads the engine once. A batch goes to the first idle worker; results are
 * returned through the promise of each run(), so the caller keeps input order however the workers finish.
 */
class WorkerPool implements BatchRunner {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;
  readonly ready: Promise<WorkerReady[]>;
  private readonly warmUpFailed: ((error: Error) => void)[] = [];

  constructor(readonly jobs: number, config: WorkConfig) {
    const warmUps: Promise<WorkerReady>[] = [];
    for (let i = 0; i < jobs; i++) {
      const worker = startWorker(config);
      // Each worker loads the engine as soon as it starts, then says so; batches posted meanwhile wait for it.
      let warmed!: (ready: WorkerReady) => void;
      warmUps.push(new Promise<WorkerReady>((resolve, reject) => ((warmed = resolve), this.warmUpFailed.push(reject))));
      worker.on('message', (message: { id: number; result: BatchResult } | WorkerReady) => {
        if ('ready' in message) {
          warmed(message);
          return;
        }
        const job = this.busy.get(worker);
        this.busy.delete(worker);
        this.idle.push(worker);
        job?.resolve(message.result);
        this.dispatch();
      });
      worker.on('error', (error) => this.fail(new Error(`worker thread failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`worker thread exited unexpectedly (code ${code})`));
      });
      this.idle.push(worker);
    }
    this.ready = Promise.all(warmUps);
    this.ready.catch(() => undefined); // the failure reaches the caller through run()
  }

  run(items: WorkItem[]): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, items, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.idle, ...this.busy.keys()].map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, items: job.items });
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const reject of this.warmUpFailed) reject(error);
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(error);
    this.queue.length = 0;
    this.busy.clear();
  }
}

function startWorker(config: WorkConfig): Worker {
  const workerData = { [WORKER_FLAG]: true, config };
  // Bundled (dist/cli.js): the worker runs the same file. From the TypeScript sources (tests, tsx): through tsx.
  if (__filename.endsWith('.ts')) {
    const entry = path.join(__dirname, 'index.ts');
    const tsx = createRequire(__filename).resolve('tsx/cjs');
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData });
  }
  return new Worker(__filename, { workerData });
}
