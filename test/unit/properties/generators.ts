// fast-check generators: hostile Unicode text, realistic junk-laden news documents, engine options and edits.
import fc from 'fast-check';
import { ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type JunkKind } from '../../../src/core/types';
import {
  ENTITY_JUNK, GLOSSES, INDENTS, INLINE_JUNK, JUNK_LINES, LEGIT_PARENTHETICALS, NEUTRAL_LINES, SIMPLIFIED_SENTENCES,
  SPAM_SEPARATORS, SPAM_TERMS, SPLIT_TAG, TRADITIONAL_SENTENCES,
} from './corpus';

/** How big generated values get: small for CI, larger (with a few huge lines) for the soak runner. */
export interface Profile {
  name: 'ci' | 'soak';
  /** fast-check size of arrays without an explicit bound. */
  size: fc.Size;
  /** Most units in one random line. */
  maxUnits: number;
  /** Most lines in one document. */
  maxLines: number;
  /** Relative weight of a huge (10k–200k units) line among random lines; 0 for none. */
  hugeWeight: number;
}

export const CI: Profile = { name: 'ci', size: 'small', maxUnits: 40, maxLines: 8, hugeWeight: 0 };
export const SOAK: Profile = { name: 'soak', size: 'medium', maxUnits: 300, maxLines: 40, hugeWeight: 1 };

const chr = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((code) => String.fromCharCode(code));
const cp = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((code) => String.fromCodePoint(code));

/** Characters the engine's detectors care about, one arbitrary each, plus anything at all. */
const UNIT = fc.oneof(
  { weight: 6, arbitrary: chr(0x20, 0x7e) },
  { weight: 6, arbitrary: chr(0x4e00, 0x9fff) },
  { weight: 6, arbitrary: fc.constantFrom(...Array.from(TRADITIONAL_SENTENCES.join('') + SIMPLIFIED_SENTENCES.join(''))) },
  { weight: 1, arbitrary: chr(0x3400, 0x4dbf) },
  { weight: 3, arbitrary: fc.oneof(fc.constant('𠀀'), fc.constant('𪚥'), cp(0x20000, 0x2a6df)) },
  { weight: 2, arbitrary: fc.oneof(cp(0x1f300, 0x1faff), fc.constantFrom('👨‍👩‍👧', '❤️', '🇨🇳', '👍🏽', '\u2764')) },
  { weight: 3, arbitrary: chr(0xd800, 0xdbff) },
  { weight: 3, arbitrary: chr(0xdc00, 0xdfff) },
  { weight: 2, arbitrary: chr(0x0300, 0x036f) },
  { weight: 2, arbitrary: fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f') },
  { weight: 2, arbitrary: fc.oneof(chr(0x00, 0x1f), chr(0x7f, 0x9f)) },
  { weight: 4, arbitrary: fc.constantFrom('\n', '\r', '\r\n', '\n\r', '\u2028', '\u2029', '\u0085', '\v', '\f') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '  ') },
  { weight: 3, arbitrary: fc.constantFrom(...Array.from('，。！？；：「」《》〈〉（）【】、…—·•>»／')) },
  { weight: 6, arbitrary: fc.constantFrom('(', ')', '（', '）', '<', '>', '/', '&', ';', '#', '|', '=', '"', "'", '-', '_', ',', '.', '*', '+', '?', '\\', '[', ']', '{', '}', '$', '^') },
  { weight: 2, arbitrary: fc.constantFrom(...Array.from('āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü')) },
  { weight: 2, arbitrary: chr(0x80, 0xff) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '網(wǎng)', '發(fā)', '(wǎng)', '（fā）', 'nbsp', '&nbsp;', '&amp;', '&#', '<b>', '</b>', '<strike id="x">', '<!--', '-->',
      '锟斤拷', '錕斤拷', 'Ã©', 'æ–‡', '\ufffd', '无码', '国产精品', '久久', '|精品|', '版權所有', '責任編輯：', '首頁 > ',
      '来源：', '2023-01-16', '102.54億元', '138%', '《人民日報》', '新華社', '張三', 'a∨', 'Ａｖ', '12:00',
    ),
  },
  { weight: 2, arbitrary: cp(0, 0x10ffff) },
);

