import { readFileSync } from 'node:fs';
import { findEntities } from './src/core/entities';
import { toSimplified } from './src/core/script';
const text = readFileSync('/work/shared/samples/mirror-article-zh-hant.txt', 'utf8');
const simp = process.argv.includes('--simp');
for (const line of text.split('\n')) {
  const l = simp ? toSimplified(line) : line;
  const ents = findEntities(l, { script: 'traditional', options: {} });
  if (ents.length) console.log(ents.map((a) => `${a.label}:${a.text}`).join(' '));
}
