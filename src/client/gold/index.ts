// Wires the gold layer into the extension: store, commands, code actions, hover, decorations, status bar, entity view, reports.
import * as vscode from 'vscode';
import { decidedTest } from '../../core/gold/actions';
import type { AnnotationStore } from '../annotation-store';
import type { Decorations } from '../decorations';
import type { EntityTree } from '../entity-tree';
import { GoldActions } from './actions';
import { GoldCodeActions } from './code-actions';
import { GoldContextKeys, registerGoldCommands } from './commands';
import { GoldDecorations } from './decorations';
import { GoldHover } from './hover';
import { ReportDocuments } from './reports';
import { GoldScoring } from './scoring';
import { GoldStatusBar } from './status';
import { GoldStorage } from './storage';
import { GoldStore } from './store';
import { GoldTransfer } from './transfer';

export interface GoldApi {
  store: GoldStore;
  actions: GoldActions;
  decorations: GoldDecorations;
  statusBar: GoldStatusBar;
  scoring: GoldScoring;
  transfer: GoldTransfer;
  reports: ReportDocuments;
  contextKeys: GoldContextKeys;
  /** Writes pending gold (the extension's deactivate waits for it). */
  flush: () => Promise<void>;
  /** Sends every document's "not junk" marks to the language server again (after it restarted). */
  resendNotJunk: () => void;
}

export interface GoldHost {
  annotations: AnnotationStore;
  decorations: Decorations;
  entityTree: EntityTree;
  serves: (document: vscode.TextDocument) => boolean;
  /** Tells the language server which junk findings of a document were marked "not junk" (it then never reports them). */
  notifyNotJunk?: (uri: string, spans: { start: number; end: number; label: string }[]) => void;
}

const SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }, { language: 'jsonl' }];

/** Documents that can have gold: the served languages in files, remote and virtual folders, and untitled editors (not diffs or reports). */
const GOLD_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

export function activateGold(context: vscode.ExtensionContext, served: GoldHost): GoldApi {
  const host: GoldHost = { ...served, serves: (document) => GOLD_SCHEMES.has(document.uri.scheme) && served.serves(document) };
  const storage = new GoldStorage(context.storageUri ?? context.globalStorageUri);
  const store = new GoldStore(storage, host.serves);
  const actions = new GoldActions(store, host.annotations);
  const decorations = new GoldDecorations(store, host.decorations);
  const statusBar = new GoldStatusBar(store, host.annotations, host.serves);
  const contextKeys = new GoldContextKeys(store, actions, host.serves, host.annotations.onDidChange);
  const reports = new ReportDocuments();
  const scoring = new GoldScoring(store, host.annotations, reports);
  const transfer = new GoldTransfer(store, host.serves);

  host.entityTree.setGoldSource((uri) => {
    const gold = store.peek(uri);
    if (!gold || gold.loading || gold.set.size === 0) return undefined;
    const decided = decidedTest(gold.set);
    return {
      revision: gold.revision,
      gold: gold.set.all.filter((a) => a.kind === 'entity').map((a) => ({ type: a.label, text: a.text, start: a.start, end: a.end })),
      isOpen: (start, end) => !decided({ start, end }, 'entity'),
    };
  });

  // The server leaves out what the annotator marked "not junk": it gets the marks whenever they change or move.
  const sentMarks = new Map<string, string>();
  const sendMarks = (uri: vscode.Uri) => {
    const gold = store.peek(uri);
    const spans = (gold?.set.all ?? []).filter((a) => a.kind === 'not-junk').map((a) => ({ start: a.start, end: a.end, label: a.label }));
    const key = JSON.stringify(spans);
    if ((sentMarks.get(uri.toString()) ?? '[]') === key) return;
    sentMarks.set(uri.toString(), key);
    host.notifyNotJunk?.(uri.toString(), spans);
  };

  const showSuggestions = () => {
    const show = vscode.workspace.getConfiguration('newsLens.gold').get<boolean>('showSuggestions', true);
    host.decorations.setVisible('entities', show);
    host.decorations.setVisible('figures', show);
  };
  if (!vscode.workspace.getConfiguration('newsLens.gold').get<boolean>('showSuggestions', true)) showSuggestions();

  context.subscriptions.push(
    store,
    decorations,
    statusBar,
    contextKeys,
    reports,
    store.onDidChange(({ uri }) => {
      host.entityTree.goldChanged(uri);
      sendMarks(uri);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => sentMarks.delete(document.uri.toString())),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new GoldCodeActions(store, actions), GoldCodeActions.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new GoldHover(store, actions)),
    ...registerGoldCommands({ store, actions, serves: host.serves }),
    vscode.commands.registerCommand('newsLens.gold.toggleSuggestions', async () => {
      const config = vscode.workspace.getConfiguration('newsLens.gold');
      const show = !config.get<boolean>('showSuggestions', true);
      await config.update('showSuggestions', show, vscode.ConfigurationTarget.Global);
      showSuggestions();
      return show;
    }),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('newsLens.gold.showSuggestions') && showSuggestions()),
    vscode.commands.registerCommand('newsLens.gold.import', (file?: vscode.Uri, mode?: 'replace' | 'add') => transfer.import(file, mode)),
    vscode.commands.registerCommand('newsLens.gold.export', (format?: Parameters<GoldTransfer['export']>[0], selection?: Parameters<GoldTransfer['export']>[1], target?: vscode.Uri) =>
      transfer.export(format, selection, target),
    ),
    vscode.commands.registerCommand('newsLens.gold.showConflicts', (index?: number, choice?: 'discard' | 'selection' | number) => transfer.showConflicts(index, choice)),
    vscode.commands.registerCommand('newsLens.gold.compare', (scope?: 'document' | 'workspace') => scoring.compare(scope)),
    vscode.commands.registerCommand('newsLens.gold.agreement', (a?: vscode.Uri, b?: vscode.Uri) => scoring.agreement(a, b)),
  );
  const resendNotJunk = () => {
    sentMarks.clear();
    for (const document of vscode.workspace.textDocuments) if (store.peek(document.uri)) sendMarks(document.uri);
  };
  return { store, actions, decorations, statusBar, scoring, transfer, reports, contextKeys, flush: () => store.flush(), resendNotJunk };
}