/** A line of hostile units, sometimes written twice (`XX`, `X X`) as the duplicate detector looks for. */
function randomLine(profile: Profile): fc.Arbitrary<string> {
  const line = fc.array(UNIT, { maxLength: profile.maxUnits, size: profile.size }).map((units) => units.join(''));
  const doubled = fc.tuple(line, fc.constantFrom('', ' ', '\u3000')).map(([s, gap]) => s + gap + s);
  const options = [
    { weight: 8, arbitrary: line },
    { weight: 2, arbitrary: doubled },
  ];
  if (profile.hugeWeight > 0) options.push({ weight: profile.hugeWeight, arbitrary: hugeLine() });
  return fc.oneof(...options);
}

/** A 10k–200k unit line: a short random pattern repeated, or prose run together. */
function hugeLine(): fc.Arbitrary<string> {
  const pattern = fc.array(UNIT, { minLength: 1, maxLength: 12 }).map((units) => units.join(''));
  const prose = fc.constantFrom(...TRADITIONAL_SENTENCES, ...SIMPLIFIED_SENTENCES);
  return fc
    .tuple(fc.oneof(pattern, prose), fc.integer({ min: 10_000, max: 200_000 }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

const LINE_BREAK = fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r');

/** Copies some entries of a list to other places in it (duplicated paragraphs). */
function withCopies<T>(items: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> {
  return fc.tuple(items, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 })).map(([list, copies]) => {
    const out = list.slice();
    for (const [from, to] of copies) if (out.length > 0) out.splice(to % (out.length + 1), 0, out[from % out.length]);
    return out;
  });
}

/** Joins lines with a random mix of LF, CRLF and CR. */
function joinLines(lines: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc
    .tuple(lines, fc.array(LINE_BREAK, { maxLength: 64 }), fc.boolean())
    .map(([list, breaks, trailing]) =>
      list.map((line, i) => line + (i < list.length - 1 || trailing ? breaks[i % Math.max(1, breaks.length)] ?? '\n' : '')).join(''),
    );
}

/** A document of hostile lines. */
export function unicodeText(profile: Profile): fc.Arbitrary<string> {
  return joinLines(withCopies(fc.array(randomLine(profile), { maxLength: profile.maxLines, size: profile.size })));
}

/** One sentence with glosses after some of its characters and in-line junk between some of them. */
interface SentencePlan {
  sentence: string;
  /** For each character that has a known reading: insert its gloss? */
  glosses: boolean[];
  fullWidth: boolean;
  /** [character index, junk] pairs. */
  junk: [number, string][];
}

const sentencePlan: fc.Arbitrary<SentencePlan> = fc.record({
  sentence: fc.constantFrom(...TRADITIONAL_SENTENCES, ...SIMPLIFIED_SENTENCES),
  glosses: fc.array(fc.boolean(), { maxLength: 40 }),
  fullWidth: fc.boolean(),
  junk: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INLINE_JUNK)), { maxLength: 4 }),
});

/** Writes a sentence plan out: glosses stay glued to their character, junk goes between (character, gloss) atoms. */
function renderSentence(plan: SentencePlan): string {
  const atoms: string[] = [];
  let glossIndex = 0;
  for (const ch of plan.sentence) {
    const reading = GLOSSES[ch];
    if (reading !== undefined && plan.glosses[glossIndex++]) atoms.push(plan.fullWidth ? `${ch}（${reading}）` : `${ch}(${reading})`);
    else atoms.push(ch);
  }
  const junkAt = new Map<number, string>();
  for (const [at, junk] of plan.junk) junkAt.set(at % (atoms.length + 1), (junkAt.get(at % (atoms.length + 1)) ?? '') + junk);
  let out = '';
  for (let i = 0; i <= atoms.length; i++) out += (junkAt.get(i) ?? '') + (atoms[i] ?? '');
  return out;
}

