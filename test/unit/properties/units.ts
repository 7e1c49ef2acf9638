// Generation profiles and hostile text: every kind of Unicode unit the engine may meet, lines, copies and line breaks.
import fc from 'fast-check';
import { SIMPLIFIED_SENTENCES, TRADITIONAL_SENTENCES } from './corpus';

/** How big generated values get: small for CI, larger (with a few huge lines) for the soak runner. */
export interface Profile {
  name: 'ci' | 'soak';
  /** fast-check size of arrays without an explicit bound. */
  size: fc.Size;
  /** Most units in one random line. */
  maxUnits: number;
  /** Most lines in one document. */
  maxLines: number;
  /** Weight of a huge (10k–100k units) line against 100 for the other random lines; 0 for none. */
  hugeWeight: number;
}

export const CI: Profile = { name: 'ci', size: 'small', maxUnits: 40, maxLines: 8, hugeWeight: 0 };
export const SOAK: Profile = { name: 'soak', size: 'medium', maxUnits: 300, maxLines: 40, hugeWeight: 1 };

export const chr = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((code) => String.fromCharCode(code));
export const cp = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((code) => String.fromCodePoint(code));

/** Characters the engine's detectors care about, one arbitrary each, plus anything at all. */
export const UNIT = fc.oneof(
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

/** What a copied half may start or end with: the halves of a surrogate pair make a real pair where the copies meet. */
const EDGE = fc.constantFrom('', '', '\udc00', '\ud800', '\udfff', '\udbff', '𠀀', '\u0301', '\u200d');

/** A line of hostile units, sometimes written twice (`XX`, `X X`) as the duplicate detector looks for. */
function randomLine(profile: Profile): fc.Arbitrary<string> {
  const line = fc.array(UNIT, { maxLength: profile.maxUnits, size: profile.size }).map((units) => units.join(''));
  const doubled = fc
    .tuple(EDGE, line, EDGE, fc.constantFrom('', ' ', '\u3000'))
    .map(([first, s, last, gap]) => first + s + last + gap + first + s + last);
  const options = [
    { weight: 80, arbitrary: line },
    { weight: 20, arbitrary: doubled },
  ];
  if (profile.hugeWeight > 0) options.push({ weight: profile.hugeWeight, arbitrary: hugeLine() });
  return fc.oneof(...options);
}

/** A 10k–100k unit line: a short random pattern repeated, or prose run together. */
function hugeLine(): fc.Arbitrary<string> {
  const pattern = fc.array(UNIT, { minLength: 1, maxLength: 12 }).map((units) => units.join(''));
  const prose = fc.constantFrom(...TRADITIONAL_SENTENCES, ...SIMPLIFIED_SENTENCES);
  return fc
    .tuple(fc.oneof(pattern, prose), fc.integer({ min: 10_000, max: 100_000 }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
}

export const LINE_BREAK = fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r');

/** Copies some entries of a list to other places in it (duplicated paragraphs). */
export function withCopies<T>(items: fc.Arbitrary<T[]>): fc.Arbitrary<T[]> {
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
