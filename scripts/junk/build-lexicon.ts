// Builds data/junk/spam-lexicon.json: hand terms plus labelled spam terms of public lists, each entry with its sources; terms seen in real news are dropped (imported) or demoted (hand).
// Usage: npx tsx scripts/junk/build-lexicon.ts [--sources DIR]   (DIR holds owner+name/repo copies; see sources.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { newsText } from './news-text';
import { provenance, readSource, SOURCES, type SourceId } from './sources';
import { foldTerm } from './fold';

const ROOT = path.join(__dirname, '..', '..');
const HAND = path.join(ROOT, 'data', 'junk', 'hand', 'spam-terms.tsv');
const OUT = path.join(ROOT, 'data', 'junk', 'spam-lexicon.json');

export type Role = 'term' | 'brand' | 'dual' | 'context' | 'safe';
export interface Entry {
  term: string;
  category: string;
  role: Role;
  weight: number;
  sources: Set<string>;
  note?: string;
}

/** Imported terms longer than this are phrases, not terms: they train the scorer but are not matched. */
const MAX_IMPORTED = 6;
/** Imported terms seen this often in the news text go (they are news vocabulary, or political). */
const NEWS_LIMIT = 1;

export function readHandTerms(): Entry[] {
  const entries: Entry[] = [];
  for (const raw of readFileSync(HAND, 'utf8').split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const [term, category, role, weight, note] = raw.split('\t');
    if (!term || !category || !role || weight === undefined) throw new Error(`bad line in ${HAND}: ${raw}`);
    entries.push({ term: foldTerm(term), category, role: role as Role, weight: Number(weight), sources: new Set(['hand']), note });
  }
  return entries;
}

interface Imported {
  term: string;
  category: string;
  source: string;
}

/** houbb/sensitive-word's tagged words: 1 毒品, 2 色情, 3 赌博; anything also tagged 0 (政治) is left out. */
function houbbTerms(): Imported[] {
  const file = 'src/main/resources/sensitive_word_tags.txt';
  const out: Imported[] = [];
  const categories: Record<string, string> = { '1': 'drugs', '2': 'porn', '3': 'gambling' };
  for (const raw of readSource('houbb', file).split('\n')) {
    const [word, tagList] = raw.trim().split(/\s+/);
    if (!word || !tagList) continue;
    const tags = tagList.split(',');
    if (tags.includes('0')) continue;
    for (const tag of ['3', '2', '1']) {
      if (tags.includes(tag)) {
        out.push({ term: word, category: categories[tag], source: `houbb:${tag}` });
        break;
      }
    }
  }
  return out;
}

/** konsheng/Sensitive-lexicon's category files for ads and porn (never the political ones). */
const KONSHENG_FILES: Record<string, string> = { '广告类型': 'ads', '色情类型': 'porn', '色情词库': 'porn' };
function konshengTerms(): Imported[] {
  const out: Imported[] = [];
  for (const [name, category] of Object.entries(KONSHENG_FILES)) {
    for (const raw of readSource('konsheng', `Vocabulary/${name}.txt`).split(/\r?\n/)) {
      const word = raw.trim();
      if (word) out.push({ term: word, category, source: `konsheng:${name}` });
    }
  }
  return out;
}

