// Prints the mojibake items of one form that `clean` does not repair exactly (dev only), for reading errors.
import { readFileSync } from 'node:fs';
import { applyEdits, junkEdits } from '../../src/core/edits';
import { settledLineJunk } from '../../src/core/settle-junk';
import { mojibakeSentences, sentencesOf } from './sets';

const [path, form, limit = '10'] = process.argv.slice(2);
const items = mojibakeSentences(sentencesOf(readFileSync(path, 'utf8'), 'dev'), 14).filter((i) => i.form.includes(form));
let shown = 0;
for (const item of items) {
  const found = settledLineJunk(item.damaged, { script: 'unknown', options: { junkKinds: ['encoding'] } });
  const out = applyEdits(item.damaged, junkEdits(found));
  if (out === item.original || shown++ >= Number(limit)) continue;
  console.log(`${item.form}\n  damaged ${JSON.stringify(item.damaged).slice(0, 160)}\n  want    ${item.original}\n  got     ${out}`);
  for (const a of found) console.log(`    [${a.start},${a.end}) ${JSON.stringify(a.text).slice(0, 40)} -> ${JSON.stringify(a.replacement ?? '')}`);
}
