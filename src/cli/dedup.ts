// news-lens dedup: exact and near-duplicate records across JSONL corpora, listed as JSON lines or dropped (--drop --out).
import { performance } from 'node:perf_hooks';
import type { DocumentSignature } from '../core/dedup';
import { openAtomicWriter, type AtomicWriter } from '../shared/atomic-write.mjs';
import { writeFileAtomic } from './atomic-write';
import { InputError } from './input';
import { dedupIndex, inputFiles, writeOut, type CliIo } from './context';
import type { CliOptions } from './options';
import { createRunner, defaultJobs, inputSize } from './pool';
import { isBlank, parseRecord, readLines, sourceName, type SourceSpec } from './sources';
import { emptyCounts, runStats, statsTable } from './stats';
import type { WorkConfig, WorkItem } from './work';

const BATCH = 256;

/** Where each cluster's first document is: kept only for documents that are not duplicates, in typed arrays. */
class References {
  private documents = new Uint32Array(1024);
  private files = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private ids: unknown[] = [];
  private count = 0;

  add(document: number, file: number, line: number, id: unknown): void {
    if (this.count === this.documents.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.documents = grow(this.documents);
      this.files = grow(this.files);
      this.lines = grow(this.lines);
    }
    this.documents[this.count] = document;
    this.files[this.count] = file;
    this.lines[this.count] = line;
    if (id !== undefined) this.ids[this.count] = id;
    this.count++;
  }

  /** The reference of a document number (binary search: numbers are added in increasing order). */
  get(document: number): { file: number; line: number; id: unknown } {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.documents[mid] < document) lo = mid + 1;
      else hi = mid;
    }
    return { file: this.files[lo], line: this.lines[lo], id: this.ids[lo] };
  }
}

export async function runDedup(options: CliOptions, io: CliIo, started: number): Promise<number> {
  const files = inputFiles(options);
  const spec: SourceSpec = { input: 'jsonl', textField: options.textField, encoding: options.encoding };
  const index = dedupIndex(options);
  const { numHashes, shingleSize, seed } = index.params;
  const config: WorkConfig = { command: 'dedup', textField: options.textField, analyze: {}, stats: true, minhash: { numHashes, shingleSize, seed } };
  const runner = createRunner(options.jobs ?? defaultJobs(inputSize(files)), config);
  let out: AtomicWriter | undefined;
  try {
    // Same policy as the other commands: every file is checked before anything is written.
    for (const file of files) {
      if (file === '-') continue;
      const name = sourceName(file);
      for await (const { line, text } of readLines(file, spec)) if (!isBlank(text)) parseRecord(text, name, line, options.textField);
    }
    if (options.out) {
      try {
        out = openAtomicWriter(options.out);
      } catch (error) {
        throw new InputError(`${options.out}: cannot write (${(error as NodeJS.ErrnoException).code})`);
      }
    }
    const references = new References();
    const names = files.map(sourceName);
    const counts = emptyCounts();
    let inputBytes = 0;
    let kept = 0;
    const pending: { file: number; items: WorkItem[]; result: ReturnType<typeof runner.run> }[] = [];
    const consume = async () => {
      const { file, items, result: promise } = pending.shift()!;
      const result = await promise;
      const done = result.error ? result.error.index : items.length;
      let listing = '';
      let keptText = '';
      for (let i = 0; i < done; i++) {
        const { document, duplicateOf } = index.add(result.signatures![i] as DocumentSignature | undefined);
        const id = result.ids![i];
        if (duplicateOf) {
          const earlier = references.get(duplicateOf.document);
          const head: Record<string, unknown> = { file: names[file], line: items[i].line };
          if (id !== undefined) head.id = id;
          const of: Record<string, unknown> = { file: names[earlier.file], line: earlier.line };
          if (earlier.id !== undefined) of.id = earlier.id;
          listing += JSON.stringify({ ...head, duplicateOf: of, similarity: duplicateOf.similarity, exact: duplicateOf.exact }) + '\n';
        } else {
          references.add(document, file, items[i].line!, id);
          if (out) keptText += items[i].raw + '\n';
          kept++;
        }
      }
      if (result.counts) {
        counts.documents += result.counts.documents;
        counts.characters += result.counts.characters;
      }
      if (keptText) {
        try {
          out!.write(keptText);
        } catch (error) {
          out = undefined;
          const code = (error as NodeJS.ErrnoException).code;
          throw new InputError(`${options.out}: could not write (${code === 'ENOSPC' ? 'the disk is full' : code}); nothing was written`);
        }
      }
      await writeOut(io, listing);
      if (result.error) throw result.error.input ? new InputError(result.error.message) : new Error(result.error.message);
    };
    for (let f = 0; f < files.length; f++) {
      let items: WorkItem[] = [];
      const submit = async () => {
        const result = runner.run(items);
        result.catch(() => undefined); // awaited in order by consume()
        pending.push({ file: f, items, result });
        items = [];
        while (pending.length > runner.jobs * 2) await consume();
      };
      for await (const { line, text, bytes } of readLines(files[f], spec)) {
        if (isBlank(text)) continue;
        inputBytes += bytes;
        items.push({ source: names[f], line, raw: text });
        if (items.length >= BATCH) await submit();
      }
      if (items.length) await submit();
    }
    while (pending.length) await consume();
    if (out) {
      out.commit();
      out = undefined;
    }
    const summary = index.stats();
    io.stderr.write(
      `news-lens: ${summary.documents} document(s); ${summary.exactDuplicates} exact and ${summary.nearDuplicates} near duplicate(s) (threshold ${options.threshold}) in ${summary.clusters} cluster(s)` +
        (options.out ? `; ${kept} kept in ${options.out}` : '') +
        '\n',
    );
    if (options.stats) {
      const { bytes: _bytes, ...duplicates } = summary;
      const stats = runStats('dedup', counts, { inputBytes, seconds: (performance.now() - started) / 1000, jobs: runner.jobs, duplicates: { ...duplicates, threshold: options.threshold } });
      writeFileAtomic(options.stats, JSON.stringify(stats, null, 1) + '\n');
      io.stderr.write(`${statsTable(stats, options.stats)}\n`);
    }
    return 0;
  } finally {
    out?.abort();
    await runner.close();
  }
}
