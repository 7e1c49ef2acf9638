// Entity candidates from the sources of findEntities (user words, post-rules, the tagger) and how overlaps between them are resolved.
import type { EntityType } from '../types';

export interface Candidate {
  start: number;
  end: number;
  type: EntityType;
  /** Higher tiers win over lower ones regardless of length: user words 3, bracketed works 2, credit names 1.5, the tagger 1. */
  tier: number;
  /** 0..1; the tagger's probability of the span, 1 for user words and rules. */
  confidence: number;
  /** The labelling convention the tagger followed (convention-gate.ts); undefined for user words and rules. */
  convention?: string;
}

/** Picks non-overlapping candidates: higher tier, then longer, then more confident, then earlier. Sorted by start. */
export function resolveOverlaps(candidates: Candidate[], length: number): Candidate[] {
  if (candidates.length <= 1) return candidates;
  const order = candidates
    .slice()
    .sort((a, b) => b.tier - a.tier || b.end - b.start - (a.end - a.start) || b.confidence - a.confidence || a.start - b.start);
  // Occupied offsets; spans are short, so marking them keeps this linear in the line's size.
  const taken = new Uint8Array(length);
  const chosen: Candidate[] = [];
  for (const c of order) {
    let free = true;
    for (let k = c.start; k < c.end; k++) {
      if (taken[k]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
