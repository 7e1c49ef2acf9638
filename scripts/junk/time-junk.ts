// Focused timing of junk detection alone (the bench's "junk only" layer) on the bench's 1 MB inputs: median wall and CPU MB/s of fresh Analyzer runs.
// Usage: npx tsx scripts/junk/time-junk.ts [runs]
import { buildInputs } from '../../bench/inputs';
import { Analyzer } from '../../src/core/analyze';

const runs = Number(process.argv[2] ?? 7);
const inputs = buildInputs(1, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const input of [inputs.trad, inputs.simp]) {
  new Analyzer().analyze(input.text, { entityTypes: [], figures: false });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    new Analyzer().analyze(input.text, { entityTypes: [], figures: false });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mb = input.bytes / 1e6;
  console.log(`${input.name}: junk only, median of ${runs}: wall ${median(wall).toFixed(0)} ms (${(mb / (median(wall) / 1000)).toFixed(2)} MB/s), CPU ${median(cpu).toFixed(0)} ms (${(mb / (median(cpu) / 1000)).toFixed(2)} MB/s)`);
}
