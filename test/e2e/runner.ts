// A tiny sequential test runner for the end-to-end checks: named tests sharing one editor session,
// a timeout per test, a screenshot when a test fails, `N passed, N failed` and a JSON summary
// {passed, failed, failures: [{title, error}]}.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Test<C> {
  title: string;
  run: (context: C) => Promise<void>;
  timeoutMs?: number;
}

export interface Suite<C> {
  title: string;
  /** Starts what the tests share; a failure here fails every test. */
  before: () => Promise<C>;
  after: (context: C | undefined) => Promise<void>;
  /** Runs after each test, passed or failed (e.g. closing menus). */
  afterEach?: (context: C) => Promise<void>;
  /** Saves evidence of a failure (e.g. a screenshot) and returns the files written. */
  onFailure?: (context: C, test: Test<C>) => Promise<string[]>;
  tests: Test<C>[];
}

export interface Summary {
  passed: number;
  failed: number;
  failures: { title: string; error: string }[];
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms); }),
  ]);
}

function message(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export async function runSuite<C>(suite: Suite<C>, options: { grep?: RegExp; defaultTimeoutMs?: number; log?: (line: string) => void } = {}): Promise<Summary> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const tests = suite.tests.filter((t) => !options.grep || options.grep.test(t.title));
  const summary: Summary = { passed: 0, failed: 0, failures: [] };
  const fail = (title: string, error: string) => {
    summary.failed++;
    summary.failures.push({ title, error });
  };
  log(`\n  ${suite.title}`);
  let context: C | undefined;
  const started = Date.now();
  try {
    context = await suite.before();
    log(`    (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    const text = `before all: ${message(error)}`;
    log(`    ✖ ${text}`);
    for (const t of tests) fail(`${suite.title} ${t.title}`, text);
  }
  if (context !== undefined) {
    for (const t of tests) {
      const t0 = Date.now();
      try {
        await withTimeout(t.run(context), t.timeoutMs ?? options.defaultTimeoutMs ?? 60000, t.title);
        summary.passed++;
        log(`    ✔ ${t.title} (${Date.now() - t0} ms)`);
      } catch (error) {
        const text = message(error);
        fail(`${suite.title} ${t.title}`, text);
        log(`    ✖ ${t.title} (${Date.now() - t0} ms)\n      ${text.split('\n').join('\n      ')}`);
        if (suite.onFailure) {
          const files = await withTimeout(suite.onFailure(context, t), 15000, 'saving failure evidence').catch(() => []);
          for (const f of files) log(`      saved ${f}`);
        }
      }
      if (suite.afterEach) await withTimeout(suite.afterEach(context), 15000, 'after each').catch(() => {});
    }
  }
  await withTimeout(suite.after(context), 30000, 'after all').catch((e) => log(`    (stopping: ${message(e)})`));
  return summary;
}

export function writeSummary(summary: Summary, file: string | undefined): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 1));
}
