// Unit tests of the importers (brat, doccano/Prodigy, Label Studio, CoNLL/BIO) and of round trips through the exporters, in code points.
import { strict as assert } from 'node:assert';
import { toBrat, toConll, toDoccano, toLabelStudio } from '../../../src/core/export';
import {
  goldForExport, GoldFormatError, importAnnotations, importBrat, importConll, importDoccano, importLabelStudio, toGold, toImportedSpans, type GoldAnnotation,
} from '../../../src/core/gold';

// Astral characters (𠀋, 😀) make code points and UTF-16 differ; spaces and line breaks test CoNLL alignment.
const text = '𠀋張三在北京見到 John Smith，😀收入增長138%。\r\n第二行：《規劃綱要》';
const cp = (s: string, needle: string) => [...s.slice(0, s.indexOf(needle))].length;
function span(needle: string, label: string): { start: number; end: number; label: string } {
  const start = cp(text, needle);
  return { start, end: start + [...needle].length, label };
}
const expected = [span('張三', 'PER'), span('北京', 'LOC'), span('John Smith', 'PER'), span('138%', 'PERCENT'), span('《規劃綱要》', 'WORK')];
let n = 0;
const gold: GoldAnnotation[] = toGold({ text, spans: expected, source: 'test' }, () => `T${++n}`);

describe('gold: importers and round trips', () => {
  it('gold converts to UTF-16 offsets with the right text', () => {
    assert.deepEqual(gold.map((a) => a.text), ['張三', '北京', 'John Smith', '138%', '《規劃綱要》']);
    assert.deepEqual(toImportedSpans(text, gold), expected);
  });

  it('brat: export then import gives the same spans', () => {
    const { document, problems } = importBrat(toBrat(text, goldForExport(gold)), text, 'x.ann');
    assert.deepEqual(problems, []);
    assert.deepEqual(document.spans, expected);
  });

  it('doccano: export then import gives the same spans', () => {
    const [doc] = importDoccano(JSON.stringify(toDoccano(text, goldForExport(gold))) + '\n', 'x.jsonl');
    assert.equal(doc.text, text);
    assert.deepEqual(doc.spans, expected);
  });

  it('Label Studio: export then import gives the same spans', () => {
    const [doc] = importLabelStudio(JSON.stringify([toLabelStudio(text, goldForExport(gold))]), 'x.json');
    assert.equal(doc.text, text);
    assert.deepEqual(doc.spans, expected);
  });

  it('CoNLL: export then import onto its text gives the same spans', () => {
    const doc = importConll(toConll(text, goldForExport(gold)), 'x.conll', text);
    assert.deepEqual(doc.spans, expected);
  });

  it('gold plus accepted, or gold only', () => {
    const withAccepted = gold.map((a, i) => (i === 1 ? { ...a, accepted: true } : a));
    assert.equal(goldForExport(withAccepted).length, 5);
    assert.deepEqual(goldForExport(withAccepted, 'gold').map((a) => a.text), ['張三', 'John Smith', '138%', '《規劃綱要》']);
  });

  it('doccano: reads "labels", "label", "entities" and Prodigy "spans", and normalizes type names', () => {
    const content = [
      JSON.stringify({ id: 1, text: '張三在北京', labels: [[0, 2, 'PERSON']] }),
      JSON.stringify({ id: 2, text: '張三在北京', label: [[3, 5, 'GPE']] }),
      JSON.stringify({ text: '張三在北京', entities: [{ id: 9, start_offset: 0, end_offset: 2, label: 'PER' }] }),
      JSON.stringify({ text: '張三在北京', spans: [{ start: 3, end: 5, label: 'LOC' }] }),
    ].join('\n');
    const docs = importDoccano(content, 'c.jsonl');
    assert.deepEqual(docs.map((d) => [d.id, d.spans.map((s) => `${s.label}${s.start}`).join()]), [['1', 'PER0'], ['2', 'LOC3'], [undefined, 'PER0'], [undefined, 'LOC3']]);
  });

  it('doccano: a span outside its text is an error naming the line', () => {
    assert.throws(() => importDoccano('{"text":"ab","labels":[[0,2,"PER"]]}\n{"text":"ab","labels":[[1,5,"PER"]]}', 'c.jsonl'), (e: Error) => e instanceof GoldFormatError && /c\.jsonl:2/.test(e.message));
    assert.throws(() => importDoccano('{"text": "ab"', 'c.jsonl'), /c\.jsonl:1: not valid JSON/);
  });

  it('Label Studio: takes the first annotation that was not cancelled, never predictions; reads JSON-MIN', () => {
    const task = {
      id: 7,
      data: { content: '張三在北京' },
      predictions: [{ result: [{ type: 'labels', value: { start: 0, end: 5, labels: ['ORG'] } }] }],
      annotations: [
        { was_cancelled: true, result: [{ type: 'labels', value: { start: 0, end: 2, labels: ['LOC'] } }] },
        { result: [{ type: 'labels', value: { start: 0, end: 2, labels: ['PER'] } }, { type: 'choices', value: { choices: ['news'] } }] },
      ],
    };
    const [doc] = importLabelStudio(JSON.stringify(task), 'ls.json');
    assert.deepEqual([doc.id, doc.text, doc.spans], ['7', '張三在北京', [{ start: 0, end: 2, label: 'PER' }]]);
    const [min] = importLabelStudio(JSON.stringify([{ text: '張三在北京', label: [{ start: 3, end: 5, text: '北京', labels: ['LOC'] }] }]), 'min.json');
    assert.deepEqual(min.spans, [{ start: 3, end: 5, label: 'LOC' }]);
  });

  it('CoNLL: reads BIOES and IOB1, four-column files, and rebuilds the text when none is given', () => {
    const bioes = '張 B-PER\n三 E-PER\n在 O\n北 B-LOC\n京 E-LOC\n\n滬 S-LOC\n';
    const doc = importConll(bioes, 'a.bio');
    assert.equal(doc.text, '張三在北京\n滬');
    assert.deepEqual(doc.spans, [{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 5, label: 'LOC' }, { start: 6, end: 7, label: 'LOC' }]);
    const conll2003 = '-DOCSTART- -X- O O\n\nJohn NNP B-NP I-PER\nSmith NNP I-NP I-PER\nvisited VBD B-VP O\nParis NNP B-NP I-LOC\n';
    const english = importConll(conll2003, 'b.conll');
    assert.equal(english.text, 'John Smith visited Paris');
    assert.deepEqual(english.spans, [{ start: 0, end: 10, label: 'PER' }, { start: 19, end: 24, label: 'LOC' }]);
  });

  it('CoNLL: a token that is not next in the given text is an error naming the line', () => {
    assert.throws(() => importConll('張 B-PER\n四 I-PER\n', 'a.bio', '張三'), /a\.bio:2: token "四" does not match/);
    assert.throws(() => importConll('張 X-PER\n', 'a.bio'), /tag "X-PER"/);
  });

  it('picks the importer by file name; brat needs its text', () => {
    assert.equal(importAnnotations('a.jsonl', '{"text":"張三","labels":[[0,2,"PER"]]}').documents[0].spans.length, 1);
    assert.throws(() => importAnnotations('a.ann', 'T1\tPER 0 2\t張三\n'), /needs the text/);
    assert.throws(() => importAnnotations('a.xml', ''), /unknown annotation format/);
  });
});
