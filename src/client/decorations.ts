// Draws entity, figure and spam-line highlights from the server's annotations; large documents only near the visible ranges.
import * as vscode from 'vscode';
import type { AnnotationStore, StoredAnnotations } from './annotation-store';
import type { HostTiming } from './host-timing';
import { SpanIndex } from './span-index';

export type Layer = 'entities' | 'figures' | 'junk';

/** Whether a span (UTF-16 offsets, its kind) is drawn. */
export type SpanFilter = (start: number, end: number, kind: string) => boolean;

interface Style {
  layer: Layer;
  matches: (kind: string, label: string) => boolean;
  type: vscode.TextEditorDecorationType;
}

// Each apply must stay well inside the 20 ms the extension host may be blocked, on a slow machine: converting a span
// to a Range and handing it to VS Code costs a few microseconds, so a few thousand per apply at most.
/** Up to this many spans (decorated or not), the whole document is decorated (once per update; scrolling costs nothing). */
const WHOLE_DOCUMENT_SPANS = 3000;
/** Otherwise the visible lines plus a margin each way, bounded both in lines and in spans. */
const MARGIN_LINES = 100;
const MARGIN_SPANS = 500;
/** And never more spans than this (one very long visible line): then those nearest the cursor. */
const MAX_WINDOW_SPANS = 2500;

/** UTF-16 offsets, both ends included (a span touching the window is drawn). */
interface OffsetWindow {
  start: number;
  end: number;
}

/** The spans of one set of annotations, searchable by offset, and the style of each label (-1: not drawn). */
interface Indexed {
  spans: SpanIndex;
  styleOfLabel: number[];
}

/** What an editor shows, so that scrolling within the decorated margin needs no new apply. */
interface Drawn {
  annotations: StoredAnnotations;
  hidden: string;
  window: OffsetWindow | 'whole';
  /** Per style index. */
  ranges: vscode.Range[][];
}

function entityStyle(label: string, colorId: string): Style {
  return {
    layer: 'entities',
    matches: (kind, l) => kind === 'entity' && l === label,
    type: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor(colorId),
      borderRadius: '2px',
    }),
  };
}

export class Decorations implements vscode.Disposable {
  private readonly styles: Style[];
  private readonly hidden = new Set<Layer>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Ranges last applied per editor document and style index, for tests and the status of the view. */
  private readonly applied = new Map<string, number[]>();
  private readonly indexed = new WeakMap<StoredAnnotations, Indexed>();
  private readonly drawn = new WeakMap<vscode.TextEditor, Drawn>();
  /** Editors waiting for an apply: each gets its own task, so several editors or updates never add up in one. */
  private readonly pending = new Set<vscode.TextEditor>();
  private timer: NodeJS.Timeout | undefined;
  /** Which spans of a document are drawn (the gold layer leaves out the suggestions an annotator decided); none: all. */
  private spanFilter: ((uri: vscode.Uri) => SpanFilter | undefined) | undefined;

