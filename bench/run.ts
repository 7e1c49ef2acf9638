// `npm run bench`: builds the inputs, runs every section, prints medians and targets, writes bench/results-<date>.json and bench/latest.json.
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readConfig, SECTIONS, type Section } from './config';
import { measureColdStart } from './cold-start';
import { measureCorpus } from './corpus';
import { measureEditLatency } from './edit-latency';
import { measureEngine, measureLayers, timeEngineOnce, warmEngine } from './engine';
import { measureHostBlocking } from './host-blocking';
import { buildInputs, SAMPLE_RELATIVE } from './inputs';
import { measureJiebaLoad } from './jieba-load';
import { SERVER_RELATIVE } from './lsp-client';
import { measureMemory } from './memory';
import { measureModelLoad } from './model-load';
import { measurePython, PYTHON, runSetup } from './python-peer';
import { coldTable, corpusTable, editTable, engineTable, hostTable, jiebaLoadTable, layersTable, memoryTable, pythonTable, targets, targetsTable, type Results } from './report';
import { round } from './stats';

const log = (line: string): void => console.log(line);

async function main(): Promise<number> {
  const config = readConfig();
  const started = Date.now();
  const errors: { section: string; message: string }[] = [];
  const results: Results = { engine: [] };
  const skipped: Record<string, string> = {};
  const loadAtStart = os.loadavg();
  // vscode-jsonrpc rejects an internal promise nobody holds when a request is written to a dead server (EPIPE);
  // the wait for the answer reports that failure, so the stray rejection is only logged and counted.
  process.on('unhandledRejection', (reason) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    errors.push({ section: 'unhandled', message });
    log(`  (unhandled rejection: ${message})`);
  });

  const section = async (name: Section, title: string, body: () => Promise<void> | void): Promise<void> => {
    if (!config.sections.has(name)) return;
    log(`\n== ${title}`);
    const t0 = Date.now();
    try {
      await body();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ section: name, message });
      log(`  ERROR in ${name}: ${message}`);
    }
    log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };

  log(`News Lens benchmark${config.quick ? ' (BENCH_QUICK)' : ''}: ${os.cpus().length} cores, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, node ${process.version}`);
  log(`sizes ${config.smallMB} MB${config.largeMB ? ` and ${config.largeMB} MB` : ''}; ${config.repeats} runs (${config.largeRepeats} on the large inputs); sections: ${[...config.sections].join(', ')}`);

  if (config.sections.has('python') && !config.noSetup) {
    log('\n== setup (bench/setup.sh)');
    runSetup(log);
  }

  log('\n== inputs');
  const t0 = performance.now();
  const inputs = buildInputs(config.smallMB, config.largeMB);
  const inputList = [inputs.trad, inputs.simp, inputs.singleLine, inputs.largeTrad, inputs.largeSimp].filter((x) => x !== undefined);
  for (const i of inputList) log(`  ${i.name}: ${i.bytes} bytes, ${i.lines} lines`);
  log(`  built from ${SAMPLE_RELATIVE} in ${(performance.now() - t0).toFixed(0)} ms`);

  await section('jieba-load', 'nodejieba load(): dictionaries, time and RSS (fresh processes)', () => {
    results.jiebaLoad = measureJiebaLoad(config.loadRuns, log);
  });

  await section('model-load', 'entity model load (data/ner/model.bin), fresh processes', () => {
    results.modelLoad = measureModelLoad(config.loadRuns, log);
  });

  await section('cold', `language-server cold start (${SERVER_RELATIVE} --stdio, the sample article)`, async () => {
    results.cold = await measureColdStart(config.coldRuns, config.serverTimeoutMs, log);
  });

  let warmMs: number | undefined;
  await section('engine', 'engine throughput, warm, fresh Analyzer per run; nodejieba tag() on the same text', async () => {
    warmMs = await warmEngine();
    log(`  segmenter and tables loaded in-process in ${warmMs.toFixed(0)} ms`);
    results.engine.push(await measureEngine({ input: inputs.trad, runs: config.repeats }, log));
    results.engine.push(await measureEngine({ input: inputs.simp, runs: config.repeats }, log));
    results.engine.push(await measureEngine({ input: inputs.singleLine, runs: config.repeats, withTagWhole: false, budgetMs: 90_000 }, log));
    for (const large of [inputs.largeTrad, inputs.largeSimp]) {
      if (large) results.engine.push(await measureEngine({ input: large, runs: config.largeRepeats, withTagWhole: false, budgetMs: 90_000 }, log));
    }
    log('  layers:');
    results.layers = await measureLayers(inputs.trad, Math.max(1, Math.min(3, config.repeats)));
  });

  await section('python', `Python jieba posseg (${PYTHON}), dictionary load excluded; each run paired with an engine run on the same text`, async () => {
    const simp = inputs.simp;
    await warmEngine();
    const sliceName = `${config.pyKB >= simp.bytes / 1000 ? 'all' : `first ${config.pyKB} KB`} of ${simp.name}, line by line`;
    results.python = measurePython(simp.text, config.pyRuns, config.pyKB, sliceName, timeEngineOnce);
    if (results.python.skipped) log(`  skipped: ${results.python.skipped}`);
    else log(`  ${results.python.slice}: ${results.python.mbps?.toFixed(3)} MB/s, load ${results.python.loadMs?.toFixed(0)} ms`);
  });

  await section('edit', `edit latency (${config.edits} one-character edits, ${inputs.trad.name})`, async () => {
    results.edit = await measureEditLatency(inputs.trad, config.edits, config.serverTimeoutMs, log);
  });

  await section('memory', 'language-server memory', async () => {
    results.memory = await measureMemory(inputs.trad, inputs.largeTrad, config.serverTimeoutMs, log);
  });

  await section('host', `extension-host blocking in a real VS Code (${inputs.trad.name}: ${config.hostEdits} edits, ${config.hostScrollPages} page scrolls each way)`, async () => {
    const host = await measureHostBlocking(inputs.trad, { edits: config.hostEdits, scrollPages: config.hostScrollPages, timeoutMs: config.serverTimeoutMs }, log);
    if (host.skipped) {
      skipped['extension-host blocking'] = host.skipped;
      log(`  skipped: ${host.skipped}`);
    }
    results.host = host;
  });

  await section('corpus', 'corpus: the CLI with --jobs 1 and 2, Dask with 1 and 2 workers, dedup (a crawled-style JSONL corpus)', async () => {
    results.corpus = await measureCorpus(log, config.quick);
  });

  // ---- report
  const out: string[] = [];
  out.push('', '================ News Lens benchmark: medians (min–max) ================');
  if (results.engine.length) {
    out.push('', '1. Engine throughput (warm; MB = 10^6 bytes of UTF-8; MB/s at median (slowest–fastest run))', engineTable(results.engine));
    out.push('   tag() per line = nodejieba tag() on the Simplified view of every line with Han characters, as the engine calls it;');
    out.push('   the engine itself skips whole-line junk, so it tags slightly less text than this baseline.');
    if (results.layers) out.push('', layersTable(results.layers));
  }
  if (config.sections.has('python') || results.engine.length) {
    out.push('', '2. Peers on the same text (ratios: engine full-analysis MB/s ÷ peer MB/s)');
    const simpRow = results.engine.find((e) => e.input === inputs.simp.name);
    out.push(pythonTable(results.python, simpRow, simpRow));
  }
  if (results.jiebaLoad) out.push('', 'nodejieba load()', jiebaLoadTable(results.jiebaLoad));
  if (results.cold) out.push('', '3. Cold start', coldTable(results.cold));
  if (results.edit) out.push('', '4. Edit latency', editTable(results.edit));
  if (results.memory) out.push('', '5. Memory', memoryTable(results.memory));
  if (results.host) out.push('', '6. Extension-host blocking (real VS Code, client task timings; event-loop delay beside)', hostTable(results.host));
  if (results.corpus) out.push('', '7. Corpus scale (CLI and Dask, child processes)', corpusTable(results.corpus));
  const t = targets(results);
  out.push('', 'Targets vs measured', targetsTable(t));
  if (errors.length) out.push('', 'ERRORS (something is broken):', ...errors.map((e) => `  ${e.section}: ${e.message}`));
  const totalS = (Date.now() - started) / 1000;
  out.push('', `total ${totalS.toFixed(0)} s; load average now ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (noisy machine: compare medians, not single runs)`);

  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const json = {
    schema: 1,
    date: new Date().toISOString(),
    quick: config.quick,
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, platform: `${process.platform}-${process.arch}`, loadAverageStart: loadAtStart, loadAverageEnd: os.loadavg() },
    config: { ...config, sections: [...config.sections] },
    inputs: inputList.map(({ name, bytes, lines }) => ({ name, bytes, lines })),
    segmenterWarmMs: warmMs,
    results: roundDeep(results),
    targets: roundDeep(t),
    skipped,
    errors,
    totalSeconds: totalS,
  };
  const file = path.join(__dirname, `results-${stamp}.json`);
  writeFileSync(file, JSON.stringify(json, null, 1) + '\n');
  out.push(`results: bench/${path.basename(file)}`);
  if (config.writeLatest) {
    writeFileSync(path.join(__dirname, 'latest.json'), JSON.stringify(json, null, 1) + '\n');
    out.push('         bench/latest.json');
  } else out.push(`         (bench/latest.json not written: ${config.quick ? 'a quick run' : config.sections.size < SECTIONS.length ? 'only some sections (BENCH_ONLY)' : 'BENCH_WRITE_LATEST=0'}; BENCH_WRITE_LATEST=1 forces it)`);
  console.log(out.join('\n'));
  return errors.length ? 1 : 0;
}

/** Rounds every number in a JSON-able value to 3 decimals, to keep the files readable. */
function roundDeep<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' ? round(v, 3) : v))) as T;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
