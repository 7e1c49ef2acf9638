// The statistical spam scorer: logistic regression over character n-grams of a candidate phrase (data/junk/spam-scorer.json, trained by scripts/junk/train-scorer.ts).
import model from '../../../data/junk/spam-scorer.json';
import { charTables } from './char-classes';
import { shapeFeatures } from './brand-shape';

/** The shipped model: weights of hashed features, quantized to signed bytes (weight = byte × scale), base64. */
export interface ScorerModel {
  bias: number;
  bits: number;
  scale: number;
  weights: string;
}

export interface Contribution {
  feature: string;
  weight: number;
}

export interface SpanScore {
  /** P(spam) of the phrase, 0..1. */
  probability: number;
  /** The features that pushed the score most, strongest first. */
  top: Contribution[];
}

/**
 * The phrase as the scorer reads it: folded (Simplified, lower-case, look-alikes to letters), without whitespace,
 * separators or punctuation, so `Bet365 官網` and `bet365官网` are the same phrase.
 */
export function normalizeSpan(text: string): string {
  const { fold, classes } = charTables();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // CJK (incl. extension A and compatibility), Latin and digits (incl. full-width and look-alikes) are content.
    if (classes[code] & (16 | 32)) out += String.fromCharCode(fold[code]);
  }
  return out;
}

/** Character 1-, 2- and 3-grams, with ^ and $ marking the phrase's edges (`^亚`, `育$`): where a phrase starts and ends matters; plus brand-shape features (brand-shape.ts). */
export function spanFeatures(normalized: string): string[] {
  const features: string[] = [];
  const s = `^${normalized}$`;
  for (let i = 1; i < s.length - 1; i++) features.push(s[i]);
  for (let i = 0; i + 2 <= s.length; i++) features.push(s.slice(i, i + 2));
  for (let i = 0; i + 3 <= s.length; i++) features.push(s.slice(i, i + 3));
  // The mold of a site name whatever its head (§H2+T+S for 鑫盛娱乐官网 as for 亚博体育官网): how unseen brands are found.
  for (const f of shapeFeatures(normalized)) features.push(f);
  return features;
}

/** FNV-1a over UTF-16 code units: a feature's bucket (the hashing trick; training uses the same function). */
export function featureBucket(feature: string, bits: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & ((1 << bits) - 1);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

interface Loaded {
  bias: number;
  bits: number;
  weights: Float32Array;
}
let weights: Loaded | undefined;

function loaded(): Loaded {
  if (weights) return weights;
  const m = model as unknown as ScorerModel;
  const bytes = Buffer.from(m.weights, 'base64');
  const table = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) table[i] = ((bytes[i] << 24) >> 24) * m.scale;
  return (weights = { bias: m.bias, bits: m.bits, weights: table });
}

/**
 * The n-grams of spanFeatures() (hashed in place: the same buckets without a string per feature), then the shape
 * features, in that order: `visit` gets each one with a weight, and its name as `source.slice(at, at + length)`
 * (cut out only by a caller that needs it).
 */
function forEachWeightedFeature(normalized: string, visit: (weight: number, source: string, at: number, length: number) => void, blindHead = 0): void {
  const { bits, weights: w } = loaded();
  const s = `^${normalized}$`;
  const mask = (1 << bits) - 1;
  for (let n = 1; n <= 3; n++) {
    const from = n === 1 ? 1 : 0;
    const to = n === 1 ? s.length - 1 : s.length - n + 1;
    // n-grams inside `^` + the first blindHead units (an unseen head) are left out.
    for (let i = Math.max(from, blindHead + 1 - n + 1); i < to; i++) {
      let h = 0x811c9dc5;
      for (let k = i; k < i + n; k++) {
        h ^= s.charCodeAt(k);
        h = Math.imul(h, 0x01000193);
      }
      const weight = w[(h >>> 0) & mask];
      if (weight !== 0) visit(weight, s, i, n);
    }
  }
  for (const feature of shapeFeatures(normalized)) {
    const weight = w[featureBucket(feature, bits)];
    if (weight !== 0) visit(weight, feature, 0, feature.length);
  }
}

/** The features that push a phrase towards spam most, strongest first (for reasons: only flagged phrases need them). */
function topContributions(normalized: string, topCount: number, blindHead: number): Contribution[] {
  const contributions = new Map<string, number>();
  forEachWeightedFeature(normalized, (weight, source, at, length) => {
    if (weight <= 0) return;
    const feature = source.slice(at, at + length);
    contributions.set(feature, (contributions.get(feature) ?? 0) + weight);
  }, blindHead);
  return [...contributions.entries()]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([feature, weight]) => ({ feature, weight }));
}

/** A score whose top features are worked out on first use: most phrases scored are never reported. */
class PhraseScore implements SpanScore {
  private topFeatures: Contribution[] | undefined;
  constructor(
    readonly probability: number,
    private readonly normalized: string,
    private readonly topCount: number,
    private readonly blindHead = 0,
  ) {}

  get top(): Contribution[] {
    return (this.topFeatures ??= topContributions(this.normalized, this.topCount, this.blindHead));
  }
}

/** Scores a phrase (raw text; it is normalized here). An empty phrase scores 0. */
export function scoreSpan(text: string, topCount = 3): SpanScore {
  return scoreNormalized(normalizeSpan(text), topCount);
}

/**
 * Scores a normalized phrase without the n-grams that lie wholly inside its first `blindHead` units (and the `^`
 * before them): the score of its mold when the head is a name the scorer cannot know (unseen-head.ts).
 */
export function scoreNormalized(normalized: string, topCount = 3, blindHead = 0): SpanScore {
  if (normalized.length === 0) return { probability: 0, top: [] };
  let sum = loaded().bias;
  forEachWeightedFeature(normalized, (weight) => {
    sum += weight;
  }, blindHead);
  return new PhraseScore(sigmoid(sum), normalized, topCount, blindHead);
}

/** `体育 +1.2, ^亚 +0.8`: the top features as the hover shows them. */
export function describeTop(top: readonly Contribution[]): string {
  return top.map((c) => `${c.feature} +${c.weight.toFixed(1)}`).join(', ');
}
