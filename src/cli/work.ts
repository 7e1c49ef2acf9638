// The work on one batch of documents, the same in the main thread (--jobs 1) and in worker threads: output text in input order.
import { analyze, applyEdits, countByKind, junkEdits } from '../core';
import { toBrat, toConll, toDoccano, toLabelStudio, type ExportFormat } from '../core/export';
import { MinHasher, type DocumentSignature, type MinHashParams } from '../core/dedup';
import { GoldReader } from '../core/gold/files';
import type { AnalyzeOptions, JunkKind } from '../core/types';
import { InputError } from './input';
import { parseRecord } from './sources';
import { countDocument, emptyCounts, type Counts } from './stats';
import { toJsonSpans } from './spans';

/** What every batch of a run is processed with (sent once to each worker). */
export interface WorkConfig {
  command: 'annotate' | 'clean' | 'export' | 'dedup';
  textField: string;
  analyze: AnalyzeOptions;
  kinds?: JunkKind[];
  format?: ExportFormat;
  /** Count annotations for --stats. */
  stats: boolean;
  /**
   * Worker threads send each batch's output as UTF-8 bytes (BatchResult.output, a transferred buffer) instead of
   * strings: structured-cloning hundreds of MB of output strings cost the workers and the main thread more CPU than
   * encoding them once, and the main thread then only writes bytes. Unset for clean --in-place, which re-encodes
   * each file's text in its own encoding.
   */
  outputBytes?: boolean;
  /** Compute near-duplicate signatures (dedup, and --stats). */
  minhash?: MinHashParams;
  /** export --gold: the annotators' gold from the standoff files instead of the engine's suggestions. */
  gold?: { withAccepted: boolean; annDir?: string };
}

/** One document: a JSONL line (parsed here, in the worker) or a whole file's text. */
export interface WorkItem {
  source: string;
  line?: number;
  raw?: string;
  text?: string;
}

export interface BatchResult {
  /** Output of each item, in order ('' when it has none); empty when `output` carries it. */
  pieces: string[];
  /** From a worker with WorkConfig.outputBytes: the pieces' UTF-8 bytes, one after the other, and each one's length. */
  output?: { bytes: Uint8Array; lengths: number[] };
  counts?: Counts;
  signatures?: (DocumentSignature | undefined)[];
  /** dedup: each record's `id` field, undefined when it has none. */
  ids?: unknown[];
  /** clean: junk removed per kind; and per item whether the text changed. */
  removed?: Partial<Record<JunkKind, number>>;
  changed?: boolean[];
  /** export --format brat: the .txt and .ann of each item. */
  brat?: ({ txt: string; ann: string } | undefined)[];
  /** export --gold: per item, true when it has no gold (it is skipped); problems found in the standoff files. */
  withoutGold?: boolean[];
  goldWarnings?: string[];
  /** The first item that failed, and why; items before it are done. */
  error?: { index: number; message: string; input: boolean };
}

let hasher: { params: string; hasher: MinHasher } | undefined;

let goldReader: { key: string; reader: GoldReader } | undefined;
/** Where the reader's warnings go: the batch being processed. */
let goldWarnings: string[] = [];

/** One reader per thread and options (it keeps each corpus's sidecar once read). */
function goldReaderFor(gold: NonNullable<WorkConfig['gold']>): GoldReader {
  const key = JSON.stringify(gold);
  if (goldReader?.key !== key) {
    const reader = new GoldReader({ folder: gold.annDir, root: process.cwd() }, gold.withAccepted ? 'gold+accepted' : 'gold', (message) => goldWarnings.push(message));
    goldReader = { key, reader };
  }
  return goldReader.reader;
}

function minHasher(params: MinHashParams): MinHasher {
  const key = JSON.stringify(params);
  if (hasher?.params !== key) hasher = { params: key, hasher: new MinHasher(params) };
  return hasher.hasher;
}

const utf8 = new TextEncoder();

/** Moves a batch's output pieces into one UTF-8 buffer of its own (so that it can be transferred, not copied). */
export function encodeOutput(result: BatchResult): void {
  const lengths = result.pieces.map((piece) => Buffer.byteLength(piece, 'utf8'));
  result.output = { bytes: utf8.encode(result.pieces.join('')), lengths };
  result.pieces = [];
}

/** The output of item `index` of a batch, as a string or as UTF-8 bytes; `offset` is where its bytes start. */
export function outputPiece(result: BatchResult, index: number, offset: number): string | Uint8Array {
  if (!result.output) return result.pieces[index];
  return result.output.bytes.subarray(offset, offset + result.output.lengths[index]);
}

