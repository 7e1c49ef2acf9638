// The Explorer view "News Lens Entities": the active document's entities grouped by type; clicking one reveals it.
import * as vscode from 'vscode';
import type { AnnotationStore } from './annotation-store';

const TYPE_ORDER = ['PER', 'LOC', 'ORG', 'WORK', 'FAC'];

function typeName(type: string): string {
  switch (type) {
    case 'PER':
      return vscode.l10n.t('People');
    case 'LOC':
      return vscode.l10n.t('Places');
    case 'ORG':
      return vscode.l10n.t('Organizations');
    case 'WORK':
      return vscode.l10n.t('Titles');
    default:
      return vscode.l10n.t('Facilities and projects');
  }
}

export type EntityNode =
  | { kind: 'type'; type: string; entities: EntityGroup[] }
  | { kind: 'entity'; group: EntityGroup };

export interface EntityGroup {
  type: string;
  text: string;
  /** UTF-16 offsets of each occurrence. */
  occurrences: [number, number][];
}

export class EntityTree implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private uri: vscode.Uri | undefined;

  constructor(private readonly store: AnnotationStore) {
    this.disposables.push(
      store.onDidChange((p) => {
        if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) this.emitter.fire(undefined);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.emitter.fire(undefined)),
    );
  }

  /** Entity groups of the active document, by type, most frequent first. */
  groups(): EntityNode[] {
    const editor = vscode.window.activeTextEditor;
    this.uri = editor?.document.uri;
    const params = this.uri && this.store.get(this.uri);
    if (!params) return [];
    const byType = new Map<string, Map<string, EntityGroup>>();
    for (const [start, end, kind, label, text] of params.spans) {
      if (kind !== 'entity') continue;
      const groups = byType.get(label) ?? new Map<string, EntityGroup>();
      byType.set(label, groups);
      const group = groups.get(text) ?? { type: label, text, occurrences: [] };
      groups.set(text, group);
      group.occurrences.push([start, end]);
    }
    return TYPE_ORDER.filter((type) => byType.has(type)).map((type) => ({
      kind: 'type' as const,
      type,
      entities: [...byType.get(type)!.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || a.text.localeCompare(b.text)),
    }));
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) return this.groups();
    if (node.kind === 'type') return node.entities.map((group) => ({ kind: 'entity' as const, group }));
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(typeName(node.type), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.entities.length);
      item.contextValue = 'entityType';
      return item;
    }
    const item = new vscode.TreeItem(node.group.text, vscode.TreeItemCollapsibleState.None);
    item.description = `×${node.group.occurrences.length}`;
    item.contextValue = 'entity';
    if (this.uri) {
      item.command = { command: 'newsLens.revealEntity', title: vscode.l10n.t('Reveal'), arguments: [this.uri, node.group.occurrences[0]] };
    }
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
