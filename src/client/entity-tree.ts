// The Explorer view "News Lens Entities": the active document's entities by type (regrouped only while shown); click to reveal.
import * as vscode from 'vscode';
import type { AnnotationStore, StoredAnnotations } from './annotation-store';
import type { HostTiming } from './host-timing';

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

/** One pass over the packed spans (those for which `keep` says yes): each entity name once per type, with its occurrences. */
function groupEntities(annotations: StoredAnnotations, keep: (span: number) => boolean = () => true): EntityNode[] {
  const { packed, kinds, labels, spanCount } = annotations;
  const byType = new Map<string, Map<string, EntityGroup>>();
  for (let i = 0; i < spanCount; i++) {
    const labelIndex = packed[i * 3 + 2];
    if (kinds[labelIndex] !== 'entity' || !keep(i)) continue;
    const type = labels[labelIndex];
    const text = annotations.entityName(i);
    let groups = byType.get(type);
    if (!groups) byType.set(type, (groups = new Map()));
    let group = groups.get(text);
    if (!group) groups.set(text, (group = { type, text, occurrences: [] }));
    group.occurrences.push([packed[i * 3], packed[i * 3 + 1]]);
  }
  return TYPE_ORDER.filter((type) => byType.has(type)).map((type) => ({
    kind: 'type' as const,
    type,
    entities: [...byType.get(type)!.values()].sort((a, b) => b.occurrences.length - a.occurrences.length || collator.compare(a.text, b.text)),
  }));
}

/** JSONL corpora: the entities of each record (line) that has some, grouped by type within it. */
function groupByRecord(annotations: StoredAnnotations, lineOf: (offset: number) => number): EntityNode[] {
  const { packed, kinds, spanCount } = annotations;
  const lineOfSpan = new Int32Array(spanCount).fill(-1);
  const lines: number[] = [];
  for (let i = 0; i < spanCount; i++) {
    if (kinds[packed[i * 3 + 2]] !== 'entity') continue;
    lineOfSpan[i] = lineOf(packed[i * 3]);
    if (lines[lines.length - 1] !== lineOfSpan[i]) lines.push(lineOfSpan[i]);
  }
  return [...new Set(lines)].map((line) => {
    const types = groupEntities(annotations, (i) => lineOfSpan[i] === line);
    return { kind: 'record' as const, line, types, count: types.reduce((n, t) => n + (t.kind === 'type' ? t.entities.length : 0), 0) };
  });
}

export type EntityNode =
  | { kind: 'record'; line: number; types: EntityNode[]; count: number }
  | { kind: 'type'; type: string; entities: EntityGroup[] }
  | { kind: 'entity'; group: EntityGroup };

export interface EntityGroup {
  type: string;
  text: string;
  /** UTF-16 offsets of each occurrence. */
  occurrences: [number, number][];
}

/** While the document changes, the view is refreshed at most this often (each refresh regroups every entity). */
const REFRESH_INTERVAL_MS = 1000;
const collator = new Intl.Collator();

export class EntityTree implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly view: vscode.TreeView<EntityNode>;
  private uri: vscode.Uri | undefined;
  /** The groups of the last annotations asked for: the view asks for the root and then each type. */
  private cached: { annotations: StoredAnnotations; nodes: EntityNode[] } | undefined;
  /** A refresh is owed because the data changed while the view was hidden or a refresh was recent. */
  private stale = false;
  private lastRefresh = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: AnnotationStore, private readonly timing: HostTiming) {
    this.view = vscode.window.createTreeView('newsLensEntities', { treeDataProvider: this });
    this.disposables.push(
      this.view,
      store.onDidChange(
        timing.wrap('entityTree.onAnnotations', (p: StoredAnnotations) => {
          if (vscode.window.activeTextEditor?.document.uri.toString() === p.uri) this.refresh();
        }),
      ),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(true)),
      this.view.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) this.refresh(true);
      }),
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  /** Whether the entity list is on screen (it is only regrouped while it is). */
  get visible(): boolean {
    return this.view.visible;
  }

  /** Tells the view to ask again: at once when `now` (another document), else at most every REFRESH_INTERVAL_MS; never while hidden. */
  private refresh(now = false): void {
    this.stale = true;
    if (!this.view.visible) return;
    const wait = now ? 0 : this.lastRefresh + REFRESH_INTERVAL_MS - Date.now();
    if (wait <= 0) this.fire();
    else this.timer ??= setTimeout(() => this.fire(), wait);
  }

  private fire(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.stale = false;
    this.lastRefresh = Date.now();
    this.emitter.fire(undefined);
  }

  /** Entity groups of the active document, by type, most frequent first. */
  groups(): EntityNode[] {
    const editor = vscode.window.activeTextEditor;
    this.uri = editor?.document.uri;
    const annotations = this.uri && this.store.get(this.uri);
    if (!editor || !annotations) return [];
    if (this.cached?.annotations !== annotations) {
      const document = editor.document;
      const nodes = document.languageId === 'jsonl' ? groupByRecord(annotations, (offset) => document.positionAt(offset).line) : groupEntities(annotations);
      this.cached = { annotations, nodes };
    }
    return this.cached.nodes;
  }

  getChildren(node?: EntityNode): EntityNode[] {
    return this.timing.measure('entityTree.getChildren', () => this.children(node));
  }

  private children(node?: EntityNode): EntityNode[] {
    if (!node) return this.groups();
    if (node.kind === 'record') return node.types;
    if (node.kind === 'type') return node.entities.map((group) => ({ kind: 'entity' as const, group }));
    return [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    return this.timing.measure('entityTree.getTreeItem', () => this.treeItem(node));
  }

  private treeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'record') {
      const item = new vscode.TreeItem(vscode.l10n.t('Record on line {0}', node.line + 1), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.count);
      item.contextValue = 'entityRecord';
      return item;
    }
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
