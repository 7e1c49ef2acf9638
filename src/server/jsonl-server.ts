// Wires JSONL corpora into the language server: the client's sync messages in, diagnostics and annotations out.
import type { Connection } from 'vscode-languageserver';
import type { AnnotationSender } from './annotation-sender';
import { junkDiagnostics } from './diagnostics';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { ErrorBoundary } from './error-boundary';
import { JSONL_CLOSE_NOTIFICATION, JSONL_SYNC_NOTIFICATION, type JsonlCloseParams, type JsonlSyncParams } from './jsonl-protocol';
import { JsonlService } from './jsonl-service';
import { ANNOTATIONS_NOTIFICATION } from './protocol';
import type { NewsLensSettings } from './settings';

export function registerJsonl(
  connection: Connection,
  loadSettings: (uri: string) => Promise<NewsLensSettings>,
  sender: AnnotationSender,
  publisher: DiagnosticsPublisher,
  boundary: ErrorBoundary,
  /** What a workspace scan found in a file: shown again when its editor closes. */
  scanned: (uri: string) => import('vscode-languageserver').Diagnostic[] | undefined = () => undefined,
): JsonlService {
  const service = new JsonlService(
    loadSettings,
    {
      publish(document, outcome, recordDiagnostics, settings) {
        const diagnostics = [...junkDiagnostics(document, outcome.annotations, settings), ...recordDiagnostics];
        publisher.publish(document.uri, diagnostics, document.version);
        const fields = {
          uri: document.uri,
          version: document.version,
          textLength: document.length,
          entitiesPending: outcome.entitiesPending,
          degraded: outcome.degraded,
          elapsedMs: Math.round(outcome.elapsedMs),
        };
        connection.sendNotification(ANNOTATIONS_NOTIFICATION, sender.message(fields, outcome.annotations));
      },
      clear(uri) {
        sender.close(uri);
        publisher.publish(uri, scanned(uri) ?? []);
      },
    },
    boundary,
  );
  connection.onNotification(JSONL_SYNC_NOTIFICATION, (params: JsonlSyncParams) => boundary.guard('JSONL sync', params.uri, undefined, () => service.sync(params)));
  connection.onNotification(JSONL_CLOSE_NOTIFICATION, (params: JsonlCloseParams) => boundary.guard('closing a JSONL document', params.uri, undefined, () => service.close(params.uri)));
  return service;
}
