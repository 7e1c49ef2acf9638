// The News Lens language server: hosts the engine, publishes junk diagnostics and annotations, answers hovers and code actions.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { junkEdits } from '../core/edits';
import { entitySegmenterReady, segmenterLeanLoad } from '../core/entities';
import { toBrat, toConll, toDoccano, toLabelStudio } from '../core/export';
import { AnalysisService, type AnalysisOutcome } from './analysis-service';
import { ErrorBoundary } from './error-boundary';
import { fixAllAction, FIX_ALL_KIND, quickFixes, resolveLazyAction } from './code-actions';
import { junkDiagnostics } from './diagnostics';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { hoverAnnotations, hoverMarkdown } from './hover';
import { setLocale } from './messages';
import {
  ANNOTATIONS_NOTIFICATION,
  CLEAN_REQUEST,
  EXPORT_REQUEST,
  REFRESH_REQUEST,
  SERVER_INFO_REQUEST,
  WARNING_NOTIFICATION,
  NOT_JUNK_NOTIFICATION,
  type NotJunkParams,
  type CleanParams,
  type CleanResult,
  type ExportParams,
  type ExportResult,
  type ServerInfo,
} from './protocol';
import { AnnotationSender } from './annotation-sender';
import { readSettings, type NewsLensSettings, type RawSettings } from './settings';
import { NotJunkMarks } from './not-junk';
import { entitySymbols, recordSymbols } from './symbols';
import { registerJsonl } from './jsonl-server';
import { registerTeamSettings } from './team-settings';
import { registerWorkspaceScan } from './workspace-scan';
import { NEAR_DUPLICATE_CODE, removeRecordAction } from './near-duplicates';

const connection = createConnection(ProposedFeatures.all);
/** Every diagnostic set goes through it: an unchanged set is not sent again. */
const diagnostics = new DiagnosticsPublisher((params) => void connection.sendDiagnostics(params));
const documents = new TextDocuments(TextDocument);
const settingsCache = new Map<string, Promise<NewsLensSettings>>();
const reportedProblems = new Set<string>();
/** Every handler runs inside it: a failure on one document is logged to the output channel and answered with nothing. */
const boundary = new ErrorBoundary((message) => connection.console.error(message));
process.on('unhandledRejection', (reason) => boundary.report('a background task', undefined, reason));

async function loadSettings(uri: string): Promise<NewsLensSettings> {
  let cached = settingsCache.get(uri);
  if (!cached) {
    cached = connection.workspace.getConfiguration({ scopeUri: uri, section: 'newsLens' }).then((raw: RawSettings) => {
      const { settings, problems } = readSettings(raw);
      for (const problem of problems) {
        if (reportedProblems.has(problem)) continue;
        reportedProblems.add(problem);
        connection.sendNotification(WARNING_NOTIFICATION, { message: problem });
      }
      return team.apply(uri, settings);
    });
    settingsCache.set(uri, cached);
  }
  return cached;
}

/** Whole annotation sets the first time, then what changed (the client keeps the last one per document). */
const sender = new AnnotationSender();

function publish(outcome: AnalysisOutcome, settings: NewsLensSettings): void {
  const document = documents.get(outcome.uri);
  if (!document || document.version !== outcome.version) return;
  diagnostics.publish(outcome.uri, junkDiagnostics(document, outcome.annotations, settings), outcome.version);
  const fields = {
    uri: outcome.uri,
    version: outcome.version,
    textLength: document.getText().length,
    entitiesPending: outcome.entitiesPending,
    degraded: outcome.degraded,
    elapsedMs: Math.round(outcome.elapsedMs),
  };
  connection.sendNotification(ANNOTATIONS_NOTIFICATION, sender.message(fields, outcome.annotations));
}

/** Findings the annotators marked "not junk" per document (gold layer): never reported, fixed or cleaned. */
const notJunk = new NotJunkMarks();

