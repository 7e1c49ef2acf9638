// Bounded work: pathological inputs must be analyzed and cleaned within a time budget (run in a worker, cut off if not).
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CASES, type CaseResult } from './pathological';

/** Upper bound for one analyze() or one cleanText() call; generous, so that only a blow-up fails. */
const BUDGET_MS = 10_000;
/** Loading tsx, the engine and the segmenter in a fresh worker. */
const STARTUP_MS = 60_000;

type Outcome = { result: CaseResult } | { timedOut: string; afterMs: number } | { error: string };

/** One worker thread that runs cases in turn; a case that overruns its budget gets the worker terminated. */
class CaseRunner {
  private worker?: Worker;
  private ready?: Promise<void>;

  private start(): Promise<void> {
    const tsx = require.resolve('tsx/cjs');
    const entry = join(__dirname, 'pathological-worker.ts');
    this.worker = new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true });
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the worker did not start')), STARTUP_MS);
      worker.once('error', reject);
      worker.on('message', function onReady(message: { type: string }) {
        if (message.type !== 'ready') return;
        clearTimeout(timer);
        worker.off('message', onReady);
        resolve();
      });
    });
  }

  async run(id: string): Promise<Outcome> {
    this.ready ??= this.start();
    await this.ready;
    const worker = this.worker as Worker;
    return new Promise<Outcome>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let phaseStart = performance.now();
      const finish = (outcome: Outcome): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        resolve(outcome);
      };
      const onError = (error: Error): void => {
        this.stop();
        finish({ error: error.stack ?? error.message });
      };
      const onMessage = (message: { type: string; id: string; phase?: string; result?: CaseResult; message?: string }): void => {
        if (message.id !== id) return;
        if (message.type === 'phase') {
          clearTimeout(timer);
          phaseStart = performance.now();
          // Building the input is not timed; analyze and clean each get the budget (plus a little slack).
          const limit = message.phase === 'build' ? STARTUP_MS : BUDGET_MS + 1_000;
          timer = setTimeout(() => {
            this.stop();
            finish({ timedOut: message.phase as string, afterMs: performance.now() - phaseStart });
          }, limit);
        } else if (message.type === 'done') finish({ result: message.result as CaseResult });
        else if (message.type === 'error') finish({ error: message.message as string });
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage(id);
    });
  }

  /** Terminates the worker (a hung case cannot be stopped otherwise); the next case starts a fresh one. */
  stop(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.ready = undefined;
  }
}

describe('bounded work on pathological inputs (budget ' + BUDGET_MS / 1000 + ' s per call)', function () {
  const runner = new CaseRunner();
  const timings: { title: string; ms: number; note: string }[] = [];

  after(function () {
    runner.stop();
    if (timings.length === 0) return;
    for (const t of timings) console.log(`      ${t.title}: ${t.note}`);
    const worst = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`      worst: ${worst.title}, ${(worst.ms / 1000).toFixed(2)} s (${worst.note})`);
  });

  for (const c of CASES) {
    it(`${c.title} finishes in time`, async function () {
      this.timeout(STARTUP_MS + 3 * BUDGET_MS);
      const outcome = await runner.run(c.id);
      if ('timedOut' in outcome) {
        timings.push({ title: c.title, ms: outcome.afterMs, note: `${outcome.timedOut} cut off after ${(outcome.afterMs / 1000).toFixed(1)} s` });
        assert.fail(`${c.title}: ${outcome.timedOut} did not finish within ${BUDGET_MS / 1000} s (worker terminated)`);
      }
      if ('error' in outcome) assert.fail(`${c.title} threw: ${outcome.error}`);
      const { analyzeMs, cleanMs, length, annotations, failures } = outcome.result;
      const note = `analyze ${(analyzeMs / 1000).toFixed(2)} s, clean ${(cleanMs / 1000).toFixed(2)} s, ${length} units, ${annotations} annotations`;
      timings.push({ title: c.title, ms: Math.max(analyzeMs, cleanMs), note });
      assert.ok(analyzeMs <= BUDGET_MS, `${c.title}: analyze took ${(analyzeMs / 1000).toFixed(1)} s`);
      assert.ok(cleanMs <= BUDGET_MS, `${c.title}: cleanText took ${(cleanMs / 1000).toFixed(1)} s`);
      assert.deepEqual(failures, [], `${c.title}: user terms must be matched literally`);
    });
  }
});
