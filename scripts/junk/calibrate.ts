// Calibration pages for the spam detectors: public clean news pages that are in neither the development set nor its held-out third (GeneralNewsExtractor test pages, CCTV pages the dev set did not sample, Sogou news), plus a Traditional copy of each; prints the spam alarms per 200 pages.
// Usage: npx tsx scripts/junk/calibrate.ts [--sources DIR] [--show] [--limit N]
import * as path from 'node:path';
import { analyze } from '../../src/core/analyze';
import { toTraditional } from '../../src/core/script';
import { chosenCctvFiles } from './build-devset';
import { htmlToLines } from './html-text';
import { hashString } from './random';
import { listSource, readSource, readSourceBytes } from './sources';

/*
 * Why a third set: the dev pages hold almost no hard negatives for word salad (0 false alarms on 136 clean pages), and
 * the held-out third must not be tuned on. These pages are only read, never shipped or trained on; every spam alarm
 * on them is a false alarm (they are public news pages and none carries injected spam — check with --show).
 */
/** Pages found (by reading their alarms) to carry real spam: counted apart, as real positives, not as false alarms. */
const REAL_SPAM = new Set(['gne-njxfhn/1.html']);
const args = process.argv.slice(2);
const SHOW = args.includes('--show');
const limitFlag = args.indexOf('--limit');
const CCTV_EXTRA = limitFlag >= 0 ? Number(args[limitFlag + 1]) : 200;

export interface CalibrationPage { id: string; text: string }

const linesText = (html: string): string => htmlToLines(html).map((l) => l.text).join('\n');

function gnePages(): CalibrationPage[] {
  return listSource('gne', 'tests').filter((f) => f.endsWith('.html')).map((f) => {
    const bytes = readSourceBytes('gne', f);
    let html = bytes.toString('utf8');
    if (html.includes('\ufffd') && /charset=["']?gb/i.test(html)) html = new TextDecoder('gb18030').decode(bytes);
    return { id: `gne-${f.slice('tests/'.length)}`, text: linesText(html) };
  });
}

/** CCTV pages of 2025–2026 (after the fluency model's cut-off) that the development set did not choose. */
function cctvExtraPages(): CalibrationPage[] {
  const taken = new Set(chosenCctvFiles());
  const files = listSource('cctvPages', 'dump_htmls').filter((f) => /VIDE\w+(25|26)\d{4}\.shtml$/.test(f) && !taken.has(f));
  const chosen = files.map((f) => ({ f, h: hashString(`calibrate:${f}`) })).sort((a, b) => a.h - b.h).slice(0, CCTV_EXTRA).map((x) => x.f);
  return chosen.map((f) => ({ id: `cctv-${path.basename(f, '.shtml')}`, text: linesText(readSource('cctvPages', f)) }));
}

/** Sogou news (2012 crawl): <doc> records with url, title and content. */
function sohuPages(): CalibrationPage[] {
  const raw = readSource('sohu', 'news_sohusite_xml.smarty.dat');
  const out: CalibrationPage[] = [];
  for (const m of raw.matchAll(/<doc>([\s\S]*?)<\/doc>/g)) {
    const title = /<contenttitle>([\s\S]*?)<\/contenttitle>/.exec(m[1])?.[1] ?? '';
    const content = (/<content>([\s\S]*?)<\/content>/.exec(m[1])?.[1] ?? '').replace(/\ue40c/g, '\n');
    if (content.trim().length < 20) continue;
    out.push({ id: `sohu-${out.length + 1}`, text: `${title}\n${content}` });
  }
  return out;
}

export function calibrationPages(): CalibrationPage[] {
  const simplified = [...gnePages(), ...cctvExtraPages(), ...sohuPages()];
  return [...simplified, ...simplified.map((p) => ({ id: `${p.id}-hant`, text: toTraditional(p.text) }))];
}

function main(): void {
  const all = calibrationPages();
  const spamPages = all.filter((p) => REAL_SPAM.has(p.id.replace(/-hant$/, '')));
  for (const page of spamPages) {
    const found = analyze(page.text, { entityTypes: [], figures: false }).annotations.filter((a) => a.kind === 'junk' && a.label === 'spam');
    console.log(`real spam page ${page.id}: ${found.length} spam findings (a porn/download keyword sidebar; not counted below)`);
  }
  const pages = all.filter((p) => !spamPages.includes(p));
  let alarms = 0;
  const bySource = new Map<string, { pages: number; alarms: number }>();
  for (const page of pages) {
    const found = analyze(page.text, { entityTypes: [], figures: false }).annotations.filter((a) => a.kind === 'junk' && a.label === 'spam');
    const key = page.id.replace(/-.*?(-hant)?$/, '$1');
    const s = bySource.get(key) ?? { pages: 0, alarms: 0 };
    s.pages++;
    s.alarms += found.length;
    bySource.set(key, s);
    alarms += found.length;
    if (SHOW) for (const a of found) console.log(`  ${page.id}: ${a.text.slice(0, 50)} — ${a.reason?.slice(0, 140)}`);
  }
  console.log(`Calibration (clean public pages outside the dev set and its held-out third): ${pages.length} pages, ${alarms} spam alarms (${((alarms * 200) / pages.length).toFixed(2)} per 200 pages)`);
  for (const [k, s] of bySource) console.log(`- ${k}: ${s.pages} pages, ${s.alarms} alarms`);
}

if (require.main === module) main();
