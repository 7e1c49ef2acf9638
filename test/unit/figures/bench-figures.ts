// Times findFigures alone over the repo's samples repeated to 1 MB (median MB/s); optionally against another copy of the layer.
// Usage: npx tsx test/unit/figures/bench-figures.ts [--rounds N] [--against DIR/src/core/figures]
// With --against, both versions run interleaved round by round on the same lines, so the ratio is fair on a noisy machine.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timeOnce(find: Finder, lines: readonly string[], ctx: LineContext): { ms: number; count: number } {
  const t0 = process.hrtime.bigint();
  let count = 0;
  for (const l of lines) count += find(l, ctx).length;
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, count };
}

function main(): void {
  const rounds = Number(arg('--rounds') ?? 15);
  const against = arg('--against');
  const { lines, bytes } = sampleLines();
  const ctx: LineContext = { script: 'simplified', options: {} };
  const finders: Array<[string, Finder]> = [['current', findFigures]];
  if (against) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    finders.push(['against', (require(path.resolve(against)) as { findFigures: Finder }).findFigures]);
  }
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
  for (const [name] of finders) {
    const ms = median(times.get(name)!);
    console.log(`${name}: ${(mb / (ms / 1000)).toFixed(2)} MB/s (median of ${rounds}, ${ms.toFixed(1)} ms per ${mb.toFixed(2)} MB, ${counts.get(name)} figures)`);
  }
  if (against) {
    const ratios = times.get('current')!.map((t, i) => times.get('against')![i] / t);
    console.log(`speed current ÷ against: ${median(ratios).toFixed(2)}× (median of per-round ratios)`);
  }
}

main();
