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

  /** Markdown links `[label](target)` to documents become clickable in the report's editor. */
  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    const links: vscode.DocumentLink[] = [];
    const text = document.getText();
    for (const match of text.matchAll(/\[([^\]\n]+)\]\(([a-z][\w+.-]*:[^)\s]+)\)/g)) {
      const start = document.positionAt(match.index!);
      const end = document.positionAt(match.index! + match[0].length);
      links.push(new vscode.DocumentLink(new vscode.Range(start, end), vscode.Uri.parse(match[2])));
    }
    return links;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** A link to an offset of a document: its URI with a `#L<line>,<column>` fragment (1-based), which VS Code opens there. */
export function placeLink(uri: vscode.Uri, text: string, offset: number, label?: string): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const name = label ?? `${vscode.workspace.asRelativePath(uri)}:${line}:${column}`;
  return `[${escapeMarkdown(name)}](${uri.with({ fragment: `L${line},${column}` }).toString()})`;
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
