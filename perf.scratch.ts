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
