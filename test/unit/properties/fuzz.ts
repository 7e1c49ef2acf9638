// Soak runner (`npm run fuzz`): the engine properties with many more, bigger cases. Env: FUZZ_RUNS, FUZZ_SECONDS, FUZZ_SEED, FUZZ_ONLY, FUZZ_MAX_FAILURES.
import fc from 'fast-check';
import { analyze } from '../../../src/core/analyze';
import { SOAK } from './generators';
import { PROPERTIES, type EngineProperty } from './properties';

/** Most cases per fast-check call; each batch gets its own seed, so a failure is replayed by that seed alone. */
const BATCH = 50;
/** Cases in the first batch of a property, before its cost per case is known. */
const FIRST_BATCH = 5;

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not ${JSON.stringify(raw)}`);
  return value;
}

const runs = envNumber('FUZZ_RUNS');
const seconds = envNumber('FUZZ_SECONDS') ?? (runs === undefined ? 60 : undefined);
const seed = Math.trunc(envNumber('FUZZ_SEED') ?? Date.now() % 2_147_483_647);
/** Failures (each shrunk and reported) after which a property stops; it goes on after fewer to find other kinds. */
const maxFailures = Math.max(1, Math.trunc(envNumber('FUZZ_MAX_FAILURES') ?? 3));
const only = (process.env.FUZZ_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const selected = only.length ? PROPERTIES.filter((p) => only.includes(p.id)) : PROPERTIES;
if (selected.length === 0) throw new Error(`FUZZ_ONLY matches no property; ids: ${PROPERTIES.map((p) => p.id).join(', ')}`);

/** Escapes what a terminal would not show (C1 controls, NBSP, zero-width, bidi and line-separator characters) in a report. */
const visible = (text: string): string =>
  text.replace(/[\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

const batchSeed = (batch: number): number => (seed + batch * 7919) % 2_147_483_647;

interface Tally {
  property: EngineProperty;
  cases: number;
  ms: number;
  failures: string[];
}

/** Runs one property in seeded batches until its case count or its share of the time is used up, or it failed often enough. */
function soak(property: EngineProperty, deadline: number): Tally {
  const tally: Tally = { property, cases: 0, ms: 0, failures: [] };
  const started = performance.now();
  const built = property.build(SOAK);
  for (let batch = 0; ; batch++) {
    const now = performance.now();
    let numRuns = runs === undefined ? BATCH : Math.min(BATCH, runs - tally.cases);
    if (seconds !== undefined) {
      // Size the batch to the time left, from the cost per case so far.
      const perCase = tally.cases > 0 ? (now - started) / tally.cases : undefined;
      numRuns = Math.min(numRuns, perCase === undefined ? FIRST_BATCH : Math.max(1, Math.floor((deadline - now) / perCase)));
    }
    if (numRuns <= 0 || (seconds !== undefined && now >= deadline)) break;
    const details = fc.check(built, { seed: batchSeed(batch), numRuns });
    tally.cases += details.numRuns;
    if (details.failed) {
      const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      const report = (fc.defaultReportMessage(details) ?? 'failed').replace(/\n+Hint: .*$/m, '');
      tally.failures.push([
        visible(report),
        `Error: ${cause.length > 4000 ? `${cause.slice(0, 4000)}…` : cause}`,
        `Replay: FUZZ_SEED=${batchSeed(batch)} FUZZ_RUNS=${numRuns} FUZZ_ONLY=${property.id} npm run fuzz`,
      ].join('\n'));
      if (tally.failures.length >= maxFailures) break;
    }
  }
  tally.ms = performance.now() - started;
  return tally;
}

function main(): void {
  const budget = seconds === undefined ? 'no time limit' : `${seconds} s`;
  console.log(`News Lens soak: seed ${seed}, ${runs === undefined ? 'runs until time is up' : `${runs} runs per property`}, ${budget}, ${selected.length} properties`);
  analyze('新華社記者張三報道'); // load the segmenter before the clock starts
  const start = performance.now();
  const tallies: Tally[] = [];
  selected.forEach((property, i) => {
    // Each property gets an equal share of what is left of the time.
    const left = seconds === undefined ? Infinity : seconds * 1000 - (performance.now() - start);
    const deadline = performance.now() + left / (selected.length - i);
    const tally = soak(property, deadline);
    tallies.push(tally);
    const status = tally.failures.length > 0 ? 'FAILED' : 'ok';
    console.log(`  ${status.padEnd(6)} ${property.id.padEnd(18)} ${String(tally.cases).padStart(7)} cases ${(tally.ms / 1000).toFixed(1).padStart(7)} s  ${property.title}`);
    tally.failures.forEach((failure, k) => console.log(`         failure ${k + 1} of ${tally.failures.length}:\n${failure.replace(/^/gm, '           ')}`));
  });
  const cases = tallies.reduce((sum, t) => sum + t.cases, 0);
  const failed = tallies.filter((t) => t.failures.length > 0);
  console.log(`Tried ${cases} cases in ${((performance.now() - start) / 1000).toFixed(1)} s with seed ${seed}: ${failed.length === 0 ? 'all properties held' : `${failed.length} failed (${failed.map((t) => t.property.id).join(', ')})`}.`);
  process.exitCode = failed.length === 0 ? 0 : 1;
}

main();
