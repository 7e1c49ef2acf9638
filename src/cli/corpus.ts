// annotate, clean and export over files and JSONL corpora: validated first, streamed through the workers in input order.
//
// Policy for bad input: stop, with nothing half-written. Every input file is read and checked (decoding, JSON,
// the text field) before the first output byte; a problem is one line naming the file and line, exit code 2.
// Standard input cannot be read twice: it is checked as it streams, and output before a bad record stays written.
// With --out-dir, each shard is written atomically and marked complete only afterwards, so even a run stopped by
// a kill or a full disk leaves no shard that looks complete but is not.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentSignature } from '../core/dedup';
import type { JunkKind } from '../core/types';
import { writeFileAtomic } from './atomic-write';
import { encodeStrict, type Encoding } from './encoding';
import { InputError } from './input';
import { dedupIndex, inputFiles, version, writeOut, type CliIo } from './context';
import type { CliOptions } from './options';
import { createRunner, defaultJobs, inputSize, type BatchRunner } from './pool';
import { Progress } from './progress';
import { ShardFolder, inputIdentity, shardStem, type ShardMarker, type ShardWriter } from './shards';
import { isBlank, parseRecord, readLines, readWholeFile, sourceName, type SourceSpec } from './sources';
import { emptyCounts, mergeCounts, runStats, statsTable, type Counts } from './stats';
import { outputPiece, type BatchResult, type WorkConfig, type WorkItem } from './work';

/** A batch closes at this many documents or characters, whichever comes first. */
const BATCH_DOCUMENTS = 64;
const BATCH_CHARACTERS = 1 << 20;

export async function runCorpus(options: CliOptions, io: CliIo, started: number): Promise<number> {
  const files = inputFiles(options);
  const command = options.command as 'annotate' | 'clean' | 'export';
  const brat = command === 'export' && options.format === 'brat';
  if (brat && !options.outDir) throw new InputError('--format brat writes X.txt and X.ann files: give --out-dir DIR');
  const shardMode = options.outDir !== undefined && !brat;
  if (!options.inPlace && !shardMode && command === 'clean' && options.input === 'text' && files.length > 1) {
    throw new InputError('clean of several files needs --in-place or --out-dir (or clean them one at a time)');
  }
  if (shardMode && files.includes('-')) throw new InputError('--out-dir needs input files (a resumable run cannot resume standard input)');
  if (shardMode) checkDistinctStems(files, options);

  const spec: SourceSpec = { input: options.input, textField: options.textField, encoding: options.encoding };
  const wantStats = options.stats !== undefined;
  const config: WorkConfig = {
    command,
    textField: options.textField,
    analyze: options.analyze,
    kinds: options.kinds,
    format: options.format,
    stats: wantStats,
    minhash: wantStats ? minhashParams(options) : undefined,
    gold: options.gold,
    outputBytes: !options.inPlace,
  };
  const folder = shardMode ? new ShardFolder(options.outDir!, fingerprint(options)) : undefined;
  // Inputs whose shards are all complete are neither checked nor read again.
  const done = new Map<string, ShardMarker[]>();
  if (folder) {
    for (const file of files) {
      const markers = completeMarkers(folder, file, options);
      if (markers) done.set(file, markers);
    }
  }
  const pending = files.filter((file) => !done.has(file));
  if (options.inPlace) return cleanInPlace(files, spec, config, options, io, started);

  // Workers start loading the engine while the inputs are checked.
  // A text file is one document: more jobs than files would only load more engines.
  const jobs = options.jobs ?? Math.min(defaultJobs(inputSize(files)), options.input === 'text' ? files.length : Infinity);
  const runner = createRunner(jobs, config);
  let run: Run | undefined;
  try {
    for (const file of pending) if (file !== '-') await validate(file, spec);
    run = new Run(options, io, config, runner, folder);
    for (const file of files) {
      const markers = done.get(file);
      if (markers) run.skipFile(markers);
      else await run.file(file, spec);
    }
    await run.finish();
    if (wantStats) {
      const stats = runStats(command, run.totals, {
        inputBytes: run.inputBytes,
        seconds: (performance.now() - started) / 1000,
        jobs: runner.jobs,
        duplicates: run.duplicates(),
        shards: folder ? { written: run.shardsWritten, skipped: run.shardsSkipped } : undefined,
      });
      writeFileAtomic(options.stats!, JSON.stringify(stats, null, 1) + '\n');
      io.stderr.write(`news-lens: ${command} done\n${statsTable(stats, options.stats!)}\n`);
    }
    if (options.gold && run.withoutGold) {
      io.stderr.write(`news-lens: ${run.withoutGold} of ${run.goldLookups} document(s) have no gold (no standoff file or record) and were skipped\n`);
    }
    if (command === 'clean') io.stderr.write(`news-lens: ${run.totals.documents} document(s); removed ${summarize(run.removed)}\n`);
    return 0;
  } finally {
    run?.dispose();
    await runner.close();
  }
}

