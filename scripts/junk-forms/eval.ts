// `npm run eval:junk:forms`: gloss recall/precision in every form and mojibake repaired exactly, on dev or the held-out third.
//
// Needs a local copy of the source (not committed: no licence stated):
//   git clone https://github.com/qianshuang/dl-exp DIR && git -C DIR checkout 0ff7afa0588c61940868d24099c7cbecc8ee9b54
// then   npm run eval:junk:forms -- --cnews DIR/data/cnews/cnews.val.txt [--split dev|test] [--ftfy]
// (or set NEWS_LENS_CNEWS). Without either, the script tries that clone into scripts/junk-forms/.data/.
// --split test scores the held-out third: run it once, at the end, and never tune on what it shows.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, junkEdits } from '../../src/core/edits';
import { settledLineJunk } from '../../src/core/settle-junk';
import type { Annotation, JunkKind, LineContext } from '../../src/core/types';
import {
  englishParentheticals, glossedSentences, interlinearSentences, mojibakeSentences, sentencesOf,
  type GlossItem, type MojibakeItem, type Split,
} from './sets';

const COMMIT = '0ff7afa0588c61940868d24099c7cbecc8ee9b54';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function cnewsPath(): string {
  const given = argument('cnews') ?? process.env.NEWS_LENS_CNEWS;
  if (given) return given;
  const dir = join(__dirname, '.data', 'dl-exp');
  const file = join(dir, 'data', 'cnews', 'cnews.val.txt');
  if (!existsSync(file)) {
    console.error(`No --cnews given: cloning github.com/qianshuang/dl-exp at ${COMMIT} into ${dir}`);
    execFileSync('git', ['clone', '--quiet', 'https://github.com/qianshuang/dl-exp', dir], { stdio: 'inherit' });
    execFileSync('git', ['-C', dir, 'checkout', '--quiet', COMMIT], { stdio: 'inherit' });
  }
  return file;
}

function context(kinds: JunkKind[]): LineContext {
  return { script: 'unknown', options: { junkKinds: kinds } };
}

function glossesOf(line: string): Annotation[] {
  return settledLineJunk(line, context(['pinyin-gloss'])).filter((a) => a.kind === 'junk' && a.label === 'pinyin-gloss');
}

interface Counts { tp: number; fp: number; fn: number; lines: number; alarmed: number }

function scoreGlosses(items: readonly GlossItem[], errors: string[]): Counts {
  const counts: Counts = { tp: 0, fp: 0, fn: 0, lines: items.length, alarmed: 0 };
  for (const item of items) {
    const found = glossesOf(item.line).map((a) => `${a.start},${a.end}`);
    const gold = new Set(item.gold.map(([s, e]) => `${s},${e}`));
    if (found.length > 0) counts.alarmed++;
    let lineTp = 0;
    for (const span of found) if (gold.has(span)) lineTp++;
    counts.tp += lineTp;
    counts.fp += found.length - lineTp;
    counts.fn += gold.size - lineTp;
    if ((found.length !== lineTp || gold.size !== lineTp) && errors.length < 12) {
      errors.push(`${item.form}: ${item.line.slice(0, 80)}\n    found ${found.length - lineTp} extra, missed ${gold.size - lineTp}`);
    }
  }
  return counts;
}

