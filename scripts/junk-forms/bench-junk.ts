// Focused timing: junk detection alone (every kind, settled as clean needs it) over the benchmark's 1 MB documents, median MB/s.
// Run: npx tsx scripts/junk-forms/bench-junk.ts [ROUNDS]   (compare with another checkout on the same machine: quote ratios)
import { buildInputs } from '../../bench/inputs';
import { settledLineJunk } from '../../src/core/settle-junk';
import type { LineContext } from '../../src/core/types';

const rounds = Number(process.argv[2] ?? 5);
const { trad, simp, singleLine } = buildInputs(1, 0);
for (const input of [trad, simp, singleLine]) {
  const lines = input.text.split('\n');
  const ctx: LineContext = { script: input.name.includes('Simplified') ? 'simplified' : 'traditional', options: {} };
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (const line of lines) settledLineJunk(line, ctx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${input.name.padEnd(28)} median ${median.toFixed(0)} ms  ${(input.bytes / 1e6 / (median / 1000)).toFixed(2)} MB/s  (${rounds} rounds)`);
}