/** Chinese news text that reaches every part of the engine: junk, entities, figures. */
const WARM_UP_TEXT = '新華社北京3月5日電 國務院總理在人民大會堂作政府工作報告，預計增長5.2%，投資1200億元。\n<div>相關閱讀</div> 網(wǎng)站';

/**
 * Loads what this run's documents need (nodejieba's dictionaries, the entity model, the junk lexicons) by processing
 * one sample document and dropping its result: a worker does this as soon as it starts, so that loading overlaps the
 * main thread's check of the inputs instead of delaying the first batch. dedup and export --gold need no engine.
 */
export function warmUp(config: WorkConfig): void {
  if (config.command === 'dedup' || config.gold) return;
  processBatch({ ...config, stats: false, minhash: undefined }, [{ source: '<warm-up>', text: WARM_UP_TEXT }]);
}

export function processBatch(config: WorkConfig, items: readonly WorkItem[]): BatchResult {
  const result: BatchResult = { pieces: [] };
  if (config.stats) result.counts = emptyCounts();
  if (config.minhash) result.signatures = [];
  if (config.command === 'dedup') result.ids = [];
  if (config.command === 'clean') {
    result.removed = {};
    result.changed = [];
  }
  if (config.command === 'export' && config.format === 'brat') result.brat = [];
  if (config.gold) {
    result.withoutGold = [];
    goldWarnings = result.goldWarnings = [];
  }
  for (let index = 0; index < items.length; index++) {
    try {
      processItem(config, items[index], result);
    } catch (error) {
      const input = error instanceof InputError;
      result.error = { index, input, message: input ? (error as Error).message : String((error as Error).stack ?? error) };
      break;
    }
  }
  return result;
}

function processItem(config: WorkConfig, item: WorkItem, result: BatchResult): void {
  let text: string;
  let record: Record<string, unknown> | undefined;
  if (item.raw !== undefined) {
    ({ record, text } = parseRecord(item.raw, item.source, item.line!, config.textField));
  } else {
    text = item.text!;
  }
  if (config.minhash) result.signatures!.push(minHasher(config.minhash).signature(text));
  if (config.command === 'dedup') {
    if (result.counts) countDocument(result.counts, text, [], config.analyze);
    result.ids!.push(record && 'id' in record ? record.id : undefined);
    result.pieces.push('');
    return;
  }
  if (config.command === 'clean') {
    const analysis = analyze(text, { ...config.analyze, junkKinds: config.kinds ?? config.analyze.junkKinds, entityTypes: [], figures: false });
    if (result.counts) countDocument(result.counts, text, analysis.annotations, config.analyze);
    const edits = junkEdits(analysis.annotations, { kinds: config.kinds });
    const cleaned = applyEdits(text, edits);
    for (const [kind, n] of Object.entries(countByKind(analysis.annotations))) {
      result.removed![kind as JunkKind] = (result.removed![kind as JunkKind] ?? 0) + (n ?? 0);
    }
    result.changed!.push(edits.length > 0);
    result.pieces.push(record ? JSON.stringify({ ...record, [config.textField]: cleaned }) + '\n' : cleaned);
    return;
  }
  const annotations = config.gold ? goldReaderFor(config.gold).annotations({ source: item.source, line: item.line, record, text }) : analyze(text, config.analyze).annotations;
  if (config.gold) result.withoutGold!.push(!annotations);
  if (!annotations) {
    // No gold for this document: nothing to export.
    result.brat?.push(undefined);
    result.pieces.push('');
    return;
  }
  if (result.counts) countDocument(result.counts, text, annotations, config.analyze);
  if (config.command === 'annotate') {
    const head: Record<string, unknown> = item.line === undefined ? { file: item.source } : { file: item.source, line: item.line };
    if (record && 'id' in record) head.id = record.id;
    result.pieces.push(JSON.stringify({ ...head, spans: toJsonSpans(text, annotations) }) + '\n');
    return;
  }
  switch (config.format) {
    case 'brat':
      result.brat!.push({ txt: text, ann: toBrat(text, annotations) });
      result.pieces.push('');
      break;
    case 'doccano':
      result.pieces.push(JSON.stringify(toDoccano(text, annotations)) + '\n');
      break;
    case 'label-studio':
      // One element of the array JSON.stringify(tasks, null, 1) prints; the caller adds "[", "," and "]".
      result.pieces.push(' ' + JSON.stringify(toLabelStudio(text, annotations), null, 1).split('\n').join('\n '));
      break;
    case 'conll':
      result.pieces.push(toConll(text, annotations) + '\n');
      break;
  }
}
