// Builds the junk development set: real crawled pages turned into text by a naive scraper, with our gold junk spans (data/junk/devset/pages.jsonl; the texts go to .cache/junk-devset/, not the repo).
// Usage: npx tsx scripts/junk/build-devset.ts [--sources DIR]
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { htmlToLines, type ScrapedLine } from './html-text';
import { hashString } from './random';
import { listSource, provenance, readSource, readSourceBytes, type SourceId } from './sources';

const ROOT = path.join(__dirname, '..', '..');
export const TEXT_DIR = path.join(ROOT, '.cache', 'junk-devset');
export const GOLD_FILE = path.join(ROOT, 'data', 'junk', 'devset', 'pages.jsonl');
const SEED = path.join(ROOT, 'samples', 'mirror-article-zh-hant.txt');
const CCTV_PAGES = 130;

export type GoldKind = 'spam' | 'markup' | 'pinyin-gloss' | 'boilerplate' | 'encoding' | 'duplicate';

export interface GoldPage {
  id: string;
  source: string;
  licence: string;
  split: 'dev' | 'held-out';
  sha256: string;
  /** Line ranges of the article body (real news sentences), [start, end) offsets. */
  body: [number, number][];
  /** Gold junk spans [start, end, kind]. */
  junk: [number, number, GoldKind][];
  /** Real spam on the page (not constructed). */
  realSpam: boolean;
}

interface Built {
  id: string;
  source: string;
  licence: string;
  text: string;
  page: Omit<GoldPage, 'id' | 'source' | 'licence' | 'split' | 'sha256'>;
}