type NewsLine =
  | {
      kind: 'prose';
      indent: string;
      sentences: SentencePlan[];
      joiner: string;
      /** [sentence boundary, entity] pairs: entities turn into characters, so they only go between sentences. */
      entities: [number, string][];
      prefix?: string[];
      suffix?: string[];
      credit: boolean;
    }
  | { kind: 'junk'; indent: string; text: string }
  | { kind: 'spam'; terms: string[]; separator: string }
  | { kind: 'split-tag' }
  | { kind: 'neutral'; text: string }
  | { kind: 'blank'; text: string };

const spamTerms = (min: number, max: number) => fc.array(fc.constantFrom(...SPAM_TERMS), { minLength: min, maxLength: max });

const newsLine: fc.Arbitrary<NewsLine> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('prose' as const),
      indent: fc.constantFrom(...INDENTS),
      sentences: fc.array(sentencePlan, { minLength: 1, maxLength: 3 }),
      joiner: fc.constantFrom('', '', '\u3000', ' '),
      entities: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ENTITY_JUNK)), { maxLength: 2 }),
      prefix: fc.option(spamTerms(3, 5), { nil: undefined }),
      suffix: fc.option(spamTerms(3, 5), { nil: undefined }),
      credit: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('junk' as const), indent: fc.constantFrom(...INDENTS), text: fc.constantFrom(...JUNK_LINES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('spam' as const), terms: spamTerms(4, 12), separator: fc.constantFrom(...SPAM_SEPARATORS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'split-tag' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('neutral' as const), text: fc.constantFrom(...NEUTRAL_LINES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', '', '   ', '\u3000') }) },
);

/** A generated news document and the real text in it that must survive `clean`. */
export interface NewsDocument {
  text: string;
  /** Every prose sentence, as written without junk. */
  sentences: string[];
  /** The legit parentheticals inside those sentences. */
  parentheticals: string[];
}

function renderLine(line: NewsLine): string[] {
  switch (line.kind) {
    case 'prose': {
      const edges = line.sentences.map(() => '').concat('');
      for (const [at, entity] of line.entities) edges[at % edges.length] += entity;
      let text = edges[0] + line.sentences.map((plan, i) => renderSentence(plan) + edges[i + 1]).join(line.joiner);
      if (line.credit) text += '（責任編輯：王萍）';
      if (line.prefix) text = `${line.prefix.join(',')} ${text}`;
      if (line.suffix) text = `${text} ${line.suffix.join('|')}`;
      return [line.indent + text];
    }
    case 'junk':
      return [line.indent + line.text];
    case 'spam':
      return [line.terms.join(line.separator)];
    case 'split-tag':
      return [...SPLIT_TAG];
    case 'neutral':
    case 'blank':
      return [line.text];
  }
}

/** A realistic scraped article: prose with embedded junk, junk lines, metadata, duplicated lines and mixed line breaks. */
export function newsDocument(profile: Profile): fc.Arbitrary<NewsDocument> {
  const lines = withCopies(fc.array(newsLine, { minLength: 1, maxLength: profile.maxLines, size: profile.size }));
  return fc.tuple(lines, fc.array(LINE_BREAK, { minLength: 1, maxLength: 8 }), fc.boolean()).map(([list, breaks, trailing]) => {
    const rendered = list.flatMap(renderLine);
    const text = rendered.map((l, i) => l + (i < rendered.length - 1 || trailing ? breaks[i % breaks.length] : '')).join('');
    const sentences = list.flatMap((l) => (l.kind === 'prose' ? l.sentences.map((s) => s.sentence) : []));
    const parentheticals = LEGIT_PARENTHETICALS.filter((p) => sentences.some((s) => s.includes(p)));
    return { text, sentences, parentheticals };
  });
}

/** News text with hostile units spliced in at random UTF-16 offsets (which may split surrogate pairs). */
export function splicedNews(profile: Profile): fc.Arbitrary<string> {
  return fc
    .tuple(newsDocument(profile), fc.array(fc.tuple(fc.nat(), UNIT), { maxLength: 6 }))
    .map(([doc, splices]) => {
      let text = doc.text;
      for (const [at, unit] of splices) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + unit + text.slice(i);
      }
      return text;
    });
}

/** Any text the engine may be given: hostile, realistic, or both mixed. */
export function anyText(profile: Profile): fc.Arbitrary<string> {
  return fc.oneof(unicodeText(profile), newsDocument(profile).map((d) => d.text), splicedNews(profile));
}

/** Short strings users type as spam terms, ignore literals or dictionary words, regex metacharacters included. */
const userTerm = fc.oneof(
  fc.constantFrom('a+b(', '.*', '(?:x+)+y', '[', '\\', '$', '^', '|', '国产', '精品', '網', '(wǎng)', '<b>', 'nbsp', '嘉興', '张三', ''),
  fc.array(UNIT, { minLength: 1, maxLength: 4 }).map((units) => units.join('')),
);

/** Engine options: subsets of kinds and types, figures and cheap mode on or off, user terms and words. */
export const analyzeOptions: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    junkKinds: fc.subarray([...JUNK_KINDS]),
    entityTypes: fc.subarray([...ENTITY_TYPES]),
    figures: fc.boolean(),
    cheapOnly: fc.boolean(),
    extraSpamTerms: fc.array(userTerm, { maxLength: 4 }),
    ignoreLiterals: fc.array(userTerm, { maxLength: 3 }),
    userWords: fc.array(fc.record({ word: userTerm, type: fc.constantFrom(...ENTITY_TYPES) }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** The junk kinds argument of `cleanText`: mostly all (undefined), sometimes a subset. */
export const cleanKinds: fc.Arbitrary<JunkKind[] | undefined> = fc.option(fc.subarray([...JUNK_KINDS]), { nil: undefined, freq: 2 });

/** One edit of a document: insert text or delete a range, at positions taken modulo the text length. */
export type DocumentEdit = { insert: string; at: number } | { deleteFrom: number; length: number };

export function documentEdit(profile: Profile): fc.Arbitrary<DocumentEdit> {
  const inserted = fc.oneof(
    fc.array(UNIT, { minLength: 1, maxLength: 8 }).map((u) => u.join('')),
    newsDocument({ ...profile, maxLines: 2 }).map((d) => d.text),
    fc.constantFrom('\n', '\r\n', '\r', '(wǎng)', '<b>', '锟斤拷'),
  );
  return fc.oneof(
    fc.record({ insert: inserted, at: fc.nat() }),
    fc.record({ deleteFrom: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  );
}

export function applyDocumentEdit(text: string, edit: DocumentEdit): string {
  if ('insert' in edit) {
    const at = edit.at % (text.length + 1);
    return text.slice(0, at) + edit.insert + text.slice(at);
  }
  const from = edit.deleteFrom % (text.length + 1);
  return text.slice(0, from) + text.slice(from + edit.length);
}

/** Text for the script converters: mostly Han characters of both scripts, with astral and lone-surrogate units. */
export function scriptText(profile: Profile): fc.Arbitrary<string> {
  const han = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...Array.from(TRADITIONAL_SENTENCES.join('') + SIMPLIFIED_SENTENCES.join('') + '著裡麵髮乾後鬆於餘')) },
    { weight: 4, arbitrary: chr(0x4e00, 0x9fff) },
    { weight: 2, arbitrary: cp(0x20000, 0x2ffff) },
    { weight: 3, arbitrary: UNIT },
  );
  return fc.array(han, { maxLength: profile.maxUnits * 2, size: profile.size }).map((units) => units.join(''));
}
