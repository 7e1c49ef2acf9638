// Corpus statistics of a CLI run: counts per document batch, merged in order, written as JSON and shown as a table.
import { scanExtraTerms, scanLexicon } from '../core/junk/lexicon';
import type { Annotation, AnalyzeOptions } from '../core/types';
import type { DedupStats } from '../core/dedup';

/** Counts over some documents; plain data, so that worker threads and shard markers can carry it. */
export interface Counts {
  documents: number;
  /** Characters of the documents' text, in code points. */
  characters: number;
  /** Junk findings per kind. */
  junk: Record<string, number>;
  /** How often each spam-lexicon term (or --spam-terms term) occurs inside spam findings. */
  spamTerms: Record<string, number>;
  /** Entities per type. */
  entities: Record<string, number>;
  /** Figures per type. */
  figures: Record<string, number>;
}

export function emptyCounts(): Counts {
  return { documents: 0, characters: 0, junk: {}, spamTerms: {}, entities: {}, figures: {} };
}

/** Spam terms kept per count table: beyond this the rarest are dropped (the top of the list is what is reported). */
const MAX_SPAM_TERMS = 20000;

/** Adds one document's annotations. */
export function countDocument(counts: Counts, text: string, annotations: readonly Annotation[], options: AnalyzeOptions): void {
  counts.documents++;
  counts.characters += codePointLength(text);
  for (const a of annotations) {
    const table = a.kind === 'junk' ? counts.junk : a.kind === 'entity' ? counts.entities : a.kind === 'figure' ? counts.figures : undefined;
    if (!table) continue;
    table[a.label] = (table[a.label] ?? 0) + 1;
    if (a.kind === 'junk' && a.label === 'spam') {
      for (const hit of [...scanLexicon(a.text), ...scanExtraTerms(a.text, options.extraSpamTerms)]) {
        counts.spamTerms[hit.term] = (counts.spamTerms[hit.term] ?? 0) + 1;
      }
    }
  }
  pruneSpamTerms(counts);
}

/** Adds `from` into `into`. */
export function mergeCounts(into: Counts, from: Counts): void {
  into.documents += from.documents;
  into.characters += from.characters;
  for (const key of ['junk', 'spamTerms', 'entities', 'figures'] as const) {
    for (const [name, n] of Object.entries(from[key])) into[key][name] = (into[key][name] ?? 0) + n;
  }
  pruneSpamTerms(into);
}

function pruneSpamTerms(counts: Counts): void {
  const entries = Object.entries(counts.spamTerms);
  if (entries.length <= MAX_SPAM_TERMS) return;
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  counts.spamTerms = Object.fromEntries(entries.slice(0, MAX_SPAM_TERMS / 2));
}

function codePointLength(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) surrogates++;
    }
  }
  return text.length - surrogates;
}

/** The `--stats` file. */
export interface RunStats {
  command: string;
  documents: number;
  characters: number;
  /** Bytes of input read in this run (shards skipped on resume are not read). */
  inputBytes: number;
  junk: Record<string, number>;
  topSpamTerms: { term: string; count: number }[];
  entities: Record<string, number>;
  figures: Record<string, number>;
  /** Near-duplicate detection over the documents analyzed in this run (not those of shards skipped on resume). */
  duplicates?: Omit<DedupStats, 'bytes'> & { threshold: number };
  shards?: { written: number; skipped: number };
  jobs: number;
  seconds: number;
  megabytesPerSecond: number;
  peakRssMB: number;
}

export function runStats(
  command: string,
  counts: Counts,
  extra: { inputBytes: number; seconds: number; jobs: number; duplicates?: RunStats['duplicates']; shards?: RunStats['shards'] },
): RunStats {
  const topSpamTerms = Object.entries(counts.spamTerms)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 20)
    .map(([term, count]) => ({ term, count }));
  return {
    command,
    documents: counts.documents,
    characters: counts.characters,
    inputBytes: extra.inputBytes,
    junk: sorted(counts.junk),
    topSpamTerms,
    entities: sorted(counts.entities),
    figures: sorted(counts.figures),
    ...(extra.duplicates ? { duplicates: extra.duplicates } : {}),
    ...(extra.shards ? { shards: extra.shards } : {}),
    jobs: extra.jobs,
    seconds: round(extra.seconds, 3),
    megabytesPerSecond: round(extra.seconds > 0 ? extra.inputBytes / 1e6 / extra.seconds : 0, 3),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function sorted(table: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(table).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The short table printed on stderr at the end of a run with --stats. */
export function statsTable(stats: RunStats, file: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const list = (table: Record<string, number>) => (Object.keys(table).length ? Object.entries(table).map(([k, v]) => `${k} ${n(v)}`).join(' · ') : '-');
  const rows: [string, string][] = [
    ['documents', `${n(stats.documents)} (${n(stats.characters)} characters, ${(stats.inputBytes / 1e6).toFixed(1)} MB read)`],
    ['junk', list(stats.junk)],
    ['spam terms', stats.topSpamTerms.length ? stats.topSpamTerms.slice(0, 8).map((t) => `${t.term} ${n(t.count)}`).join(' · ') : '-'],
    ['entities', list(stats.entities)],
    ['figures', list(stats.figures)],
  ];
  if (stats.duplicates) {
    const d = stats.duplicates;
    rows.push(['duplicates', `${n(d.exactDuplicates)} exact, ${n(d.nearDuplicates)} near (≥ ${d.threshold}), ${n(d.clusters)} clusters, largest ${n(d.largestCluster)}`]);
  }
  if (stats.shards) rows.push(['shards', `${n(stats.shards.written)} written, ${n(stats.shards.skipped)} already complete`]);
  rows.push(['time', `${stats.seconds.toFixed(1)} s, ${stats.megabytesPerSecond.toFixed(2)} MB/s with ${stats.jobs} job${stats.jobs === 1 ? '' : 's'}, peak RSS ${n(stats.peakRssMB)} MB`]);
  rows.push(['stats', file]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}
