// Converts local copies of the NER training sets into one corpus file with fixed train/dev/test splits (see README.md here).
//
// Usage: npx tsx scripts/ner/convert.ts [--msra PATH] [--cluener PATH] [--gsd PATH] [--out DIR]
//   --msra     msra_train_bio, MSRA.zip, or a checkout of github.com/zhooufeng/Data
//   --cluener  cluener_public/train.json, or a checkout of github.com/suhejian/W2NER
//   --gsd      zh_gsd-ud-train.iob2, or a checkout of github.com/UniversalNER/UNER_Chinese-GSD
//   --out      where corpus.jsonl goes (default: .ner-data/ in the repository)
// A source given no path is cloned with `git clone --depth 1` into OUT/clones/ (needs access to github.com).
//
// Only the TRAINING files of each set are read. The MSRA test file inside MSRA.zip is never
// extracted, and CLUENER dev/test and UNER test files are never opened: they are reserved for
// independent evaluation. Each set's training file is split 90/5/5 into our own train/dev/test by
// a fixed hash of a unit key: blocks of 50 consecutive sentences for MSRA (consecutive sentences
// come from the same article), one sentence for CLUENER, one document (`# newdoc id`) for GSD.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS_FILE, defaultDataDir, MSRA_BLOCK, readBio, type CorpusSentence, type ScoredType, type Source, type Span, type Split } from '../../src/cli/ner-corpus';

export const SPLIT_SEED = 'news-lens-ner-2026';