const compact = (s: string) => s.replace(/[\s\u3000]+/g, '');
const DATE = /(19|20)\d\d[-年/.]\d{1,2}[-月/.]\d{1,2}/;
const CREDIT = /^[(（【\[]?\s*(责任编辑|责编|编辑|编审|校对|审核|值班编辑)\s*[:：]/;
const BYLINE = /^(来源|作者|记者|文|图|出处|發布時間|发布时间|时间)\s*[:：]/;

/**
 * Gold for a scraped page, by our labelling rules: body lines (the source's own extraction) are real text; outside
 * the body, the title and metadata lines (date, source, author) stay; every other line is boilerplate (navigation,
 * share bars, related links, comments, footers, editor credits). A body paragraph repeated verbatim is a duplicate.
 */
function labelLines(lines: ScrapedLine[], title: string): { text: string; page: Built['page'] } {
  let text = '';
  const body: [number, number][] = [];
  const junk: [number, number, GoldKind][] = [];
  const seenBody = new Set<string>();
  const seenAny = new Set<string>();
  const titleKey = compact(title);
  lines.forEach((line, i) => {
    const start = text.length;
    text += line.text;
    const end = text.length;
    if (i < lines.length - 1) text += '\n';
    const key = compact(line.text);
    // A line repeated verbatim (a second copy of a menu, a paragraph) is a duplicate besides whatever else it is.
    const repeated = key.length >= 8 && seenAny.has(key);
    seenAny.add(key);
    if (repeated && !line.inBody) junk.push([start, end, 'duplicate']);
    if (line.inBody) {
      if (repeated) junk.push([start, end, 'duplicate']);
      else body.push([start, end]);
      seenBody.add(key);
      return;
    }
    const isTitle = key.length >= 4 && titleKey.length >= 4 && (titleKey.includes(key) || key.includes(titleKey.slice(0, Math.min(titleKey.length, 12))));
    const isMeta = line.text.length <= 80 && (DATE.test(line.text) || BYLINE.test(line.text)) && !CREDIT.test(line.text);
    if ((isTitle && !seenBody.has(key)) || isMeta) return;
    junk.push([start, end, 'boilerplate']);
  });
  return { text, page: { body, junk, realSpam: false } };
}

function titleOf(html: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? m[1].replace(/&[a-z]+;/g, ' ').trim() : '';
}

/** chrislinan/cx-extractor-python: 74 NetEase news pages (GBK) with their extracted body text. */
function cxPages(): Built[] {
  const gbk = new TextDecoder('gb18030');
  const out: Built[] = [];
  for (let n = 1; n <= 74; n++) {
    const html = gbk.decode(readSourceBytes('cx', `RawHtml/${n}.html`));
    const bodyKeys = new Set(gbk.decode(readSourceBytes('cx', `Text/${n}.txt`)).split(/\r?\n/).map(compact).filter((k) => k.length >= 2));
    const lines = htmlToLines(html).map((l) => ({ ...l, inBody: bodyKeys.has(compact(l.text)) }));
    const { text, page } = labelLines(lines, titleOf(html));
    out.push({ id: `cx-${n}`, source: provenance('cx', `RawHtml/${n}.html`), licence: 'MIT (repository); page content © NetEase', text, page });
  }
  return out;
}

/** mozilla/readability test pages in Chinese (Tencent news, PIXNET blog in Traditional), with their expected body. */
function readabilityPages(): Built[] {
  const out: Built[] = [];
  for (const name of ['qq', 'pixnet']) {
    const html = readSource('readability', `test/test-pages/${name}/source.html`);
    const expected = htmlToLines(readSource('readability', `test/test-pages/${name}/expected.html`)).map((l) => compact(l.text));
    const bodyText = expected.join('');
    const lines = htmlToLines(html).map((l) => ({ ...l, inBody: compact(l.text).length >= 2 && bodyText.includes(compact(l.text)) && compact(l.text).length >= 6 }));
    const { text, page } = labelLines(lines, titleOf(html));
    out.push({ id: `readability-${name}`, source: provenance('readability', `test/test-pages/${name}/source.html`), licence: 'Apache-2.0 (repository); page content © its site', text, page });
  }
  return out;
}

/** yuekcc/cctv_news raw CCTV pages from 2025 on (after the LM's training cut-off), sampled by hash; body = div#content_area. */
/** The CCTV files the development set samples from (a page without a body is skipped, hence twice as many). */
export function chosenCctvFiles(): string[] {
  const files = listSource('cctvPages', 'dump_htmls').filter((f) => /VIDE\w+(25|26)\d{4}\.shtml$/.test(f));
  return files.map((f) => ({ f, h: hashString(f) })).sort((a, b) => a.h - b.h).slice(0, CCTV_PAGES * 2).map((x) => x.f);
}

function cctvPages(): Built[] {
  const chosen = chosenCctvFiles();
  const out: Built[] = [];
  for (const file of chosen) {
    if (out.length >= CCTV_PAGES) break;
    const html = readSource('cctvPages', file);
    const lines = htmlToLines(html, (_tag, attrs) => attrs.id === 'content_area');
    if (!lines.some((l) => l.inBody)) continue;
    const { text, page } = labelLines(lines, titleOf(html));
    out.push({ id: `cctv-${path.basename(file, '.shtml')}`, source: provenance('cctvPages', file), licence: 'MIT (repository code); content © CCTV, research use', text, page });
  }
  return out;
}

/** The seed page of the project (samples/), the one real spam page we have: its gold by the line facts the sample tests pin. */
function seedPage(): Built {
  const text = readFileSync(SEED, 'utf8');
  const junk: [number, number, GoldKind][] = [];
  const body: [number, number][] = [];
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const n = i + 1;
    const start = offset;
    const trimmedStart = start + (line.length - line.trimStart().length);
    const end = start + line.trimEnd().length;
    offset += line.length + 1;
    if (line.trim() === '') return;
    if (n <= 3) junk.push([trimmedStart, end, 'markup']);
    else if (n === 4 || n === 34 || n === 36) junk.push([trimmedStart, end, 'boilerplate']);
    else if (n === 38) junk.push([trimmedStart, end, 'spam']);
    else if (line.length > 100) body.push([trimmedStart, end]);
    // Glosses: a parenthesised tone-marked syllable right after a Han character (160 of them, as the tests pin).
    for (const m of line.matchAll(/(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/g)) junk.push([start + m.index!, start + m.index! + m[0].length, 'pinyin-gloss']);
  });
  return { id: 'seed-mirror-article', source: 'samples/mirror-article-zh-hant.txt (News Lens)', licence: 'in the repository', text, page: { body, junk, realSpam: true } };
}

export function splitOf(id: string): 'dev' | 'held-out' {
  if (id.startsWith('seed-')) return 'dev';
  return hashString(`split:${id}`) % 3 === 0 ? 'held-out' : 'dev';
}

function main(): void {
  const built = [seedPage(), ...cxPages(), ...readabilityPages(), ...cctvPages()];
  mkdirSync(TEXT_DIR, { recursive: true });
  mkdirSync(path.dirname(GOLD_FILE), { recursive: true });
  const rows: string[] = [];
  const counts: Record<string, number> = {};
  for (const b of built) {
    writeFileSync(path.join(TEXT_DIR, `${b.id}.txt`), b.text);
    const sha256 = createHash('sha256').update(b.text).digest('hex');
    const page: GoldPage = { id: b.id, source: b.source, licence: b.licence, split: splitOf(b.id), sha256, ...b.page };
    rows.push(JSON.stringify(page));
    counts[page.split] = (counts[page.split] ?? 0) + 1;
    for (const [, , kind] of page.junk) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  writeFileSync(GOLD_FILE, rows.join('\n') + '\n');
  console.log(`${built.length} pages → ${path.relative(ROOT, TEXT_DIR)}/ and ${path.relative(ROOT, GOLD_FILE)}: ${JSON.stringify(counts)}`);
}

if (require.main === module) main();
export type { SourceId };
