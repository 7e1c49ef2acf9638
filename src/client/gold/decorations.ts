// Draws gold annotations solid (the type's colour with a solid border) and keeps decided suggestions from being drawn as suggestions.
import * as vscode from 'vscode';
import { decidedTest } from '../../core/gold/actions';
import { isFigureType, type GoldLayer } from '../../core/gold/model';
import type { Decorations, SpanFilter } from '../decorations';
import type { GoldStore } from './store';

const STYLE_COLORS: Record<string, [background: string, border: string]> = {
  PER: ['newsLens.personBackground', 'newsLens.goldPersonBorder'],
  LOC: ['newsLens.placeBackground', 'newsLens.goldPlaceBorder'],
  ORG: ['newsLens.organizationBackground', 'newsLens.goldOrganizationBorder'],
  WORK: ['newsLens.workBackground', 'newsLens.goldWorkBorder'],
  FAC: ['newsLens.facilityBackground', 'newsLens.goldFacilityBorder'],
  FIGURE: ['newsLens.figureBackground', 'newsLens.goldFigureBorder'],
  OTHER: ['newsLens.facilityBackground', 'newsLens.goldOtherBorder'],
};

function styleOf(label: string): string {
  if (isFigureType(label)) return 'FIGURE';
  return STYLE_COLORS[label] ? label : 'OTHER';
}

export class GoldDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Ranges drawn per document and style (tests read them). */
  private readonly drawn = new Map<string, Map<string, vscode.Range[]>>();
  private readonly filters = new Map<string, { revision: number; filter: SpanFilter | undefined }>();

  constructor(private readonly store: GoldStore, private readonly suggestions: Decorations) {
    for (const [style, [background, border]] of Object.entries(STYLE_COLORS)) {
      this.types.set(
        style,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(background),
          border: '1px solid',
          borderColor: new vscode.ThemeColor(border),
          borderRadius: '2px',
          overviewRulerColor: new vscode.ThemeColor(border),
          overviewRulerLane: vscode.OverviewRulerLane.Center,
        }),
      );
    }
    suggestions.setSpanFilter((uri) => this.filterOf(uri));
    this.disposables.push(
      store.onDidChange(({ uri }) => {
        this.filters.delete(uri.toString());
        this.suggestions.redraw(uri);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.apply(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.apply(e))),
    );
    vscode.window.visibleTextEditors.forEach((e) => this.apply(e));
  }

  /** Suggestions overlapping a decision of their layer are not drawn: the decision is (or, rejected, nothing is). */
  private filterOf(uri: vscode.Uri): SpanFilter | undefined {
    const gold = this.store.peek(uri);
    if (!gold || gold.set.size === 0) return undefined;
    const cached = this.filters.get(uri.toString());
    if (cached && cached.revision === gold.revision) return cached.filter;
    const decided = decidedTest(gold.set);
    const filter: SpanFilter = (start, end, kind) => !(kind === 'entity' || kind === 'figure' || kind === 'junk') || !decided({ start, end }, kind as GoldLayer);
    this.filters.set(uri.toString(), { revision: gold.revision, filter });
    return filter;
  }

  apply(editor: vscode.TextEditor): void {
    const gold = this.store.peek(editor.document.uri);
    const byStyle = new Map<string, vscode.Range[]>();
    for (const style of this.types.keys()) byStyle.set(style, []);
    const document = editor.document;
    for (const a of gold?.set.all ?? []) {
      if (a.kind !== 'entity' && a.kind !== 'figure') continue;
      byStyle.get(styleOf(a.label))!.push(new vscode.Range(document.positionAt(a.start), document.positionAt(a.end)));
    }
    for (const [style, type] of this.types) editor.setDecorations(type, byStyle.get(style)!);
    this.drawn.set(document.uri.toString(), byStyle);
  }

  /** Gold ranges drawn in a document, by style (PER … FAC, FIGURE, OTHER). */
  drawnRanges(uri: vscode.Uri): Map<string, vscode.Range[]> {
    return this.drawn.get(uri.toString()) ?? new Map();
  }

  dispose(): void {
    this.types.forEach((t) => t.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}
