import { tagText } from './src/core/entities/segmenter';
import { toSimplified } from './src/core/script';
import { findEntities } from './src/core/entities';
for (const line of process.argv.slice(2)) {
  const s = toSimplified(line);
  const t = tagText(s);
  console.log(t.words.map((w, i) => w + '/' + t.tags[i]).join(' '));
  console.log('  => ' + findEntities(line, { script: 'unknown', options: {} }).map((a) => a.label + ':' + a.text).join(' '));
}
