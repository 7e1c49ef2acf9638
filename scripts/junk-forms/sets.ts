// Builds the gloss and mojibake measurement sets from real news sentences: glossed and mis-decoded versions constructed the way mirrors and wrong decoders make them.
//
// Source: github:qianshuang/dl-exp@0ff7afa0588c61940868d24099c7cbecc8ee9b54:data/cnews/cnews.val.txt (THUCNews/Sina,
// 1,000 articles; no licence stated, so the text is not committed: this script rebuilds the sets from a local copy).
// Articles are split into dev (two thirds) and held-out test (one third) by article number, before anything else.
// Everything below that is not a real sentence is CONSTRUCTED, and named so in each item's `form`.
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import * as iconv from 'iconv-lite';
import { seededRandom } from '../../src/shared/seeded-random';

export type Split = 'dev' | 'test';

export interface Sentence {
  article: number;
  text: string;
}

/** A line with the gloss spans a detector should find ([start, end) in UTF-16 units), and how it was made. */
export interface GlossItem {
  line: string;
  gold: [number, number][];
  form: string;
}

export interface MojibakeItem {
  /** What the reader sees. */
  damaged: string;
  /** What the writer wrote: `clean` must give this back exactly. */
  original: string;
  form: string;
}

export const random = seededRandom;

/** Held-out third: decided by a hash of the article number, never by content. */
export function splitOf(article: number): Split {
  return createHash('sha256').update(`cnews-${article}`).digest()[0] % 3 === 0 ? 'test' : 'dev';
}

/** Real sentences (8–120 characters, ending in 。！？) of the articles of one split, at most `perArticle` each. */
export function sentencesOf(cnews: string, split: Split, perArticle = 6): Sentence[] {
  const out: Sentence[] = [];
  cnews.split('\n').forEach((row, article) => {
    if (!row.trim() || splitOf(article) !== split) return;
    const body = row.slice(row.indexOf('\t') + 1).replace(/\s+/g, '');
    const sentences = body.match(/[^。！？]+[。！？]/g) ?? [];
    let taken = 0;
    for (const sentence of sentences) {
      if (taken >= perArticle) break;
      const length = [...sentence].length;
      if (length < 8 || length > 120) continue;
      out.push({ article, text: sentence });
      taken++;
    }
  });
  return out;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const HAN = /[\u3400-\u9fff]/;

type GlossStyle = (ch: string, toned: string, numbered: string, toneless: string) => string;
/** How mirrors write a gloss after a character (the seed page: toned; the page: toneless and self-glosses). */
export const GLOSS_STYLES: Record<string, GlossStyle> = {
  toned: (_, t) => `(${t})`,
  toneless: (_, _t, _n, l) => `(${l})`,
  numbered: (_, _t, n) => `(${n})`,
  'numbered-5': (_, _t, n) => `(${n.replace(/0$/, '5')})`,
  'full-width': (_, t) => `（${t}）`,
  'spaced-toned': (_, t) => ` (${t})`,
  'spaced-toneless': (_, _t, _n, l) => `（ ${l} ）`,
  self: (ch) => `(${ch})`,
};

/** Per-character readings in context (pinyin-pro), as a mirror's glossing tool would give them. */
function readings(text: string, toneType: 'symbol' | 'num' | 'none', v = false): string[] {
  // One entry per character (non-Han characters echo themselves), so indexes line up with [...text].
  return pinyin(text, { type: 'array', toneType, v }) as string[];
}

/**
 * CONSTRUCTED positives: a real sentence (Traditional, as mirrors convert, for half of them) with glosses after
 * about one character in seven — the seed page's density — in one style per sentence.
 */
export function glossedSentences(sentences: readonly Sentence[], seed: number): GlossItem[] {
  const rand = random(seed);
  const styles = Object.keys(GLOSS_STYLES);
  return sentences.map((sentence, index) => {
    const traditional = rand() < 0.5;
    const text = traditional ? toTraditional(sentence.text) : sentence.text;
    const style = styles[index % styles.length];
    const chars = [...text];
    // pinyin-pro's per-character arrays skip nothing for Han text; align by Han characters.
    const toned = readings(sentence.text, 'symbol');
    const numbered = readings(sentence.text, 'num', rand() < 0.5);
    const toneless = readings(sentence.text, 'none', rand() < 0.5);
    const simplifiedChars = [...sentence.text];
    let line = '';
    const gold: [number, number][] = [];
    let k = 0;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      line += ch;
      const reading = simplifiedChars.length === chars.length ? k : -1;
      k++;
      if (!HAN.test(ch) || reading < 0 || rand() >= 0.15) continue;
      const t = toned[reading];
      if (!t || !/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/.test(t)) continue;
      const gloss = GLOSS_STYLES[style](ch, t, numbered[reading], toneless[reading]);
      gold.push([line.length, line.length + gloss.length]);
      line += gloss;
    }
    return { line, gold, form: `constructed: ${style} gloss${traditional ? ', Traditional' : ''}` };
  });
}

