// The gold layer's model: an annotator's decisions on one text (gold spans, rejected suggestions, "not junk"), and reversible changes to them.
import { ENTITY_TYPES, FIGURE_TYPES } from '../types';

/**
 * What a decision says about its span:
 * - entity / figure: gold, the span is an entity or figure of type `label`;
 * - rejected: the engine's suggestion of type `label` on the span is wrong (kept so that it is not offered again);
 * - not-junk: the junk finding of kind `label` on the span is real text (for this span of this document only).
 */
export type GoldKind = 'entity' | 'figure' | 'rejected' | 'not-junk';

/** Which layer of the engine a decision speaks about: decisions overlap suggestions of their own layer only. */
export type GoldLayer = 'entity' | 'figure' | 'junk';

/** One decision of an annotator. Offsets are UTF-16 code units into the document's text, [start, end). */
export interface GoldAnnotation {
  /** Stable within its document: the brat id (T1, T2 …), kept across saves so that relations and notes stay attached. */
  id: string;
  kind: GoldKind;
  label: string;
  start: number;
  end: number;
  /** The covered text when the decision was made (what re-anchoring searches for after an outside change). */
  text: string;
  /** Figures: the normalized value as the annotator corrected it (free text, e.g. "10254000000 CNY"). */
  value?: string;
  /** Gold that is an engine suggestion accepted unchanged (counted apart from the annotator's own gold). */
  accepted?: boolean;
}

/** An engine finding the gold layer reacts to: an entity, figure or junk span in UTF-16 offsets. */
export interface Suggestion {
  start: number;
  end: number;
  layer: GoldLayer;
  label: string;
  text: string;
}

const entityTypes = new Set<string>(ENTITY_TYPES);
const figureTypes = new Set<string>(FIGURE_TYPES);

export function isEntityType(label: string): boolean {
  return entityTypes.has(label);
}

export function isFigureType(label: string): boolean {
  return figureTypes.has(label);
}

/** The kind of gold for a type: figure types are figures, everything else (including types of other schemes) entities. */
export function goldKindOf(label: string): 'entity' | 'figure' {
  return isFigureType(label) ? 'figure' : 'entity';
}

export function layerOf(annotation: Pick<GoldAnnotation, 'kind' | 'label'>): GoldLayer {
  switch (annotation.kind) {
    case 'entity':
      return 'entity';
    case 'figure':
      return 'figure';
    case 'not-junk':
      return 'junk';
    case 'rejected':
      return goldKindOf(annotation.label);
  }
}

/** Gold proper: what an export or a score counts (not rejections, not "not junk"). */
export function isGold(annotation: GoldAnnotation): boolean {
  return annotation.kind === 'entity' || annotation.kind === 'figure';
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A reversible change: the decisions it takes away and those it adds (a modified one is both, under one id). */
export interface GoldDiff {
  removed: GoldAnnotation[];
  added: GoldAnnotation[];
}

export function invertDiff(diff: GoldDiff): GoldDiff {
  return { removed: diff.added, added: diff.removed };
}

export function isEmptyDiff(diff: GoldDiff): boolean {
  return diff.removed.length === 0 && diff.added.length === 0;
}

export function byPosition(a: GoldAnnotation, b: GoldAnnotation): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** The decisions of one document, in document order, with ids that are never reused. */
export class GoldSet {
  private items: GoldAnnotation[] = [];
  private nextNumber = 1;

  constructor(annotations: readonly GoldAnnotation[] = []) {
    this.replaceAll(annotations);
  }

  get all(): readonly GoldAnnotation[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  /** Replaces every decision (loading, re-anchoring, edits of the text); ids seen so far stay reserved. */
  replaceAll(annotations: readonly GoldAnnotation[]): void {
    this.items = [...annotations].sort(byPosition);
    for (const a of this.items) this.reserve(a.id);
  }

  byId(id: string): GoldAnnotation | undefined {
    return this.items.find((a) => a.id === id);
  }

  /** A fresh brat-style id (T<n>), never handed out before in this set. */
  newId(): string {
    return `T${this.nextNumber++}`;
  }

  private reserve(id: string): void {
    const match = /^T(\d+)$/.exec(id);
    if (match) this.nextNumber = Math.max(this.nextNumber, Number(match[1]) + 1);
  }

  /** Decisions overlapping [start, end) — or touching `start` when the range is empty (a caret inside or at an edge). */
  at(start: number, end = start, layer?: GoldLayer): GoldAnnotation[] {
    return this.items.filter((a) => (start === end ? a.start <= start && start <= a.end : overlaps(a, { start, end })) && (!layer || layerOf(a) === layer));
  }

  /** Applies a diff; removals by id (one already gone is skipped), additions keep their ids. */
  apply(diff: GoldDiff): void {
    const removed = new Set(diff.removed.map((a) => a.id));
    const kept = this.items.filter((a) => !removed.has(a.id));
    const addedIds = new Set(diff.added.map((a) => a.id));
    this.replaceAll([...kept.filter((a) => !addedIds.has(a.id)), ...diff.added]);
  }

  /** Counts for the status bar: gold made by the annotator, accepted suggestions, rejections, "not junk" marks. */
  counts(): { gold: number; accepted: number; rejected: number; notJunk: number } {
    const counts = { gold: 0, accepted: 0, rejected: 0, notJunk: 0 };
    for (const a of this.items) {
      if (a.kind === 'rejected') counts.rejected++;
      else if (a.kind === 'not-junk') counts.notJunk++;
      else if (a.accepted) counts.accepted++;
      else counts.gold++;
    }
    return counts;
  }
}
