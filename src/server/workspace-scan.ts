// Scans the workspace in the language server's background: every text, Markdown and JSONL file analyzed, findings and
// near-duplicates to the Problems panel, statistics for the Corpus Report. Cancellable; yields between files and records.
import * as fsSync from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CorpusReportBuilder, type CorpusReport, type DocRef } from '../core/corpus-report';
import { DuplicateIndex } from '../core/dedup';
import { warmUpEntities } from '../core/entities';
import { JUNK_KINDS, type Annotation, type DocumentScript } from '../core/types';
import { junkDiagnostics } from './diagnostics';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { ErrorBoundary } from './error-boundary';
import { createAnalyzer } from './fault-injection';
import { analyzeRecordSafely, placeRecord } from './jsonl-records';
import { recordDiagnostics } from './jsonl-service';
import { nearDuplicateDiagnostic } from './near-duplicates';
import { toAnalyzeOptions, type NewsLensSettings } from './settings';
import { listScanFiles, scanKindOf, type ScanFile } from './workspace-scan-files';
import {
  REPORT_REQUEST,
  SCAN_PROGRESS_NOTIFICATION,
  SCAN_REQUEST,
  type ReportParams,
  type ScanFolder,
  type ScanParams,
  type ScanProgress,
  type ScanSummary,
} from './workspace-scan-protocol';

export { REPORT_REQUEST, SCAN_PROGRESS_NOTIFICATION, SCAN_REQUEST } from './workspace-scan-protocol';
export type { ReportParams, ScanFolder, ScanParams, ScanProgress, ScanSummary } from './workspace-scan-protocol';

export interface ScanHost {
  settings(uri: string): Promise<NewsLensSettings>;
  /** Open documents get their diagnostics from the live analysis, not from the scan. */
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(progress: ScanProgress): void;
  boundary: ErrorBoundary;
}

/** Between slices of work the server answers other requests; a slice lasts about this long. */
const SLICE_MS = 15;
const PROGRESS_EVERY_MS = 150;
const READ_AHEAD = 8;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const LANGUAGE = { text: 'plaintext', markdown: 'markdown', jsonl: 'jsonl' } as const;

interface Located extends DocRef {
  range: Range;
}