/** Reads and checks a whole input without keeping it: decoding, and for JSONL every record. */
async function validate(file: string, spec: SourceSpec): Promise<void> {
  if (spec.input === 'text') {
    await readWholeFile(file, spec);
    return;
  }
  const name = sourceName(file);
  for await (const { line, text } of readLines(file, spec)) {
    if (!isBlank(text)) parseRecord(text, name, line, spec.textField);
  }
}

function checkDistinctStems(files: string[], options: CliOptions): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const stem = options.input === 'jsonl' ? shardStem(file) : path.basename(file);
    const other = seen.get(stem);
    if (other !== undefined && path.resolve(other) !== path.resolve(file)) {
      throw new InputError(`${file} and ${other} would write shards of the same name "${stem}" in --out-dir; rename one, or run them separately`);
    }
    if (other !== undefined) throw new InputError(`${file} is given twice`);
    seen.set(stem, file);
  }
}

/** What shapes a shard's content: a marker made with other options (or another version) does not count. */
function fingerprint(options: CliOptions): string {
  return JSON.stringify({
    version: version(),
    command: options.command,
    input: options.input,
    format: options.format,
    textField: options.textField,
    kinds: options.kinds,
    analyze: options.analyze,
    encoding: options.encoding,
    gold: options.gold,
    shardRecords: options.input === 'jsonl' ? options.shardRecords : undefined,
  });
}

function outputExtension(options: CliOptions): string {
  if (options.command === 'export' && options.format === 'conll') return '.conll';
  if (options.command === 'export' && options.format === 'label-studio') return '.json';
  return '.jsonl';
}

/** Shard file name: STEM.00000.jsonl for the shards of a JSONL input; NAME.jsonl (clean: NAME itself) for a text file. */
function shardName(file: string, index: number, options: CliOptions): string {
  if (options.input === 'jsonl') return `${shardStem(file)}.${String(index).padStart(5, '0')}${outputExtension(options)}`;
  return options.command === 'clean' ? path.basename(file) : path.basename(file) + outputExtension(options);
}

/** The markers of an input whose shards are all complete (from shard 0 to the one marked last), else undefined. */
function completeMarkers(folder: ShardFolder, file: string, options: CliOptions): ShardMarker[] | undefined {
  let identity;
  try {
    identity = inputIdentity(file);
  } catch {
    return undefined; // a missing input is reported when it is read
  }
  const markers: ShardMarker[] = [];
  for (let index = 0; ; index++) {
    const marker = folder.complete(shardName(file, index, options), identity, index);
    if (!marker) return undefined;
    markers.push(marker);
    if (marker.last) return markers;
  }
}

function minhashParams(options: CliOptions) {
  const { numHashes, shingleSize, seed } = dedupIndex(options).params;
  return { numHashes, shingleSize, seed };
}

