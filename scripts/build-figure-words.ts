// Builds data/figures/numeral-words.json: words of jieba's dictionary that hold a numeral but are no figure (三天两头, 十三陵, 九牛一毛).
//
// The figures layer runs without the segmenter (it is one of the cheap layers), so it cannot see that 十三 in
// 十三陵 is part of a place name. This script asks the layer itself: every word of jieba's dictionary (the one
// nodejieba ships) that holds a numeral is run through the figure rules without a lexicon, and kept when the
// rules find a figure in it that the word says is none:
//  - words tagged as numerals, quantities or times (m, mq, q, t) only when the rules find two figures in them
//    (三天两头): 第一站, 三个, 十分之一 are figures, and the rules already refuse 一些, 一起, 十分 on their own;
//  - other words (names, places, organizations, idioms, set phrases: ns, nr, nz, nt, i, l, j, n …) when the
//    figure does not cover the word, unless what the word adds is itself a localizer, time word or measure word
//    (三月初, 三日份: a figure and a word jieba happens to list together), a noun that the figure counts or ranks
//    (第一课, 两道菜), or a verb or adverb before the figure (赚八万). The dictionary's tags decide.
// Each word is kept in Simplified and in Traditional (opencc-js, Taiwan and Hong Kong standards).
// A few words jieba lacks are added from data/figures/numeral-words-extra.txt.
//
// Run: npx tsx scripts/build-figure-words.ts   (a unit test checks that the shipped file is what this builds)
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { scanFigures } from '../src/core/figures';

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'data', 'figures', 'numeral-words.json');
const EXTRA = path.join(ROOT, 'data', 'figures', 'numeral-words-extra.txt');

/** Numeral characters of Simplified text (Traditional forms come from the conversion). */
const NUMERAL_CHAR = /[〇零一二两三四五六七八九十百千万亿廿卅壹贰叁肆伍陆柒捌玖拾佰仟]/;
const NUMERAL_GROUPS = /[〇零一二两三四五六七八九十百千万亿廿卅壹贰叁肆伍陆柒捌玖拾佰仟]+/g;
/** jieba's tags for numerals, quantities and times. */
const NUMERIC_TAGS = new Set(['m', 'mq', 'q', 't']);

export function jiebaDictPath(): string {
  return path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict', 'jieba.dict.utf8');
}

/** Tags of what a word may add to a figure and still be a figure plus a word: 初/底/中 (f), 時候 (t), 份 (q) … */
const ADDED_TO_FIGURE = new Set(['f', 't', 'q', 'm', 'mq', 'u', 'y', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud']);
/** Tags of a noun after a figure that make a phrase (第一課, 兩道菜, 六歲時): a figure counting or ranking it. */
const NOUN_AFTER_FIGURE = new Set(['n', 'nr', 'ns', 'nt', 'nz', 'vn', 'an', 'nrt', 'nrfg']);
/** Tags of a word before a figure that make a phrase rather than a name: 赚 (v), 近 (a/d), 在 (p) … */
const BEFORE_FIGURE = new Set(['v', 'vn', 'p', 'd', 'c', 'r', 'a', 'ad', 'vd', 'f']);

/** What may follow a word in text: 接二连三地 must not give 三地 (three places). */
const FRAMES = ['', '地', '的'];

/** Whether the figure rules (without a lexicon) misread `word`, which jieba tags `tag`; `tags` holds every word's tag. */
function misread(word: string, tag: string, tags: ReadonlyMap<string, string>): boolean {
  for (const frame of FRAMES) {
    const figures = scanFigures(word + frame, undefined).filter((f) => f.start < word.length);
    if (figures.length === 0) continue;
    if (NUMERIC_TAGS.has(tag)) {
      if (figures.length >= 2) return true;
      continue;
    }
    const first = figures[0];
    const last = figures[figures.length - 1];
    if (last.end > word.length) return true; // the figure crosses the end of the word
    if (first.start === 0 && last.end === word.length) continue;
    const before = word.slice(0, first.start);
    const after = word.slice(last.end);
    if (after && ADDED_TO_FIGURE.has(tags.get(after) ?? '')) continue;
    if (after && last.label !== 'CARDINAL' && NOUN_AFTER_FIGURE.has(tags.get(after) ?? '')) continue;
    // 赚八万, 前十名, 兄弟两人: a word before a measured figure.
    if (before && !after && (BEFORE_FIGURE.has(tags.get(before) ?? '') || (last.label !== 'CARDINAL' && last.label !== 'ORDINAL'))) continue;
    return true;
  }
  return false;
}

export interface BuiltLexicon {
  comment: string;
  words: string;
}

export function buildFigureWords(dictText: string, extraText: string): BuiltLexicon {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const kept = new Set<string>();
  const tags = new Map<string, string>();
  const entries: Array<[string, string]> = [];
  for (const line of dictText.split('\n')) {
    const [word, , tag] = line.trim().split(' ');
    if (!word) continue;
    if (!tags.has(word)) tags.set(word, tag);
    if (word.length >= 2 && NUMERAL_CHAR.test(word)) entries.push([word, tag]);
  }
  for (const [word, tag] of entries) {
    if (NUMERIC_TAGS.has(tag) && (word.match(NUMERAL_GROUPS)?.length ?? 0) < 2) continue;
    if (!misread(word, tag, tags)) continue;
    for (const form of new Set([word, toTw(word), toHk(word)])) if (FRAMES.some((f) => scanFigures(form + f, undefined).length)) kept.add(form);
  }
  for (const line of extraText.split('\n')) {
    const word = line.trim();
    if (!word || word.startsWith('#')) continue;
    for (const form of new Set([word, toTw(word), toHk(word)])) kept.add(form);
  }
  const version = (require('nodejieba/package.json') as { version: string }).version;
  return {
    comment:
      `Generated by scripts/build-figure-words.ts from jieba's dictionary as shipped in nodejieba ${version} ` +
      '(cppjieba dict/jieba.dict.utf8, MIT licence) and data/figures/numeral-words-extra.txt, with Traditional forms ' +
      'from opencc-js; do not edit. Words holding a numeral that the figure rules would otherwise read as a figure.',
    words: [...kept].sort().join(' '),
  };
}

if (require.main === module) {
  const built = buildFigureWords(readFileSync(jiebaDictPath(), 'utf8'), readFileSync(EXTRA, 'utf8'));
  writeFileSync(OUT, `${JSON.stringify(built, null, 0)}\n`);
  console.log(`data/figures/numeral-words.json: ${built.words.split(' ').length} words, ${(Buffer.byteLength(built.words) / 1024).toFixed(1)} KiB`);
}
