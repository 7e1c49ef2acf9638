// Inter-annotator agreement on the same texts: per-type F1 between two annotators, Cohen's kappa on tokens and characters, disagreements.
import { scoreSpans, sumScores, type LabelledSpan } from './compare';

/** One text annotated by two annotators (UTF-16 offsets into `text`). */
export interface AgreementDocument {
  name: string;
  text: string;
  a: LabelledSpan[];
  b: LabelledSpan[];
}

export interface TypeAgreement {
  label: string;
  /** Spans of this type by each annotator, and spans both marked identically. */
  a: number;
  b: number;
  matched: number;
  /** 2·matched / (a + b): F1 of either annotator against the other. */
  f1: number;
  /** Cohen's kappa on tokens for "this type or not". */
  kappa: number;
}

/** A region where the two annotators differ: what each marked there (an empty list: nothing). */
export interface AgreementDisagreement {
  document: string;
  start: number;
  end: number;
  text: string;
  a: LabelledSpan[];
  b: LabelledSpan[];
}

export interface Agreement {
  documents: number;
  perType: TypeAgreement[];
  /** F1 over all types. */
  f1: number;
  /** Cohen's kappa on tokens (a Chinese character, a word of letters or digits, a symbol), labelled with the type covering them or O. */
  tokenKappa: number;
  tokens: number;
  /** The same on characters (code points other than whitespace). */
  characterKappa: number;
  characters: number;
  disagreements: AgreementDisagreement[];
}

/** Tokens: one per Han character, one per run of other letters/digits/marks, one per other non-space symbol. */
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+|\S/gu;

/** Starts (UTF-16) of the units kappa is counted on. */
export function tokenStarts(text: string): number[] {
  return [...text.matchAll(TOKEN)].map((m) => m.index!);
}

export function characterStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!/\s/u.test(String.fromCodePoint(cp))) starts.push(i);
    i += width;
  }
  return starts;
}

/** The label covering each offset of the text ('' where none; the first span wins where spans overlap). */
function labelsAt(length: number, spans: readonly LabelledSpan[]): string[] {
  const labels = new Array<string>(length).fill('');
  for (const s of [...spans].sort((x, y) => y.start - x.start)) for (let i = Math.max(0, s.start); i < Math.min(length, s.end); i++) labels[i] = s.label;
  return labels;
}

/** Cohen's kappa of two label sequences; 1 when they agree on a single category (no chance to correct for). */
export function cohensKappa(pairs: readonly [string, string][]): number {
  const n = pairs.length;
  if (n === 0) return 1;
  let agree = 0;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [label, a] of countA) expected += (a / n) * ((countB.get(label) ?? 0) / n);
  if (expected === 1) return observed === 1 ? 1 : 0;
  return (observed - expected) / (1 - expected);
}

/** Regions where the two annotators' unmatched spans overlap, merged. */
function disagreementRegions(doc: AgreementDocument): AgreementDisagreement[] {
  const key = (s: LabelledSpan) => `${s.start}:${s.end}:${s.label}`;
  const inA = new Set(doc.a.map(key));
  const inB = new Set(doc.b.map(key));
  const loose = [...doc.a.filter((s) => !inB.has(key(s))).map((s) => ({ s, side: 'a' as const })), ...doc.b.filter((s) => !inA.has(key(s))).map((s) => ({ s, side: 'b' as const }))];
  loose.sort((x, y) => x.s.start - y.s.start || x.s.end - y.s.end);
  const regions: AgreementDisagreement[] = [];
  for (const { s, side } of loose) {
    let region = regions[regions.length - 1];
    if (!region || s.start >= region.end) {
      region = { document: doc.name, start: s.start, end: s.end, text: '', a: [], b: [] };
      regions.push(region);
    }
    region.end = Math.max(region.end, s.end);
    region[side].push(s);
  }
  for (const r of regions) r.text = doc.text.slice(r.start, r.end);
  return regions;
}

export function agreement(documents: readonly AgreementDocument[]): Agreement {
  const tokenPairs: [string, string][] = [];
  const characterPairs: [string, string][] = [];
  const scores = documents.map((doc) => scoreSpans(doc.a, doc.b));
  const disagreements: AgreementDisagreement[] = [];
  for (const doc of documents) {
    const a = labelsAt(doc.text.length, doc.a);
    const b = labelsAt(doc.text.length, doc.b);
    for (const i of tokenStarts(doc.text)) tokenPairs.push([a[i] || 'O', b[i] || 'O']);
    for (const i of characterStarts(doc.text)) characterPairs.push([a[i] || 'O', b[i] || 'O']);
    disagreements.push(...disagreementRegions(doc));
  }
  const labels = new Set<string>();
  for (const doc of documents) for (const s of [...doc.a, ...doc.b]) labels.add(s.label);
  const perType = [...labels].sort().map((label): TypeAgreement => {
    const a = documents.reduce((n, d) => n + d.a.filter((s) => s.label === label).length, 0);
    const b = documents.reduce((n, d) => n + d.b.filter((s) => s.label === label).length, 0);
    const matched = scores.reduce((n, s) => n + (s.perType.find((t) => t.label === label)?.tp ?? 0), 0);
    const kappa = cohensKappa(tokenPairs.map(([x, y]) => [String(x === label), String(y === label)]));
    return { label, a, b, matched, f1: a + b === 0 ? 1 : (2 * matched) / (a + b), kappa };
  });
  const all = sumScores('all', scores.map((s) => s.micro));
  const totalA = documents.reduce((n, d) => n + d.a.length, 0);
  const totalB = documents.reduce((n, d) => n + d.b.length, 0);
  return {
    documents: documents.length,
    perType,
    f1: totalA + totalB === 0 ? 1 : (2 * all.tp) / (totalA + totalB),
    tokenKappa: cohensKappa(tokenPairs),
    tokens: tokenPairs.length,
    characterKappa: cohensKappa(characterPairs),
    characters: characterPairs.length,
    disagreements,
  };
}