/** CONSTRUCTED hard negatives: a children's reader (a reading after every character), numbered pinyin teaching lines. */
export function interlinearSentences(sentences: readonly Sentence[], seed: number): GlossItem[] {
  const rand = random(seed);
  return sentences.map((sentence) => {
    const numberedStyle = rand() < 0.5;
    const marks = readings(sentence.text, numberedStyle ? 'num' : 'symbol');
    let line = '';
    [...sentence.text].forEach((ch, i) => {
      line += ch;
      if (HAN.test(ch) && marks[i] && /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü0-9]+$/.test(marks[i])) line += `(${marks[i]})`;
    });
    return { line, gold: [], form: `constructed: interlinear pinyin (${numberedStyle ? 'numbered' : 'toned'}), a children's reader` };
  });
}

/** English words and acronyms that follow Chinese in parentheses in real text. */
const ENGLISH = ['LED', 'app', 'APP', 'GDP', 'CEO', 'AI', 'iPhone', 'wifi', 'pdf', 'blog', 'NBA', 'CPI', 'IPO', 'VR', 'logo', 'email', 'online', 'fans', 'man', 'pin', 'bang', 'fan', 'long'];

/** CONSTRUCTED hard negatives: an English word in parentheses after a random Han character of a real sentence. */
export function englishParentheticals(sentences: readonly Sentence[], seed: number): GlossItem[] {
  const rand = random(seed);
  return sentences.map((sentence) => {
    const chars = [...sentence.text];
    const hanAt = chars.map((c, i) => (HAN.test(c) ? i : -1)).filter((i) => i >= 0);
    const at = hanAt[Math.floor(rand() * hanAt.length)] ?? 0;
    const word = ENGLISH[Math.floor(rand() * ENGLISH.length)];
    chars.splice(at + 1, 0, rand() < 0.5 ? `(${word})` : `（${word}）`);
    return { line: chars.join(''), gold: [], form: 'constructed: English word in parentheses' };
  });
}

// ——— Mojibake ———

const windows1252 = new TextDecoder('windows-1252');
const gbkDecoder = new TextDecoder('gbk');

/** How wrong decoders turn text into mojibake; each takes the writer's text and returns what a reader sees. */
export const MISREADINGS: Record<string, (text: string) => string | undefined> = {
  // A browser or a WHATWG decoder: undefined bytes become C1 controls.
  'UTF-8 read as Windows-1252': (text) => windows1252.decode(Buffer.from(text, 'utf8')),
  'UTF-8 read as Latin-1': (text) => Buffer.from(text, 'utf8').toString('latin1'),
  // Python's bytes.decode('cp1252', errors='replace'): undefined bytes become U+FFFD.
  'UTF-8 read as Windows-1252, strict decoder': (text) =>
    Array.from(Buffer.from(text, 'utf8'), (b) => ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b) ? '\ufffd' : windows1252.decode(Uint8Array.of(b)))).join(''),
  'UTF-8 read as Windows-1252 twice': (text) => windows1252.decode(Buffer.from(windows1252.decode(Buffer.from(text, 'utf8')), 'utf8')),
  // A browser or a WHATWG decoder: a byte it cannot pair becomes U+FFFD.
  'UTF-8 read as GBK': (text) => gbkDecoder.decode(Buffer.from(text, 'utf8')),
  'GBK read as Latin-1': (text) => {
    const bytes = iconv.encode(text, 'gbk');
    return iconv.decode(bytes, 'gbk') === text ? bytes.toString('latin1') : undefined;
  },
};

/** CONSTRUCTED: real sentences (Simplified, or Traditional for one in three) mis-decoded in each way. */
export function mojibakeSentences(sentences: readonly Sentence[], seed: number): MojibakeItem[] {
  const rand = random(seed);
  const items: MojibakeItem[] = [];
  const forms = Object.keys(MISREADINGS);
  sentences.forEach((sentence, index) => {
    // A sentence with damage of its own (U+FFFD, DEL) is not a writer's text to give back.
    if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/.test(sentence.text)) return;
    const traditional = rand() < 1 / 3;
    const original = traditional ? toTraditional(sentence.text) : sentence.text;
    const form = forms[index % forms.length];
    const damaged = MISREADINGS[form](original);
    if (damaged === undefined || damaged === original) return;
    items.push({ damaged, original, form: `constructed: ${form}${traditional ? ', Traditional' : ''}` });
  });
  return items;
}
