// The engine's "never loses a character" properties, shared by the mocha suite and the soak runner (fuzz.ts).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { Analyzer, analyze } from '../../../src/core/analyze';
import { CodePointIndex } from '../../../src/core/codepoints';
import { exportableSpans, toBrat, toDoccano, toLabelStudio } from '../../../src/core/export';
import { cleanText } from '../../../src/core/index';
import { toSimplified, toTraditional } from '../../../src/core/script';
import {
  analyzeOptions, anyText, applyDocumentEdit, cleanKinds, documentEdit, newsDocument, scriptText, unicodeText, type Profile,
} from './generators';
import {
  assertRange, assertWellFormed, codePoints, expectedClean, firstDifference, rangeMask, selectedRemovals, show,
} from './invariants';

/** The fixed seed of CI runs (the soak runner takes FUZZ_SEED). */
export const SEED = 20261128;

/** A property: a name, how many cases CI runs, and how to build it for a generation profile. */
export interface EngineProperty {
  id: string;
  title: string;
  /** Cases per CI run (the soak runner decides its own). */
  ciRuns: number;
  /** Minimised counterexamples found by earlier runs, each checked by CI on its own. */
  regressions: Regression<unknown>[];
  /** The property's check of one value (throws on a breach). */
  check(value: unknown): void;
  build(profile: Profile): fc.IProperty<unknown>;
}

export interface Regression<T> {
  why: string;
  value: T;
}

function define<T>(
  id: string, title: string, ciRuns: number, arbitrary: (p: Profile) => fc.Arbitrary<T>, check: (value: T) => void,
  regressions: Regression<T>[] = [],
): EngineProperty {
  return {
    id, title, ciRuns, regressions,
    check: check as (value: unknown) => void,
    build: (profile) => fc.property(arbitrary(profile), check) as unknown as fc.IProperty<unknown>,
  };
}

/** A regression news document: the text, and the real text in it that must survive. */
const news = (text: string, sentences: string[], parentheticals: string[] = []) => ({ text, sentences, parentheticals });

const withOptions = (p: Profile) => fc.record({ text: anyText(p), options: analyzeOptions, kinds: cleanKinds });

