import { readFileSync } from 'node:fs';
import { findEntities, warmUpEntities } from './src/core/entities';
import { toSimplified } from './src/core/script';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodejieba = require('nodejieba');
const text = readFileSync('/work/shared/samples/mirror-article-zh-hant.txt', 'utf8');
let doc = '';
while (Buffer.byteLength(doc) < 1e6) doc += text + '\n';
const lines = doc.split('\n');
const simplified = lines.map(toSimplified);
const bytes = Buffer.byteLength(doc);
void (async () => {
  await warmUpEntities();
  const ctx = { script: 'traditional' as const, options: {} };
  let bestTag = Infinity;
  let bestAll = Infinity;
  for (let round = 0; round < 5; round++) {
    let t = performance.now();
    for (const l of simplified) if (l) nodejieba.tag(l);
    bestTag = Math.min(bestTag, performance.now() - t);
    t = performance.now();
    for (const l of lines) findEntities(l, ctx);
    bestAll = Math.min(bestAll, performance.now() - t);
  }
  const mbs = (ms: number): string => (bytes / 1e6 / (ms / 1000)).toFixed(2);
  console.log(
    `${(bytes / 1e6).toFixed(2)} MB, ${lines.length} lines (best of 5): tag() alone ${bestTag.toFixed(0)} ms (${mbs(bestTag)} MB/s), ` +
      `findEntities ${bestAll.toFixed(0)} ms (${mbs(bestAll)} MB/s); own work ${(bestAll - bestTag).toFixed(0)} ms = ` +
      `${(((bestAll - bestTag) / bestTag) * 100).toFixed(0)}% of tag()`,
  );
})();
// Own work alone: recognition on cached tokens (no jieba), best of 5.
import { tagText } from './src/core/entities/segmenter';
import { recognize } from './src/core/entities/recognizer';
void (async () => {
  await warmUpEntities();
  await new Promise((r) => setTimeout(r, 100));
  const tokens = simplified.map((l) => tagText(l));
  let best = Infinity;
  let bestConv = Infinity;
  for (let round = 0; round < 5; round++) {
    let t = performance.now();
    for (let i = 0; i < simplified.length; i++) recognize(simplified[i], tokens[i]);
    best = Math.min(best, performance.now() - t);
    t = performance.now();
    for (const l of lines) toSimplified(l);
    bestConv = Math.min(bestConv, performance.now() - t);
  }
  console.log(`recognize() alone on cached tokens: ${best.toFixed(0)} ms; toSimplified: ${bestConv.toFixed(0)} ms`);
})();
