// Analyzes the records the client showed of each JSONL document (visible ones first, in short slices), caches them by line text, publishes.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { DuplicateIndex } from '../core/dedup';
import { entitySegmenterReady, segmenterError, warmUpEntities } from '../core/entities';
import type { Annotation } from '../core/types';
import type { AnalysisOutcome } from './analysis-service';
import type { ErrorBoundary } from './error-boundary';
import { JsonlDocument } from './jsonl-document';
import type { JsonlSyncParams } from './jsonl-protocol';
import { analyzeRecordSafely, placeRecord, type RecordResult } from './jsonl-records';
import { nearDuplicateDiagnostic } from './near-duplicates';
import type { NewsLensSettings } from './settings';

/** One slice of analysis holds the server's thread at most this long, so hovers and code actions are answered in between. */
const SLICE_MS = 15;
/** Results kept per settings: records by line text (a corpus often repeats records, and scrolling back costs nothing). */
const CACHE_RECORDS = 20000;

/** A known line of the document with its result, placed at the line's offset. */
export interface PlacedRecord {
  line: number;
  start: number;
  result: RecordResult;
  /** The result's annotations in document offsets. */
  annotations: Annotation[];
}

export interface JsonlOutcome extends AnalysisOutcome {
  records: PlacedRecord[];
}

export interface JsonlSink {
  /** Diagnostics and annotations of an analysis of the document's known records. */
  publish(document: JsonlDocument, outcome: JsonlOutcome, recordDiagnostics: Diagnostic[], settings: NewsLensSettings): void;
  /** The document is closed: clear what was published. */
  clear(uri: string): void;
}

/** The diagnostics of lines that are not records: one per invalid line (an error), a hint where the text field is missing. */
export function recordDiagnostics(records: readonly PlacedRecord[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { line, result } of records) {
    const parsed = result.parsed;
    if (parsed.kind === 'invalid') {
      diagnostics.push({
        range: { start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } },
        severity: DiagnosticSeverity.Error,
        source: 'news-lens',
        code: 'jsonl-invalid',
        message: `This record is ${parsed.message}; News Lens skips it and analyzes the other records.`,
      });
    } else if (parsed.kind === 'no-text') {
      diagnostics.push({
        range: { start: { line, character: 0 }, end: { line, character: 1 } },
        severity: DiagnosticSeverity.Hint,
        source: 'news-lens',
        code: 'jsonl-no-text',
        message: `News Lens: ${parsed.message}.`,
      });
    }
  }
  return diagnostics;
}

/** Signatures are made with the default parameters of the engine's duplicate index (as the CLI's dedup). */
const signatures = new DuplicateIndex();

/**
 * Near-duplicate records among the known ones, in line order: each later copy gets a diagnostic related to the
 * earliest copy of its cluster, with the estimated similarity.
 */
export function nearDuplicateRecords(uri: string, records: readonly PlacedRecord[], lineLength: (line: number) => number): Diagnostic[] {
  const index = new DuplicateIndex();
  const earlier: PlacedRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  const rangeOf = (line: number) => ({ start: { line, character: 0 }, end: { line, character: lineLength(line) } });
  for (const record of records) {
    const parsed = record.result.parsed;
    if (parsed.kind !== 'record') continue;
    if (record.result.signature === undefined) record.result.signature = signatures.signature(parsed.text.value) ?? null;
    const { duplicateOf } = index.add(record.result.signature ?? undefined);
    earlier.push(record);
    if (!duplicateOf) continue;
    const first = earlier[duplicateOf.document];
    diagnostics.push(nearDuplicateDiagnostic(rangeOf(record.line), { uri, line: first.line, label: `line ${first.line + 1}`, range: rangeOf(first.line) }, duplicateOf.similarity, duplicateOf.exact));
  }
  return diagnostics;
}

class RecordCache {
  private readonly byText = new Map<string, RecordResult>();

  get(text: string): RecordResult | undefined {
    const hit = this.byText.get(text);
    if (hit) {
      // Most recently used last: the first entries are evicted first.
      this.byText.delete(text);
      this.byText.set(text, hit);
    }
    return hit;
  }

