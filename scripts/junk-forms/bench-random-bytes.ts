// Focused timing: the pathological tests' random bytes read as Latin-1 — encoding junk alone, or the whole analysis — first call and median of later ones.
// Run: npx tsx scripts/junk-forms/bench-random-bytes.ts [enc|all] [ROUNDS] [CASE_ID]   (CASE_ID from test/unit/properties/pathological.ts, default latin1)
// Wall time on a shared machine mostly measures the queue for a core: compare checkouts in interleaved runs, and
// read the main thread's CPU time (from /proc where there is one), which waiting does not inflate.
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { settledLineJunk } from '../../src/core/settle-junk';
import { CASES } from '../../test/unit/properties/pathological';

const mode = process.argv[2] === 'all' ? 'all' : 'enc';
const rounds = Number(process.argv[3] ?? 5);
const id = process.argv[4] ?? 'latin1';
const text = CASES.find((c) => c.id === id)?.build().text;
if (text === undefined) throw new Error(`no pathological case ${id}`);
const lines = text.split('\n');

/** CPU ms of this thread alone: /proc/self/task/PID/stat on Linux (10 ms ticks), else the whole process. */
function mainThreadCpu(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}

function run(): void {
  if (mode === 'all') analyze(text as string);
  else for (const line of lines) settledLineJunk(line, { script: 'unknown', options: { junkKinds: ['encoding'] } });
}

analyze('新華社記者張三報道'); // the segmenter and dictionaries, as the pathological tests' worker loads them first
const wall: number[] = [];
const cpu: number[] = [];
for (let r = 0; r <= rounds; r++) {
  const c0 = mainThreadCpu();
  const t0 = performance.now();
  run();
  wall.push(performance.now() - t0);
  cpu.push(mainThreadCpu() - c0);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `${id} (${text.length} units, ${lines.length} lines), ${mode === 'all' ? 'whole analyze()' : 'encoding junk only'}: ` +
    `first call ${wall[0].toFixed(0)} ms (CPU ${cpu[0]} ms); later calls median ${median(wall.slice(1)).toFixed(0)} ms (CPU ${median(cpu.slice(1))} ms), ${rounds} rounds`,
);
