// Hover of the gold layer: what the annotator decided here, with links to accept, change, remove, or edit a figure's value.
import * as vscode from 'vscode';
import { refOf, typeName, under, type GoldActions, type GoldRequest } from './actions';
import type { GoldStore } from './store';

function link(title: string, request: GoldRequest): string {
  return `[${title}](command:newsLens.gold.apply?${encodeURIComponent(JSON.stringify([request]))})`;
}

export class GoldHover implements vscode.HoverProvider {
  constructor(private readonly store: GoldStore, private readonly actions: GoldActions) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const gold = this.store.peek(document.uri);
    if (!gold || gold.loading) return undefined;
    const offset = document.offsetAt(position);
    // A caret at an edge counts for commands, but the mouse is over one character: [offset, offset + 1).
    const at = under(gold, this.actions.near(document, offset, offset + 1), offset, offset + 1);
    const base = { uri: document.uri.toString(), version: document.version };
    const lines: string[] = [];
    let range: vscode.Range | undefined;
    for (const d of at.decisions) {
      range ??= new vscode.Range(document.positionAt(d.start), document.positionAt(d.end));
      const target = refOf(d);
      if (d.kind === 'rejected') {
        lines.push(`${vscode.l10n.t('**Rejected suggestion** {0} `{1}`', typeName(d.label), d.text)} — ${link(vscode.l10n.t('Restore'), { ...base, action: 'remove', target })}`);
      } else if (d.kind === 'not-junk') {
        lines.push(`${vscode.l10n.t('**Not junk** (marked by the annotator): {0}', d.label)} — ${link(vscode.l10n.t('Report as junk again'), { ...base, action: 'remove', target })}`);
      } else {
        const title = d.accepted ? vscode.l10n.t('**Gold** (accepted suggestion) {0} `{1}`', typeName(d.label), d.text) : vscode.l10n.t('**Gold** {0} `{1}`', typeName(d.label), d.text);
        const links = [link(vscode.l10n.t('Change type…'), { ...base, action: 'changeType', target }), link(vscode.l10n.t('Remove'), { ...base, action: 'remove', target })];
        lines.push(`${title} — ${links.join(' · ')}`);
        if (d.kind === 'figure') {
          const value = d.value ?? vscode.l10n.t('(not corrected: the engine’s value applies)');
          lines.push(`${vscode.l10n.t('Gold value: {0}', value)} — ${link(vscode.l10n.t('Edit value…'), { ...base, action: 'setValue', target })}`);
        }
      }
    }
    for (const s of at.open) {
      range ??= new vscode.Range(document.positionAt(s.start), document.positionAt(s.end));
      const target = refOf(s);
      const links = [
        link(vscode.l10n.t('Accept'), { ...base, action: 'accept', target }),
        link(vscode.l10n.t('Change type…'), { ...base, action: 'changeType', target }),
        link(vscode.l10n.t('Remove'), { ...base, action: 'remove', target }),
      ];
      if (s.layer === 'figure') links.push(link(vscode.l10n.t('Correct value…'), { ...base, action: 'setValue', target }));
      lines.push(`${vscode.l10n.t('**Suggestion** {0}', typeName(s.label))} — ${links.join(' · ')}`);
    }
    for (const j of at.junk) {
      lines.push(link(vscode.l10n.t('Mark as not junk (here only)'), { ...base, action: 'notJunk', target: refOf(j) }));
    }
    if (lines.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(lines.join('\n\n'));
    markdown.isTrusted = { enabledCommands: ['newsLens.gold.apply'] };
    return new vscode.Hover(markdown, range);
  }
}
