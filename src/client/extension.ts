// The News Lens extension's entry point: starts the language server and wires decorations, status bar, views and commands.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATIONS_NOTIFICATION,
  NOT_JUNK_NOTIFICATION,
  REFRESH_REQUEST,
  SERVER_INFO_REQUEST,
  WARNING_NOTIFICATION,
  type PackedAnnotationsParams,
  type ServerInfo,
  type WarningParams,
  type WholeAnnotations,
  withDeltaApplied,
} from '../server/protocol';
import { AnnotationStore, StoredAnnotations } from './annotation-store';
import { registerCommands } from './commands';
import { Decorations } from './decorations';
import { EntityTree } from './entity-tree';
import { activateGold, type GoldApi } from './gold';
import { HostTiming } from './host-timing';
import { JsonlSync } from './jsonl-sync';
import { registerScan } from './scan';
import { registerCorpusReport } from './corpus-report/panel';
import { TeamConfigWatcher } from './team-config-file';
import { createLanguageClient, SERVED_LANGUAGES } from './language-client';
import { StatusBar } from './status-bar';

/** What the extension exports: used by its integration tests, and by anyone scripting News Lens. */
export interface NewsLensApi {
  store: AnnotationStore;
  decorations: Decorations;
  entityTree: EntityTree;
  statusBar: StatusBar;
  /** How long each synchronous task of News Lens blocked the extension host (benchmarks and tests read it). */
  hostTiming: HostTiming;
  client: () => LanguageClient;
  serverInfo: () => Promise<ServerInfo>;
  /** Shows the server the lines of JSONL corpora (set once the server runs). */
  jsonlSync?: JsonlSync;
  /** The gold layer: annotators' decisions kept as standoff files (src/client/gold). */
  gold: GoldApi;
}

let gold: GoldApi | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<NewsLensApi> {
  const hostTiming = new HostTiming();
  const store = new AnnotationStore();
  const decorations = new Decorations(store, hostTiming);
  const entityTree = new EntityTree(store, hostTiming);
  const serves = (document: vscode.TextDocument) => SERVED_LANGUAGES.includes(document.languageId);
  const statusBar = new StatusBar(store, serves, hostTiming);
  const client = createLanguageClient(context, hostTiming);
  let teamConfig: TeamConfigWatcher | undefined;
  // The entity view's `when`: editorLangId is only set inside a focused editor, so a view keyed on it never shows.
  void vscode.commands.executeCommand('setContext', 'newsLens.active', true);

  client.onNotification(
    ANNOTATIONS_NOTIFICATION,
    hostTiming.wrap('annotations', (params: PackedAnnotationsParams) => {
      const whole = hostTiming.measure('annotations.unpack', () => wholeMessage(store, params));
      if (whole) store.update(new StoredAnnotations(whole, params.delta ? 'delta' : 'whole'));
      // A delta whose base this client no longer has: ask for the whole set (refresh makes the server send it).
      else client.sendRequest(REFRESH_REQUEST, { uri: params.uri }).catch((error) => client.error(`News Lens: could not refresh ${params.uri}`, error, false));
    }),
  );
  client.onNotification(WARNING_NOTIFICATION, (params: WarningParams) => void vscode.window.showWarningMessage(`News Lens: ${params.message}`));

  context.subscriptions.push(
    store,
    decorations,
    entityTree,
    statusBar,
    vscode.workspace.onDidCloseTextDocument((document) => store.delete(document.uri)),
    ...registerCommands({ client: () => client, decorations, teamConfig: () => teamConfig }),
    { dispose: () => void client.stop().catch(() => undefined) }, // stopping a server that already died is fine
  );
  let started: Promise<void> | undefined;
  gold = activateGold(context, {
    annotations: store,
    decorations,
    entityTree,
    serves,
    notifyNotJunk: (uri, spans) =>
      void (started ?? Promise.resolve())
        .then(() => client.sendNotification(NOT_JUNK_NOTIFICATION, { uri, spans }))
        .catch((error) => client.error(`News Lens: could not send the not-junk marks of ${uri}`, error, false)),
  });
  // A restarted server knows no marks: send them again.
  context.subscriptions.push(client.onDidChangeState((event) => event.newState === State.Running && gold?.resendNotJunk()));
  started = client.start();
  await started;
  const jsonlSync = new JsonlSync(client, hostTiming);
  teamConfig = new TeamConfigWatcher(client);
  context.subscriptions.push(jsonlSync, teamConfig, registerScan(() => client, hostTiming), registerCorpusReport(context.extensionUri, () => client, hostTiming));
  return {
    gold,
    jsonlSync,
    store,
    decorations,
    entityTree,
    statusBar,
    hostTiming,
    client: () => client,
    serverInfo: () => client.sendRequest<ServerInfo>(SERVER_INFO_REQUEST),
  };
}

export function deactivate(): Promise<void> | undefined {
  // The client is stopped through context.subscriptions; pending gold is written first (nothing lost on close).
  return gold?.flush();
}

/** A message as a whole annotation set: itself, or a delta applied to the stored set it was computed from. */
function wholeMessage(store: AnnotationStore, params: PackedAnnotationsParams): WholeAnnotations | undefined {
  return params.delta ? withDeltaApplied(store.get(params.uri)?.message, params) : params;
}
