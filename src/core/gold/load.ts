// Loads a document's gold from its standoff content (brat .ann and its conflicts file), re-anchoring what no longer fits the text.
import { reanchor, type GoldConflict } from './anchor';
import { parseAnn, serializeAnn } from './brat';
import { byPosition, goldKindOf, type GoldAnnotation } from './model';

export interface LoadedGold {
  annotations: GoldAnnotation[];
  conflicts: GoldConflict[];
  /** brat lines the gold layer keeps but does not own (relations, other attributes and notes). */
  extra: string[];
  /** Unreadable lines, as "line N: why". */
  problems: string[];
  /** How many decisions were re-anchored to another place. */
  moved: number;
}

/**
 * The decisions of a document from its .ann (and the conflicts kept from earlier): those that fit the text as they
 * are, the others re-anchored by their text; what still cannot be placed stays a conflict (nothing is dropped).
 */
export function loadBratGold(text: string, annContent: string | undefined, conflictsContent?: string): LoadedGold {
  const parsed = annContent ? parseAnn(annContent, text) : { annotations: [], misplaced: [], extra: [], problems: [] };
  const previous = conflictsContent ? parseConflicts(conflictsContent) : [];
  // Ids must stay unique: a kept conflict's id may have been given to a new decision since.
  const taken = new Set([...parsed.annotations, ...parsed.misplaced].map((a) => a.id));
  let next = 1 + Math.max(0, ...[...taken].map((id) => Number(/^T(\d+)$/.exec(id)?.[1] ?? 0)));
  const retried = previous.map((c) => {
    if (!taken.has(c.annotation.id) && /^T\d+$/.test(c.annotation.id)) {
      taken.add(c.annotation.id);
      return c.annotation;
    }
    return { ...c.annotation, id: `T${next++}` };
  });
  const result = reanchor([...parsed.misplaced, ...retried], text);
  return {
    annotations: [...parsed.annotations, ...result.anchored].sort(byPosition),
    conflicts: result.conflicts,
    extra: parsed.extra,
    problems: parsed.problems,
    moved: result.moved,
  };
}

/** The .ann content for decisions (see brat.ts). */
export function saveBratGold(text: string, annotations: readonly GoldAnnotation[], extra: readonly string[] = []): string {
  return serializeAnn(annotations, text, extra);
}

/** Conflicts as a small JSON file beside the .ann; their offsets are those of an older text (hints only). */
export function serializeConflicts(conflicts: readonly GoldConflict[]): string {
  return JSON.stringify({ conflicts: conflicts.map((c) => ({ ...c.annotation, reason: c.reason })) }, null, 1) + '\n';
}

export function parseConflicts(content: string): GoldConflict[] {
  try {
    const parsed = JSON.parse(content) as { conflicts?: (GoldAnnotation & { reason?: GoldConflict['reason'] })[] };
    return (parsed.conflicts ?? [])
      .filter((c) => c && typeof c.text === 'string' && typeof c.label === 'string' && Number.isInteger(c.start) && Number.isInteger(c.end))
      .map(({ reason, ...annotation }) => ({ annotation: { ...annotation, id: String(annotation.id ?? ''), kind: annotation.kind ?? goldKindOf(annotation.label) }, reason: reason ?? 'not-found' }));
  } catch {
    return [];
  }
}