export class WorkspaceScanner {
  /** What the last scans published, per file (re-published when an open file is closed). */
  private readonly published = new Map<string, Diagnostic[]>();
  private report: CorpusReport | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: ScanHost) {}

  /** Scans every folder on disk; one scan at a time (a second waits for the first). */
  scan(params: ScanParams, cancelled: () => boolean): Promise<ScanSummary> {
    return this.enqueue(async () => {
      const { summary, report } = await this.run(params.folders, undefined, cancelled);
      if (!summary.cancelled) this.report = report;
      return summary;
    });
  }

  /** The report of one file, or of the workspace (from the last complete scan, or a new one). */
  async corpusReport(params: ReportParams, cancelled: () => boolean): Promise<CorpusReport | undefined> {
    if (!params.uri && this.report && !params.rescan) return this.report;
    return this.enqueue(async () => {
      const { summary, report } = await this.run(params.folders, params.uri, cancelled);
      if (summary.cancelled) return undefined;
      if (!params.uri) this.report = report;
      return report;
    });
  }

  /** Diagnostics the last scan found for a file (a closed document shows them again). */
  lastDiagnostics(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async run(folders: readonly ScanFolder[], only: string | undefined, cancelled: () => boolean): Promise<{ summary: ScanSummary; report: CorpusReport }> {
    const started = performance.now();
    const summary: ScanSummary = { files: 0, records: 0, excluded: 0, tooLarge: 0, unreadable: 0, findings: 0, filesWithFindings: 0, duplicates: 0, cancelled: false, elapsedMs: 0 };
    const files: { file: ScanFile; folder: string; uri: string }[] = [];
    if (only) {
      const fsPath = URI.parse(only).fsPath;
      const kind = scanKindOf(fsPath);
      const size = await fs.stat(fsPath).then((s) => s.size, () => -1);
      if (kind && size >= 0) files.push({ file: { path: fsPath, relative: path.basename(fsPath), kind, size }, folder: path.dirname(fsPath), uri: only });
    } else {
      for (const folder of folders) {
        const folderUri = URI.parse(folder.uri);
        if (folderUri.scheme !== 'file') continue;
        const settings = await this.host.settings(folder.uri);
        const listing = await listScanFiles(folderUri.fsPath, folder.exclude, settings.scanMaxSizeKB * 1024, cancelled);
        summary.excluded += listing.excluded;
        summary.tooLarge += listing.tooLarge;
        const prefix = folders.length > 1 ? `${path.basename(folderUri.fsPath)}/` : '';
        for (const file of listing.files) files.push({ file: { ...file, relative: prefix + file.relative }, folder: folder.uri, uri: URI.file(file.path).toString() });
      }
    }
    await warmUpEntities();
    const builder = new CorpusReportBuilder(JUNK_KINDS);
    const dedup = new DuplicateIndex();
    const refs: Located[] = [];
    const seen = new Set<string>();
    let lastProgress = 0;
    let sliceStart = performance.now();
    const pause = async () => {
      if (performance.now() - sliceStart < SLICE_MS) return;
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    };
    // Reads run ahead of the analysis: one file's read waits on the thread pool while earlier ones are analyzed.
    const reads: Promise<string | undefined>[] = [];
    const readAhead = (until: number) => {
      for (let j = reads.length; j < Math.min(until, files.length); j++) reads.push(readText(files[j].file.path, files[j].file.size));
    };
    for (let i = 0; i < files.length; i++) {
      readAhead(i + READ_AHEAD);
      if (cancelled()) {
        summary.cancelled = true;
        break;
      }
      const { file, uri } = files[i];
      if (performance.now() - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = performance.now();
        this.host.progress({ done: i, total: files.length, file: file.relative });
      }
      const text = await reads[i];
      delete reads[i];
      if (text === undefined) {
        summary.unreadable++;
        continue;
      }
      const diagnostics = await this.host.boundary.guard('scanning a file', uri, undefined, async () => {
        const settings = await this.host.settings(uri);
        const document = TextDocument.create(uri, LANGUAGE[file.kind], 0, text);
        const found: Diagnostic[] = [];
        const add = (ref: Located, body: string, annotations: readonly Annotation[], script: DocumentScript | undefined) => {
          builder.add(ref, body.length, annotations, script);
          const { duplicateOf } = dedup.add(settings.junkKinds.includes('duplicate') ? body : undefined);
          refs.push(ref);
          if (duplicateOf) {
            const earlier = refs[duplicateOf.document];
            found.push(nearDuplicateDiagnostic(ref.range, earlier, duplicateOf.similarity, duplicateOf.exact));
            builder.addDuplicate(ref, earlier, duplicateOf.similarity);
            summary.duplicates++;
          }
        };
        if (file.kind === 'jsonl') {
          const annotations: Annotation[] = [];
          const records = [];
          for (let line = 0; line < document.lineCount; line++) {
            const start = document.offsetAt({ line, character: 0 });
            const lineText = lineAt(document, line);
            const result = analyzeRecordSafely(lineText, settings, false, (error) => this.host.boundary.report(`scanning the record on line ${line + 1}`, uri, error));
            const placed = placeRecord(result.annotations, start);
            records.push({ line, start, result, annotations: placed });
            for (const a of placed) annotations.push(a);
            if (result.parsed.kind === 'record') {
              summary.records++;
              const range = { start: { line, character: 0 }, end: { line, character: lineText.length } };
              add({ uri, line, label: `${file.relative}:${line + 1}`, range }, result.parsed.text.value, result.annotations, result.script);
            }
            await pause();
          }
          found.unshift(...junkDiagnostics(document, annotations, settings), ...recordDiagnostics(records));
        } else {
          const cheap = text.length > settings.maxDocumentSizeKB * 1024;
          const result = createAnalyzer().analyze(text, toAnalyzeOptions(settings, cheap));
          const range = { start: { line: 0, character: 0 }, end: { line: 0, character: lineAt(document, 0).length } };
          add({ uri, label: file.relative, range }, text, result.annotations, result.script);
          found.unshift(...junkDiagnostics(document, result.annotations, settings));
        }
        return found;
      });
      summary.files++;
      if (!diagnostics) continue;
      seen.add(uri);
      const findings = diagnostics.filter((d) => d.code !== 'jsonl-no-text').length;
      summary.findings += findings;
      if (findings > 0) summary.filesWithFindings++;
      if (diagnostics.length > 0 || this.published.has(uri)) {
        this.published.set(uri, diagnostics);
        if (!this.host.isOpen(uri)) this.host.publish(uri, diagnostics);
      }
      await pause();
    }
    // Files an earlier scan reported that this one no longer covers (deleted, now excluded): clear them.
    if (!only && !summary.cancelled) {
      for (const uri of [...this.published.keys()]) {
        if (seen.has(uri)) continue;
        this.published.delete(uri);
        if (!this.host.isOpen(uri)) this.host.publish(uri, []);
      }
    }
    this.host.progress({ done: summary.files, total: files.length });
    summary.elapsedMs = Math.round(performance.now() - started);
    const title = only ? path.basename(URI.parse(only).fsPath) : folders.map((f) => path.basename(URI.parse(f.uri).fsPath)).join(', ');
    return { summary, report: builder.build(title) };
  }
}

function lineAt(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}

/** Below this size a file is read synchronously: a promise-based read costs several system calls and thread-pool round trips. */
const SYNC_READ_BYTES = 256 * 1024;

/** A file's text, or undefined when it is not UTF-8 text (binary, invalid UTF-8, unreadable). */
async function readText(file: string, size: number): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = size < SYNC_READ_BYTES ? fsSync.readFileSync(file) : await fs.readFile(file);
  } catch {
    return undefined;
  }
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    const text = strictUtf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** Answers the scan and report requests (cancellable from the client's progress notification). */
export function registerWorkspaceScan(
  connection: import('vscode-languageserver').Connection,
  publisher: DiagnosticsPublisher,
  settings: (uri: string) => Promise<NewsLensSettings>,
  isOpen: (uri: string) => boolean,
  boundary: ErrorBoundary,
): WorkspaceScanner {
  const scanner = new WorkspaceScanner({
    settings,
    isOpen,
    publish: (uri, diagnostics) => void publisher.publish(uri, diagnostics),
    progress: (progress) => void connection.sendNotification(SCAN_PROGRESS_NOTIFICATION, progress),
    boundary,
  });
  connection.onRequest(SCAN_REQUEST, (params: ScanParams, token) => boundary.logged('workspace scan', undefined, () => scanner.scan(params, () => token.isCancellationRequested)));
  connection.onRequest(REPORT_REQUEST, (params: ReportParams, token) => boundary.logged('corpus report', params.uri, () => scanner.corpusReport(params, () => token.isCancellationRequested)));
  return scanner;
}
