// fast-check generators used by the properties: any text, engine options, document edits and script-converter text.
import fc from 'fast-check';
import { ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type JunkKind } from '../../../src/core/types';
import { SIMPLIFIED_SENTENCES, TRADITIONAL_SENTENCES } from './corpus';
import { newsDocument } from './news';
import { UNIT, chr, cp, unicodeText, type Profile } from './units';

export { CI, SOAK, unicodeText, type Profile } from './units';
export { newsDocument, type NewsDocument } from './news';

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
