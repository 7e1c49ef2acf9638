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

/** One pass over the packed spans: each entity name once per type, with its occurrences (only those `keep` keeps). */
function groupEntities(annotations: StoredAnnotations, keep?: (start: number, end: number, span: number) => boolean): EntityNode[] {
  const { packed, kinds, labels, spanCount } = annotations;
  const entities: NamedSpan[] = [];
  for (let i = 0; i < spanCount; i++) {
    const labelIndex = packed[i * 3 + 2];
    if (kinds[labelIndex] !== 'entity') continue;
    if (keep && !keep(packed[i * 3], packed[i * 3 + 1], i)) continue;
    entities.push({ type: labels[labelIndex], text: annotations.entityName(i), start: packed[i * 3], end: packed[i * 3 + 1] });
  }
  return groupByType(entities);
}

/** An entity occurrence with its type and name (UTF-16 offsets). */
export interface NamedSpan {
  type: string;
  text: string;
  start: number;
  end: number;
}

/** Entities by type (News Lens's types first, others after), each name once with its occurrences, most frequent first. */
function groupByType(entities: readonly NamedSpan[]): EntityNode[] {
  const byType = new Map<string, Map<string, EntityGroup>>();
  for (const { type, text, start, end } of entities) {
    let groups = byType.get(type);
    if (!groups) byType.set(type, (groups = new Map()));
    let group = groups.get(text);
    if (!group) groups.set(text, (group = { type, text, occurrences: [] }));
    group.occurrences.push([start, end]);
  }
  const order = [...TYPE_ORDER, ...[...byType.keys()].filter((type) => !TYPE_ORDER.includes(type)).sort()];
  return order.filter((type) => byType.has(type)).map((type) => ({
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
    const types = groupEntities(annotations, (_start, _end, i) => lineOfSpan[i] === line);
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
    const open = groupEntities(annotations, gold.isOpen);
    const count = (types: EntityNode[]) => types.reduce((n, t) => n + (t.kind === 'type' ? t.entities.reduce((m, e) => m + e.occurrences.length, 0) : 0), 0);
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
