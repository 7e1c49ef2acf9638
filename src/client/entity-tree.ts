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
    case 'FAC':
      return vscode.l10n.t('Facilities and projects');
    default:
      return type; // a type of another scheme, from imported gold
  }
}

/**
 * Collects entity occurrences into one group per type and name, counted. No object per occurrence: the view regroups
 * in the extension host each time it refreshes, over ~12,000 entities in a 1 MB document.
 */
class EntityGrouper {
  private readonly byType = new Map<string, Map<string, EntityGroup>>();

  add(type: string, text: string, start: number, end: number): void {
    let groups = this.byType.get(type);
    if (!groups) this.byType.set(type, (groups = new Map()));
    const group = groups.get(text);
    if (group) group.count++;
    else groups.set(text, { type, text, count: 1, first: [start, end] });
  }

  /** Type nodes (News Lens's types first, others after), each name once, most frequent first, then by name. */
  nodes(): EntityNode[] {
    const { byType } = this;
    const order = [...TYPE_ORDER, ...[...byType.keys()].filter((type) => !TYPE_ORDER.includes(type)).sort()];
    return order.filter((type) => byType.has(type)).map((type) => ({
      kind: 'type' as const,
      type,
      entities: [...byType.get(type)!.values()].sort((a, b) => b.count - a.count || collator.compare(a.text, b.text)),
    }));
  }
}

/** One pass over the packed spans: each entity name once per type, counted (only the spans `keep` keeps). */
function groupEntities(annotations: StoredAnnotations, keep?: (span: number) => boolean): EntityNode[] {
  const { packed, labels } = annotations;
  const grouper = new EntityGrouper();
  annotations.forEachEntity((span, name) => {
    if (!keep || keep(span)) grouper.add(labels[packed[span * 3 + 2]], name, packed[span * 3], packed[span * 3 + 1]);
  });
  return grouper.nodes();
}

/** An entity occurrence with its type and name (UTF-16 offsets). */
export interface NamedSpan {
  type: string;
  text: string;
  start: number;
  end: number;
}

/** Entities by type, each name once with its count. */
function groupByType(entities: readonly NamedSpan[]): EntityNode[] {
  const grouper = new EntityGrouper();
  for (const { type, text, start, end } of entities) grouper.add(type, text, start, end);
  return grouper.nodes();
}

/** JSONL corpora: the entities of each record (line) that has some, grouped by type within it, in one pass. */
function groupByRecord(annotations: StoredAnnotations, lineOf: (offset: number) => number): EntityNode[] {
  const { packed, labels } = annotations;
  const byLine = new Map<number, EntityGrouper>();
  annotations.forEachEntity((span, name) => {
    const line = lineOf(packed[span * 3]);
    let grouper = byLine.get(line);
    if (!grouper) byLine.set(line, (grouper = new EntityGrouper()));
    grouper.add(labels[packed[span * 3 + 2]], name, packed[span * 3], packed[span * 3 + 1]);
  });
  return [...byLine].map(([line, grouper]) => {
    const types = grouper.nodes();
    return { kind: 'record' as const, line, types, count: types.reduce((n, t) => n + (t.kind === 'type' ? t.entities.length : 0), 0) };
  });
}

export type EntityNode =
  | { kind: 'record'; line: number; types: EntityNode[]; count: number }
  | { kind: 'type'; type: string; entities: EntityGroup[] }
  | { kind: 'entity'; group: EntityGroup }
  | { kind: 'section'; section: 'gold' | 'suggestions'; types: EntityNode[]; count: number };

/** What the gold layer tells the view about a document: its gold entities and which suggestions are still open. */
export interface GoldEntities {
  /** Bumped whenever the gold changes (the view regroups then). */
  revision: number;
  gold: NamedSpan[];
  isOpen: (start: number, end: number) => boolean;
}

export interface EntityGroup {
  type: string;
  text: string;
  /** How often the name occurs as this type. */
  count: number;
  /** UTF-16 offsets of its first occurrence (where clicking it goes). */
  first: [number, number];
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
  private cached: { annotations: StoredAnnotations; goldRevision?: number; nodes: EntityNode[] } | undefined;
  /** With gold for a document, the view groups by gold and suggestion (set by src/client/gold). */
  private goldSource: ((uri: vscode.Uri) => GoldEntities | undefined) | undefined;
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

  /** Lets the gold layer split the view into gold and suggestions; call `goldChanged` when a document's gold changes. */
  setGoldSource(source: (uri: vscode.Uri) => GoldEntities | undefined): void {
    this.goldSource = source;
  }

  goldChanged(uri: vscode.Uri): void {
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.refresh(true);
  }

  /** Entity groups of the active document, by type, most frequent first; with gold, under "Gold" and "Suggestions". */
  groups(): EntityNode[] {
    const editor = vscode.window.activeTextEditor;
    this.uri = editor?.document.uri;
    const annotations = this.uri && this.store.get(this.uri);
    if (!editor || !annotations) return [];
    const document = editor.document;
    // JSONL corpora have no gold in the editor (their gold is the record sidecar): they group by record.
    const gold = document.languageId === 'jsonl' ? undefined : this.goldSource?.(document.uri);
    if (this.cached?.annotations !== annotations || this.cached.goldRevision !== gold?.revision) {
      const nodes =
        document.languageId === 'jsonl'
          ? groupByRecord(annotations, (offset) => document.positionAt(offset).line)
          : gold
            ? this.sections(annotations, gold)
            : groupEntities(annotations);
      this.cached = { annotations, goldRevision: gold?.revision, nodes };
    }
    return this.cached.nodes;
  }

  private sections(annotations: StoredAnnotations, gold: GoldEntities): EntityNode[] {
    const goldTypes = groupByType(gold.gold);
    const { packed } = annotations;
    const open = groupEntities(annotations, (span) => gold.isOpen(packed[span * 3], packed[span * 3 + 1]));
    const count = (types: EntityNode[]) => types.reduce((n, t) => n + (t.kind === 'type' ? t.entities.reduce((m, e) => m + e.count, 0) : 0), 0);
    return [
      { kind: 'section', section: 'gold', types: goldTypes, count: count(goldTypes) },
      { kind: 'section', section: 'suggestions', types: open, count: count(open) },
    ];
  }

  getChildren(node?: EntityNode): EntityNode[] {
    return this.timing.measure('entityTree.getChildren', () => this.children(node));
  }

  private children(node?: EntityNode): EntityNode[] {
    if (!node) return this.groups();
    if (node.kind === 'record' || node.kind === 'section') return node.types;
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
    if (node.kind === 'section') {
      const item = new vscode.TreeItem(node.section === 'gold' ? vscode.l10n.t('Gold') : vscode.l10n.t('Open suggestions'), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.count);
      item.contextValue = `entitySection.${node.section}`;
      return item;
    }
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(typeName(node.type), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.entities.length);
      item.contextValue = 'entityType';
      return item;
    }
    const item = new vscode.TreeItem(node.group.text, vscode.TreeItemCollapsibleState.None);
    item.description = `×${node.group.count}`;
    item.contextValue = 'entity';
    if (this.uri) {
      item.command = { command: 'newsLens.revealEntity', title: vscode.l10n.t('Reveal'), arguments: [this.uri, node.group.first] };
    }
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
