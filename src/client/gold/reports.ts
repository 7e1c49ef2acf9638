// Read-only Markdown reports (suggestions against gold, inter-annotator agreement) with links that open the place they name.
import * as vscode from 'vscode';
import type { Agreement } from '../../core/gold/agreement';
import type { Disagreement, TypeScore } from '../../core/gold/compare';

export const REPORT_SCHEME = 'news-lens-report';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.DocumentLinkProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      this.emitter,
      vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this),
      vscode.languages.registerDocumentLinkProvider({ scheme: REPORT_SCHEME }, this),
    ];
  }

  /** Opens (or refreshes) a report beside the active editor. */
  async show(name: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${name}.md` });
    this.contents.set(uri.toString(), markdown);
    this.emitter.fire(uri);
    // The .md path makes it Markdown; the content provider answers with the latest content.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
    return document;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Places written as `path:line:column` (or `path:line`) become links to them in the report's editor. */
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const text = document.getText();
    for (const match of text.matchAll(/`([^`\n]+?):(\d+)(?::(\d+))?`/g)) {
      const uri = knownPlaces.get(match[1]) ?? resolvePlace(match[1]);
      if (!uri) continue;
      const start = document.positionAt(match.index! + 1);
      const end = document.positionAt(match.index! + match[0].length - 1);
      links.push(new vscode.DocumentLink(new vscode.Range(start, end), uri.with({ fragment: `L${match[2]}${match[3] ? `,${match[3]}` : ''}` })));
    }
    return links;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The documents the reports name, by the path they are written with (the link provider maps them back). */
const knownPlaces = new Map<string, vscode.Uri>();

function resolvePlace(written: string): vscode.Uri | undefined {
  if (written.startsWith('/')) return vscode.Uri.file(written);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder && vscode.Uri.joinPath(folder.uri, written);
}

/**
 * A place in a document as the reports write it: `path:line:column` (1-based), readable as it is in the rendered
 * Markdown and a link in the report's editor (the Markdown preview does not follow file: links).
 */
export function placeLink(uri: vscode.Uri, text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `\`${placed(uri)}:${line}:${column}\``;
}

/** A line of a file (a record of a JSONL file, a document's first line), written as `path:line`. */
export function lineLink(uri: vscode.Uri, line: number): string {
  return `\`${placed(uri)}:${line}\``;
}

function placed(uri: vscode.Uri): string {
  const path = vscode.workspace.asRelativePath(uri).replace(/`/g, "'");
  knownPlaces.set(path, uri);
  return path;
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]|<>]/g, '\\$&').replace(/\s+/g, ' ');
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

export function scoreTable(perType: readonly TypeScore[], micro: TypeScore): string {
  const rows = [...perType, micro].map((s) => `| ${s.label} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${percent(s.precision)} | ${percent(s.recall)} | ${percent(s.f1)} |`);
  return [
    `| ${vscode.l10n.t('type')} | ${vscode.l10n.t('gold')} | ${vscode.l10n.t('suggested')} | ${vscode.l10n.t('correct')} | ${vscode.l10n.t('precision')} | ${vscode.l10n.t('recall')} | F1 |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export function describeDisagreement(d: Disagreement, text: string): string {
  const quote = (s: { start: number; end: number }) => `“${escapeMarkdown(text.slice(s.start, s.end))}”`;
  switch (d.kind) {
    case 'missed':
      return vscode.l10n.t('missed: gold {0} {1}', d.gold!.label, quote(d.gold!));
    case 'spurious':
      return vscode.l10n.t('not in the gold: suggested {0} {1}', d.predicted!.label, quote(d.predicted!));
    case 'type':
      return vscode.l10n.t('wrong type: gold {0}, suggested {1} {2}', d.gold!.label, d.predicted!.label, quote(d.gold!));
    case 'boundary':
      return vscode.l10n.t('wrong edges: gold {0} {1}, suggested {2} {3}', d.gold!.label, quote(d.gold!), d.predicted!.label, quote(d.predicted!));
  }
}

export function agreementTable(result: Agreement): string {
  const rows = result.perType.map((t) => `| ${t.label} | ${t.a} | ${t.b} | ${t.matched} | ${t.f1.toFixed(3)} | ${t.kappa.toFixed(3)} |`);
  return [
    `| ${vscode.l10n.t('type')} | A | B | ${vscode.l10n.t('both')} | F1 | ${vscode.l10n.t('kappa (tokens)')} |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    `| ${vscode.l10n.t('all')} | ${result.perType.reduce((n, t) => n + t.a, 0)} | ${result.perType.reduce((n, t) => n + t.b, 0)} | ${result.perType.reduce((n, t) => n + t.matched, 0)} | ${result.f1.toFixed(3)} | ${result.tokenKappa.toFixed(3)} |`,
  ].join('\n');
}
