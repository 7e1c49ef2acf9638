// The converted NER corpus (scripts/ner/convert.ts writes it): sentences with PER/LOC/ORG spans, their source and split.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readIfExists } from '../shared/read-if-exists';

export const SCORED_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type ScoredType = (typeof SCORED_TYPES)[number];

/** A gold or predicted entity: UTF-16 offsets into the sentence. */
export interface Span {
  start: number;
  end: number;
  type: ScoredType;
}

/** Sources of the corpus. `gsd` is Traditional (UNER Chinese GSD); the others are Simplified. */
export const SOURCES = ['msra', 'cluener', 'gsd'] as const;
export type Source = (typeof SOURCES)[number];

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export interface CorpusSentence {
  source: Source;
  split: Split;
  /** Stable id within the source (line or sentence number, document id). */
  id: string;
  /** The sentence as the source writes it (Traditional for gsd). */
  text: string;
  spans: Span[];
}

/** MSRA sentences come in blocks of this many consecutive ones (from the same article): the unit of the splits. */
export const MSRA_BLOCK = 50;

/**
 * The document a sentence belongs to, for scoring whole documents: an MSRA block of consecutive sentences, a GSD
 * document (`batch-0000` of sentence `batch-0000-0001`), each CLUENER sentence alone.
 */
export function documentOf(sentence: Pick<CorpusSentence, 'source' | 'id'>): string {
  if (sentence.source === 'msra') return `msra:${Math.floor(Number(sentence.id) / MSRA_BLOCK)}`;
  if (sentence.source === 'gsd') return `gsd:${sentence.id.replace(/-\d+$/, '')}`;
  return `${sentence.source}:${sentence.id}`;
}

/** Where convert.ts writes and train.ts / eval-ner.ts read by default: `.ner-data/` in the repository (ignored by git). */
export function defaultDataDir(): string {
  return path.join(__dirname, '..', '..', '.ner-data');
}

export const CORPUS_FILE = 'corpus.jsonl';

/** Beside a corpus whose CLUENER train rows were filled by a teacher (scripts/ner/fill-labels.ts): what was added, and by which model. */
export const FILL_FILE = 'fill.json';
export interface FillRecord {
  teacher: string;
  teacherSha256: string;
  tau: number;
  entitiesAdded: number;
  sentencesGained: number;
}

/** The fill record beside a corpus, or null for a corpus no teacher filled. */
export function readFillRecord(dataDir: string): FillRecord | null {
  const content = readIfExists(path.join(dataDir, FILL_FILE));
  return content === undefined ? null : (JSON.parse(content) as FillRecord);
}

export function readCorpus(dataDir: string): CorpusSentence[] {
  const file = path.join(dataDir, CORPUS_FILE);
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`no converted corpus at ${file}: run \`npx tsx scripts/ner/convert.ts\` first (see scripts/ner/README.md)`);
  }
  const sentences: CorpusSentence[] = [];
  for (const line of content.split('\n')) if (line) sentences.push(JSON.parse(line) as CorpusSentence);
  return sentences;
}

/**
 * Reads a BIO file (MSRA style: one `char<TAB>tag` per line, B-/I- PER/LOC/ORG tags, a blank
 * line between sentences). Tags of other types are read as O.
 */
export function readBio(content: string): { text: string; gold: Span[] }[] {
  const sentences: { text: string; gold: Span[] }[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (chars.length === 0) return;
    const gold: Span[] = [];
    let offset = 0;
    let open: Span | undefined;
    for (let i = 0; i < chars.length; i++) {
      const tag = tags[i];
      const type = tag.slice(2) as ScoredType;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && (!open || open.type !== type))) {
        if (open) gold.push(open);
        open = SCORED_TYPES.includes(type) ? { start: offset, end: offset + chars[i].length, type } : undefined;
      } else if (tag.startsWith('I-') && open) {
        open.end = offset + chars[i].length;
      } else {
        if (open) gold.push(open);
        open = undefined;
      }
      offset += chars[i].length;
    }
    if (open) gold.push(open);
    sentences.push({ text: chars.join(''), gold });
    chars = [];
    tags = [];
  };
  for (const raw of content.split(/\r?\n/)) {
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const tab = raw.lastIndexOf('\t');
    const ch = tab >= 0 ? raw.slice(0, tab) : raw.split(/\s+/)[0];
    const tag = tab >= 0 ? raw.slice(tab + 1).trim() : (raw.split(/\s+/)[1] ?? 'O');
    chars.push(ch || ' ');
    tags.push(tag);
  }
  flush();
  return sentences;
}
