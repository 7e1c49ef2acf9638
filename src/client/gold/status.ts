// The gold status bar item: the active document's gold, accepted and open suggestions (and conflicts, when there are any).
import * as vscode from 'vscode';
import type { AnnotationStore } from '../annotation-store';
import type { GoldStore } from './store';
import { openCounts } from './suggestions';

export interface GoldCounts {
  gold: number;
  accepted: number;
  open: number;
  rejected: number;
  notJunk: number;
  conflicts: number;
}

export class GoldStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: GoldStore, private readonly annotations: AnnotationStore, private readonly serves: (document: vscode.TextDocument) => boolean) {
    this.item = vscode.window.createStatusBarItem('newsLens.gold.status', vscode.StatusBarAlignment.Right, 99);
    this.item.name = vscode.l10n.t('News Lens Gold');
    this.disposables.push(
      this.item,
      store.onDidChange(({ uri }) => this.refreshIfActive(uri.toString())),
      annotations.onDidChange((p) => this.refreshIfActive(p.uri)),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    );
    this.refresh();
  }

  private refreshIfActive(uri: string): void {
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri) this.refresh();
  }

  /** The counts of a document (undefined while its gold is loading). */
  counts(document: vscode.TextDocument): GoldCounts | undefined {
    const gold = this.store.peek(document.uri);
    if (!gold || gold.loading) return undefined;
    const { gold: own, accepted, rejected, notJunk } = gold.set.counts();
    let open = 0;
    for (const n of openCounts(this.annotations, document, gold.set, gold.revision).values()) open += n;
    return { gold: own, accepted, open, rejected, notJunk, conflicts: gold.conflicts.length };
  }

  refresh(): void {
    const editor = vscode.window.activeTextEditor;
    const gold = editor && this.serves(editor.document) ? this.store.peek(editor.document.uri) : undefined;
    // Shown for documents that have gold (or had: an emptied .ann), so that readers who never annotate see nothing new
    // (and their keystrokes cost no count).
    const hasGold = !!gold && (gold.set.size > 0 || gold.conflicts.length > 0 || gold.lastWritten !== undefined || gold.undo.length > 0);
    const counts = editor && hasGold ? this.counts(editor.document) : undefined;
    if (!editor || !gold || !counts) {
      this.item.hide();
      return;
    }
    const conflicts = counts.conflicts ? ` · $(warning) ${vscode.l10n.t('Conflicts {0}', counts.conflicts)}` : '';
    this.item.text = `$(tag) ${vscode.l10n.t('Gold {0}', counts.gold)} · ${vscode.l10n.t('Accepted {0}', counts.accepted)} · ${vscode.l10n.t('Open {0}', counts.open)}${conflicts}`;
    const where = gold.standoff ? vscode.workspace.asRelativePath(gold.standoff) : vscode.l10n.t('(not saved: save the document first)');
    this.item.tooltip = vscode.l10n.t(
      'News Lens gold: {0} annotation(s) of yours, {1} accepted suggestion(s), {2} open suggestion(s), {3} rejected, {4} marked not junk. Kept in {5}.',
      counts.gold, counts.accepted, counts.open, counts.rejected, counts.notJunk, where,
    );
    this.item.command = counts.conflicts ? 'newsLens.gold.showConflicts' : 'newsLens.showEntities';
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