function summarize(counts: Partial<Record<JunkKind, number>>): string {
  const parts = Object.entries(counts).map(([kind, count]) => `${count} ${kind}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

type Step =
  | { kind: 'batch'; items: WorkItem[]; result: Promise<BatchResult> }
  | { kind: 'open'; name: string }
  | { kind: 'close'; marker: Omit<ShardMarker, 'version' | 'shard' | 'outputBytes' | 'outputSha256' | 'completedAt' | 'counts'> };

/** One run: submits batches, and consumes their results in order into standard output or shards. */
class Run {
  readonly totals: Counts = emptyCounts();
  readonly removed: Partial<Record<JunkKind, number>> = {};
  inputBytes = 0;
  shardsWritten = 0;
  shardsSkipped = 0;
  private readonly steps: Step[] = [];
  private batch: WorkItem[] = [];
  private batchCharacters = 0;
  private writer: ShardWriter | undefined;
  private shardCounts: Counts | undefined;
  private readonly index;
  private documentNumber = 0;
  private labelStudioItems = 0;
  /** export --gold: documents looked up, and those skipped for having no gold. */
  goldLookups = 0;
  withoutGold = 0;
  private readonly progress: Progress;
  private readonly stopOnSignal = () => {
    this.writer?.abort();
    process.exit(130);
  };

  constructor(
    private readonly options: CliOptions,
    private readonly io: CliIo,
    private readonly config: WorkConfig,
    private readonly runner: BatchRunner,
    private readonly folder: ShardFolder | undefined,
  ) {
    this.index = config.minhash ? dedupIndex(options) : undefined;
    const total = options.files.reduce((sum, f) => sum + (f === '-' ? 0 : safeSize(f)), 0);
    this.progress = new Progress(total, options.command, process.stderr, (n) => `${(n / 1e6).toFixed(1)} MB`);
    // An interrupted run removes the temporary file of the shard it was writing (a kill leaves it; the next run does).
    if (folder) process.once('SIGINT', this.stopOnSignal);
  }

  /** Streams one input through the workers. */
  async file(file: string, spec: SourceSpec): Promise<void> {
    const name = sourceName(file);
    if (spec.input === 'text') {
      const whole = await readWholeFile(file, spec);
      this.inputBytes += whole.bytes;
      if (this.folder) await this.step({ kind: 'open', name: shardName(file, 0, this.options) });
      await this.add({ source: name, text: whole.text }, whole.text.length);
      if (this.folder) await this.closeShard(file, 0, 1, true, undefined, undefined);
      return;
    }
    const identity = this.folder ? inputIdentity(file) : undefined;
    const perShard = this.folder ? this.options.shardRecords : Infinity;
    let record = 0;
    let shard = -1;
    let skipping = false;
    let firstLine = 0;
    let lastLine = 0;
    for await (const { line, text, bytes } of readLines(file, spec)) {
      if (isBlank(text)) continue;
      const index = Math.floor(record / perShard);
      if (this.folder && index !== shard) {
        if (shard >= 0 && !skipping) await this.closeShard(file, shard, record - shard * perShard, false, firstLine, lastLine);
        shard = index;
        const done = this.folder.complete(shardName(file, index, this.options), identity!, index);
        skipping = done !== undefined;
        if (done) this.skipShard(done);
        else await this.step({ kind: 'open', name: shardName(file, index, this.options) });
        firstLine = line;
      }
      record++;
      if (skipping) continue;
      lastLine = line;
      this.inputBytes += bytes;
      await this.add({ source: name, line, raw: text }, text.length);
    }
    if (this.folder && !skipping) {
      if (shard === -1) {
        // A corpus without records still gets its (empty) shard, so that the run knows it is done.
        shard = 0;
        await this.step({ kind: 'open', name: shardName(file, 0, this.options) });
      }
      await this.closeShard(file, shard, record - shard * perShard, true, firstLine || undefined, lastLine || undefined);
    }
    this.progress.update(this.inputBytes);
  }

  /** An input whose shards are all complete: its counts come from the markers. */
  skipFile(markers: ShardMarker[]): void {
    for (const marker of markers) this.skipShard(marker);
  }

  private skipShard(marker: ShardMarker): void {
    this.shardsSkipped++;
    if (marker.counts) mergeCounts(this.totals, marker.counts);
  }

  private async closeShard(file: string, index: number, records: number, last: boolean, firstLine: number | undefined, lastLine: number | undefined): Promise<void> {
    await this.flush();
    const identity = inputIdentity(file);
    await this.step({ kind: 'close', marker: { ...identity, index, records, last, firstLine, lastLine, options: this.folder!.fingerprint } });
  }

  private async add(item: WorkItem, characters: number): Promise<void> {
    this.batch.push(item);
    this.batchCharacters += characters;
    if (this.batch.length >= BATCH_DOCUMENTS || this.batchCharacters >= BATCH_CHARACTERS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const items = this.batch;
    this.batch = [];
    this.batchCharacters = 0;
    const result = this.runner.run(items);
    // Awaited in order by consume(); a failure after an earlier one has stopped the run must not go unhandled.
    result.catch(() => undefined);
    this.progress.update(this.inputBytes);
    await this.step({ kind: 'batch', items, result });
  }

  /** Queues a step; consumes the oldest while too many batches are in flight (bounded memory). */
  private async step(step: Step): Promise<void> {
    this.steps.push(step);
    const limit = this.runner.jobs * 2;
    while (this.steps.filter((s) => s.kind === 'batch').length > limit) await this.consume();
  }

  async finish(): Promise<void> {
    await this.flush();
    while (this.steps.length) await this.consume();
    if (!this.folder && this.options.command === 'export' && this.options.format === 'label-studio') {
      await writeOut(this.io, this.labelStudioItems === 0 ? '[]\n' : '\n]\n');
    }
    this.progress.finish();
  }

  /** After the run, finished or failed: a shard left open is abandoned (its temporary file removed, no marker). */
  dispose(): void {
    this.writer?.abort();
    this.writer = undefined;
    process.removeListener('SIGINT', this.stopOnSignal);
  }

  private async consume(): Promise<void> {
    const step = this.steps.shift()!;
    try {
      if (step.kind === 'open') {
        this.writer = this.folder!.open(step.name);
        this.shardCounts = this.config.stats ? emptyCounts() : undefined;
        this.labelStudioItems = 0;
      } else if (step.kind === 'close') {
        if (this.options.format === 'label-studio' && this.options.command === 'export') this.writer!.write(this.labelStudioItems === 0 ? '[]\n' : '\n]\n');
        this.writer!.commit({ ...step.marker, counts: this.shardCounts });
        this.writer = undefined;
        this.shardsWritten++;
      } else {
        await this.output(step.items, await step.result);
      }
    } catch (error) {
      this.writer?.abort();
      this.writer = undefined;
      throw error;
    }
  }

  private async output(items: WorkItem[], result: BatchResult): Promise<void> {
    const done = result.error ? result.error.index : items.length;
    // Strings (--jobs 1) or UTF-8 bytes (from worker threads), written as they come.
    const parts: (string | Uint8Array)[] = [];
    for (let i = 0, offset = 0; i < done; i++) {
      const piece = outputPiece(result, i, offset);
      offset += result.output?.lengths[i] ?? 0;
      if (result.withoutGold?.[i]) {
        this.withoutGold++;
        this.documentNumber++;
        continue;
      }
      if (this.options.command === 'export' && this.options.format === 'label-studio') parts.push(this.labelStudioItems++ === 0 ? '[\n' : ',\n');
      parts.push(piece);
      if (result.brat) this.writeBrat(items[i], result.brat[i]!);
      this.documentNumber++;
    }
    const text = joinParts(parts);
    if (result.withoutGold) this.goldLookups += done;
    for (const warning of result.goldWarnings ?? []) this.io.stderr.write(`news-lens: warning: ${warning}\n`);
    if (this.writer) this.writer.write(text);
    else await writeOut(this.io, text);
    if (result.counts) {
      mergeCounts(this.totals, result.counts);
      if (this.shardCounts) mergeCounts(this.shardCounts, result.counts);
    } else {
      this.totals.documents += done;
    }
    if (result.removed) for (const [kind, n] of Object.entries(result.removed)) this.removed[kind as JunkKind] = (this.removed[kind as JunkKind] ?? 0) + (n ?? 0);
    if (this.index && result.signatures) for (const signature of result.signatures.slice(0, done)) this.index.add(signature as DocumentSignature | undefined);
    if (result.error) {
      if (result.error.input) throw new InputError(result.error.message);
      throw new Error(result.error.message);
    }
  }

  private writeBrat(item: WorkItem, files: { txt: string; ann: string }): void {
    const stem = item.source === '<stdin>' ? 'stdin' : path.basename(item.source).replace(/\.[^.]*$/, '');
    const name = item.line === undefined ? stem : `${stem}-${String(this.documentNumber + 1).padStart(6, '0')}`;
    fs.mkdirSync(this.options.outDir!, { recursive: true });
    writeFileAtomic(path.join(this.options.outDir!, `${name}.txt`), files.txt);
    writeFileAtomic(path.join(this.options.outDir!, `${name}.ann`), files.ann);
  }

  duplicates() {
    if (!this.index) return undefined;
    const { bytes: _bytes, ...stats } = this.index.stats();
    return { ...stats, threshold: this.options.threshold };
  }
}

/** One string when every part is one; else one buffer of their UTF-8 bytes (one write instead of a write per document). */
function joinParts(parts: (string | Uint8Array)[]): string | Uint8Array {
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  if (parts.length === 1) return parts[0];
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
}

function safeSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * clean --in-place keeps the strict guarantee: every file is read, checked, cleaned and encoded back into its own
 * encoding before the first one is written, so a bad file or an unencodable character changes nothing at all.
 */
async function cleanInPlace(files: string[], spec: SourceSpec, config: WorkConfig, options: CliOptions, io: CliIo, started: number): Promise<number> {
  const wholes: { file: string; text: string; encoding: Encoding }[] = [];
  for (const file of files) {
    const whole = await readWholeFile(file, spec);
    wholes.push({ file, text: whole.text, encoding: whole.encoding });
  }
  const runner = createRunner(Math.min(options.jobs ?? defaultJobs(inputSize(files)), files.length), config);
  const writes: { file: string; bytes: Buffer }[] = [];
  const removed: Partial<Record<JunkKind, number>> = {};
  const totals = emptyCounts();
  try {
    const results = await Promise.all(
      chunk(wholes, BATCH_DOCUMENTS).map((group) => runner.run(group.map((w) => ({ source: w.file, text: w.text })))),
    );
    let at = 0;
    for (const result of results) {
      if (result.error) throw result.error.input ? new InputError(result.error.message) : new Error(result.error.message);
      for (let i = 0; i < result.pieces.length; i++, at++) {
        if (result.changed![i]) writes.push({ file: wholes[at].file, bytes: encodeStrict(result.pieces[i], wholes[at].encoding, wholes[at].file) });
      }
      for (const [kind, n] of Object.entries(result.removed ?? {})) removed[kind as JunkKind] = (removed[kind as JunkKind] ?? 0) + (n ?? 0);
      if (result.counts) mergeCounts(totals, result.counts);
    }
  } finally {
    await runner.close();
  }
  for (const { file, bytes } of writes) {
    if (options.backupSuffix !== undefined) fs.copyFileSync(file, file + options.backupSuffix);
    writeFileAtomic(file, bytes);
  }
  if (options.stats) {
    const inputBytes = files.reduce((sum, f) => sum + safeSize(f), 0);
    const stats = runStats('clean', totals, { inputBytes, seconds: (performance.now() - started) / 1000, jobs: runner.jobs });
    writeFileAtomic(options.stats, JSON.stringify(stats, null, 1) + '\n');
    io.stderr.write(`news-lens: clean done\n${statsTable(stats, options.stats)}\n`);
  }
  io.stderr.write(`news-lens: ${files.length} document(s); removed ${summarize(removed)}\n`);
  return 0;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
