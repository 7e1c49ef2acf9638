// The News Lens extension's entry point: starts the language server and wires decorations, status bar, views and commands.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ANNOTATIONS_NOTIFICATION,
  SERVER_INFO_REQUEST,
  WARNING_NOTIFICATION,
  type PackedAnnotationsParams,
  type ServerInfo,
  type WarningParams,
} from '../server/protocol';
import { AnnotationStore, StoredAnnotations } from './annotation-store';
import { registerCommands } from './commands';
import { Decorations } from './decorations';
import { EntityTree } from './entity-tree';
import { HostTiming } from './host-timing';
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
}

export async function activate(context: vscode.ExtensionContext): Promise<NewsLensApi> {
  const hostTiming = new HostTiming();
  const store = new AnnotationStore();
  const decorations = new Decorations(store, hostTiming);
  const entityTree = new EntityTree(store, hostTiming);
  const serves = (document: vscode.TextDocument) => SERVED_LANGUAGES.includes(document.languageId);
  const statusBar = new StatusBar(store, serves, hostTiming);
  const client = createLanguageClient(context, hostTiming);
  // The entity view's `when`: editorLangId is only set inside a focused editor, so a view keyed on it never shows.
  void vscode.commands.executeCommand('setContext', 'newsLens.active', true);

  client.onNotification(
    ANNOTATIONS_NOTIFICATION,
    hostTiming.wrap('annotations', (params: PackedAnnotationsParams) => store.update(hostTiming.measure('annotations.unpack', () => new StoredAnnotations(params)))),
  );
  client.onNotification(WARNING_NOTIFICATION, (params: WarningParams) => void vscode.window.showWarningMessage(`News Lens: ${params.message}`));

  context.subscriptions.push(
    store,
    decorations,
    entityTree,
    statusBar,
    vscode.workspace.onDidCloseTextDocument((document) => store.delete(document.uri)),
    ...registerCommands({ client: () => client, decorations }),
    { dispose: () => void client.stop() },
  );
  await client.start();
  return {
    store,
    decorations,
    entityTree,
    statusBar,
    hostTiming,
    client: () => client,
    serverInfo: () => client.sendRequest<ServerInfo>(SERVER_INFO_REQUEST),
  };
}

export function deactivate(): void {
  // The client is stopped through context.subscriptions.
}
