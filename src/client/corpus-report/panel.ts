// News Lens: Corpus Report — a webview of the workspace's (or one JSONL file's) statistics; bars open documents; export as HTML or JSON.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CorpusReport, DocRef } from '../../core/corpus-report';
import { REPORT_REQUEST } from '../../server/workspace-scan-protocol';
import type { HostTiming } from '../host-timing';
import { scanFolders, withScanProgress } from '../scan';
import type { FromWebview, ToWebview } from './protocol';

const decoder = new TextDecoder();

function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps `</script` and `<!--` out of text embedded in a <script> element. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export class CorpusReportPanel implements vscode.Disposable {
  private static current: CorpusReportPanel | undefined;
  readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  /** The panel on screen (tests read it). */
  static get active(): CorpusReportPanel | undefined {
    return CorpusReportPanel.current;
  }

  private constructor(private readonly extensionUri: vscode.Uri, public report: CorpusReport) {
    const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel('newsLens.corpusReport', vscode.l10n.t('Corpus Report'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [root],
      retainContextWhenHidden: true,
    });
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => void this.handle(message)),
      this.panel.onDidDispose(() => this.dispose()),
    );
  }

  static show(extensionUri: vscode.Uri, report: CorpusReport): CorpusReportPanel {
    const existing = CorpusReportPanel.current;
    if (existing) {
      existing.report = report;
      existing.post();
      existing.panel.reveal();
      return existing;
    }
    return (CorpusReportPanel.current = new CorpusReportPanel(extensionUri, report));
  }

  /** Strict CSP: scripts only the bundle with this page's nonce, styles and images only from the extension, nothing from the network. */
  private html(): string {
    const webview = this.panel.webview;
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', name));
    const n = nonce();
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; script-src 'nonce-${n}'; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('corpus-report-style.css')}">
<title>Corpus Report</title>
</head>
<body>
<main id="report"></main>
<script nonce="${n}" src="${asset('corpus-report.js')}"></script>
</body>
</html>`;
  }

  private post(): void {
    if (this.ready) void this.panel.webview.postMessage({ type: 'report', report: this.report } satisfies ToWebview);
  }

  /** What the webview asks for (also called by the tests, as the webview would). */
  async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'open':
        await openDocuments(message.docs, message.title);
        return;
      case 'export':
        await this.export(message.format);
        return;
    }
  }

  /** Writes the report as JSON, or as a self-contained HTML page (the chart bundle and data inside it: it works offline). */
  async export(format: 'html' | 'json', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `corpus-report.${format}`;
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, saveLabel: vscode.l10n.t('Export'), filters: { [format.toUpperCase()]: [format] } }));
    if (!uri) return undefined;
    const content = format === 'json' ? JSON.stringify(this.report, null, 2) + '\n' : await this.standaloneHtml();
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens exported the corpus report to {0}', uri.fsPath), 4000);
    return uri;
  }

  private async standaloneHtml(): Promise<string> {
    const read = async (name: string) => decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', name)));
    const [script, style] = await Promise.all([read('corpus-report.js'), read('corpus-report-style.css')]);
    const title = `Corpus report · ${this.report.title}`.replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;">
<title>${title}</title>
<style>${style.replace(/<\/style/gi, '<\\/style')}</style>
</head>
<body>
<main id="report"></main>
<script type="application/json" id="report-data">${scriptSafe(JSON.stringify(this.report))}</script>
<script>${scriptSafe(script)}</script>
</body>
</html>
`;
  }

  dispose(): void {
    if (CorpusReportPanel.current === this) CorpusReportPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** Opens one document (at its record's line), or lets the user pick among several. */
export async function openDocuments(docs: readonly DocRef[], title: string): Promise<vscode.TextEditor | undefined> {
  let doc: DocRef | undefined = docs[0];
  if (docs.length > 1) {
    const picked = await vscode.window.showQuickPick(
      docs.map((d) => ({ label: d.label, doc: d })),
      { placeHolder: title, matchOnDescription: true },
    );
    doc = picked?.doc;
  }
  if (!doc) return undefined;
  const line = doc.line ?? 0;
  return vscode.window.showTextDocument(vscode.Uri.parse(doc.uri), { selection: new vscode.Range(line, 0, line, 0), preview: docs.length > 1 });
}

/** The command: the report of the active JSONL file (when one is active, the user chooses) or of the workspace. */
export function registerCorpusReport(extensionUri: vscode.Uri, client: () => LanguageClient, timing: HostTiming): vscode.Disposable {
  return vscode.commands.registerCommand('newsLens.corpusReport', async (scope?: 'workspace' | vscode.Uri, options?: { rescan?: boolean }) => {
    let target = scope;
    const active = vscode.window.activeTextEditor?.document;
    if (target === undefined && active?.languageId === 'jsonl' && active.uri.scheme === 'file') {
      const picked = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('This JSONL file'), description: vscode.workspace.asRelativePath(active.uri), target: active.uri as vscode.Uri | 'workspace' },
          { label: vscode.l10n.t('The whole workspace'), target: 'workspace' as const },
        ],
        { placeHolder: vscode.l10n.t('Corpus report of…') },
      );
      if (!picked) return undefined;
      target = picked.target;
    }
    const uri = target instanceof vscode.Uri ? target.toString() : undefined;
    const folders = scanFolders();
    if (!uri && folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('News Lens scans workspace folders on disk: open a folder first.'));
      return undefined;
    }
    const report = await withScanProgress(client(), timing, vscode.l10n.t('News Lens: preparing the corpus report'), (token) =>
      client().sendRequest<CorpusReport | undefined>(REPORT_REQUEST, { folders, uri, rescan: options?.rescan }, token),
    );
    if (!report) return undefined;
    return CorpusReportPanel.show(extensionUri, report);
  });
}
