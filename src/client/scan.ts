// News Lens: Scan Workspace — asks the server to scan the folders on disk, with a progress notification and Cancel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SCAN_PROGRESS_NOTIFICATION, SCAN_REQUEST, type ScanFolder, type ScanProgress, type ScanSummary } from '../server/workspace-scan-protocol';
import type { HostTiming } from './host-timing';

/** The workspace folders on disk, each with the files.exclude globs that are on. */
export function scanFolders(): ScanFolder[] {
  return (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => {
      const exclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude') ?? {};
      // `true` globs only: a `{ "when": … }` sibling condition is not applied (the file is scanned).
      return { uri: folder.uri.toString(), exclude: Object.entries(exclude).filter(([, on]) => on === true).map(([glob]) => glob) };
    });
}

/**
 * Runs `request` (a server request taking a cancellation token) under a progress notification fed by the server's
 * progress messages; Cancel cancels the request.
 */
export async function withScanProgress<T>(client: LanguageClient, timing: HostTiming, title: string, request: (token: vscode.CancellationToken) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    let reported = 0;
    const listener = client.onNotification(
      SCAN_PROGRESS_NOTIFICATION,
      timing.wrap('scan.progress', ({ done, total, file }: ScanProgress) => {
        const share = total > 0 ? (done / total) * 100 : 0;
        progress.report({ increment: Math.max(0, share - reported), message: vscode.l10n.t('{0} of {1} files', done, total) + (file ? ` · ${file}` : '') });
        reported = Math.max(reported, share);
      }),
    );
    try {
      return await request(token);
    } finally {
      listener.dispose();
    }
  });
}

/** Scans the workspace; returns the summary (undefined without a folder on disk). */
export async function scanWorkspace(client: LanguageClient, timing: HostTiming): Promise<ScanSummary | undefined> {
  const folders = scanFolders();
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('News Lens scans workspace folders on disk: open a folder first.'));
    return undefined;
  }
  const summary = await withScanProgress(client, timing, vscode.l10n.t('News Lens: scanning the workspace'), (token) =>
    client.sendRequest<ScanSummary>(SCAN_REQUEST, { folders }, token),
  );
  const message = summary.cancelled
    ? vscode.l10n.t('News Lens scan cancelled after {0} files; what it found is in the Problems panel.', summary.files)
    : vscode.l10n.t('News Lens scanned {0} files ({1} JSONL records): {2} findings in {3} files, {4} duplicates.', summary.files, summary.records, summary.findings, summary.filesWithFindings, summary.duplicates);
  const show = vscode.l10n.t('Show Problems');
  void vscode.window.showInformationMessage(message, show).then((choice) => {
    if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return summary;
}

/** Runs a scan when newsLens.scan.onStartup is on (News Lens calls it once, when it starts). */
export function startupScan(client: LanguageClient, timing: HostTiming): Promise<ScanSummary | undefined> {
  if (!vscode.workspace.getConfiguration('newsLens').get<boolean>('scan.onStartup')) return Promise.resolve(undefined);
  return scanWorkspace(client, timing).catch((error) => {
    client.error('News Lens: the start-up scan failed', error, false);
    return undefined;
  });
}

/** Registers the command, and runs a scan at start-up when newsLens.scan.onStartup is on. */
export function registerScan(client: () => LanguageClient, timing: HostTiming): vscode.Disposable {
  const command = vscode.commands.registerCommand('newsLens.scanWorkspace', () => scanWorkspace(client(), timing));
  void startupScan(client(), timing);
  return command;
}
