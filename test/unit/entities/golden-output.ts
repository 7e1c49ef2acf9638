// Golden entity output of full analysis on fixed texts (the repo's samples and bench-style documents built by code), to keep speed work output-identical.
//
// Regenerate after an intended change of output (a retrained model, a new rule), having looked at the diff:
//   npx tsx test/unit/entities/golden-output.ts --write
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildDocument, buildSingleLine } from '../../../bench/inputs';
import { Analyzer } from '../../../src/core/analyze';
import { modelPath } from '../../../src/core/entities/model-file';
import { toSimplified } from '../../../src/core/script';

const ROOT = path.join(__dirname, '..', '..', '..');
export const GOLDEN_FILE = path.join(__dirname, 'golden', 'entities.json');

export interface Golden {
  /** SHA-256 (first 16 hex digits) of the model file the output was made with. */
  model: string;
  /** Per text: one line per entity, "start end LABEL confidence text". */
  texts: Record<string, string[]>;
  /** Per large text: SHA-256 of its lines (too long to keep in full) and their count. */
  digests: Record<string, { entities: number; sha256: string }>;
}

export function modelFingerprint(): string {
  const file = modelPath();
  if (!file) throw new Error('entity model not found');
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
}

/** The texts kept in full: the repo's samples, and small bench documents in both scripts and as one line. */
export function goldenTexts(): Record<string, string> {
  const sample = (name: string): string => readFileSync(path.join(ROOT, 'samples', name), 'utf8');
  const document = buildDocument(0.03, 5);
  return {
    'samples/mirror-article-zh-hant.txt': sample('mirror-article-zh-hant.txt'),
    'samples/simplified-business-news.txt': sample('simplified-business-news.txt'),
    'samples/english-wire-story.txt': sample('english-wire-story.txt'),
    'bench document 0.03 MB (Trad., seed 5)': document,
    'bench document 0.03 MB (Simp., seed 5)': toSimplified(document),
    'bench single line 0.01 MB (Trad., seed 9)': buildSingleLine(0.01, 9),
  };
}

/** The large texts kept as digests: the bench's 1 MB Traditional document and its Simplified form. */
export function digestTexts(): Record<string, string> {
  const document = buildDocument(1, 1);
  return { 'bench 1 MB Traditional (seed 1)': document, 'bench 1 MB Simplified (seed 1)': toSimplified(document) };
}

/** One line per entity of a full analysis (default options), in document order. */
export function entityLines(text: string): string[] {
  const out: string[] = [];
  for (const a of new Analyzer().analyze(text, {}).annotations) {
    if (a.kind !== 'entity') continue;
    out.push(`${a.start} ${a.end} ${a.label} ${a.confidence} ${a.text}`);
  }
  return out;
}

export function digest(lines: string[]): { entities: number; sha256: string } {
  return { entities: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

export function computeGolden(): Golden {
  const texts: Record<string, string[]> = {};
  for (const [name, text] of Object.entries(goldenTexts())) texts[name] = entityLines(text);
  const digests: Golden['digests'] = {};
  for (const [name, text] of Object.entries(digestTexts())) digests[name] = digest(entityLines(text));
  return { model: modelFingerprint(), texts, digests };
}

export function readGolden(): Golden {
  return JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;
}

if (require.main === module) {
  if (!process.argv.includes('--write')) {
    console.error('usage: npx tsx test/unit/entities/golden-output.ts --write');
    process.exit(2);
  }
  const golden = computeGolden();
  writeFileSync(GOLDEN_FILE, JSON.stringify(golden, null, 1) + '\n');
  const total = Object.values(golden.texts).reduce((s, l) => s + l.length, 0);
  console.log(`wrote ${path.relative(ROOT, GOLDEN_FILE)}: ${total} entities in full, digests ${JSON.stringify(golden.digests)}`);
}