const service = new AnalysisService(
  (uri) => {
    const document = documents.get(uri);
    return document && { uri, version: document.version, text: document.getText() };
  },
  loadSettings,
  publish,
  { boundary, filter: (uri, annotations) => notJunk.filter(uri, annotations) },
);

/** JSONL corpora: the client sends the lines to analyze itself (see jsonl-protocol.ts); they are not in `documents`. */
const jsonl = registerJsonl(connection, loadSettings, sender, diagnostics, boundary, (uri) => scanner.lastDiagnostics(uri));

/** A document and its latest analysis: an open text document, or the known records of a JSONL corpus. */
async function analysisOf(uri: string): Promise<{ document: TextDocument | undefined; outcome: AnalysisOutcome | undefined }> {
  if (jsonl.has(uri)) return (await jsonl.current(uri)) ?? { document: undefined, outcome: undefined };
  return { document: documents.get(uri), outcome: await service.current(uri) };
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = params.initializationOptions as { locale?: string } | undefined;
  setLocale(options?.locale ?? params.locale);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      documentSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    },
  };
});

function settingsChanged(): void {
  settingsCache.clear();
  service.reanalyzeAll(documents.all().map((d) => d.uri));
  jsonl.reanalyzeAll();
}

connection.onDidChangeConfiguration(settingsChanged);
/** News Lens: Scan Workspace and the Corpus Report; files open in the editor keep their live diagnostics. */
const scanner = registerWorkspaceScan(connection, diagnostics, loadSettings, (uri) => documents.get(uri) !== undefined || jsonl.has(uri), boundary);
/** The team's .newslens.json of each workspace folder: laid over the settings (see team-settings.ts). */
const team = registerTeamSettings(connection, diagnostics, boundary, settingsChanged);

// Fires on open too: a newly opened document is analyzed at once, later changes after the debounce delay.
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  void boundary.guard('scheduling an analysis', uri, undefined, async () => {
    if (!service.isKnown(uri)) {
      service.schedule(uri, 0);
      return;
    }
    const settings = await loadSettings(uri);
    service.schedule(uri, settings.debounceMs);
  });
});
connection.onNotification(NOT_JUNK_NOTIFICATION, (params: NotJunkParams) => {
  notJunk.set(params.uri, params.spans);
  if (documents.get(params.uri)) service.schedule(params.uri, 0);
});

documents.onDidClose((event) => {
  notJunk.delete(event.document.uri);
  service.close(event.document.uri);
  sender.close(event.document.uri);
  settingsCache.delete(event.document.uri);
  // What the last workspace scan found in the file stays in the Problems panel.
  diagnostics.publish(event.document.uri, scanner.lastDiagnostics(event.document.uri) ?? []);
});

connection.onHover(({ textDocument, position }) => boundary.guard('hover', textDocument.uri, null, async () => {
  const { document, outcome } = await analysisOf(textDocument.uri);
  if (!document || !outcome) return null;
  const offset = document.offsetAt(position);
  const shown = hoverAnnotations(outcome.annotations, offset);
  const top = shown[0];
  if (!top) return null;
  const parts = shown.map((a) => hoverMarkdown(a, outcome.annotations));
  return {
    contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') },
    range: { start: document.positionAt(top.start), end: document.positionAt(top.end) },
  };
}));

connection.onCodeAction(({ textDocument, context }) => boundary.guard('code actions', textDocument.uri, [], async () => {
  const { document, outcome } = await analysisOf(textDocument.uri);
  if (!document || !outcome) return [];
  const only = context.only;
  const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind) || kind === FIX_ALL_KIND);
  if (only && wantsFixAll) return fixAllAction(document, outcome.annotations);
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind))) return [];
  const fixes = quickFixes(document, outcome.annotations, context.diagnostics);
  // JSONL: a near-duplicate record can be removed (its whole line).
  if (jsonl.has(textDocument.uri)) {
    for (const d of context.diagnostics) if (d.source === 'news-lens' && d.code === NEAR_DUPLICATE_CODE) fixes.unshift(removeRecordAction(document.uri, document.version, d));
  }
  return fixes;
}));

