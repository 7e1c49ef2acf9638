// `npm run eval:junk`: precision and recall per junk kind on the real-page development set (dev and held-out reported apart), news-sentence and clean-page false-alarm rates, and spam recall on real and constructed positives.
// Usage: npm run eval:junk [-- --split dev|held-out|all] [--sources DIR] [--errors]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { Annotation } from '../../src/core/types';
import { GOLD_FILE, TEXT_DIR, type GoldKind, type GoldPage } from './build-devset';
import { FORMS, inject, pools, type Form, type Injected } from './inject';
import { hashString } from './random';

const KINDS: GoldKind[] = ['spam', 'markup', 'pinyin-gloss', 'boilerplate', 'encoding', 'duplicate'];
const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const SPLITS = (flag('--split') ?? 'all') === 'all' ? ['dev', 'held-out'] as const : [flag('--split') as 'dev' | 'held-out'];
const SHOW_ERRORS = args.includes('--errors');

function loadPages(): { page: GoldPage; text: string }[] {
  if (!existsSync(GOLD_FILE)) throw new Error(`no gold file ${GOLD_FILE}`);
  const pages = readFileSync(GOLD_FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldPage);
  const missing = pages.filter((p) => !existsSync(path.join(TEXT_DIR, `${p.id}.txt`)));
  if (missing.length > 0) {
    console.error(`${missing.length} page texts missing under ${TEXT_DIR}: rebuild them with\n  npx tsx scripts/junk/build-devset.ts --sources DIR\n(DIR holds owner+name/repo copies of the sources listed in scripts/junk/sources.ts; without it they are cloned from GitHub).`);
    process.exit(2);
  }
  return pages.map((page) => {
    const text = readFileSync(path.join(TEXT_DIR, `${page.id}.txt`), 'utf8');
    const sha = createHash('sha256').update(text).digest('hex');
    if (sha !== page.sha256) throw new Error(`${page.id}: text differs from the one the gold was made on (rebuild with scripts/junk/build-devset.ts)`);
    return { page, text };
  });
}

const junkOf = (text: string): Annotation[] => analyze(text, { entityTypes: [], figures: false }).annotations.filter((a) => a.kind === 'junk');
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const matches = (a: { start: number; end: number }, b: { start: number; end: number }) => overlap(a, b) >= 0.5 * Math.min(a.end - a.start, b.end - b.start);

interface Counts { tp: number; pred: number; gold: number; goldHit: number }
const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