function cleanEncoding(line: string): string {
  return applyEdits(line, junkEdits(settledLineJunk(line, context(['encoding']))));
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`);

function main(): void {
  const split = (argument('split') ?? 'dev') as Split;
  if (split !== 'dev' && split !== 'test') throw new Error('--split is dev or test');
  const cnews = readFileSync(cnewsPath(), 'utf8');
  const sentences = sentencesOf(cnews, split);
  const seed = split === 'dev' ? 11 : 29;
  console.log(`Split ${split}: ${sentences.length} real sentences from github:qianshuang/dl-exp@${COMMIT}:data/cnews/cnews.val.txt`);

  // ——— Glosses ———
  const errors: string[] = [];
  const positives = glossedSentences(sentences, seed);
  const byForm = new Map<string, GlossItem[]>();
  for (const item of positives) byForm.set(item.form.replace(/, Traditional$/, ''), [...(byForm.get(item.form.replace(/, Traditional$/, '')) ?? []), item]);
  console.log('\nGlosses (constructed from real sentences; recall and precision per form):');
  const total: Counts = { tp: 0, fp: 0, fn: 0, lines: 0, alarmed: 0 };
  for (const [form, items] of byForm) {
    const c = scoreGlosses(items, errors);
    total.tp += c.tp; total.fp += c.fp; total.fn += c.fn;
    console.log(`  ${form.padEnd(40)} glosses ${String(c.tp + c.fn).padStart(5)}  recall ${pct(c.tp, c.tp + c.fn).padStart(7)}  precision ${pct(c.tp, c.tp + c.fp).padStart(7)}`);
  }
  const realNews = sentences.map((s) => ({ line: s.text, gold: [], form: 'real news sentence' }) as GlossItem);
  const real = scoreGlosses(realNews, errors);
  const readers = scoreGlosses(interlinearSentences(sentences, seed + 1), errors);
  const english = scoreGlosses(englishParentheticals(sentences, seed + 2), errors);
  const falseAlarms = real.fp + readers.fp + english.fp;
  console.log(`  ${'all forms'.padEnd(40)} glosses ${String(total.tp + total.fn).padStart(5)}  recall ${pct(total.tp, total.tp + total.fn).padStart(7)}  precision ${pct(total.tp, total.tp + total.fp).padStart(7)}`);
  console.log(`  precision with the hard negatives below counted too: ${pct(total.tp, total.tp + total.fp + falseAlarms)}`);
  console.log(`  real news sentences with a gloss alarm: ${real.alarmed} of ${real.lines} (${pct(real.alarmed, real.lines)})`);
  console.log(`  hard negatives, constructed: interlinear pinyin lines alarmed ${readers.alarmed} of ${readers.lines}; English parentheticals alarmed ${english.alarmed} of ${english.lines}`);

  // ——— Mojibake ———
  console.log('\nMojibake (constructed: real sentences mis-decoded; exact = clean gives the writer\'s text back):');
  const mojibake = mojibakeSentences(sentences, seed + 3);
  const byMisreading = new Map<string, MojibakeItem[]>();
  for (const item of mojibake) {
    const key = item.form.replace(/, Traditional$/, '');
    byMisreading.set(key, [...(byMisreading.get(key) ?? []), item]);
  }
  const ftfy = process.argv.includes('--ftfy') ? loadFtfy() : undefined;
  let exact = 0;
  let ftfyExact = 0;
  const mojibakeErrors: string[] = [];
  for (const [form, items] of byMisreading) {
    let ok = 0;
    let ftfyOk = 0;
    for (const item of items) {
      const out = cleanEncoding(item.damaged);
      if (out === item.original) ok++;
      else if (mojibakeErrors.length < 12) mojibakeErrors.push(`${item.form}\n    want ${item.original}\n    got  ${out}`);
      if (ftfy && ftfy(item.damaged) === item.original) ftfyOk++;
    }
    exact += ok;
    ftfyExact += ftfyOk;
    console.log(`  ${form.padEnd(48)} ${String(items.length).padStart(5)}  exact ${pct(ok, items.length).padStart(7)}${ftfy ? `   ftfy-js alone ${pct(ftfyOk, items.length).padStart(7)}` : ''}`);
  }
  console.log(`  ${'all'.padEnd(48)} ${String(mojibake.length).padStart(5)}  exact ${pct(exact, mojibake.length).padStart(7)}${ftfy ? `   ftfy-js alone ${pct(ftfyExact, mojibake.length).padStart(7)}` : ''}`);
  // A real sentence must never be "repaired"; removing damage it really has (U+FFFD, a DEL) is right.
  let falseRepairs = 0;
  for (const s of sentences) {
    if (settledLineJunk(s.text, context(['encoding'])).some((a) => a.replacement !== undefined)) falseRepairs++;
  }
  console.log(`  real sentences "repaired" (false repairs): ${falseRepairs} of ${sentences.length} (${pct(falseRepairs, sentences.length)})`);

  if (process.argv.includes('--errors')) {
    console.log('\nGloss errors (first few):\n  ' + errors.join('\n  '));
    console.log('\nMojibake errors (first few):\n  ' + mojibakeErrors.join('\n  '));
  }
}

/** ftfy-js (python-ftfy's port) with the fixes that would touch Chinese punctuation turned off, for comparison. */
function loadFtfy(): (text: string) => string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { fix_text } = require('ftfy-js') as { fix_text: (t: string, c: object) => string };
  return (text) => fix_text(text, { fix_character_width: false, uncurl_quotes: false });
}

main();
