// The entity gazetteer of the tagger: PER/LOC/ORG strings of the train split (labelled often enough), hashed with their prefixes, and its jackknifed per-fold variants.
import type { CorpusSentence } from '../../src/cli/ner-corpus';
import { MAX_ENTITY_WORD, wordHash } from '../../src/core/entities/features';
import { toSimplified } from '../../src/core/script';

/** Categories of the entity features: 1 person, 2 place, 3 organisation (as the dictionary of names). */
const CATEGORY: Record<string, number> = { PER: 1, LOC: 2, ORG: 3 };

/** Folds of the jackknife: a train sentence sees only the entities of the other folds. */
export const ENTITY_FOLDS = 5;

/** The fold of a train sentence, by the unit the splits use (an MSRA block of 50, a CLUENER sentence, a GSD document). */
export function foldOf(s: CorpusSentence): number {
  const unit = s.source === 'msra' ? String(Math.floor(Number(s.id) / 50)) : s.source === 'gsd' ? s.id.replace(/-\d+$/, '') : s.id;
  let h = 0x811c9dc5;
  for (const ch of `${s.source}\u0000${unit}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) % ENTITY_FOLDS;
}

/** Per entity string (Simplified, 2..MAX_ENTITY_WORD units): how often each category labels it ([1..3]) and how often it occurs in the text at all ([0]). */
export type EntityCounts = Map<string, number[]>;

/**
 * Counts per fold: the labels of every PER/LOC/ORG string of train, and the occurrences in each
 * fold's text of every string labelled anywhere in train (so a fold's counts can be summed over
 * the other folds).
 */
export function countEntities(train: CorpusSentence[], folds: number): EntityCounts[] {
  const texts = train.map((s) => toSimplified(s.text));
  const labelled = new Set<string>();
  train.forEach((s, k) => {
    for (const span of s.spans) if (CATEGORY[span.type] && span.end - span.start >= 2 && span.end - span.start <= MAX_ENTITY_WORD) labelled.add(texts[k].slice(span.start, span.end));
  });
  const parts = Array.from({ length: folds }, (): EntityCounts => new Map());
  const countsOf = (part: EntityCounts, word: string): number[] => {
    let counts = part.get(word);
    if (!counts) part.set(word, (counts = [0, 0, 0, 0]));
    return counts;
  };
  train.forEach((s, k) => {
    const part = parts[foldOf(s) % folds];
    const text = texts[k];
    for (const span of s.spans) {
      const category = CATEGORY[span.type];
      if (category && span.end - span.start >= 2 && span.end - span.start <= MAX_ENTITY_WORD) countsOf(part, text.slice(span.start, span.end))[category]++;
    }
    for (let i = 0; i < text.length; i++) {
      for (let length = 2; length <= MAX_ENTITY_WORD && i + length <= text.length; length++) {
        const word = text.slice(i, i + length);
        if (labelled.has(word)) countsOf(part, word)[0]++;
      }
    }
  });
  return parts;
}

/**
 * The gazetteer's entries (word hash → category, 0 for a prefix): every string labelled at
 * least `minCount` times over `parts`, in at least `ratio` of its occurrences, with its most
 * frequent category.
 */
export function entityEntries(parts: EntityCounts[], minCount: number, ratio: number): { entries: Map<number, number>; words: number } {
  const total: EntityCounts = new Map();
  for (const part of parts) {
    for (const [word, counts] of part) {
      const sum = total.get(word);
      if (sum) for (let c = 0; c < 4; c++) sum[c] += counts[c];
      else total.set(word, counts.slice());
    }
  }
  const entries = new Map<number, number>();
  let words = 0;
  for (const [word, counts] of total) {
    const labels = counts[1] + counts[2] + counts[3];
    if (labels === 0 || labels < minCount || labels < ratio * counts[0]) continue;
    let category = 1;
    for (let c = 2; c < 4; c++) if (counts[c] > counts[category]) category = c;
    words++;
    for (let k = 2; k < word.length; k++) {
      const prefix = wordHash(word, 0, k) >>> 0;
      if (prefix !== 0 && !entries.has(prefix)) entries.set(prefix, 0);
    }
    const h = wordHash(word, 0, word.length) >>> 0;
    if (h !== 0) entries.set(h, category);
  }
  return { entries, words };
}
