// Times findFigures alone over the repo's samples repeated to 1 MB (median MB/s); optionally against another copy of the layer.
// Usage: npx tsx test/unit/figures/bench-figures.ts [--rounds N] [--bundle] [--against DIR/src/core/figures] [--input samples|trad|simp]
// --input trad|simp times the lines of `npm run bench`'s 1 MB Traditional / Simplified document instead of the samples.
// --bundle times esbuild bundles (as the extension and CLI run), not tsx's per-module loading; --against runs another
// copy of the layer (e.g. `git archive` of an older commit) interleaved round by round, so the ratio is fair on a noisy machine.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { buildDocument } from '../../../bench/inputs';
import { toSimplified } from '../../../src/core/script';
import { findFigures } from '../../../src/core/figures';
import type { Annotation, LineContext } from '../../../src/core/types';

type Finder = (line: string, ctx: LineContext) => Annotation[];

const ROOT = path.join(__dirname, '..', '..', '..');
const TARGET_BYTES = 1 << 20;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function sampleLines(): { lines: string[]; bytes: number } {
  const dir = path.join(ROOT, 'samples');
  const base = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/))
    .filter((l) => l.length > 0);
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < TARGET_BYTES) {
    for (const l of base) {
      lines.push(l);
      bytes += Buffer.byteLength(l, 'utf8') + 1;
    }
  }
  return { lines, bytes };
}

/** The lines of the benchmark's 1 MB document (seed 1, as `npm run bench`), in Traditional or Simplified. */
function benchLines(script: 'trad' | 'simp'): { lines: string[]; bytes: number } {
  const text = buildDocument(1, 1);
  const lines = (script === 'simp' ? toSimplified(text) : text).split('\n');
  return { lines, bytes: lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8') + 1, 0) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** CPU time (user + system) of one pass: on a machine shared with other jobs it varies far less than wall time. */
function timeOnce(find: Finder, lines: readonly string[], ctx: LineContext): { ms: number; count: number } {
  const t0 = process.cpuUsage();
  let count = 0;
  for (const l of lines) count += find(l, ctx).length;
  const t = process.cpuUsage(t0);
  return { ms: (t.user + t.system) / 1000, count };
}

/** findFigures from the figures folder `dir`, bundled by esbuild when `bundle` is set. */
function load(dir: string, bundle: boolean): Finder {
  let file = dir;
  if (bundle) {
    file = path.join(mkdtempSync(path.join(os.tmpdir(), 'figures-bench-')), 'figures.js');
    buildSync({ entryPoints: [path.join(dir, 'index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: file, logLevel: 'error' });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(file) as { findFigures: Finder }).findFigures;
}

function main(): void {
  const rounds = Number(arg('--rounds') ?? 15);
  const against = arg('--against');
  const bundle = process.argv.includes('--bundle');
  const input = arg('--input') ?? 'samples';
  if (input !== 'samples' && input !== 'trad' && input !== 'simp') throw new Error(`--input: samples, trad or simp, not ${input}`);
  const { lines, bytes } = input === 'samples' ? sampleLines() : benchLines(input);
  const ctx: LineContext = { script: input === 'trad' ? 'traditional' : 'simplified', options: {} };
  const own = path.join(ROOT, 'src', 'core', 'figures');
  const finders: Array<[string, Finder]> = [['current', bundle ? load(own, true) : findFigures]];
  if (against) finders.push(['against', load(path.resolve(against), bundle)]);
  const times = new Map<string, number[]>(finders.map(([n]) => [n, []]));
  const counts = new Map<string, number>();
  for (const [, f] of finders) for (let i = 0; i < 3; i++) timeOnce(f, lines, ctx); // warm-up
  for (let r = 0; r < rounds; r++) {
    for (const [name, f] of r % 2 ? [...finders].reverse() : finders) {
      const { ms, count } = timeOnce(f, lines, ctx);
      times.get(name)!.push(ms);
      counts.set(name, count);
    }
  }
  const mb = bytes / 1e6;
  console.log(`input ${input}: ${lines.length} lines, ${mb.toFixed(2)} MB`);
  for (const [name] of finders) {
    const ms = median(times.get(name)!);
    console.log(`${name}: ${(mb / (ms / 1000)).toFixed(2)} MB/s of CPU time (median of ${rounds}, ${ms.toFixed(1)} ms per ${mb.toFixed(2)} MB, ${counts.get(name)} figures)`);
  }
  if (against) {
    const ratios = times.get('current')!.map((t, i) => times.get('against')![i] / t);
    console.log(`speed current ÷ against: ${median(ratios).toFixed(2)}× (median of per-round ratios)`);
  }
}

main();
