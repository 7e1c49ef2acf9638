// The status bar item: junk, entity and figure counts of the active document; click to open the entity list.
import * as vscode from 'vscode';
import type { AnnotationStore } from './annotation-store';
import type { HostTiming } from './host-timing';

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: AnnotationStore, private readonly serves: (document: vscode.TextDocument) => boolean, private readonly timing: HostTiming) {
    this.item = vscode.window.createStatusBarItem('newsLens.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'News Lens';
    this.item.command = 'newsLens.showEntities';
    this.disposables.push(
      store.onDidChange((p) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
    );
    this.refresh();
  }

  refresh(): void {
    this.timing.measure('statusBar.refresh', () => this.refreshNow());
  }

  private refreshNow(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.serves(editor.document)) {
      this.item.hide();
      return;
    }
    const params = this.store.get(editor.document.uri);
    if (!params) {
      this.item.text = `$(loading~spin) ${vscode.l10n.t('News Lens')}`;
      this.item.tooltip = vscode.l10n.t('Analyzing…');
    } else {
      const { junk, entities, figures } = params.counts;
      const pending = params.entitiesPending ? '$(loading~spin) ' : '';
      this.item.text = `$(eye) ${vscode.l10n.t('Junk {0}', junk)} · ${pending}${vscode.l10n.t('Entities {0}', entities)} · ${vscode.l10n.t('Figures {0}', figures)}`;
      const tooltip = [vscode.l10n.t('News Lens: {0} junk, {1} entities, {2} figures. Click to list entities.', junk, entities, figures)];
      if (params.degraded) tooltip.push(params.degraded);
      this.item.tooltip = tooltip.join('\n');
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
