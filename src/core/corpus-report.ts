// Statistics of a corpus for the Corpus Report: junk by kind, spam terms, entities by type, script mix, lengths, duplicate clusters.
import type { Annotation, DocumentScript } from './types';

/** A document of the corpus: a file, or a record (line) of a JSONL file. */
export interface DocRef {
  uri: string;
  /** 0-based line of a JSONL record. */
  line?: number;
  /** How the report names it (a path relative to the workspace, with ":line" for a record). */
  label: string;
}

/** One bar of a chart: its label, its count, and (some of) the documents behind it. */
export interface ReportBar {
  label: string;
  count: number;
  /** Documents behind the count, at most MAX_REFS (clicking the bar opens them). */
  docs: DocRef[];
}

export interface DuplicateCluster {
  /** The earliest copy first. */
  docs: DocRef[];
  /** Lowest estimated similarity of a copy to the first (1 = exact copies). */
  similarity: number;
}

export interface CorpusReport {
  title: string;
  generatedAt: string;
  documents: number;
  files: number;
  records: number;
  characters: number;
  junkByKind: ReportBar[];
  spamTerms: ReportBar[];
  entities: { type: string; bars: ReportBar[] }[];
  scripts: ReportBar[];
  lengths: ReportBar[];
  duplicates: DuplicateCluster[];
}

const MAX_REFS = 50;
const TOP_TERMS = 15;
const TOP_ENTITIES = 10;
const TOP_CLUSTERS = 20;
const ENTITY_ORDER = ['PER', 'LOC', 'ORG', 'WORK', 'FAC'];
/** Document lengths in characters: the upper bound of each bucket. */
const LENGTH_BUCKETS: [string, number][] = [['< 200', 200], ['200–1k', 1000], ['1k–3k', 3000], ['3k–10k', 10000], ['10k–30k', 30000], ['≥ 30k', Infinity]];
/** What separates the keywords of a spam line. */
const SPAM_SEPARATORS = /[\s|｜丨,，、_﹣－\-–—~～。！？!?:：;；]+/;

class Tally {
  private readonly bars = new Map<string, ReportBar>();

  add(label: string, doc: DocRef, count = 1): void {
    let bar = this.bars.get(label);
    if (!bar) this.bars.set(label, (bar = { label, count: 0, docs: [] }));
    bar.count += count;
    const last = bar.docs[bar.docs.length - 1];
    if (bar.docs.length < MAX_REFS && (!last || last.uri !== doc.uri || last.line !== doc.line)) bar.docs.push(doc);
  }

  top(n = Infinity): ReportBar[] {
    return [...this.bars.values()].sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1)).slice(0, n);
  }

  in(order: readonly string[]): ReportBar[] {
    return order.map((label) => this.bars.get(label) ?? { label, count: 0, docs: [] });
  }
}

/** The keyword segments of a spam finding, as they appear (most spam lines are keywords joined by separators). */
export function spamTermsOf(text: string): string[] {
  return text.split(SPAM_SEPARATORS).map((t) => t.trim()).filter((t) => t.length >= 2 && t.length <= 24);
}

export class CorpusReportBuilder {
  private documents = 0;
  private files = new Set<string>();
  private records = 0;
  private characters = 0;
  private readonly junk = new Tally();
  private readonly spam = new Tally();
  private readonly entities = new Map<string, Tally>();
  private readonly scripts = new Tally();
  private readonly lengths = new Tally();
  private readonly clusters = new Map<string, DuplicateCluster>();

  constructor(private readonly junkKinds: readonly string[]) {}

  /** Adds a document: its length (characters of its text), its annotations (labels and texts are what counts) and script. */
  add(doc: DocRef, length: number, annotations: readonly Annotation[], script: DocumentScript | undefined): void {
    this.documents++;
    this.files.add(doc.uri);
    if (doc.line !== undefined) this.records++;
    this.characters += length;
    for (const a of annotations) {
      if (a.kind === 'junk') {
        this.junk.add(a.label, doc);
        if (a.label === 'spam') for (const term of spamTermsOf(a.text)) this.spam.add(term, doc);
      } else if (a.kind === 'entity') {
        let tally = this.entities.get(a.label);
        if (!tally) this.entities.set(a.label, (tally = new Tally()));
        tally.add(a.simplified ?? a.cleanText ?? a.text, doc);
      }
    }
    this.scripts.add(script === 'simplified' ? 'Simplified' : script === 'traditional' ? 'Traditional' : 'Other', doc);
    this.lengths.add(LENGTH_BUCKETS.find(([, max]) => length < max)![0], doc);
  }

  /** A later document repeats an earlier one (the first of its cluster). */
  addDuplicate(doc: DocRef, of: DocRef, similarity: number): void {
    const key = `${of.uri}\u0000${of.line ?? ''}`;
    let cluster = this.clusters.get(key);
    if (!cluster) this.clusters.set(key, (cluster = { docs: [of], similarity: 1 }));
    if (cluster.docs.length < MAX_REFS) cluster.docs.push(doc);
    cluster.similarity = Math.min(cluster.similarity, similarity);
  }

  build(title: string, now = new Date()): CorpusReport {
    return {
      title,
      generatedAt: now.toISOString(),
      documents: this.documents,
      files: this.files.size,
      records: this.records,
      characters: this.characters,
      junkByKind: this.junk.in(this.junkKinds),
      spamTerms: this.spam.top(TOP_TERMS),
      entities: ENTITY_ORDER.filter((type) => this.entities.has(type)).map((type) => ({ type, bars: this.entities.get(type)!.top(TOP_ENTITIES) })),
      scripts: this.scripts.in(['Simplified', 'Traditional', 'Other']),
      lengths: this.lengths.in(LENGTH_BUCKETS.map(([label]) => label)),
      duplicates: [...this.clusters.values()].sort((a, b) => b.docs.length - a.docs.length || a.similarity - b.similarity).slice(0, TOP_CLUSTERS),
    };
  }
}