export const PROPERTIES: readonly EngineProperty[] = [
  define('well-formed', 'analyze and cleanText never throw; annotations, removals and edits lie in the text on code-point boundaries', 250,
    withOptions,
    ({ text, options, kinds }) => {
      const { annotations } = analyze(text, options);
      assertWellFormed(text, annotations);
      const cleaned = cleanText(text, options, kinds);
      let previousEnd = 0;
      for (const edit of cleaned.edits) {
        assertRange(text, edit, 'clean edit');
        assert.ok(edit.start >= previousEnd, `clean edits overlap or are unsorted at ${edit.start}`);
        previousEnd = edit.end;
      }
    },
    [{
      why: 'a line doubled within itself whose halves meet in a surrogate pair: the duplicate starts between its halves',
      value: { text: '\udc00abcdefghij\ud800\udc00abcdefghij\ud800', options: {}, kinds: undefined },
    }, {
      why: 'a user word made of a lone low surrogate matched inside an emoji and split it (FUZZ_SEED=777001)',
      value: { text: '🥟', options: { userWords: [{ word: '\udd5f', type: 'PER' }] }, kinds: undefined },
    }]),

  define('deletes-only-junk', 'clean changes exactly the reported junk removals, keeps every other character in order and invents nothing', 250,
    withOptions,
    ({ text, options, kinds }) => {
      // What the editor reports (full analysis, entities and figures included) is what clean may remove.
      const reported = analyze(text, { ...options, junkKinds: kinds ?? options.junkKinds }).annotations;
      const removals = selectedRemovals(reported, kinds);
      const allowed = rangeMask(text.length, removals);
      const cleaned = cleanText(text, options, kinds);
      const changed = rangeMask(text.length, cleaned.edits);
      const at = firstDifference(allowed, changed);
      assert.equal(at, -1, `clean ${changed[at] ? 'removes' : 'keeps'} unit ${at} ${show(text.slice(Math.max(0, at - 10), at + 10))}, which is ${allowed[at] ? '' : 'not '}inside a reported junk removal`);
      for (const edit of cleaned.edits) {
        const source = removals.find((r) => r.start === edit.start && r.end === edit.end && r.replacement === edit.newText);
        assert.ok(edit.newText === '' || source, `clean writes ${show(edit.newText)} at [${edit.start}, ${edit.end}), which no finding replaces that way`);
      }
      assert.equal(cleaned.text, expectedClean(text, removals), 'clean output is the input with the reported removals cut (or replaced)');
    }),

  define('idempotent', 'clean is idempotent: cleaning the cleaned text changes nothing', 250,
    (p) => fc.record({ text: anyText(p), kinds: cleanKinds }),
    ({ text, kinds }) => {
      const once = cleanText(text, {}, kinds).text;
      const twice = cleanText(once, {}, kinds);
      assert.equal(twice.text, once, `the second clean removes more: ${JSON.stringify(twice.removed)} at ${JSON.stringify(twice.edits.slice(0, 3))}`);
    },
    [
      { why: 'cutting in-line junk makes two lines equal, so the second clean removes one as a duplicate',
        value: { text: '接軌大上海，融入長三角，嘉興正加速構建區域協調發展。<b>\n接軌大上海，融入長三角，嘉興正加速構建區域協調發展。', kinds: undefined } },
      { why: 'a double-escaped entity decodes to an entity', value: { text: '嘉興&amp;nbsp;日報', kinds: undefined } },
      { why: 'cutting a tag split across lines leaves a lone bullet on its line', value: { text: '嘉興日報\n  • <s\ntrike id="qc0qw"><menu id="qc0qw"></menu></strike>\n', kinds: undefined } },
      { why: 'cutting a tag inside a gloss rebuilds the gloss', value: { text: '中國西藏網<b>(wǎng)</b>', kinds: undefined } },
      { why: 'cutting mojibake inside an entity rebuilds the entity', value: { text: 'a&錕斤拷nbsp;b', kinds: undefined } },
      { why: 'a control character before a credit line hides it until the character is cut', value: { text: '\u0085責任編輯：¡', kinds: undefined } },
      { why: 'a doubled keyword line is too long to be spam until its copy is cut',
        value: { text: '国产精品𠀀🌀𐀀Ａｖ\udbff国产精品𠀀🌀𐀀Ａｖ\udbff', kinds: undefined } },
    ]),

  define('prose-survives', 'real text survives: every prose sentence, headline and legit parenthetical of a junk-laden article is kept intact', 500,
    newsDocument,
    (doc) => {
      const cleaned = cleanText(doc.text).text;
      for (const sentence of doc.sentences) assert.ok(cleaned.includes(sentence), `real text lost or damaged: ${show(sentence)}\ncleaned: ${show(cleaned, 600)}`);
      for (const p of doc.parentheticals) assert.ok(cleaned.includes(p), `legit parenthetical lost: ${p}`);
    },
    [
      { why: 'a weak spam word (App) in the first words of the text pulled them into the spam prefix',
        value: {
          text: '久久国产精品,久久国产精品,久久国产精品 蘋果公司(App<span class="hl">le)發布的新款手機在香港市場銷量領先。接軌大上海，融入長三角，嘉興正加速構建區域協調發展的新格局。\n<div class="article"\nid="main">',
          sentences: ['蘋果公司(Apple)發布的新款手機在香港市場銷量領先。', '接軌大上海，融入長三角，嘉興正加速構建區域協調發展的新格局。'],
          parentheticals: ['(Apple)'],
        } },
      { why: 'a headline with in-line tags is taken for a breadcrumb (the tags\' > as separators) and deleted whole',
        value: news('<strong>中国经济</strong>稳步回升', ['中国经济稳步回升']) },
      { why: 'a headline after a closing tag is taken for a breadcrumb (its / and > as separators) and deleted whole',
        value: news('</b>长三角一体化发展取得新进展', ['长三角一体化发展取得新进展']) },
      { why: 'a spam prefix swallows the clauses of the real text that ASCII commas join to it',
        value: news('久久国产精品,久久国产精品,久久国产精品 过去一年,全市新增就业岗位十二万个,城镇调查失业率保持稳定。', ['过去一年,全市新增就业岗位十二万个,城镇调查失业率保持稳定。']) },
      { why: 'a long spam prefix before a short sentence with a dateline space makes the whole line spam',
        value: news('亚洲AⅤ永久无码精品AA,久久国产精品,久久国产精品,国产精品亚洲а∨天堂2021 新华社北京1月16日电 记者张三报道，近日召开会议。', ['新华社北京1月16日电 记者张三报道，近日召开会议。']) },
      { why: 'spam around a sentence split by a tag\'s attribute space makes the whole line spam',
        value: news('亚洲AⅤ永久无码精品AA,久久国产精品,久久国产精品,国产精品亚洲а∨天堂2021 记者从市交通运输局了解<font color="red">到，地铁三号线将于年底前开通运营。 日韩无码在线观看|久久国产精品|无码精品人妻一区二区三区中|久久国产精品|久久国产精品',
          ['记者从市交通运输局了解到，地铁三号线将于年底前开通运营。']) },
    ]),

  define('code-point-index', 'CodePointIndex round-trips every code-point boundary of text with astral characters and lone surrogates', 500,
    (p) => fc.oneof(unicodeText(p), scriptText(p)),
    (text) => {
      const index = new CodePointIndex(text);
      let utf16 = 0;
      let codePoint = 0;
      for (const ch of text) {
        assert.equal(index.toCodePoint(utf16), codePoint, `toCodePoint(${utf16})`);
        assert.equal(index.toUtf16(codePoint), utf16, `toUtf16(${codePoint})`);
        utf16 += ch.length;
        codePoint++;
      }
      assert.equal(index.toCodePoint(text.length), codePoint, 'toCodePoint(end)');
      assert.equal(index.toUtf16(codePoint), text.length, 'toUtf16(end)');
    }),

  define('script-offsets', 'toSimplified/toTraditional keep the UTF-16 length and convert each code point in place', 500,
    scriptText,
    (text) => {
      for (const [name, convert] of [['toSimplified', toSimplified], ['toTraditional', toTraditional]] as const) {
        const out = convert(text);
        assert.equal(out.length, text.length, `${name} changes the length`);
        let at = 0;
        for (const ch of text) {
          const alone = convert(ch);
          assert.equal(alone.length, ch.length, `${name}(${show(ch)}) changes its length`);
          assert.equal(out.slice(at, at + ch.length), alone, `${name}: ${show(ch)} at ${at} does not map in place`);
          at += ch.length;
        }
      }
    },
    [
      { why: 'a lone high surrogate next to a converted character comes back as U+FFFD', value: '\ud800鍊' },
      { why: 'a lone low surrogate next to a converted character comes back as U+FFFD', value: '\udc00计' },
    ]),

  define('incremental', 'an Analyzer re-analyzing edited text returns exactly what a fresh analyze returns', 150,
    (p) => fc.record({
      text: anyText(p),
      edits: fc.array(documentEdit(p), { minLength: 1, maxLength: 4 }),
      options: analyzeOptions,
      lastOptions: fc.option(analyzeOptions, { nil: undefined, freq: 4 }),
    }),
    ({ text, edits, options, lastOptions }) => {
      const analyzer = new Analyzer();
      analyzer.analyze(text, options);
      let current = text;
      edits.forEach((edit, i) => {
        current = applyDocumentEdit(current, edit);
        const opts = i === edits.length - 1 && lastOptions ? lastOptions : options;
        const incremental = analyzer.analyze(current, opts);
        const fresh = analyze(current, opts);
        assert.equal(incremental.script, fresh.script, `script after edit ${i}`);
        assert.deepStrictEqual(incremental.annotations, fresh.annotations, `annotations after edit ${i} of ${show(current)}`);
      });
    }),

  define('export-offsets', 'brat, doccano and Label Studio code-point offsets map back to the span text', 250,
    anyText,
    (text) => {
      const { annotations } = analyze(text);
      const spans = exportableSpans(annotations);
      const index = new CodePointIndex(text);
      const points = codePoints(text);
      const brat = toBrat(text, annotations).split('\n').filter((line) => line !== '');
      const doccano = toDoccano(text, annotations).labels as [number, number, string][];
      const studio = (toLabelStudio(text, annotations).annotations as { result: { value: { start: number; end: number; text: string; labels: string[] } }[] }[])[0].result;
      assert.equal(brat.length, spans.length, 'one brat line per span');
      assert.equal(doccano.length, spans.length, 'one doccano label per span');
      assert.equal(studio.length, spans.length, 'one Label Studio result per span');
      spans.forEach((span, i) => {
        const tab1 = brat[i].indexOf('\t');
        const tab2 = brat[i].indexOf('\t', tab1 + 1);
        const [label, startText, endText] = brat[i].slice(tab1 + 1, tab2).split(' ');
        const start = Number(startText);
        const end = Number(endText);
        const what = `${span.label} ${show(span.text, 40)} at [${span.start}, ${span.end})`;
        assert.equal(label, span.label, `${what}: brat label`);
        assert.equal(brat[i].slice(tab2 + 1), span.text.replace(/[\r\n]+/g, ' '), `${what}: brat text column`);
        assert.equal(points.slice(start, end).join(''), span.text, `${what}: brat code points [${start}, ${end}) slice to other text`);
        assert.equal(text.slice(index.toUtf16(start), index.toUtf16(end)), span.text, `${what}: brat offsets back in UTF-16`);
        assert.deepEqual(doccano[i], [start, end, span.label], `${what}: doccano label`);
        const value = studio[i].value;
        assert.deepEqual([value.start, value.end, value.text, value.labels], [start, end, span.text, [span.label]], `${what}: Label Studio value`);
      });
    }),
];

/** The property with this id (for the soak runner's FUZZ_ONLY). */
export function propertyById(id: string): EngineProperty | undefined {
  return PROPERTIES.find((p) => p.id === id);
}
