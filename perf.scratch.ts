import { readFileSync } from 'node:fs';
import { findEntities, warmUpEntities } from './src/core/entities';
import { tagText } from './src/core/entities/segmenter';
import { toSimplified } from './src/core/script';
const nodejieba = require('nodejieba');
const text = readFileSync('/work/shared/samples/mirror-article-zh-hant.txt', 'utf8');
let doc = '';
while (Buffer.byteLength(doc) < 1e6) doc += text + '\n';
const lines = doc.split('\n');
const bytes = Buffer.byteLength(doc);
(async () => {
  await warmUpEntities();
  const ctx = { script: 'traditional' as const, options: {} };
  for (let round = 0; round < 3; round++) {
    let t = performance.now();
    for (const l of lines) if (l) nodejieba.tag(toSimplified(l));
    const tagMs = performance.now() - t;
    t = performance.now();
    for (const l of lines) if (l) tagText(toSimplified(l));
    const tagTextMs = performance.now() - t;
    t = performance.now();
    let n = 0;
    for (const l of lines) n += findEntities(l, ctx).length;
    const allMs = performance.now() - t;
    const mbs = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(2);
    console.log(`${(bytes / 1e6).toFixed(2)} MB, ${lines.length} lines: tag() ${tagMs.toFixed(0)} ms (${mbs(tagMs)} MB/s), tagText ${tagTextMs.toFixed(0)} ms, findEntities ${allMs.toFixed(0)} ms (${mbs(allMs)} MB/s), own work ${(allMs - tagMs).toFixed(0)} ms = ${(((allMs - tagMs) / tagMs) * 100).toFixed(0)}% of tag(); ${n} entities`);
  }
})();