function evaluateSplit(split: 'dev' | 'held-out', all: { page: GoldPage; text: string }[]): void {
  const pages = all.filter((p) => p.page.split === split);
  const byKind = new Map<GoldKind, Counts>(KINDS.map((k) => [k, { tp: 0, pred: 0, gold: 0, goldHit: 0 }]));
  let sentences = 0;
  let alarmedSentences = 0;
  let cleanPages = 0;
  let spamFalseAlarms = 0;
  const realSpam = { gold: 0, hit: 0 };
  // Body text that a boilerplate finding would remove: the text `clean` must never lose.
  const bodyLoss = { lines: 0, hit: 0, chars: 0, lost: 0 };
  const errors: string[] = [];
  for (const { page, text } of pages) {
    const found = junkOf(text);
    for (const kind of KINDS) {
      const gold = page.junk.filter((j) => j[2] === kind).map(([start, end]) => ({ start, end }));
      const pred = found.filter((a) => a.label === kind);
      const c = byKind.get(kind)!;
      c.gold += gold.length;
      c.pred += pred.length;
      c.tp += pred.filter((p) => gold.some((g) => matches(p, g))).length;
      c.goldHit += gold.filter((g) => pred.some((p) => matches(p, g))).length;
      if (SHOW_ERRORS && (kind === 'spam' || kind === 'markup' || kind === 'pinyin-gloss')) {
        for (const p of pred) if (!gold.some((g) => matches(p, g))) errors.push(`FP ${kind} ${page.id}: ${p.text.slice(0, 60)} — ${p.reason?.slice(0, 120)}`);
      }
    }
    const boilerplate = found.filter((a) => a.label === 'boilerplate');
    for (const [start, end] of page.body) {
      const removed = boilerplate.reduce((n, a) => n + overlap(a.removal ?? a, { start, end }), 0);
      bodyLoss.lines++;
      bodyLoss.chars += end - start;
      bodyLoss.lost += Math.min(removed, end - start);
      if (removed > 0) {
        bodyLoss.hit++;
        if (SHOW_ERRORS) errors.push(`BODY boilerplate ${page.id}: ${text.slice(start, Math.min(end, start + 60))}`);
      }
    }
    // Real news sentences: the body lines cut at sentence ends.
    const alarms = found.filter((a) => a.label === 'spam' || a.label === 'pinyin-gloss' || a.label === 'markup');
    for (const [start, end] of page.body) {
      const line = text.slice(start, end);
      let from = 0;
      for (const m of line.matchAll(/[^。！？!?]+[。！？!?]*/g)) {
        const s = { start: start + m.index!, end: start + m.index! + m[0].length };
        from = s.end;
        if (!/[\u4e00-\u9fff]{4}/.test(m[0])) continue;
        sentences++;
        if (alarms.some((a) => overlap(a, s) > 0 && !page.junk.some((j) => j[2] !== 'boilerplate' && overlap({ start: j[0], end: j[1] }, a) > 0))) alarmedSentences++;
      }
      void from;
    }
    const goldSpam = page.junk.filter((j) => j[2] === 'spam').map(([start, end]) => ({ start, end }));
    if (page.realSpam) {
      realSpam.gold += goldSpam.length;
      realSpam.hit += goldSpam.filter((g) => found.some((a) => a.label === 'spam' && matches(a, g))).length;
    } else {
      cleanPages++;
      spamFalseAlarms += found.filter((a) => a.label === 'spam' && !goldSpam.some((g) => matches(a, g))).length;
    }
  }

  console.log(`\n### ${split}: ${pages.length} real pages (${pages.filter((p) => p.page.realSpam).length} with real spam)\n`);
  console.log('| junk kind | gold spans | found | precision | recall |');
  console.log('|---|---:|---:|---:|---:|');
  for (const kind of KINDS) {
    const c = byKind.get(kind)!;
    console.log(`| ${kind} | ${c.gold} | ${c.pred} | ${pct(c.tp, c.pred)} | ${pct(c.goldHit, c.gold)} |`);
  }
  console.log(`\n- real news sentences with a spam, gloss or markup alarm: ${alarmedSentences} of ${sentences} (${pct(alarmedSentences, sentences)})`);
  console.log(`- body lines touched by a boilerplate finding: ${bodyLoss.hit} of ${bodyLoss.lines} (${pct(bodyLoss.hit, bodyLoss.lines)}); body characters it would remove: ${bodyLoss.lost} of ${bodyLoss.chars} (${pct(bodyLoss.lost, bodyLoss.chars)})`);
  console.log(`- spam false alarms on ${cleanPages} clean pages: ${spamFalseAlarms} (${((spamFalseAlarms * 200) / Math.max(1, cleanPages)).toFixed(2)} per 200 pages)`);
  console.log(`- spam recall on REAL positives: ${realSpam.hit} of ${realSpam.gold}${realSpam.gold === 0 ? ' (no real spam in this split: the public pages we could fetch hold none)' : ''}`);

  // Constructed positives: spam injected into the same pages, in every form.
  const variants: [string, ReturnType<typeof pools>][] = [['lexicon brands and terms', pools(false)]];
  // Unseen invented brands: a dev list on dev pages (tuned on), a disjoint held-out list on held-out pages (never tuned on).
  variants.push([split === 'held-out' ? 'unseen invented brands' : 'unseen invented brands (dev list)', pools(split)]);
  for (const [label, pool] of variants) {
    const perForm = new Map<Form, { n: number; hit: number; exact: number }>(FORMS.map((f) => [f, { n: 0, hit: 0, exact: 0 }]));
    let extraAlarms = 0;
    for (const { page, text } of pages) {
      const lines = text.split('\n');
      const lineStarts: number[] = [];
      let off = 0;
      for (const l of lines) { lineStarts.push(off); off += l.length + 1; }
      const bodyLines = page.body.map(([start]) => lineStarts.indexOf(start)).filter((i) => i >= 0);
      const injected: Injected = inject(text, bodyLines, hashString(`${label}:${page.id}`), pool, 2);
      const found = junkOf(injected.text).filter((a) => a.label === 'spam');
      for (const span of injected.spans) {
        const r = perForm.get(span.form)!;
        r.n++;
        const hits = found.filter((a) => overlap(a, span) > 0);
        const hit = hits.some((a) => overlap(a, span) >= 0.5 * (span.end - span.start));
        if (hit) r.hit++;
        // Only the phrase: every removal touching it stays within the phrase, its brackets and one separator.
        const lineStart = injected.text.lastIndexOf('\n', span.start - 1) + 1;
        const lineEnd = injected.text.indexOf('\n', span.end) < 0 ? injected.text.length : injected.text.indexOf('\n', span.end);
        const wholeLine = span.start === lineStart && span.end === lineEnd;
        const exact = hit && hits.every((a) => {
          const rm = a.removal ?? a;
          return wholeLine ? rm.start <= span.start && rm.end >= span.end : rm.start >= span.start - 1 && rm.end <= span.end + 1;
        });
        if (exact) r.exact++;
        else if (SHOW_ERRORS) errors.push(`${hit ? 'INEXACT' : 'MISS'} ${span.form} ${page.id}: ${span.phrase} in “${injected.text.slice(Math.max(lineStart, span.start - 20), Math.min(lineEnd, span.end + 20))}” → ${hits.map((a) => `[${a.text}]`).join(' ')}`);
      }
      extraAlarms += found.filter((a) => !injected.spans.some((s) => overlap(a, s) > 0) && !page.junk.some((j) => j[2] === 'spam' && overlap({ start: j[0], end: j[1] }, a) > 0)).length;
    }
    const total = [...perForm.values()].reduce((t, r) => ({ n: t.n + r.n, hit: t.hit + r.hit, exact: t.exact + r.exact }), { n: 0, hit: 0, exact: 0 });
    console.log(`\nCONSTRUCTED spam (${label}) injected into the ${pages.length} ${split} pages, 2 per page:\n`);
    console.log('| form | injected | recall | only the phrase removed |');
    console.log('|---|---:|---:|---:|');
    for (const [form, r] of perForm) console.log(`| ${form} | ${r.n} | ${pct(r.hit, r.n)} | ${pct(r.exact, r.n)} |`);
    console.log(`| all | ${total.n} | ${pct(total.hit, total.n)} | ${pct(total.exact, total.n)} |`);
    console.log(`\n- other spam alarms on the injected pages: ${extraAlarms}`);
  }
  if (SHOW_ERRORS) for (const e of errors) console.log(`  ${e}`);
}

function main(): void {
  const pages = loadPages();
  console.log(`Junk detection on real pages: ${pages.length} pages (${pages.filter((p) => p.page.split === 'dev').length} dev, ${pages.filter((p) => p.page.split === 'held-out').length} held-out; the held-out third is never tuned on).`);
  for (const split of SPLITS) evaluateSplit(split, pages);
}

main();