  constructor(private readonly store: AnnotationStore, private readonly timing: HostTiming) {
    this.styles = [
      entityStyle('PER', 'newsLens.personBackground'),
      entityStyle('LOC', 'newsLens.placeBackground'),
      entityStyle('ORG', 'newsLens.organizationBackground'),
      entityStyle('WORK', 'newsLens.workBackground'),
      entityStyle('FAC', 'newsLens.facilityBackground'),
      {
        layer: 'figures',
        matches: (kind) => kind === 'figure',
        type: vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor('newsLens.figureBackground'),
          textDecoration: 'underline dotted',
        }),
      },
      {
        layer: 'junk',
        matches: (kind, label) => kind === 'junk' && label === 'spam',
        type: vscode.window.createTextEditorDecorationType({
          isWholeLine: true,
          backgroundColor: new vscode.ThemeColor('newsLens.spamLineBackground'),
          overviewRulerColor: new vscode.ThemeColor('newsLens.spamLineBackground'),
          overviewRulerLane: vscode.OverviewRulerLane.Right,
        }),
      },
    ];
    this.disposables.push(
      store.onDidChange(
        timing.wrap('decorations.onAnnotations', (annotations: StoredAnnotations) => {
          for (const editor of vscode.window.visibleTextEditors) {
            if (editor.document.uri.toString() === annotations.uri) this.schedule(editor);
          }
        }),
      ),
      vscode.window.onDidChangeVisibleTextEditors(
        timing.wrap('decorations.visibleEditors', (editors: readonly vscode.TextEditor[]) => {
          for (const editor of editors) if (this.needsApply(editor)) this.schedule(editor);
        }),
      ),
      vscode.window.onDidChangeTextEditorVisibleRanges(
        timing.wrap('decorations.visibleRanges', (event: vscode.TextEditorVisibleRangesChangeEvent) => {
          if (this.needsApply(event.textEditor)) this.schedule(event.textEditor);
        }),
      ),
      { dispose: () => clearTimeout(this.timer) },
    );
  }

  isVisible(layer: Layer): boolean {
    return !this.hidden.has(layer);
  }

  setVisible(layer: Layer, visible: boolean): void {
    if (visible) this.hidden.delete(layer);
    else this.hidden.add(layer);
    vscode.window.visibleTextEditors.forEach((e) => this.apply(e));
  }

  /** How many ranges of each layer are drawn in an editor's document (used by tests and the status tooltip). */
  appliedCounts(uri: vscode.Uri): Record<Layer, number> {
    const counts = this.applied.get(uri.toString()) ?? [];
    const result: Record<Layer, number> = { entities: 0, figures: 0, junk: 0 };
    this.styles.forEach((style, i) => (result[style.layer] += counts[i] ?? 0));
    return result;
  }

  /** The ranges of a layer last drawn in an editor (tests check what is drawn where). */
  appliedRanges(editor: vscode.TextEditor, layer: Layer): vscode.Range[] {
    const drawn = this.drawn.get(editor);
    if (!drawn) return [];
    return this.styles.flatMap((style, i) => (style.layer === layer ? drawn.ranges[i] : [])).sort((a, b) => a.start.compareTo(b.start));
  }

  /** Sets the per-document span filter (see `spanFilter`); redraw the documents whose answer changes. */
  setSpanFilter(filter: (uri: vscode.Uri) => SpanFilter | undefined): void {
    this.spanFilter = filter;
  }

  /** Draws the editors of a document again now. */
  redraw(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.apply(editor);
  }

  /** Draws an editor's decorations now (commands use this; updates and scrolling go through `schedule`). */
  apply(editor: vscode.TextEditor): void {
    this.pending.delete(editor);
    this.timing.measure('decorations.apply', () => this.draw(editor));
  }

  private schedule(editor: vscode.TextEditor): void {
    this.pending.add(editor);
    this.timer ??= setTimeout(() => this.applyNextPending(), 0);
  }

  private applyNextPending(): void {
    this.timer = undefined;
    const [editor] = this.pending;
    if (!editor) return;
    this.apply(editor);
    if (this.pending.size > 0) this.timer = setTimeout(() => this.applyNextPending(), 0);
  }

  private current(editor: vscode.TextEditor): StoredAnnotations | undefined {
    const annotations = this.store.get(editor.document.uri);
    return annotations && annotations.version === editor.document.version ? annotations : undefined;
  }

  private indexOf(annotations: StoredAnnotations): Indexed {
    let indexed = this.indexed.get(annotations);
    if (!indexed) {
      const styleOfLabel = annotations.labels.map((label, i) => this.styles.findIndex((s) => s.matches(annotations.kinds[i], label)));
      indexed = { spans: new SpanIndex(annotations), styleOfLabel };
      this.indexed.set(annotations, indexed);
    }
    return indexed;
  }

  private hiddenKey(): string {
    return [...this.hidden].sort().join(',');
  }

  /** Whether the editor shows other annotations than the current ones, or has scrolled near the edge of its decorated margin. */
  private needsApply(editor: vscode.TextEditor): boolean {
    const annotations = this.current(editor);
    if (!annotations) return false; // newer annotations are on their way and will schedule an apply
    const drawn = this.drawn.get(editor);
    if (!drawn || drawn.annotations !== annotations || drawn.hidden !== this.hiddenKey()) return true;
    if (drawn.window === 'whole') return false;
    const inner = this.window(editor, this.indexOf(annotations).spans, 0.5);
    return inner === 'whole' || inner.start < drawn.window.start || inner.end > drawn.window.end;
  }

  private draw(editor: vscode.TextEditor): void {
    const annotations = this.current(editor);
    if (!annotations) return;
    const { spans, styleOfLabel } = this.indexOf(annotations);
    const window = this.window(editor, spans, 1);
    const { start, end } = window === 'whole' ? { start: 0, end: Infinity } : window;
    const document = editor.document;
    const shown = this.styles.map((style) => !this.hidden.has(style.layer));
    const ranges: vscode.Range[][] = this.styles.map(() => []);
    const keep = this.spanFilter?.(document.uri);
    spans.forEachOverlapping(start, end, (s, e, label) => {
      const style = styleOfLabel[label] ?? -1;
      if (style >= 0 && shown[style] && (!keep || keep(s, e, annotations.kinds[label]))) ranges[style].push(new vscode.Range(document.positionAt(s), document.positionAt(e)));
    });
    this.styles.forEach((style, i) => editor.setDecorations(style.type, ranges[i]));
    const counts = ranges.map((r) => r.length);
    this.applied.set(document.uri.toString(), counts);
    this.drawn.set(editor, { annotations, hidden: this.hiddenKey(), window, ranges });
  }

  /**
   * The offsets to decorate: the whole document when it has few spans, else the visible lines with a margin each way
   * (`share` of the full margin, for the "still inside?" test) of at most MARGIN_LINES lines and MARGIN_SPANS spans.
   */
  private window(editor: vscode.TextEditor, spans: SpanIndex, share: number): OffsetWindow | 'whole' {
    if (spans.length <= WHOLE_DOCUMENT_SPANS) return 'whole';
    const document = editor.document;
    const visible = editor.visibleRanges;
    // Before its first layout an editor reports no visible ranges: start from the cursor.
    const firstLine = visible.length ? visible[0].start.line : editor.selection.active.line;
    const lastLine = visible.length ? visible[visible.length - 1].end.line : firstLine;
    const visibleStart = document.offsetAt(new vscode.Position(firstLine, 0));
    const visibleEnd = document.offsetAt(document.lineAt(lastLine).range.end);
    const marginLines = Math.round(MARGIN_LINES * share);
    const marginSpans = Math.round(MARGIN_SPANS * share);

    let start = document.offsetAt(new vscode.Position(Math.max(0, firstLine - marginLines), 0));
    const before = spans.firstStartingFrom(visibleStart) - marginSpans;
    if (before > 0) start = Math.max(start, spans.start(before));
    let end = document.offsetAt(document.lineAt(Math.min(document.lineCount - 1, lastLine + marginLines)).range.end);
    const after = spans.firstStartingAfter(visibleEnd) + marginSpans - 1;
    if (after < spans.length - 1) end = Math.min(end, spans.start(after));

    const first = spans.firstStartingFrom(start);
    const last = spans.firstStartingAfter(end) - 1;
    const limit = Math.round(MAX_WINDOW_SPANS * share);
    if (last - first + 1 > limit) {
      const cursor = Math.min(Math.max(document.offsetAt(editor.selection.active), visibleStart), visibleEnd);
      const from = Math.max(first, Math.min(spans.firstStartingFrom(cursor) - (limit >> 1), last - limit + 1));
      start = Math.max(start, spans.start(from));
      end = Math.min(end, spans.start(from + limit - 1));
    }
    return { start, end };
  }

  dispose(): void {
    this.styles.forEach((s) => s.type.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
