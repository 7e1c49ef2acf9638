// Builds data/lost-byte-bigrams.json: character and character-pair counts of news text (Simplified and Traditional), for guessing a byte a wrong decoder lost.
//
// UTF-8 read as GBK loses the last byte of a run before ASCII or the line end; a strict Windows-1252 decoder loses
// five byte values. The repair then knows a character up to one of 64 (or 5) and picks the one that fits between
// its neighbours best: P(c | before) · P(after | c), from these counts. Digits count as one symbol `0`, ASCII
// letters as `a`, and a line end as `\n` (sentences end lines: 。 before a line end, not 、).
//
// Sources, each counted as written and converted to Traditional (opencc-js, cn → tw); counts only, never the text:
// - github:DuckBurnIncense/xin-wen-lian-bo@ae8d591d33dd3701a34045e0acb24cd5b70b2ede:news/*.md: the summaries and
//   article paragraphs of 1,424 新闻联播 transcripts (repository MIT, text from cctv.com). Broadcast register only: it
//   seldom writes 却, 又 or 名, so alone it chose 但是吴看 over 但是却看.
// - the training files of two entity sets, as scripts/ner/convert.ts writes them to .ner-data/corpus.jsonl (every
//   sentence of those files, whatever its entity split; see scripts/ner/README.md for provenance and licences):
//   MSRA NER train (People's Daily, research use) counted once, CLUENER2020 train (Sina news, no licence stated)
//   four times, as it is small (0.4 M characters against 2.2 M). Only training files: the MSRA test file and
//   CLUENER dev/test are reserved and never read. Neither overlaps the evaluation sentences (cnews): no sentence of
//   15 characters or more of either occurs in it.
// The weights (×4, ×1) were chosen on the dev split of scripts/junk-forms/eval.ts; the repair is measured on cnews,
// which none of these sources is.
//
// Run: node scripts/junk-forms/build-lost-byte-model.mjs [GIT_DIR] [--ner-corpus FILE]
//      GIT_DIR: a clone or bare mirror of xin-wen-lian-bo (without one it is cloned into scripts/junk-forms/.data/);
//      FILE: default .ner-data/corpus.jsonl (run scripts/ner/convert.ts first).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTranscripts, TRANSCRIPTS_COMMIT } from './transcripts.mjs';

const require = createRequire(import.meta.url);
const OpenCC = require('opencc-js');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Pairs seen fewer times are left out: they are the bulk of the file and move few choices. */
const MIN_PAIR_COUNT = 3;

const args = process.argv.slice(2);
const corpusAt = args.indexOf('--ner-corpus');
const nerCorpus = corpusAt >= 0 ? args.splice(corpusAt, 2)[1] : join(root, '.ner-data', 'corpus.jsonl');
/** How many times each entity set's sentences are counted. */
const NER_SOURCE_WEIGHTS = { msra: 1, cluener: 4 };
if (!existsSync(nerCorpus)) {
  console.error(`${nerCorpus} is missing: run scripts/ner/convert.ts first (scripts/ner/README.md), or pass --ner-corpus FILE`);
  process.exit(1);
}
const { files, read } = openTranscripts(args[0]);
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** The symbol a character counts as, or '' for one that is not counted (spaces, markup). */
function symbol(ch) {
  if (ch >= '0' && ch <= '9') return '0';
  if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')) return 'a';
  if (ch === ' ' || ch === '\t' || ch === '#' || ch === '*' || ch === '\u3000') return '';
  return ch;
}

const unigrams = new Map();
const pairs = new Map();
/** Pairs of symbols with a number between them (`分、16个`: 、 and 个), as if the number were not there. */
const acrossNumbers = new Map();
/** A number as news writes it: digits, and a decimal point, thousands comma or score colon between digits. */
const NUMBER = /[0-9０-９]+(?:[.,:：．][0-9０-９]+)*/g;
let characters = 0;
let lines = 0;
/**
 * The lines of prose of a transcript: the summary items, and the articles' paragraphs (each article is one line
 * of HTML, its paragraphs <p> elements). Headings and links to the original are page structure.
 */
