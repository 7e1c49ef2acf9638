// Shows the language server the lines of each JSONL document it should analyze: all of a small file, or the visible records with a margin.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  applyLineChanges,
  JSONL_CLOSE_NOTIFICATION,
  JSONL_SYNC_NOTIFICATION,
  lineChangeOf,
  type JsonlSyncParams,
  type LineChange,
} from '../server/jsonl-protocol';
import type { HostTiming } from './host-timing';

export const JSONL_LANGUAGE = 'jsonl';

/** JSONL documents are shown to the server by JsonlSync, not by LSP's text synchronization (see jsonl-protocol.ts). */
export function isJsonlDocument(document: vscode.TextDocument): boolean {
  return document.languageId === JSONL_LANGUAGE;
}

/** Lines above and below the visible ones that are analyzed too, so that scrolling a little shows results at once. */
const MARGIN_LINES = 60;
/** At most this many characters of lines per message: JSON-encoding them must stay a small task of the extension host. */
const CHUNK_CHARS = 96 * 1024;
/** In a large document, when the server knows more than this many characters of lines, it keeps only the current window. */
const MAX_KNOWN_CHARS = 8 * 1024 * 1024;
/** Scrolling: wait this long for it to settle before sending the lines that came into view. */
const SCROLL_DELAY_MS = 40;

interface KnownLine {
  start: number;
  length: number;
}

interface SyncState {
  document: vscode.TextDocument;
  known: Map<number, KnownLine>;
  /** The server gets every line (a file up to newsLens.maxDocumentSizeKB). */
  whole: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

export class JsonlSync implements vscode.Disposable {
  private readonly states = new Map<string, SyncState>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly timing: HostTiming) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument(timing.wrap('jsonl.open', (document: vscode.TextDocument) => this.open(document))),
      vscode.workspace.onDidCloseTextDocument((document) => this.close(document)),
      vscode.workspace.onDidChangeTextDocument(timing.wrap('jsonl.change', (event: vscode.TextDocumentChangeEvent) => this.change(event))),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.later(event.textEditor.document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.later(editor.document))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('newsLens.maxDocumentSizeKB')) this.resendAll();
      }),
      // A restarted server knows nothing: show it everything again.
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) this.resendAll();
      }),
      { dispose: () => this.states.forEach((state) => clearTimeout(state.timer)) },
    );
    vscode.workspace.textDocuments.forEach((document) => this.open(document));
  }

  /** Documents being synchronized (tests read it). */
  isTracked(uri: vscode.Uri): boolean {
    return this.states.has(uri.toString());
  }

  /** How many lines of a document the server was shown (tests and measurements read it). */
  knownLineCount(uri: vscode.Uri): number {
    return this.states.get(uri.toString())?.known.size ?? 0;
  }

  private open(document: vscode.TextDocument): void {
    if (!isJsonlDocument(document) || this.states.has(document.uri.toString())) return;
    const limit = vscode.workspace.getConfiguration('newsLens', document.uri).get<number>('maxDocumentSizeKB', 2048) * 1024;
    const state: SyncState = { document, known: new Map(), whole: lengthOf(document) <= limit };
    this.states.set(document.uri.toString(), state);
    this.pump(state);
  }

  private close(document: vscode.TextDocument): void {
    const state = this.states.get(document.uri.toString());
    if (!state) return;
    clearTimeout(state.timer);
    this.states.delete(document.uri.toString());
    this.send(JSONL_CLOSE_NOTIFICATION, { uri: document.uri.toString() });
  }

  private change(event: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(event.document.uri.toString());
    if (!state || event.contentChanges.length === 0) return;
    const changes: LineChange[] = event.contentChanges.map((c) => lineChangeOf(c.range.start.line, c.range.end.line, c.text, c.rangeLength));
    state.known = applyLineChanges(state.known, changes);
    this.pump(state, changes);
  }

  private resendAll(): void {
    for (const state of this.states.values()) {
      state.known.clear();
      this.pump(state);
    }
  }

  /** After scrolling or a change of editors: send what came into view, once scrolling settles. */
  private later(document: vscode.TextDocument): void {
    const state = this.states.get(document.uri.toString());
    if (!state || state.timer) return;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.timing.measure('jsonl.sync', () => this.pump(state));
    }, SCROLL_DELAY_MS);
  }

  /** The visible line ranges of the document in all editors. */
  private visibleRanges(document: vscode.TextDocument): [number, number][] {
    const ranges: [number, number][] = [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== document) continue;
      for (const r of editor.visibleRanges) ranges.push([r.start.line, r.end.line]);
      if (editor.visibleRanges.length === 0) ranges.push([editor.selection.active.line, editor.selection.active.line + 50]);
    }
    return ranges;
  }

  /** Lines the server should know, in the order to send them: the visible ones first, then the margins (or the rest of a whole file). */
  private *wantedLines(state: SyncState, visible: readonly [number, number][]): Generator<number> {
    const last = state.document.lineCount - 1;
    for (const [a, b] of visible) for (let l = Math.max(0, a); l <= Math.min(b, last); l++) yield l;
    if (state.whole) {
      for (let l = 0; l <= last; l++) yield l;
      return;
    }
    for (const [a, b] of visible) {
      for (let l = Math.max(0, a - MARGIN_LINES); l < a; l++) yield l;
      for (let l = b + 1; l <= Math.min(last, b + MARGIN_LINES); l++) yield l;
    }
  }

  /** Sends the changes (if any) and up to CHUNK_CHARS of the lines the server lacks; more follow in later tasks. */
  private pump(state: SyncState, changes?: LineChange[]): void {
    const { document } = state;
    if (this.states.get(document.uri.toString()) !== state || document.isClosed) return;
    const visible = this.visibleRanges(document);
    const lines: [number, number, string][] = [];
    let chars = 0;
    let more = false;
    for (const line of this.wantedLines(state, visible)) {
      if (state.known.has(line)) continue;
      if (chars >= CHUNK_CHARS) {
        more = true;
        break;
      }
      const text = document.lineAt(line).text;
      const start = document.offsetAt(new vscode.Position(line, 0));
      lines.push([line, start, text]);
      state.known.set(line, { start, length: text.length });
      chars += text.length;
    }
    let retain: [number, number][] | undefined;
    if (!state.whole && knownChars(state.known) > MAX_KNOWN_CHARS) {
      retain = visible.map(([a, b]) => [Math.max(0, a - MARGIN_LINES), b + MARGIN_LINES]);
      for (const line of [...state.known.keys()]) if (!retain.some(([a, b]) => line >= a && line <= b)) state.known.delete(line);
    }
    if (!changes && lines.length === 0 && !retain) return;
    const params: JsonlSyncParams = {
      uri: document.uri.toString(),
      version: document.version,
      lineCount: document.lineCount,
      length: lengthOf(document),
      whole: state.whole,
      visible,
      ...(changes ? { changes } : {}),
      ...(lines.length ? { lines } : {}),
      ...(retain ? { retain } : {}),
    };
    this.timing.measure('jsonl.send', () => this.send(JSONL_SYNC_NOTIFICATION, params));
    if (more) {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        this.timing.measure('jsonl.sync', () => this.pump(state));
      }, 0);
    }
  }

  private send(method: string, params: object): void {
    this.client.sendNotification(method, params).catch((error) => this.client.error(`News Lens: could not send ${method}`, error, false));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** A document's length without building its text. */
function lengthOf(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

function knownChars(known: Map<number, KnownLine>): number {
  let sum = 0;
  for (const line of known.values()) sum += line.length;
  return sum;
}
