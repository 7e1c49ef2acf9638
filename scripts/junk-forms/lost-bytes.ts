// Sorts the UTF-8-read-as-GBK items of one split by what the wrong decoder lost, and scores each group (dev for reading errors; the held-out split once, at the end).
//
// A WHATWG GBK decoder loses a byte where a UTF-8 run of odd length meets ASCII or the line end (the lead byte has
// nothing to pair with, U+FFFD). That byte is one of 64 continuation bytes and is not in the damaged text: the
// repair guesses it from context, so these items are measured apart from the ones where nothing was lost.
// Run: npx tsx scripts/junk-forms/lost-bytes.ts CNEWS [form] [--show N] [--split dev|test]   (same items as eval.ts)
import { readFileSync } from 'node:fs';
import { applyEdits, junkEdits } from '../../src/core/edits';
import { settledLineJunk } from '../../src/core/settle-junk';
import { mojibakeSentences, sentencesOf } from './sets';

const [path, form = 'UTF-8 read as GBK'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(all[i - 1] ?? '').startsWith('--'));
const splitAt = process.argv.indexOf('--split');
const split = splitAt > 0 && process.argv[splitAt + 1] === 'test' ? 'test' : 'dev';
const showAt = process.argv.indexOf('--show');
const show = showAt > 0 ? Number(process.argv[showAt + 1]) : 0;
// The seeds eval.ts uses for the mojibake items of each split (11 + 3, 29 + 3).
const items = mojibakeSentences(sentencesOf(readFileSync(path, 'utf8'), split), split === 'dev' ? 14 : 32).filter((i) => i.form.replace(/, Traditional$/, '') === `constructed: ${form}`);

const groups = new Map<string, { n: number; ok: number }>();
const wrongBefore = new Map<string, number>();
let shown = 0;
for (const item of items) {
  const lost = [...item.damaged].filter((c) => c === '\ufffd').length;
  const group = lost === 0 ? 'nothing lost' : lost === 1 ? '1 byte lost' : `${lost} bytes lost`;
  const g = groups.get(group) ?? { n: 0, ok: 0 };
  g.n++;
  const out = applyEdits(item.damaged, junkEdits(settledLineJunk(item.damaged, { script: 'unknown', options: { junkKinds: ['encoding'] } })));
  if (out === item.original) g.ok++;
  else {
    const a = [...out];
    const b = [...item.original];
    if (a.length !== b.length) wrongBefore.set('(a run left unrepaired)', (wrongBefore.get('(a run left unrepaired)') ?? 0) + 1);
    else
      a.forEach((c, i) => {
        if (c === b[i]) return;
        const next = b[i + 1] ?? '$';
        const k = /[0-9]/.test(next) ? 'a digit' : /[A-Za-z]/.test(next) ? 'a letter' : next === '$' ? 'the line end' : /[\x00-\x7f]/.test(next) ? `'${next}'` : 'non-ASCII';
        wrongBefore.set(k, (wrongBefore.get(k) ?? 0) + 1);
      });
    if (lost >= 2 && shown++ < show) console.log(`  want ${item.original}\n  got  ${out}`);
  }
  groups.set(group, g);
}
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(2)}%`;
const exact = [...groups.values()].reduce((n, g) => n + g.ok, 0);
console.log(`${form} (${split}): ${items.length} items, exact ${pct(exact, items.length)}`);
for (const [group, g] of [...groups].sort()) console.log(`  ${group.padEnd(14)} ${String(g.n).padStart(4)}  exact ${pct(g.ok, g.n)}`);
console.log('wrong characters, by what follows them in the original:', Object.fromEntries(wrongBefore));
