// Focused timing of junk detection alone (the bench's "junk only" layer) on the bench's 1 MB inputs: median MB/s of fresh Analyzer runs.
// Usage: npx tsx scripts/junk/time-junk.ts [runs]
import { buildInputs } from '../../bench/inputs';
import { Analyzer } from '../../src/core/analyze';

const runs = Number(process.argv[2] ?? 7);
const inputs = buildInputs(1, 0);
for (const input of [inputs.trad, inputs.simp]) {
  new Analyzer().analyze(input.text, { entityTypes: [], figures: false });
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    new Analyzer().analyze(input.text, { entityTypes: [], figures: false });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${input.name}: junk only ${median.toFixed(0)} ms median of ${runs} → ${(input.bytes / 1e6 / (median / 1000)).toFixed(2)} MB/s`);
}
