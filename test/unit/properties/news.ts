// Realistic scraped news: prose and headlines with junk embedded, junk lines, metadata, copies and mixed line breaks.
import fc from 'fast-check';
import {
  ENTITY_JUNK, GLOSSES, INDENTS, INLINE_JUNK, JUNK_LINES, LEGIT_PARENTHETICALS, NEUTRAL_LINES, SIMPLIFIED_SENTENCES,
  SPAM_SEPARATORS, SPAM_TERMS, SPLIT_TAG, TITLES, TRADITIONAL_SENTENCES,
} from './corpus';
import { LINE_BREAK, withCopies, type Profile } from './units';

/** One sentence with glosses after some of its characters and in-line junk between some of them. */
interface SentencePlan {
  sentence: string;
  /** For each character that has a known reading: insert its gloss? */
  glosses: boolean[];
  fullWidth: boolean;
  /** [character index, junk] pairs. */
  junk: [number, string][];
}

const planOf = (texts: readonly string[]): fc.Arbitrary<SentencePlan> =>
  fc.record({
    sentence: fc.constantFrom(...texts),
    glosses: fc.array(fc.boolean(), { maxLength: 40 }),
    fullWidth: fc.boolean(),
    junk: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INLINE_JUNK)), { maxLength: 4 }),
  });
const sentencePlan = planOf([...TRADITIONAL_SENTENCES, ...SIMPLIFIED_SENTENCES]);

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
  | { kind: 'title'; indent: string; title: SentencePlan }
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
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('title' as const), indent: fc.constantFrom(...INDENTS), title: planOf(TITLES) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('junk' as const), indent: fc.constantFrom(...INDENTS), text: fc.constantFrom(...JUNK_LINES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('spam' as const), terms: spamTerms(4, 12), separator: fc.constantFrom(...SPAM_SEPARATORS) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'split-tag' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('neutral' as const), text: fc.constantFrom(...NEUTRAL_LINES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blank' as const), text: fc.constantFrom('', '', '   ', '\u3000') }) },
);

/** A generated news document and the real text in it that must survive `clean`. */
export interface NewsDocument {
  text: string;
  /** Every prose sentence and headline, as written without junk. */
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
    case 'title':
      return [line.indent + renderSentence(line.title)];
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
    const sentences = list.flatMap((l) => (l.kind === 'prose' ? l.sentences.map((s) => s.sentence) : l.kind === 'title' ? [l.title.sentence] : []));
    const parentheticals = LEGIT_PARENTHETICALS.filter((p) => sentences.some((s) => s.includes(p)));
    return { text, sentences, parentheticals };
  });
}
