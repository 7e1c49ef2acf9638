// Scores labelled spans against gold: precision, recall and F1 per type (strict: same start, end and type), and where they differ.

export interface LabelledSpan {
  start: number;
  end: number;
  label: string;
}

export interface TypeScore {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export type DisagreementKind = 'missed' | 'spurious' | 'type' | 'boundary';

/** A place where the predictions and the gold differ: a gold span missed, a span not in the gold, a wrong type or wrong edges. */
export interface Disagreement {
  kind: DisagreementKind;
  gold?: LabelledSpan;
  predicted?: LabelledSpan;
}

export interface Score {
  perType: TypeScore[];
  micro: TypeScore;
  disagreements: Disagreement[];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

export function typeScore(label: string, tp: number, fp: number, fn: number): TypeScore {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { label, tp, fp, fn, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}

const key = (s: LabelledSpan) => `${s.start}:${s.end}:${s.label}`;

/** Strict span scores of `predicted` against `gold`, and the disagreements in document order. */
export function scoreSpans(gold: readonly LabelledSpan[], predicted: readonly LabelledSpan[]): Score {
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (label: string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const p of predicted) {
    if (goldKeys.has(key(p))) count(p.label).tp++;
    else count(p.label).fp++;
  }
  for (const g of gold) if (!predictedKeys.has(key(g))) count(g.label).fn++;

  const disagreements: Disagreement[] = [];
  const unmatchedGold = gold.filter((g) => !predictedKeys.has(key(g)));
  const paired = new Set<LabelledSpan>();
  for (const p of predicted) {
    if (goldKeys.has(key(p))) continue;
    const partner = unmatchedGold.find((g) => g.start < p.end && p.start < g.end && !paired.has(g));
    if (!partner) disagreements.push({ kind: 'spurious', predicted: p });
    else {
      paired.add(partner);
      disagreements.push({ kind: partner.start === p.start && partner.end === p.end ? 'type' : 'boundary', gold: partner, predicted: p });
    }
  }
  for (const g of unmatchedGold) if (!paired.has(g)) disagreements.push({ kind: 'missed', gold: g });
  disagreements.sort((a, b) => (a.gold ?? a.predicted)!.start - (b.gold ?? b.predicted)!.start);

  const perType = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([label, c]) => typeScore(label, c.tp, c.fp, c.fn));
  return { perType, micro: sumScores('all', perType), disagreements };
}

/** Adds up counts (over types, or over documents) and recomputes the ratios. */
export function sumScores(label: string, scores: readonly TypeScore[]): TypeScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
  }
  return typeScore(label, tp, fp, fn);
}

/** Per-type totals over several documents' scores. */
export function mergePerType(scores: readonly Score[]): TypeScore[] {
  const byLabel = new Map<string, TypeScore[]>();
  for (const score of scores) {
    for (const t of score.perType) byLabel.set(t.label, [...(byLabel.get(t.label) ?? []), t]);
  }
  return [...byLabel.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([label, list]) => sumScores(label, list));
}