/** A stable number in [0, 1) for a key (FNV-1a over the seed and the key). */
function unitHash(key: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${SPLIT_SEED}\u0000${key}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // One more avalanche round: FNV's low bits are weak for short keys.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

export function splitOf(key: string): Split {
  const x = unitHash(key);
  return x < 0.9 ? 'train' : x < 0.95 ? 'dev' : 'test';
}

interface Sources {
  msra?: string;
  cluener?: string;
  gsd?: string;
  out: string;
}

function parseArgs(argv: string[]): Sources {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return { msra: value('--msra'), cluener: value('--cluener'), gsd: value('--gsd'), out: value('--out') ?? defaultDataDir() };
}

const REPOSITORIES: Record<Source, { url: string; file: string }> = {
  msra: { url: 'https://github.com/zhooufeng/Data', file: 'MSRA.zip' },
  cluener: { url: 'https://github.com/suhejian/W2NER', file: 'data/cluener_public/train.json' },
  gsd: { url: 'https://github.com/UniversalNER/UNER_Chinese-GSD', file: 'zh_gsd-ud-train.iob2' },
};

/** The training file of a source: the given file, the file inside a given checkout, or a fresh clone's. */
function locate(source: Source, given: string | undefined, out: string): string {
  const { url, file } = REPOSITORIES[source];
  let root = given;
  if (!root) {
    root = path.join(out, 'clones', source);
    if (!existsSync(root)) {
      console.log(`cloning ${url} into ${root} …`);
      try {
        execFileSync('git', ['clone', '--depth', '1', url, root], { stdio: 'inherit' });
      } catch {
        throw new Error(`could not clone ${url}: obtain it as scripts/ner/README.md describes and pass --${source} PATH`);
      }
    }
  }
  if (!existsSync(root)) throw new Error(`--${source}: ${root} does not exist`);
  return statSync(root).isDirectory() ? path.join(root, file) : root;
}

/** MSRA training sentences (msra_train_bio, or the member of MSRA.zip: only that member is read). */
function readMsra(file: string): CorpusSentence[] {
  const content = file.endsWith('.zip')
    ? execFileSync('unzip', ['-p', file, 'msra_train_bio'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    : readFileSync(file, 'utf8');
  return readBio(content).map((s, index) => ({
    source: 'msra',
    split: splitOf(`msra:${Math.floor(index / MSRA_BLOCK)}`),
    id: String(index),
    text: s.text,
    spans: s.gold,
  }));
}

const CLUENER_TYPES: Record<string, ScoredType | undefined> = {
  name: 'PER',
  address: 'LOC',
  scene: 'LOC',
  organization: 'ORG',
  company: 'ORG',
  government: 'ORG',
};

/** CLUENER2020 training sentences, labels mapped as issue 12 says (book/movie/game/position are not PER/LOC/ORG). */
function readCluener(file: string): CorpusSentence[] {
  const sentences: CorpusSentence[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return;
      const { text, label } = JSON.parse(line) as { text: string; label: Record<string, Record<string, [number, number][]>> };
      // Offsets are code points, inclusive: map them to UTF-16 offsets.
      const codePoints = Array.from(text);
      const utf16At: number[] = [0];
      for (const ch of codePoints) utf16At.push(utf16At[utf16At.length - 1] + ch.length);
      const spans: Span[] = [];
      for (const [kind, entities] of Object.entries(label ?? {})) {
        const type = CLUENER_TYPES[kind];
        if (!type) continue;
        for (const [surface, ranges] of Object.entries(entities)) {
          for (const [first, last] of ranges) {
            const span = { start: utf16At[first], end: utf16At[last + 1], type };
            if (text.slice(span.start, span.end) !== surface) throw new Error(`CLUENER line ${index + 1}: ${surface} not at ${first}`);
            spans.push(span);
          }
        }
      }
      spans.sort((a, b) => a.start - b.start);
      sentences.push({ source: 'cluener', split: splitOf(`cluener:${index}`), id: String(index), text, spans: dropOverlaps(spans) });
    });
  return sentences;
}

/** Keeps the first of overlapping spans (CLUENER has a handful of nested labels). */
function dropOverlaps(spans: Span[]): Span[] {
  const kept: Span[] = [];
  for (const s of spans) if (!kept.length || kept[kept.length - 1].end <= s.start) kept.push(s);
  return kept;
}

/** UNER Chinese GSD training sentences (Traditional). Word-level IOB2 tags become character spans of `# text`. */
function readGsd(file: string): CorpusSentence[] {
  const sentences: CorpusSentence[] = [];
  let doc = '';
  let id = '';
  let text = '';
  let tokens: { word: string; tag: string }[] = [];
  const flush = (): void => {
    if (!tokens.length) return;
    if (!text) text = tokens.map((t) => t.word).join('');
    const spans: Span[] = [];
    let at = 0;
    let open: Span | undefined;
    for (const { word, tag } of tokens) {
      const start = text.indexOf(word, at);
      if (start < 0) throw new Error(`GSD ${id}: token ${word} not in text`);
      at = start + word.length;
      const type = tag.slice(2) as ScoredType;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && open?.type !== type)) {
        if (open) spans.push(open);
        open = { start, end: at, type };
      } else if (tag.startsWith('I-') && open) open.end = at;
      else {
        if (open) spans.push(open);
        open = undefined;
      }
    }
    if (open) spans.push(open);
    sentences.push({ source: 'gsd', split: splitOf(`gsd:${doc}`), id, text, spans });
    tokens = [];
    text = '';
  };
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('# newdoc id =')) doc = line.slice(13).trim();
    else if (line.startsWith('# sent_id =')) id = line.slice(11).trim();
    else if (line.startsWith('# text =')) text = line.slice(8).trim();
    else if (line.trim() === '') flush();
    else if (!line.startsWith('#')) {
      const columns = line.split('\t');
      tokens.push({ word: columns[1], tag: columns[2] });
    }
  }
  flush();
  return sentences;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const all: CorpusSentence[] = [
    ...readMsra(locate('msra', args.msra, args.out)),
    ...readCluener(locate('cluener', args.cluener, args.out)),
    ...readGsd(locate('gsd', args.gsd, args.out)),
  ];
  writeFileSync(path.join(args.out, CORPUS_FILE), all.map((s) => JSON.stringify(s)).join('\n') + '\n');
  const table = new Map<string, { sentences: number; spans: number }>();
  for (const s of all) {
    const key = `${s.source} ${s.split}`;
    const row = table.get(key) ?? { sentences: 0, spans: 0 };
    row.sentences++;
    row.spans += s.spans.length;
    table.set(key, row);
  }
  for (const [key, row] of table) console.log(`${key.padEnd(14)} ${String(row.sentences).padStart(6)} sentences ${String(row.spans).padStart(6)} entities`);
  console.log(`wrote ${path.join(args.out, CORPUS_FILE)}`);
}

if (require.main === module) main();