  set(text: string, result: RecordResult): void {
    this.byText.set(text, result);
    if (this.byText.size > CACHE_RECORDS) this.byText.delete(this.byText.keys().next().value as string);
  }
}

export class JsonlService {
  private readonly documents = new Map<string, JsonlDocument>();
  private readonly caches = new Map<string, RecordCache>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly rerun = new Set<string>();
  private readonly latest = new Map<string, JsonlOutcome>();
  private warming: Promise<void> | undefined;

  constructor(
    private readonly getSettings: (uri: string) => Promise<NewsLensSettings>,
    private readonly sink: JsonlSink,
    private readonly boundary: ErrorBoundary,
  ) {}

  has(uri: string): boolean {
    return this.documents.has(uri);
  }

  document(uri: string): JsonlDocument | undefined {
    return this.documents.get(uri);
  }

  uris(): string[] {
    return [...this.documents.keys()];
  }

  /** A sync message from the client: new lines are analyzed at once, edited ones after the debounce delay. */
  async sync(params: JsonlSyncParams): Promise<void> {
    let document = this.documents.get(params.uri);
    if (!document) this.documents.set(params.uri, (document = new JsonlDocument(params.uri)));
    document.apply(params);
    const delay = params.changes?.length ? (await this.getSettings(params.uri)).debounceMs : 0;
    this.schedule(params.uri, delay);
  }

  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.documents.delete(uri);
    this.latest.delete(uri);
    this.sink.clear(uri);
  }

  schedule(uri: string, delayMs: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.boundary.guard('JSONL analysis', uri, undefined, () => this.run(uri));
    }, delayMs));
  }

  /** Settings changed (or the user asked for a refresh): everything is analyzed afresh. */
  reanalyzeAll(): void {
    this.caches.clear();
    for (const uri of this.documents.keys()) this.schedule(uri, 0);
  }

  /** Analyzes what is missing, in slices, then publishes; a run asked for while one is going runs after it. */
  async run(uri: string): Promise<void> {
    const going = this.running.get(uri);
    if (going) {
      this.rerun.add(uri);
      return going;
    }
    const run = this.analyzeAndPublish(uri).finally(() => {
      this.running.delete(uri);
      if (this.rerun.delete(uri)) this.schedule(uri, 0);
    });
    this.running.set(uri, run);
    return run;
  }

  private cacheFor(settings: NewsLensSettings): RecordCache {
    const key = JSON.stringify(settings);
    let cache = this.caches.get(key);
    if (!cache) {
      if (this.caches.size > 4) this.caches.clear();
      this.caches.set(key, (cache = new RecordCache()));
    }
    return cache;
  }

  private wantsCheap(settings: NewsLensSettings): boolean {
    return settings.entityTypes.length > 0 && !segmenterError() && !entitySegmenterReady();
  }

  /** Whether a cached result is good enough now (a cheap one is not, once the segmenter is loaded). */
  private fresh(result: RecordResult | undefined, cheapNow: boolean): result is RecordResult {
    return result !== undefined && (!result.cheap || result.large || cheapNow || segmenterError() !== undefined);
  }

  private async analyzeAndPublish(uri: string): Promise<void> {
    const settings = await this.getSettings(uri);
    const started = performance.now();
    let publishedVisible = false;
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return;
      const cache = this.cacheFor(settings);
      const cheapNow = this.wantsCheap(settings);
      const missing = this.missingLines(document, cache, cheapNow);
      if (missing.visible === 0 && !publishedVisible && missing.lines.length > 0) {
        // The records on screen are done: show them before the rest of the window.
        publishedVisible = true;
        this.publish(document, settings, started);
      }
      if (missing.lines.length === 0) break;
      const sliceStart = performance.now();
      for (const line of missing.lines) {
        const known = document.line(line);
        if (known) cache.set(known.text, this.analyzeLine(uri, line, known.text, settings, cheapNow));
        if (performance.now() - sliceStart > SLICE_MS) break;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const document = this.documents.get(uri);
    if (!document) return;
    const outcome = this.publish(document, settings, started);
    if (outcome.entitiesPending) this.warmUpThen(uri);
  }

  /** Known lines without a fresh result: the visible ones first (and how many of those). */
  private missingLines(document: JsonlDocument, cache: RecordCache, cheapNow: boolean): { lines: number[]; visible: number } {
    const visible: number[] = [];
    const rest: number[] = [];
    const isVisible = (line: number) => document.visible.some(([a, b]) => line >= a && line <= b);
    for (const line of document.knownLines()) {
      const text = document.line(line)!.text;
      if (this.fresh(cache.get(text), cheapNow)) continue;
      (isVisible(line) ? visible : rest).push(line);
    }
    return { lines: [...visible, ...rest], visible: visible.length };
  }

  private analyzeLine(uri: string, line: number, text: string, settings: NewsLensSettings, cheap: boolean): RecordResult {
    return analyzeRecordSafely(text, settings, cheap, (error) => this.boundary.report(`analysis of the record on line ${line + 1}`, uri, error));
  }

  private publish(document: JsonlDocument, settings: NewsLensSettings, started: number): JsonlOutcome {
    const outcome = this.compose(document, settings, false);
    outcome.elapsedMs = performance.now() - started;
    this.latest.set(document.uri, outcome);
    const lineLength = (line: number) => document.line(line)?.text.length ?? 0;
    const duplicates = settings.junkKinds.includes('duplicate') ? nearDuplicateRecords(document.uri, outcome.records, lineLength) : [];
    this.sink.publish(document, outcome, [...recordDiagnostics(outcome.records), ...duplicates], settings);
    return outcome;
  }

  /** The outcome of the document's known lines from the cache; `analyzeMissing` analyzes any line without a result now. */
  private compose(document: JsonlDocument, settings: NewsLensSettings, analyzeMissing: boolean): JsonlOutcome {
    const cache = this.cacheFor(settings);
    const cheapNow = this.wantsCheap(settings);
    const records: PlacedRecord[] = [];
    const annotations: Annotation[] = [];
    let entitiesPending = false;
    for (const line of document.knownLines()) {
      const known = document.line(line)!;
      let result = cache.get(known.text);
      if (!result && analyzeMissing) cache.set(known.text, (result = this.analyzeLine(document.uri, line, known.text, settings, cheapNow)));
      if (!result) continue;
      if (result.cheap && !result.large && settings.entityTypes.length > 0 && !segmenterError()) entitiesPending = true;
      const placed = placeRecord(result.annotations, known.start);
      records.push({ line, start: known.start, result, annotations: placed });
      for (const a of placed) annotations.push(a);
    }
    const degraded = document.whole ? undefined : `Large JSONL corpus: News Lens analyzes the records on screen (${records.length} of ${document.lineCount} lines now). The workspace scan and the news-lens command line cover every record.`;
    return { uri: document.uri, version: document.version, annotations, entitiesPending, degraded, elapsedMs: 0, records };
  }

  /**
   * The outcome for the document's current version and every known line: a pending analysis runs now, one under
   * way is awaited (it yields between slices, so other requests are answered meanwhile).
   */
  async current(uri: string): Promise<{ document: JsonlDocument; outcome: JsonlOutcome } | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const document = this.documents.get(uri);
      if (!document) return undefined;
      const latest = this.latest.get(uri);
      const settled = !this.running.has(uri) && !this.timers.has(uri);
      if (settled && latest && latest.version === document.version && latest.records.length === document.knownCount) return { document, outcome: latest };
      clearTimeout(this.timers.get(uri));
      this.timers.delete(uri);
      await this.run(uri);
    }
    const document = this.documents.get(uri);
    return document && { document, outcome: this.compose(document, await this.getSettings(uri), true) };
  }

  /** Analyzes again from scratch (the Annotate command). */
  async refresh(uri: string): Promise<JsonlOutcome | undefined> {
    this.caches.clear();
    await this.run(uri);
    return this.latest.get(uri);
  }

  private warmUpThen(uri: string): void {
    this.warming ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => warmUpEntities());
    void this.warming.then(() => this.schedule(uri, 0));
  }
}