function paragraphs(transcript) {
  return transcript
    .split('\n')
    .filter((line) => !line.startsWith('#') && !line.startsWith('[查看原文]'))
    .join('\n')
    .replace(/<\/?(p|br|div|h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .split('\n');
}

function count(text) {
  for (const raw of paragraphs(text)) {
    const line = raw.trim();
    if (!line) continue;
    lines++;
    let previous = '\n';
    for (const ch of line) {
      const s = symbol(ch);
      if (!s) continue;
      characters++;
      unigrams.set(s, (unigrams.get(s) ?? 0) + 1);
      pairs.set(previous + s, (pairs.get(previous + s) ?? 0) + 1);
      previous = s;
    }
    pairs.set(previous + '\n', (pairs.get(previous + '\n') ?? 0) + 1);
    for (const match of line.matchAll(NUMBER)) {
      const first = match.index === 0 ? '\n' : symbol(line[match.index - 1]);
      const end = match.index + match[0].length;
      const second = end === line.length ? '\n' : symbol(line[end]);
      if (first && second && first !== '0' && second !== '0') acrossNumbers.set(first + second, (acrossNumbers.get(first + second) ?? 0) + 1);
    }
  }
}
/** Characters that differ between the two scripts, as converted here: for keeping a repair in its line's script. */
const simplifiedOnly = new Set();
const traditionalOnly = new Set();
for (const file of files) {
  const text = read(file);
  const traditional = toTraditional(text);
  count(text);
  count(traditional);
  const a = [...text];
  const b = [...traditional];
  if (a.length !== b.length) continue;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    simplifiedOnly.add(a[i]);
    traditionalOnly.add(b[i]);
  }
}
/** The sentences of each entity set's training file, one per line. */
const nerText = { msra: [], cluener: [] };
for (const row of readFileSync(nerCorpus, 'utf8').split('\n')) {
  if (!row) continue;
  const { source, text } = JSON.parse(row);
  if (source in nerText) nerText[source].push(text);
}
const nerSentences = {};
for (const [source, sentences] of Object.entries(nerText)) {
  if (sentences.length === 0) throw new Error(`${nerCorpus} has no ${source} sentences`);
  nerSentences[source] = sentences.length;
  const text = sentences.join('\n');
  const traditional = toTraditional(text);
  for (let k = 0; k < NER_SOURCE_WEIGHTS[source]; k++) {
    count(text);
    count(traditional);
  }
}
// A character both scripts write (于 is also 於's simplification but stays in Traditional text) is neither.
for (const ch of [...simplifiedOnly]) if (traditionalOnly.has(ch)) { simplifiedOnly.delete(ch); traditionalOnly.delete(ch); }

/** Counts are kept as buckets of half a bit: round(2 · log2 count). */
const bucket = (n) => String(Math.round(2 * Math.log2(n)));
const byBucket = (entries) => {
  const out = {};
  for (const [key, n] of entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) out[bucket(n)] = (out[bucket(n)] ?? '') + key;
  return out;
};
// Sorted by code units, so that the repair can search them without building a map.
const inCodeUnitOrder = (a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0) || a[0].charCodeAt(1) - b[0].charCodeAt(1);
const kept = [...pairs].filter(([key, n]) => n >= MIN_PAIR_COUNT && key.length === 2).sort(inCodeUnitOrder);
const keptAcross = [...acrossNumbers].filter(([key, n]) => n >= MIN_PAIR_COUNT && key.length === 2).sort(inCodeUnitOrder);
const out = {
  comment:
    `Generated by scripts/junk-forms/build-lost-byte-model.mjs from github:DuckBurnIncense/xin-wen-lian-bo@${TRANSCRIPTS_COMMIT}:news/*.md ` +
    `(${files.length} transcripts; repository MIT, text from cctv.com) and the training files of MSRA NER (${nerSentences.msra} sentences, research use, counted ×${NER_SOURCE_WEIGHTS.msra}) ` +
    `and CLUENER2020 (${nerSentences.cluener} sentences, no licence stated, counted ×${NER_SOURCE_WEIGHTS.cluener}), as scripts/ner/convert.ts writes them; ` +
    `each as written and converted to Traditional: ${characters} characters counted; counts only, no text; do not edit. ` +
    `Counts as buckets round(2·log2 n): unigrams bucket → characters; pairs (seen at least ${MIN_PAIR_COUNT} times) concatenated in code-unit order, pairBuckets one character per pair, its bucket + 0x30; acrossNumbers / acrossNumberBuckets the same for two symbols with a number between them (分、16个: 、 then 个); 0 stands for any digit, a for any ASCII letter, \\n for a line end. simplifiedOnly / traditionalOnly: characters the conversion changed, and what it changed them to.`,
  total: characters,
  lines,
  unigrams: byBucket([...unigrams].filter(([key]) => key.length === 1)),
  pairs: kept.map(([key]) => key).join(''),
  pairBuckets: kept.map(([, n]) => String.fromCharCode(0x30 + Number(bucket(n)))).join(''),
  acrossNumbers: keptAcross.map(([key]) => key).join(''),
  acrossNumberBuckets: keptAcross.map(([, n]) => String.fromCharCode(0x30 + Number(bucket(n)))).join(''),
  simplifiedOnly: [...simplifiedOnly].sort().join(''),
  traditionalOnly: [...traditionalOnly].sort().join(''),
};
const json = JSON.stringify(out) + '\n';
writeFileSync(join(root, 'data', 'lost-byte-bigrams.json'), json);
console.log(`data/lost-byte-bigrams.json: ${unigrams.size} characters, ${kept.length} of ${pairs.size} pairs, ${keptAcross.length} of ${acrossNumbers.size} pairs across numbers, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KiB`);
