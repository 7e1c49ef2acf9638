// The engine's findings of a document as the gold layer sees them: entity, figure and junk suggestions in UTF-16 offsets.
import type * as vscode from 'vscode';
import type { Suggestion } from '../../core/gold/model';
import type { AnnotationStore, StoredAnnotations } from '../annotation-store';

const cache = new WeakMap<StoredAnnotations, Suggestion[]>();

/** The suggestions of the server's annotations for the document's current version (none while they are stale). */
export function suggestionsOf(store: AnnotationStore, document: vscode.TextDocument): Suggestion[] {
  const annotations = store.get(document.uri);
  if (!annotations || annotations.version !== document.version) return [];
  let suggestions = cache.get(annotations);
  if (!suggestions) {
    suggestions = unpack(annotations, document.getText());
    cache.set(annotations, suggestions);
  }
  return suggestions;
}

function unpack(annotations: StoredAnnotations, text: string): Suggestion[] {
  const { packed, kinds, labels, spanCount } = annotations;
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < spanCount; i++) {
    const labelIndex = packed[i * 3 + 2];
    const kind = kinds[labelIndex];
    if (kind !== 'entity' && kind !== 'figure' && kind !== 'junk') continue;
    const start = packed[i * 3];
    const end = packed[i * 3 + 1];
    suggestions.push({ start, end, layer: kind, label: labels[labelIndex], text: text.slice(start, end) });
  }
  return suggestions;
}

/** Suggestions under an offset or overlapping a selection, most specific (shortest) first. */
export function suggestionsAt(suggestions: readonly Suggestion[], start: number, end = start): Suggestion[] {
  return suggestions
    .filter((s) => (start === end ? s.start <= start && start <= s.end : s.start < end && start < s.end))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
