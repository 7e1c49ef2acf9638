// Keeps one incremental Analyzer per open document, schedules analyses (debounced, cheap layers first) and remembers results.
import type { Analyzer } from '../core/analyze';
import { entitySegmenterReady, segmenterError, warmUpEntities } from '../core/entities';
import type { Annotation } from '../core/types';
import { ErrorBoundary } from './error-boundary';
import { createAnalyzer } from './fault-injection';
import { toAnalyzeOptions, type NewsLensSettings } from './settings';

export interface DocumentSnapshot {
  uri: string;
  version: number;
  text: string;
}

export interface AnalysisOutcome {
  uri: string;
  version: number;
  annotations: Annotation[];
  entitiesPending: boolean;
  degraded?: string;
  elapsedMs: number;
}

interface DocumentEntry {
  analyzer: Analyzer;
  timer?: ReturnType<typeof setTimeout>;
  latest?: AnalysisOutcome;
}

/**
 * Above this multiple of newsLens.maxDocumentSizeKB not even the cheap layers run in the editor (16 MiB by
 * default): a 50 MB crawl would hold a million findings in memory and take the server seconds per change.
 */
export const NO_ANALYSIS_FACTOR = 8;

/** True when a text looks binary (NUL characters near its start): only a message is shown for it. */
export function looksBinaryText(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

export interface AnalysisServiceOptions {
  /** Where failures are logged (the server's output channel); default stderr. */
  boundary?: ErrorBoundary;
  /** Makes each document's Analyzer (tests inject failing ones). */
  createAnalyzer?: () => Analyzer;
  /** Applied to every analysis's annotations (the findings an annotator marked "not junk" are left out). */
  filter?: (uri: string, annotations: Annotation[]) => Annotation[];
}

export class AnalysisService {
  private readonly entries = new Map<string, DocumentEntry>();
  private warming: Promise<void> | undefined;
  private readonly boundary: ErrorBoundary;
  private readonly newAnalyzer: () => Analyzer;
  private readonly filter: (uri: string, annotations: Annotation[]) => Annotation[];

  constructor(
    private readonly getDocument: (uri: string) => DocumentSnapshot | undefined,
    private readonly getSettings: (uri: string) => Promise<NewsLensSettings>,
    private readonly publish: (outcome: AnalysisOutcome, settings: NewsLensSettings) => void,
    options: AnalysisServiceOptions = {},
  ) {
    this.boundary = options.boundary ?? new ErrorBoundary((message) => process.stderr.write(message + '\n'));
    this.newAnalyzer = options.createAnalyzer ?? (() => createAnalyzer());
    this.filter = options.filter ?? ((_, annotations) => annotations);
  }

  private entry(uri: string): DocumentEntry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { analyzer: this.newAnalyzer() };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  /** True once the document has been scheduled or analyzed (and not closed since). */
  isKnown(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** Analyzes after `delayMs` of quiet; a newer request for the same document replaces an older one. */
  schedule(uri: string, delayMs: number): void {
    const entry = this.entry(uri);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.boundary.guard('analysis', uri, undefined, () => this.run(uri));
    }, delayMs);
  }

  /** Analyzes now and publishes; returns the outcome (or undefined for a closed document). */
  async run(uri: string): Promise<AnalysisOutcome | undefined> {
    const document = this.getDocument(uri);
    if (!document) return undefined;
    const settings = await this.getSettings(uri);
    const current = this.getDocument(uri);
    if (!current || current.version !== document.version) return undefined; // a newer version is on its way
    const outcome = this.analyze(current, settings);
    this.publish(outcome, settings);
    if (outcome.entitiesPending && !outcome.degraded && settings.enable) this.warmUpThen(uri);
    return outcome;
  }

  /** Synchronous analysis of a snapshot; cheap layers only while the segmenter is not loaded or for large documents. */
  analyze(document: DocumentSnapshot, settings: NewsLensSettings): AnalysisOutcome {
    const started = performance.now();
    const entry = this.entry(document.uri);
    if (!settings.enable) {
      return (entry.latest = { uri: document.uri, version: document.version, annotations: [], entitiesPending: false, elapsedMs: 0 });
    }
    let degraded: string | undefined;
    if (looksBinaryText(document.text)) {
      degraded = 'This file looks binary (it contains NUL characters); News Lens does not analyze it.';
      return (entry.latest = { uri: document.uri, version: document.version, annotations: [], entitiesPending: false, degraded, elapsedMs: 0 });
    }
    const limit = settings.maxDocumentSizeKB * 1024;
    if (document.text.length > limit * NO_ANALYSIS_FACTOR) {
      degraded = `This document is larger than ${NO_ANALYSIS_FACTOR} × newsLens.maxDocumentSizeKB (${NO_ANALYSIS_FACTOR * settings.maxDocumentSizeKB} KiB): News Lens does not analyze it in the editor. The news-lens command line cleans and annotates files of any size.`;
      return (entry.latest = { uri: document.uri, version: document.version, annotations: [], entitiesPending: false, degraded, elapsedMs: 0 });
    }
    const tooLarge = document.text.length > limit;
    if (tooLarge) {
      degraded = `This document is larger than newsLens.maxDocumentSizeKB (${settings.maxDocumentSizeKB} KiB): only junk and figures are shown.`;
    }
    const failure = segmenterError();
    if (failure && !degraded) degraded = `Entity recognition is unavailable (nodejieba could not be loaded: ${failure.message}); junk and figures are shown.`;
    // Without a segmenter there is nothing to wait for: entities are not pending, they are off.
    const wantsEntities = settings.entityTypes.length > 0 && !failure;
    const cheapOnly = tooLarge || failure !== undefined || (wantsEntities && !entitySegmenterReady());
    let annotations: Annotation[];
    try {
      annotations = entry.analyzer.analyze(document.text, toAnalyzeOptions(settings, cheapOnly)).annotations;
    } catch (error) {
      // One document's failure: log it, publish what the cheap layers still find, and keep serving the others.
      this.boundary.report('analysis', document.uri, error);
      ({ annotations, degraded } = this.cheapFallback(entry, document, settings));
      annotations = this.filter(document.uri, annotations);
      return (entry.latest = { uri: document.uri, version: document.version, annotations, entitiesPending: false, degraded, elapsedMs: performance.now() - started });
    }
    entry.latest = {
      uri: document.uri,
      version: document.version,
      annotations: this.filter(document.uri, annotations),
      entitiesPending: cheapOnly && wantsEntities && !tooLarge,
      degraded,
      elapsedMs: performance.now() - started,
    };
    return entry.latest;
  }

  /** After a failed analysis: a fresh Analyzer (the old one's line cache may be half updated), cheap layers only. */
  private cheapFallback(entry: DocumentEntry, document: DocumentSnapshot, settings: NewsLensSettings): { annotations: Annotation[]; degraded: string } {
    entry.analyzer = this.newAnalyzer();
    try {
      const { annotations } = entry.analyzer.analyze(document.text, toAnalyzeOptions(settings, true));
      return { annotations, degraded: 'News Lens could not analyze this document fully (the error is in the News Lens output): only junk and figures are shown.' };
    } catch (error) {
      this.boundary.report('analysis (junk and figures only)', document.uri, error);
      entry.analyzer = this.newAnalyzer();
      return { annotations: [], degraded: 'News Lens could not analyze this document (the error is in the News Lens output).' };
    }
  }

  /** The latest outcome for the document's current version, analyzing afresh if it is stale. */
  async current(uri: string): Promise<AnalysisOutcome | undefined> {
    const document = this.getDocument(uri);
    if (!document) return undefined;
    const latest = this.entries.get(uri)?.latest;
    if (latest && latest.version === document.version) return latest;
    return this.analyze(document, await this.getSettings(uri));
  }

  private warmUpThen(uri: string): void {
    // Loading the segmenter takes a second or two: do it after the cheap results went out, once for all documents.
    this.warming ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => warmUpEntities());
    void this.warming.then(() => this.schedule(uri, 0));
  }

  /** Re-analyzes every open document after a settings change (each Analyzer drops its line cache when its options differ). */
  reanalyzeAll(openUris: readonly string[]): void {
    for (const uri of openUris) this.schedule(uri, 0);
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
  }
}
