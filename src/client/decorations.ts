// Draws entity, figure and spam-line highlights from the server's annotations; large documents only near the visible ranges.
import * as vscode from 'vscode';
import type { AnnotationsParams, WireSpan } from '../server/protocol';
import type { AnnotationStore } from './annotation-store';

export type Layer = 'entities' | 'figures' | 'junk';

interface Style {
  layer: Layer;
  matches: (span: WireSpan) => boolean;
  type: vscode.TextEditorDecorationType;
}

/** Above this many spans, only spans near the visible ranges are decorated, so setDecorations stays cheap. */
const VISIBLE_ONLY_THRESHOLD = 4000;
const VISIBLE_MARGIN_LINES = 200;

function entityStyle(label: string, colorId: string): Style {
  return {
    layer: 'entities',
    matches: (s) => s[2] === 'entity' && s[3] === label,
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

  constructor(private readonly store: AnnotationStore) {
    this.styles = [
      entityStyle('PER', 'newsLens.personBackground'),
      entityStyle('LOC', 'newsLens.placeBackground'),
      entityStyle('ORG', 'newsLens.organizationBackground'),
      entityStyle('WORK', 'newsLens.workBackground'),
      entityStyle('FAC', 'newsLens.facilityBackground'),
      {
        layer: 'figures',
        matches: (s) => s[2] === 'figure',
        type: vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor('newsLens.figureBackground'),
          textDecoration: 'underline dotted',
        }),
      },
      {
        layer: 'junk',
        matches: (s) => s[2] === 'junk' && s[3] === 'spam',
        type: vscode.window.createTextEditorDecorationType({
          isWholeLine: true,
          backgroundColor: new vscode.ThemeColor('newsLens.spamLineBackground'),
          overviewRulerColor: new vscode.ThemeColor('newsLens.spamLineBackground'),
          overviewRulerLane: vscode.OverviewRulerLane.Right,
        }),
      },
    ];
    this.disposables.push(
      store.onDidChange((params) => {
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document.uri.toString() === params.uri) this.apply(editor);
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.apply(e))),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const params = this.store.get(event.textEditor.document.uri);
        if (params && params.spans.length > VISIBLE_ONLY_THRESHOLD) this.apply(event.textEditor);
      }),
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

  apply(editor: vscode.TextEditor): void {
    const params = this.store.get(editor.document.uri);
    if (!params || params.version !== editor.document.version) return;
    const window = this.window(editor, params);
    const counts: number[] = [];
    this.styles.forEach((style, i) => {
      const ranges: vscode.Range[] = [];
      if (!this.hidden.has(style.layer)) {
        for (const span of params.spans) {
          if (span[1] < window.start || span[0] > window.end || !style.matches(span)) continue;
          ranges.push(new vscode.Range(editor.document.positionAt(span[0]), editor.document.positionAt(span[1])));
        }
      }
      counts.push(ranges.length);
      editor.setDecorations(style.type, ranges);
    });
    this.applied.set(editor.document.uri.toString(), counts);
  }

  /** The offset window to decorate: the whole document, or the visible ranges with a margin for large ones. */
  private window(editor: vscode.TextEditor, params: AnnotationsParams): { start: number; end: number } {
    if (params.spans.length <= VISIBLE_ONLY_THRESHOLD || editor.visibleRanges.length === 0) return { start: 0, end: Infinity };
    const document = editor.document;
    const first = editor.visibleRanges[0].start.line;
    const last = editor.visibleRanges[editor.visibleRanges.length - 1].end.line;
    const startLine = Math.max(0, first - VISIBLE_MARGIN_LINES);
    const endLine = Math.min(document.lineCount - 1, last + VISIBLE_MARGIN_LINES);
    return { start: document.offsetAt(new vscode.Position(startLine, 0)), end: document.offsetAt(document.lineAt(endLine).range.end) };
  }

  dispose(): void {
    this.styles.forEach((s) => s.type.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
