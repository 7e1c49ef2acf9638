// Seeded randomness and stable hashing for the junk build scripts: the same inputs always give the same data.
import { seededRandom } from '../../src/shared/seeded-random';
export const rng = seededRandom;

/** FNV-1a over UTF-16 code units: a stable split of items into train/dev/held-out. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