/** How often each term occurs in the news text (counts of every substring of length 2..MAX that is a term). */
export function newsCounts(terms: Iterable<string>, lines: readonly string[], max = 12): Map<string, number> {
  const wanted = new Set(terms);
  const counts = new Map<string, number>();
  for (const line of lines) {
    const folded = foldTerm(line);
    for (let i = 0; i < folded.length; i++) {
      for (let len = 2; len <= max && i + len <= folded.length; len++) {
        const sub = folded.slice(i, i + len);
        if (wanted.has(sub)) counts.set(sub, (counts.get(sub) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** Occurrences that start and end on jieba word boundaries (Latin terms: on letter boundaries). */
export function wordAlignedCounts(terms: readonly string[], lines: readonly string[]): Map<string, number> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jieba = require('nodejieba') as { cut(text: string): string[] };
  const wanted = new Set(terms);
  const max = Math.max(...terms.map((t) => t.length));
  const counts = new Map<string, number>();
  for (const line of lines) {
    const folded = foldTerm(line);
    const boundary = new Uint8Array(folded.length + 1);
    let at = 0;
    for (const word of jieba.cut(folded)) {
      boundary[at] = 1;
      at += word.length;
    }
    boundary[folded.length] = 1;
    for (let i = 0; i < folded.length; i++) {
      if (!boundary[i]) continue;
      for (let len = 2; len <= max && i + len <= folded.length; len++) {
        if (!boundary[i + len]) continue;
        const sub = folded.slice(i, i + len);
        if (wanted.has(sub)) counts.set(sub, (counts.get(sub) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * Political vocabulary slips into the ad and porn files of these lists (中国复兴党, leaders' names). Imported terms with
 * a political morpheme, or that jieba reads as a person's name, are left out: a news tool must never call them spam.
 */
const POLITICAL = /人民|真相|内幕|民运|异见|维稳|薄熙来|周永康|令计划|港独|占中|党|政|共|军|国家|中央|主席|总理|书记|领导|法轮|六四|民主|独立|台独|藏独|疆独|人权|抗议|示威|游行|革命|习|毛泽东|邓小平|江泽民|胡锦涛|温家宝|李鹏|达赖|西藏|新疆|台湾|天安门|大陆|中华|中国|警|公安|官员|选举|宪|维权|上访|自由|镇压|屠杀|迫害/;
let tagger: { tag(text: string): { word: string; tag: string }[] } | undefined;
function isPoliticalOrName(term: string): boolean {
  if (POLITICAL.test(term)) return true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  tagger ??= require('nodejieba');
  const tags = tagger!.tag(term);
  return tags.length === 1 && tags[0].tag === 'nr';
}

function isUsableImported(term: string): boolean {
  if (isPoliticalOrName(term)) return false;
  if (term.length < 2 || term.length > MAX_IMPORTED) return false;
  // Only CJK, Latin and digits; pure Latin/digit terms only when long enough to be a name, not a syllable.
  if (!/^[\u4e00-\u9fffa-z0-9]+$/.test(term)) return false;
  if (/^[a-z0-9]+$/.test(term) && term.length < 5) return false;
  return true;
}

function main(): void {
  const entries = new Map<string, Entry>();
  for (const e of readHandTerms()) {
    const existing = entries.get(e.term);
    if (existing) throw new Error(`duplicate hand term ${e.term}`);
    entries.set(e.term, e);
  }
  const imported = [...houbbTerms(), ...konshengTerms()].map((i) => ({ ...i, term: foldTerm(i.term) })).filter((i) => isUsableImported(i.term));
  const news = newsText();
  const counts = newsCounts([...entries.keys(), ...imported.map((i) => i.term)], news.lines);

  const dropped: { term: string; source: string; newsCount: number }[] = [];
  const demoted: { term: string; newsCount: number }[] = [];
  for (const i of imported) {
    const existing = entries.get(i.term);
    if (existing) {
      existing.sources.add(i.source);
      continue;
    }
    const seen = counts.get(i.term) ?? 0;
    if (seen >= NEWS_LIMIT) {
      dropped.push({ term: i.term, source: i.source, newsCount: seen });
      continue;
    }
    // Two-character imports are often ordinary words the news sample happens to lack: they count as weak evidence.
    entries.set(i.term, { term: i.term, category: i.category, role: 'term', weight: i.term.length <= 2 ? 1 : 2, sources: new Set([i.source]) });
  }
  // A hand term of weight ≥ 2 that real news uses as a word is demoted to 1: it then counts only next to stronger
  // evidence. Word-aligned counts: 口交 inside 出口交易 or 人妻 inside 个人妻子 is not a use of the term.
  const handStrong = [...entries.values()].filter((e) => e.sources.has('hand') && e.role !== 'safe' && e.role !== 'context' && e.role !== 'dual' && e.weight >= 2);
  const aligned = wordAlignedCounts(handStrong.map((e) => e.term), news.lines);
  for (const e of handStrong) {
    const seen = aligned.get(e.term) ?? 0;
    if (seen >= 3) {
      demoted.push({ term: e.term, newsCount: seen });
      e.weight = 1;
    }
  }

  const sourceTable: Record<string, string> = {
    hand: 'data/junk/hand/spam-terms.tsv (News Lens, MIT)',
    'houbb:1': `${provenance('houbb', 'src/main/resources/sensitive_word_tags.txt')} tag 1 毒品 (${SOURCES.houbb.licence})`,
    'houbb:2': `${provenance('houbb', 'src/main/resources/sensitive_word_tags.txt')} tag 2 色情 (${SOURCES.houbb.licence})`,
    'houbb:3': `${provenance('houbb', 'src/main/resources/sensitive_word_tags.txt')} tag 3 赌博 (${SOURCES.houbb.licence})`,
  };
  for (const name of Object.keys(KONSHENG_FILES)) {
    sourceTable[`konsheng:${name}`] = `${provenance('konsheng', `Vocabulary/${name}.txt`)} (${SOURCES.konsheng.licence})`;
  }
  const sorted = [...entries.values()].sort((a, b) => a.category.localeCompare(b.category) || a.term.localeCompare(b.term));
  const byRole: Record<string, number> = {};
  const bySource: Record<string, number> = {};
  for (const e of sorted) {
    byRole[e.role] = (byRole[e.role] ?? 0) + 1;
    for (const s of e.sources) bySource[s] = (bySource[s] ?? 0) + 1;
  }
  const card = {
    what: 'Spam term and brand lexicon of News Lens (gambling, lottery, porn, fake invoices, loans, private game servers, drugs, fake certificates, fake goods).',
    howBuilt: [
      'scripts/junk/build-lexicon.ts merges the hand list with labelled categories of public lists (never their political tags or files).',
      `Imported terms: 2..${MAX_IMPORTED} characters, folded to Simplified lower case; dropped when they occur in the news text (${news.chars} characters); two-character imports weigh 1, longer ones 2.`,
      'Hand terms of weight >= 2 seen 3+ times in the news text are demoted to weight 1.',
      'Roles: term | brand | dual | context | safe (see the hand list header).',
    ],
    newsText: news.provenance,
    sources: sourceTable,
    licences: 'Hand terms: MIT (this project). houbb/sensitive-word: Apache-2.0. konsheng/Sensitive-lexicon: MIT. Lists without a licence (DarkLinkScaner, YuanZhao, GPT-4o tokens) and aaPanel (custom licence) are NOT copied here: they only train the scorer or serve as checklists.',
    counts: { entries: sorted.length, byRole, bySource, droppedImported: dropped.length, demotedHand: demoted.length },
    demotedHand: demoted.sort((a, b) => b.newsCount - a.newsCount),
  };
  // Entries grouped by what they share (category, role, weight, sources): one `|`-joined string per group keeps the
  // shipped file small and quick to parse, and every term keeps its sources and licence through its group key.
  const groups = new Map<string, string[]>();
  for (const e of sorted) {
    const key = `${e.category} ${e.role} ${e.weight} ${[...e.sources].sort().join(',')}`;
    const list = groups.get(key) ?? [];
    list.push(e.term);
    groups.set(key, list);
  }
  const body = [...groups.entries()].map(([key, terms]) => `${JSON.stringify(key)}: ${JSON.stringify(terms.join('|'))}`);
  card.howBuilt.push('Shipped as groups: "category role weight sources" → terms joined by |.');
  writeFileSync(OUT, `{\n"card": ${JSON.stringify(card, null, 1)},\n"groups": {\n${body.join(',\n')}\n}\n}\n`);
  console.log(`${sorted.length} entries → ${path.relative(ROOT, OUT)}; dropped ${dropped.length} imported terms seen in news (e.g. ${dropped.slice(0, 30).map((d) => d.term).join(' ')}); demoted ${demoted.length} hand terms: ${demoted.map((d) => `${d.term}(${d.newsCount})`).join(' ')}`);
  console.log(JSON.stringify(card.counts));
}

if (require.main === module) main();
