// The annotator's actions as reversible diffs of a GoldSet: annotate, change type, remove, accept, correct a value, "not junk".
import { goldKindOf, isFigureType, layerOf, overlaps, type GoldAnnotation, type GoldDiff, type GoldLayer, type GoldSet, type Suggestion } from './model';

/** A span of the document to act on (a selection, a suggestion or a decision). */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Decisions of a layer overlapping a span (what a new decision on that span replaces). */
function sameLayerOverlapping(set: GoldSet, span: Span, layer: GoldLayer): GoldAnnotation[] {
  return set.all.filter((a) => layerOf(a) === layer && overlaps(a, span));
}

/** Marks a span as gold of a type; decisions of the same layer that overlap it are replaced. */
export function annotateDiff(set: GoldSet, span: Span, label: string, options: { accepted?: boolean; value?: string } = {}): GoldDiff {
  if (span.end <= span.start) return { removed: [], added: [] };
  const kind = goldKindOf(label);
  const added: GoldAnnotation = { id: set.newId(), kind, label, start: span.start, end: span.end, text: span.text };
  if (options.accepted) added.accepted = true;
  if (options.value !== undefined && kind === 'figure') added.value = options.value;
  return { removed: sameLayerOverlapping(set, span, kind), added: [added] };
}

/** Accepts a suggestion: it becomes gold, marked as accepted. */
export function acceptDiff(set: GoldSet, suggestion: Suggestion): GoldDiff {
  return annotateDiff(set, suggestion, suggestion.label, { accepted: true });
}

/** Accepts every open suggestion of a type at once. */
export function acceptAllDiff(set: GoldSet, suggestions: readonly Suggestion[], label: string): GoldDiff {
  const diff: GoldDiff = { removed: [], added: [] };
  for (const s of openSuggestions(set, suggestions)) {
    if (s.label !== label) continue;
    diff.added.push({ id: set.newId(), kind: goldKindOf(s.label), label: s.label, start: s.start, end: s.end, text: s.text, accepted: true });
  }
  return diff;
}

/** Gives a decision or a suggestion another type (a gold one keeps its id; a suggestion becomes the annotator's gold). */
export function changeTypeDiff(set: GoldSet, target: GoldAnnotation | Suggestion, label: string): GoldDiff {
  if (!('id' in target)) return annotateDiff(set, target, label);
  if (target.label === label && !target.accepted) return { removed: [], added: [] };
  const kind = goldKindOf(label);
  const changed: GoldAnnotation = { id: target.id, kind, label, start: target.start, end: target.end, text: target.text };
  if (kind === 'figure' && target.value !== undefined && isFigureType(target.label)) changed.value = target.value;
  // Another layer now: what that layer had on the span is replaced, as when annotating.
  const displaced = kind !== layerOf(target) ? sameLayerOverlapping(set, target, kind) : [];
  return { removed: [target, ...displaced], added: [changed] };
}

/**
 * Removes a decision, or rejects a suggestion. Removing gold that a suggestion of its layer overlaps rejects that
 * suggestion too, so that a false entity does not come back as an open suggestion.
 */
export function removeDiff(set: GoldSet, target: GoldAnnotation | Suggestion, suggestions: readonly Suggestion[]): GoldDiff {
  const diff: GoldDiff = { removed: [], added: [] };
  const layer = 'id' in target ? layerOf(target) : target.layer;
  if ('id' in target) diff.removed.push(target);
  if ('id' in target && (target.kind === 'rejected' || target.kind === 'not-junk')) return diff; // undoing a rejection or a mark
  const rejectedSpans = 'id' in target ? suggestions.filter((s) => s.layer === layer && overlaps(s, target)) : [target];
  for (const s of rejectedSpans) {
    if (s.layer === 'junk') continue;
    // Only what would otherwise be open again: another decision still covering it decides it already.
    const stillDecided = set.all.some((a) => a !== target && layerOf(a) === s.layer && overlaps(a, s));
    if (stillDecided) continue;
    diff.added.push({ id: set.newId(), kind: 'rejected', label: s.label, start: s.start, end: s.end, text: s.text });
  }
  return diff;
}

/** Corrects a figure's normalized value (a figure suggestion becomes gold with that value). */
export function setValueDiff(set: GoldSet, target: GoldAnnotation | Suggestion, value: string): GoldDiff {
  if (!('id' in target)) return annotateDiff(set, target, target.label, { value });
  if (target.kind !== 'figure') return { removed: [], added: [] };
  const changed: GoldAnnotation = { ...target, value };
  delete changed.accepted; // corrected: the annotator's own gold now
  if (value === '') delete changed.value;
  return { removed: [target], added: [changed] };
}

/** Marks a junk finding as real text, for this span of this document. */
export function notJunkDiff(set: GoldSet, finding: Suggestion): GoldDiff {
  const replaced = set.all.filter((a) => a.kind === 'not-junk' && overlaps(a, finding) && a.label === finding.label);
  return { removed: replaced, added: [{ id: set.newId(), kind: 'not-junk', label: finding.label, start: finding.start, end: finding.end, text: finding.text }] };
}

/** Suggestions no decision of their layer overlaps: the ones still waiting for the annotator. */
export function openSuggestions(set: GoldSet, suggestions: readonly Suggestion[]): Suggestion[] {
  if (set.size === 0) return suggestions.slice();
  const decided = decidedTest(set);
  return suggestions.filter((s) => !decided(s, s.layer));
}

/** A fast test of whether a decision of a layer overlaps a span (for drawing many suggestions). */
export function decidedTest(set: GoldSet): (span: { start: number; end: number }, layer: GoldLayer) => boolean {
  const byLayer = new Map<GoldLayer, DecisionIndex>();
  for (const a of set.all) {
    const layer = layerOf(a);
    let index = byLayer.get(layer);
    if (!index) byLayer.set(layer, (index = { sorted: [], longest: 0 }));
    index.sorted.push(a); // set.all is sorted by start
    index.longest = Math.max(index.longest, a.end - a.start);
  }
  return (span, layer) => isDecided(byLayer.get(layer), span);
}

interface DecisionIndex {
  sorted: GoldAnnotation[];
  longest: number;
}

/** Whether a decision overlaps the span: binary search for the last start before its end, then back while one could reach it. */
function isDecided(index: DecisionIndex | undefined, span: { start: number; end: number }): boolean {
  if (!index) return false;
  const { sorted, longest } = index;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].start < span.end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && sorted[i].start + longest > span.start; i--) {
    if (sorted[i].end > span.start) return true;
  }
  return false;
}