connection.onCodeActionResolve((action) => {
  const uri = (action.data as { uri?: string } | undefined)?.uri;
  return boundary.guard('resolving a code action', uri, action, async () => {
    if (!uri) return action;
    const { document, outcome } = await analysisOf(uri);
    return resolveLazyAction(action, document, outcome?.annotations, outcome?.version);
  });
});

connection.onDocumentSymbol(({ textDocument }) => boundary.guard('document symbols', textDocument.uri, [], async () => {
  const jsonlAnalysis = jsonl.has(textDocument.uri) ? await jsonl.current(textDocument.uri) : undefined;
  if (jsonlAnalysis) {
    const records = jsonlAnalysis.outcome.records.map(({ line, result, annotations }) => ({
      line, annotations, id: result.parsed.kind === 'record' ? result.parsed.id : undefined, lineLength: jsonlAnalysis.document.line(line)?.text.length ?? 0,
    }));
    return recordSymbols(jsonlAnalysis.document, records);
  }
  const { document, outcome } = await analysisOf(textDocument.uri);
  return document && outcome ? entitySymbols(document, outcome.annotations) : [];
}));

// Requests the user started answer with an error (the client shows it); requests VS Code makes on its own answer nothing.
connection.onRequest(CLEAN_REQUEST, (params: CleanParams): Promise<CleanResult | null> => boundary.logged('clean', params.uri, async () => {
  const { outcome } = await analysisOf(params.uri);
  if (!outcome) return null;
  return { version: outcome.version, edits: junkEdits(outcome.annotations, { kinds: params.kinds }) };
}));

connection.onRequest(EXPORT_REQUEST, (params: ExportParams): Promise<ExportResult | null> => boundary.logged('export', params.uri, async () => {
  if (jsonl.has(params.uri)) throw new Error('News Lens exports annotations of text documents; for a JSONL corpus use `news-lens export --input jsonl`.');
  const document = documents.get(params.uri);
  const outcome = await service.current(params.uri);
  if (!document || !outcome) return null;
  const text = document.getText();
  switch (params.format) {
    case 'brat':
      return { content: toBrat(text, outcome.annotations) };
    case 'doccano':
      return { content: JSON.stringify(toDoccano(text, outcome.annotations)) + '\n' };
    case 'label-studio':
      return { content: JSON.stringify([toLabelStudio(text, outcome.annotations)], null, 1) + '\n' };
    case 'conll':
      return { content: toConll(text, outcome.annotations) };
  }
}));

connection.onRequest(REFRESH_REQUEST, async ({ uri }: { uri: string }) => {
  settingsCache.delete(uri);
  // Also how a client that cannot apply a delta (it lost its base) gets the whole set again.
  sender.forget(uri);
  if (jsonl.has(uri)) {
    const refreshed = await boundary.guard('JSONL analysis', uri, undefined, () => jsonl.refresh(uri));
    return refreshed ? { version: refreshed.version } : null;
  }
  const outcome = await boundary.guard('analysis', uri, undefined, () => service.run(uri));
  return outcome ? { version: outcome.version } : null;
});

connection.onInitialized(() => {
  // In the Output channel only: the stock addon works, it just costs ~110 MB and a second more to load.
  if (segmenterLeanLoad() === false) {
    connection.console.warn('nodejieba is the stock build (its install-time patch did not apply): entities work, with more memory and a slower first load. Reinstall, or run `npm run patch:nodejieba` in a development checkout.');
  }
});

connection.onRequest(SERVER_INFO_REQUEST, (): ServerInfo => ({ pid: process.pid, segmenterReady: entitySegmenterReady(), segmenterLeanLoad: segmenterLeanLoad() }));

documents.listen(connection);
connection.listen();
