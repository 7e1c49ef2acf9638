// Builds data/junk/fluency-lm.json: character unigram and bigram statistics of real news (9 in 10 lines; the tenth is held out), pruned, hashed and quantized; no text is shipped.
// Usage: npx tsx scripts/junk/build-fluency.ts [--sources DIR]
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { foldText } from '../../src/core/junk/char-classes';
import { pairBucket } from '../../src/core/junk/fluency';
import { newsText } from './news-text';
import { hashString } from './random';

const OUT = path.join(__dirname, '..', '..', 'data', 'junk', 'fluency-lm.json');
const BITS = 19;
const MIN_PAIR = 3;
const MIN_CHAR = 2;
/** log P(b|a) levels 1..15 cover [FLOOR, FLOOR + 14 × STEP]. */
const FLOOR = -11;
const STEP = 11 / 14;
const LAMBDA = 0.9;

const isHan = (code: number): boolean => code >= 0x4e00 && code <= 0x9fff;

export function isTrainingLine(line: string): boolean {
  return hashString(line) % 10 !== 0;
}

function main(): void {
  const news = newsText();
  const uni = new Map<number, number>();
  const bi = new Map<number, number>();
  let total = 0;
  for (const raw of news.lines) {
    if (!isTrainingLine(raw)) continue;
    const line = foldText(raw);
    for (let i = 0; i < line.length; i++) {
      const a = line.charCodeAt(i);
      if (!isHan(a)) continue;
      uni.set(a, (uni.get(a) ?? 0) + 1);
      total++;
      const b = line.charCodeAt(i + 1);
      if (isHan(b)) bi.set(a * 65536 + b, (bi.get(a * 65536 + b) ?? 0) + 1);
    }
  }
  const chars = [...uni.entries()].filter(([, c]) => c >= MIN_CHAR).sort((x, y) => y[1] - x[1]);
  // Unigram log-probabilities as bytes of 1/16 nat (−log p ≤ 15.9).
  const unigramBytes = Uint8Array.from(chars.map(([, c]) => Math.min(255, Math.round(-Math.log(c / total) * 16))));
  const table = new Uint8Array(1 << (BITS - 1));
  let kept = 0;
  let collisions = 0;
  for (const [key, count] of bi) {
    if (count < MIN_PAIR) continue;
    const a = Math.floor(key / 65536);
    const b = key % 65536;
    const logp = Math.log(count / (uni.get(a) ?? count));
    const lv = Math.max(1, Math.min(15, 1 + Math.round((logp - FLOOR) / STEP)));
    const bucket = pairBucket(a, b, BITS);
    const byte = table[bucket >> 1];
    const old = bucket & 1 ? byte >> 4 : byte & 15;
    if (old !== 0) collisions++;
    // On a collision keep the more probable pair: an unseen pair may then look seen, never the reverse.
    const next = Math.max(old, lv);
    table[bucket >> 1] = bucket & 1 ? (byte & 15) | (next << 4) : (byte & 0xf0) | next;
    kept++;
  }
  const card = {
    what: 'Character-bigram language model of real news for the word-salad (fluency) check of News Lens.',
    trainedOn: news.provenance,
    howBuilt: `scripts/junk/build-fluency.ts: text folded to Simplified; 9 in 10 lines (FNV hash) train, the tenth is held out for evaluation. Characters seen >= ${MIN_CHAR} times keep a unigram log-probability (bytes of 1/16 nat). Pairs seen >= ${MIN_PAIR} times keep log P(b|a) as a 4-bit level (${FLOOR} + (level-1) x ${STEP.toFixed(3)} nats), hashed into 2^${BITS} buckets (a collision keeps the higher level). P = ${LAMBDA} P(b|a) + ${(1 - LAMBDA).toFixed(1)} P(b). No text is shipped.`,
    counts: { hanCharacters: total, characters: chars.length, pairs: bi.size, pairsKept: kept, bucketCollisions: collisions },
  };
  const json = {
    card,
    chars: String.fromCharCode(...chars.map(([c]) => c)),
    unigram: Buffer.from(unigramBytes).toString('base64'),
    bits: BITS,
    step: STEP,
    floor: FLOOR,
    lambda: LAMBDA,
    bigram: Buffer.from(table).toString('base64'),
  };
  writeFileSync(OUT, JSON.stringify(json, null, 1) + '\n');
  console.log(JSON.stringify(card.counts));
}

if (require.main === module) main();
