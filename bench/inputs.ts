// Builds the benchmark's documents deterministically from the sample article: varied articles in Traditional and Simplified, and one long line.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { toSimplified } from '../src/core/script';
import { seededRandom as rng } from '../src/shared/seeded-random';

export const SAMPLE_RELATIVE = 'samples/mirror-article-zh-hant.txt';
const SAMPLE = path.join(__dirname, '..', SAMPLE_RELATIVE);

export interface BenchInput {
  name: string;
  text: string;
  bytes: number;
  lines: number;
}

interface SampleParts {
  /** Header lines before the title: bullets, markup, the breadcrumb. */
  header: string[];
  dateLine: string;
  sentences: string[];
  editor: string;
  copyright: string;
  spamItems: string[];
}

let parts: SampleParts | undefined;

/** Splits the sample into its junk lines and a pool of body sentences. */
function sampleParts(): SampleParts {
  if (parts) return parts;
  const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
  const body = lines.filter((l) => l.startsWith('      ') && l.trim().length > 40);
  const sentences = body.flatMap((p) => p.trim().match(/[^。!?]+(?:[。!?]|$)/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 4);
  const find = (re: RegExp): string => lines.find((l) => re.test(l)) ?? '';
  const titleIndex = lines.findIndex((l) => l.trim() !== '' && !/<|•/.test(l) && !l.includes('>'));
  const spam = find(/\|.*\|.*\|/);
  parts = {
    header: lines.slice(0, Math.max(0, titleIndex)).filter((l) => l.trim() !== ''),
    dateLine: find(/\d{4}-\d{2}-\d{2}/),
    sentences,
    editor: find(/^\s*\(.*:.*\)\s*$/),
    copyright: find(/版權/),
    spamItems: spam.split('|').map((s) => s.trim()).filter(Boolean),
  };
  if (parts.sentences.length < 10 || !parts.spamItems.length) throw new Error(`unexpected sample layout in ${SAMPLE_RELATIVE}`);
  return parts;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Replaces each number by another of the same shape (years stay years). */
function varyNumbers(text: string, random: () => number): string {
  return text.replace(/\d+(?:\.\d+)?/g, (m) => {
    if (/^(19|20)\d\d$/.test(m)) return String(2000 + Math.floor(random() * 30));
    return m.replace(/\d/g, (_d, i: number) => String(i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10)));
  });
}

function makeParagraph(random: () => number, p: SampleParts): string {
  const count = 2 + Math.floor(random() * 4);
  const start = Math.floor(random() * p.sentences.length);
  const picked: string[] = [];
  // A run of consecutive sentences from a random place (rotated through the pool), one swapped for a random one.
  for (let i = 0; i < count; i++) picked.push(p.sentences[(start + i) % p.sentences.length]);
  picked[Math.floor(random() * count)] = p.sentences[Math.floor(random() * p.sentences.length)];
  return varyNumbers(picked.join(''), random);
}

function makeArticle(random: () => number, p: SampleParts, index: number, seen: Set<string>): string[] {
  const id = (): string => Math.floor(random() * 36 ** 5).toString(36).padStart(5, '0');
  const out: string[] = [];
  for (const line of p.header) out.push(line.replace(/id="[^"]*"/g, () => `id="${id()}"`));
  const titleSource = p.sentences[Math.floor(random() * p.sentences.length)];
  out.push('', `    ${varyNumbers(titleSource.split(/[,,;]/)[0].replace(/[。!?]$/, ''), random)}`, '');
  const day = `${2015 + Math.floor(random() * 10)}-${pad2(1 + Math.floor(random() * 12))}-${pad2(1 + Math.floor(random() * 28))}`;
  const time = `${pad2(Math.floor(random() * 24))}:${pad2(Math.floor(random() * 60))}:00`;
  out.push(p.dateLine.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/, `${day} ${time}`), '');
  const paragraphs = 6 + Math.floor(random() * 8);
  for (let i = 0; i < paragraphs; i++) {
    let paragraph = makeParagraph(random, p);
    for (let tries = 0; seen.has(paragraph) && tries < 20; tries++) paragraph = makeParagraph(random, p);
    seen.add(paragraph);
    out.push(`      ${paragraph}`, '');
  }
  out.push(p.editor, '', p.copyright, '');
  const first = (index * 7) % p.spamItems.length;
  const spamCount = 8 + Math.floor(random() * 8);
  const items = Array.from({ length: spamCount }, (_, i) => p.spamItems[(first + i) % p.spamItems.length]);
  out.push(`    ${items.join('| ')}|`, '');
  return out;
}

/** A multi-line document of scraped articles in Traditional, at least `mb` MB of UTF-8. */
export function buildDocument(mb: number, seed: number): string {
  const p = sampleParts();
  const random = rng(seed);
  const target = Math.round(mb * 1e6);
  const seen = new Set<string>();
  const lines: string[] = [];
  let bytes = 0;
  for (let article = 0; bytes < target; article++) {
    for (const line of makeArticle(random, p, article, seen)) {
      lines.push(line);
      bytes += Buffer.byteLength(line, 'utf8') + 1;
      if (bytes >= target) break;
    }
  }
  return lines.join('\n') + '\n';
}

/** One line of body paragraphs joined without breaks, at least `mb` MB. */
export function buildSingleLine(mb: number, seed: number): string {
  const p = sampleParts();
  const random = rng(seed);
  const target = Math.round(mb * 1e6);
  const chunks: string[] = [];
  let bytes = 0;
  while (bytes < target) {
    const paragraph = makeParagraph(random, p);
    chunks.push(paragraph);
    bytes += Buffer.byteLength(paragraph, 'utf8');
  }
  return chunks.join('');
}

export function describe(name: string, text: string): BenchInput {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return { name, text, bytes: Buffer.byteLength(text, 'utf8'), lines };
}

export interface InputSet {
  trad: BenchInput;
  simp: BenchInput;
  largeTrad?: BenchInput;
  largeSimp?: BenchInput;
  singleLine: BenchInput;
}

export function buildInputs(smallMB: number, largeMB: number): InputSet {
  const small = buildDocument(smallMB, 1);
  const large = largeMB > 0 ? buildDocument(largeMB, 10) : undefined;
  return {
    trad: describe(`${smallMB} MB Traditional`, small),
    simp: describe(`${smallMB} MB Simplified`, toSimplified(small)),
    largeTrad: large === undefined ? undefined : describe(`${largeMB} MB Traditional`, large),
    largeSimp: large === undefined ? undefined : describe(`${largeMB} MB Simplified`, toSimplified(large)),
    singleLine: describe(`${smallMB} MB single line (Trad.)`, buildSingleLine(smallMB, 3)),
  };
}

/** The sample article itself (for the cold-start measurement). */
export function sampleText(): string {
  return readFileSync(SAMPLE, 'utf8');
}
