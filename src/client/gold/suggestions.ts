// The engine's findings of a document as the gold layer sees them: entity, figure and junk suggestions in UTF-16 offsets.
import * as vscode from 'vscode';
import { decidedTest } from '../../core/gold/actions';
import type { GoldLayer, GoldSet, Suggestion } from '../../core/gold/model';
import type { AnnotationStore, StoredAnnotations } from '../annotation-store';
import { SpanIndex } from '../span-index';

// A 1 MB document has ~37k spans and gets new annotations after each keystroke, while VS Code asks for code actions
// and the context keys follow the caret: what runs per caret move looks up the few spans there (binary search), and
// counts run over the packed numbers without building an object per span. Only user commands unpack them all.
const unpacked = new WeakMap<StoredAnnotations, Suggestion[]>();
const indexes = new WeakMap<StoredAnnotations, SpanIndex>();

function current(store: AnnotationStore, document: vscode.TextDocument): StoredAnnotations | undefined {
  const annotations = store.get(document.uri);
  return annotations && annotations.version === document.version ? annotations : undefined;
}

function layerOfKind(kind: string): GoldLayer | undefined {
  return kind === 'entity' || kind === 'figure' || kind === 'junk' ? kind : undefined;
}

/** Every suggestion of the document's current version (none while the annotations are stale). For commands. */
export function suggestionsOf(store: AnnotationStore, document: vscode.TextDocument): Suggestion[] {
  const annotations = current(store, document);
  if (!annotations) return [];
  let suggestions = unpacked.get(annotations);
  if (!suggestions) {
    const text = document.getText();
    const { packed, kinds, labels, spanCount } = annotations;
    suggestions = [];
    for (let i = 0; i < spanCount; i++) {
      const layer = layerOfKind(kinds[packed[i * 3 + 2]]);
      if (!layer) continue;
      const start = packed[i * 3];
      const end = packed[i * 3 + 1];
      suggestions.push({ start, end, layer, label: labels[packed[i * 3 + 2]], text: text.slice(start, end) });
    }
    unpacked.set(annotations, suggestions);
  }
  return suggestions;
}

/** The suggestions touching [start, end] (edges included), found by binary search. */
export function suggestionsNear(store: AnnotationStore, document: vscode.TextDocument, start: number, end: number): Suggestion[] {
  const annotations = current(store, document);
  if (!annotations) return [];
  let index = indexes.get(annotations);
  if (!index) indexes.set(annotations, (index = new SpanIndex(annotations)));
  const found: Suggestion[] = [];
  index.forEachOverlapping(start, end, (s, e, labelIndex) => {
    const layer = layerOfKind(annotations.kinds[labelIndex]);
    if (!layer) return;
    const text = document.getText(new vscode.Range(document.positionAt(s), document.positionAt(e)));
    found.push({ start: s, end: e, layer, label: annotations.labels[labelIndex], text });
  });
  return found;
}

const openCountCache = new WeakMap<StoredAnnotations, { set: GoldSet; revision: number; counts: Map<string, number> }>();

/** Open (undecided) entity and figure suggestions per type, counted over the packed spans. */
export function openCounts(store: AnnotationStore, document: vscode.TextDocument, set: GoldSet, revision: number): Map<string, number> {
  const annotations = current(store, document);
  if (!annotations) return new Map();
  const cached = openCountCache.get(annotations);
  if (cached && cached.set === set && cached.revision === revision) return cached.counts;
  const decided = set.size ? decidedTest(set) : undefined;
  const { packed, kinds, labels, spanCount } = annotations;
  const counts = new Map<string, number>();
  for (let i = 0; i < spanCount; i++) {
    const labelIndex = packed[i * 3 + 2];
    const kind = kinds[labelIndex];
    if (kind !== 'entity' && kind !== 'figure') continue;
    if (decided?.({ start: packed[i * 3], end: packed[i * 3 + 1] }, kind)) continue;
    const label = labels[labelIndex];
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  openCountCache.set(annotations, { set, revision, counts });
  return counts;
}

/** Suggestions under an offset or overlapping a selection, most specific (shortest) first. */
export function suggestionsAt(suggestions: readonly Suggestion[], start: number, end = start): Suggestion[] {
  return suggestions
    .filter((s) => (start === end ? s.start <= start && start <= s.end : s.start < end && start < s.end))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
