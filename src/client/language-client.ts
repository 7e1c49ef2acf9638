// Starts the News Lens language server in its own process and restarts it (saying so once) if it crashes.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { HostTiming } from './host-timing';
import { isJsonlDocument } from './jsonl-sync';

export const SERVED_LANGUAGES = ['plaintext', 'markdown', 'jsonl'];
const SERVED_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

/** At most this many restarts within RESTART_WINDOW_MS; then the server stays down and the user is told. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function createLanguageClient(context: vscode.ExtensionContext, timing: HostTiming): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const restarts: number[] = [];
  let toldUser = false;
  const clientOptions: LanguageClientOptions = {
    // The server gets document text through LSP synchronisation, so remote and virtual file systems work too;
    // output channels, diffs and other internal schemes are left alone.
    documentSelector: SERVED_LANGUAGES.flatMap((language) => SERVED_SCHEMES.map((scheme) => ({ scheme, language }))),
    synchronize: { configurationSection: 'newsLens' },
    initializationOptions: { locale: vscode.env.language },
    middleware: {
      // The language client converts diagnostics in slices of up to 15 ms and hands them over at the end of the last
      // slice; handing ~1000 to VS Code takes several ms more, so it gets a task of its own (and is timed).
      handleDiagnostics: (uri, diagnostics, next) => void setTimeout(() => timing.measure('diagnostics.set', () => next(uri, diagnostics)), 0),
      // JSONL corpora are shown to the server line by line (JsonlSync), never sent whole.
      didOpen: (document, next) => (isJsonlDocument(document) ? Promise.resolve() : next(document)),
      didChange: (event, next) => (isJsonlDocument(event.document) ? Promise.resolve() : next(event)),
      didClose: (document, next) => (isJsonlDocument(document) ? Promise.resolve() : next(document)),
      didSave: (document, next) => (isJsonlDocument(document) ? Promise.resolve() : next(document)),
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const now = Date.now();
        while (restarts.length && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
        restarts.push(now);
        if (restarts.length > MAX_RESTARTS) {
          void vscode.window.showErrorMessage(vscode.l10n.t('The News Lens server crashed {0} times in 3 minutes and will not be restarted. Reload the window to try again.', MAX_RESTARTS));
          return { action: CloseAction.DoNotRestart, handled: true };
        }
        if (!toldUser) {
          toldUser = true;
          void vscode.window.showWarningMessage(vscode.l10n.t('The News Lens server stopped unexpectedly and was restarted. Your text is unaffected.'));
        }
        return { action: CloseAction.Restart, handled: true };
      },
    },
  };
  return new LanguageClient('newsLens', 'News Lens', serverOptions, clientOptions);
}
