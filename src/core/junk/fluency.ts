// Character-bigram fluency under a news language model (data/junk/fluency-lm.json, built by scripts/junk/build-fluency.ts): mean log P(next | previous) over the CJK pairs of a text.
import model from '../../../data/junk/fluency-lm.json';

/** The shipped model: unigram log-probabilities per character, and hashed 4-bit levels of log P(b | a). */
export interface FluencyModel {
  chars: string;
  unigram: string;
  bits: number;
  step: number;
  floor: number;
  lambda: number;
  bigram: string;
}

interface Loaded {
  unigram: Float32Array;
  /** log P of a character the model never saw. */
  unseen: number;
  bigram: Uint8Array;
  bits: number;
  step: number;
  floor: number;
  lambda: number;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const m = model as unknown as FluencyModel;
  const unigram = new Float32Array(65536).fill(NaN);
  const levels = Buffer.from(m.unigram, 'base64');
  let min = 0;
  for (let i = 0; i < m.chars.length; i++) {
    unigram[m.chars.charCodeAt(i)] = -levels[i] / 16;
    min = Math.min(min, -levels[i] / 16);
  }
  return (loaded = { unigram, unseen: min - 1, bigram: Buffer.from(m.bigram, 'base64'), bits: m.bits, step: m.step, floor: m.floor, lambda: m.lambda });
}

/** The bucket of a character pair (training uses the same function). */
export function pairBucket(a: number, b: number, bits: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return (h >>> 0) & ((1 << bits) - 1);
}

/** 4-bit level (0 = unseen pair) of a bucket. */
function level(table: Uint8Array, bucket: number): number {
  const byte = table[bucket >> 1];
  return bucket & 1 ? byte >> 4 : byte & 15;
}

const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

export interface Fluency {
  /** Mean natural-log P(next | previous) over adjacent Han pairs (interpolated with the unigram). */
  meanLogProb: number;
  /** Adjacent Han pairs measured. */
  pairs: number;
  /** Share of those pairs the news model never saw. */
  unseenShare: number;
}

/** Fluency of a text under the news model; characters are expected Simplified (fold first). */
export function fluency(text: string): Fluency {
  const m = load();
  let sum = 0;
  let pairs = 0;
  let unseen = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (!isHan(a) || !isHan(b)) continue;
    const ub = m.unigram[b];
    const pb = Math.exp(Number.isNaN(ub) ? m.unseen : ub);
    const lv = level(m.bigram, pairBucket(a, b, m.bits));
    const pba = lv === 0 ? 0 : Math.exp(m.floor + (lv - 1) * m.step);
    if (lv === 0) unseen++;
    sum += Math.log(m.lambda * pba + (1 - m.lambda) * pb);
    pairs++;
  }
  return { meanLogProb: pairs === 0 ? 0 : sum / pairs, pairs, unseenShare: pairs === 0 ? 0 : unseen / pairs };
}
