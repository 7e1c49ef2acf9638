// Unit tests of document consistency: a name tagged with confidence is tagged wherever else it occurs in the document.
import { strict as assert } from 'node:assert';
import { analyze, Analyzer } from '../../../src/core/analyze';
import { score } from '../../../src/cli/eval-ner';
import { documentOf } from '../../../src/cli/ner-corpus';
import { CONFIDENT, spreadConfidentNames, type AnnotatedLine } from '../../../src/core/entities/consistency';
import type { Annotation } from '../../../src/core/types';

function entity(text: string, name: string, label: string, confidence: number, from = 0): Annotation {
  const start = text.indexOf(name, from);
  assert.ok(start >= 0, `${name} not in ${text}`);
  return { kind: 'entity', label, start, end: start + name.length, text: name, confidence };
}

const spread = (lines: AnnotatedLine[], skip?: (i: number) => boolean): string[] =>
  spreadConfidentNames(lines, skip).map(({ line, annotation: a }) => `${line}:${a.label}:${a.text}:${a.start}-${a.end}${a.simplified ? `:${a.simplified}` : ''}`);

describe('document consistency (consistency.ts)', () => {
  const first = '新华社记者白云飞报道：村里通了公路。';
  const second = '白云飞说，白云飞们的路好走了。';

  it('tags the other occurrences of a confidently tagged name with its type', () => {
    const lines = [
      { text: first, annotations: [entity(first, '白云飞', 'PER', 0.97)] },
      { text: second, annotations: [] },
    ];
    assert.deepEqual(spread(lines), ['1:PER:白云飞:0-3', '1:PER:白云飞:5-8']);
    const [{ annotation }] = spreadConfidentNames(lines);
    assert.equal(annotation.confidence, 0.97);
    assert.match(annotation.reason ?? '', /elsewhere in this document/);
  });

  it('spreads nothing below the confidence threshold, from a one-character name, or from a title of a work', () => {
    assert.deepEqual(spread([{ text: first, annotations: [entity(first, '白云飞', 'PER', CONFIDENT - 0.01)] }, { text: second, annotations: [] }]), []);
    const short = '美方表示。美国和美方。';
    assert.deepEqual(spread([{ text: short, annotations: [entity(short, '美', 'LOC', 0.99)] }]), []);
    const work = '《白云飞》上映。白云飞。';
    assert.deepEqual(spread([{ text: work, annotations: [entity(work, '《白云飞》', 'WORK', 1)] }]), []);
  });

  it('spreads nothing from a name the document tags with two types', () => {
    const lines = [
      { text: first, annotations: [entity(first, '白云飞', 'PER', 0.97)] },
      { text: '白云飞公司成立。', annotations: [entity('白云飞公司成立。', '白云飞', 'ORG', 0.4)] },
      { text: second, annotations: [] },
    ];
    assert.deepEqual(spread(lines), []);
  });

  it('never overlaps another finding of the line, and leaves skipped lines alone', () => {
    const glossed = '白云飞(fēi)说';
    const junk: Annotation = { kind: 'junk', label: 'pinyin-gloss', start: 3, end: 8, text: '(fēi)' };
    const longer = entity('白云飞机场', '白云飞机场', 'FAC', 0.9);
    const lines = [
      { text: first, annotations: [entity(first, '白云飞', 'PER', 0.97)] },
      { text: '白云飞机场', annotations: [longer] },
      { text: glossed, annotations: [junk] },
      { text: second, annotations: [] },
    ];
    assert.deepEqual(spread(lines, (i) => i === 3), ['2:PER:白云飞:0-3']);
  });

  it('tests overlaps against every finding of the line, in any order, long ones included', () => {
    const line = '白云飞说，某某白云飞某某，白云飞。白云飞';
    // Unsorted on purpose: a long junk span over the second occurrence, a short figure-like one touching the third.
    const cover: Annotation = { kind: 'junk', label: 'markup', start: 5, end: 12, text: line.slice(5, 12) };
    const touching: Annotation = { kind: 'figure', label: 'CARDINAL', start: 16, end: 17, text: line.slice(16, 17) };
    const inside: Annotation = { kind: 'junk', label: 'markup', start: 18, end: 19, text: line.slice(18, 19) };
    const lines = [
      { text: first, annotations: [entity(first, '白云飞', 'PER', 0.97)] },
      { text: line, annotations: [inside, touching, cover] },
    ];
    // 0-3 is free; 7-10 lies inside the long span; 13-16 ends where the figure starts; 17-20 holds the short span.
    assert.deepEqual(spread(lines), ['1:PER:白云飞:0-3', '1:PER:白云飞:13-16']);
  });

  it('matches on the Simplified view, offsets unchanged', () => {
    const simplified = '国务院总理李强会见来宾。';
    const traditional = '記者問起李強的行程。';
    const lines = [
      { text: simplified, annotations: [entity(simplified, '李强', 'PER', 0.99)] },
      { text: traditional, annotations: [] },
    ];
    assert.deepEqual(spread(lines), ['1:PER:李強:4-6:李强']);
  });

  it('runs in analyze(): the bare line gains the name its article tagged', () => {
    const bare = analyze('白云飞').annotations.filter((a) => a.kind === 'entity');
    assert.deepEqual(bare, [], 'the tagger now finds the bare name by itself: pick another example');
    const text = `${first}\n白云飞`;
    const found = analyze(text).annotations.filter((a) => a.kind === 'entity' && a.text === '白云飞');
    assert.deepEqual(found.map((a) => [a.start, a.label]), [[5, 'PER'], [first.length + 1, 'PER']]);
    assert.match(found[1].reason ?? '', /elsewhere/);
    assert.deepEqual(analyze(text, { cheapOnly: true }).annotations.filter((a) => a.kind === 'entity'), []);
  });

  it('follows edits: a name spreads while its confident line is there, and not after', () => {
    const analyzer = new Analyzer();
    const entitiesOf = (text: string): string[] =>
      analyzer.analyze(text).annotations.filter((a) => a.kind === 'entity').map((a) => `${a.label}:${a.text}@${a.start}`);
    const fresh = (text: string): string[] => analyze(text).annotations.filter((a) => a.kind === 'entity').map((a) => `${a.label}:${a.text}@${a.start}`);
    const withName = `${first}\n白云飞\n村里很安静。`;
    assert.deepEqual(entitiesOf(withName), fresh(withName));
    assert.ok(entitiesOf(withName).includes(`PER:白云飞@${first.length + 1}`));
    const without = `新华社报道：村里通了公路。\n白云飞\n村里很安静。`;
    assert.deepEqual(entitiesOf(without), fresh(without));
    assert.ok(!entitiesOf(without).some((e) => e.startsWith('PER:白云飞')));
    assert.deepEqual(entitiesOf(withName), fresh(withName));
  });

  it('eval:ner --documents scores sentences through their whole document', () => {
    const sentences = [
      { text: first, gold: [{ start: 5, end: 8, type: 'PER' as const }], doc: 'a' },
      { text: '白云飞', gold: [{ start: 0, end: 3, type: 'PER' as const }], doc: 'a' },
      { text: '白云飞', gold: [{ start: 0, end: 3, type: 'PER' as const }], doc: 'b' },
    ];
    const per = score(sentences).byType.get('PER')!;
    const whole = score(sentences, { documents: true }).byType.get('PER')!;
    // One sentence at a time the bare name is missed twice; in its document it is found, alone it is not.
    assert.deepEqual([per.tp, per.fn], [1, 2]);
    assert.deepEqual([whole.tp, whole.fn, whole.fp], [2, 1, 0]);
  });

  it('knows the documents of the corpus: MSRA blocks of 50, GSD documents, single CLUENER sentences', () => {
    assert.equal(documentOf({ source: 'msra', id: '49' }), documentOf({ source: 'msra', id: '0' }));
    assert.notEqual(documentOf({ source: 'msra', id: '50' }), documentOf({ source: 'msra', id: '49' }));
    assert.equal(documentOf({ source: 'gsd', id: 'batch-0000-0001' }), documentOf({ source: 'gsd', id: 'batch-0000-0044' }));
    assert.notEqual(documentOf({ source: 'gsd', id: 'batch-0001-0001' }), documentOf({ source: 'gsd', id: 'batch-0000-0001' }));
    assert.notEqual(documentOf({ source: 'cluener', id: '1' }), documentOf({ source: 'cluener', id: '2' }));
  });
});
