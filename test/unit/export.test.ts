// Unit tests of the interchange formats: brat, doccano, Label Studio and CoNLL, with code-point offsets.
import { strict as assert } from 'node:assert';
import { toBrat, toConll, toDoccano, toLabelStudio, exportableSpans } from '../../src/core/export';
import type { Annotation } from '../../src/core/types';

const text = '😀張三在北京\n第二行';
const anns: Annotation[] = [
  { start: 2, end: 4, kind: 'entity', label: 'PER', text: '張三' },
  { start: 5, end: 7, kind: 'entity', label: 'LOC', text: '北京' },
  { start: 0, end: 2, kind: 'junk', label: 'encoding', text: '😀' },
];

describe('export formats', () => {
  it('brat uses 0-based end-exclusive code points', () => {
    assert.equal(toBrat(text, anns), 'T1\tPER 1 3\t張三\nT2\tLOC 4 6\t北京\n');
  });
  it('doccano lists [start, end, label] in code points', () => {
    assert.deepEqual(toDoccano(text, anns), { text, labels: [[1, 3, 'PER'], [4, 6, 'LOC']] });
  });
  it('Label Studio nests results under annotations', () => {
    const task = toLabelStudio(text, anns) as { annotations: { result: { value: { start: number; labels: string[] } }[] }[] };
    assert.equal(task.annotations[0].result[0].value.start, 1);
    assert.deepEqual(task.annotations[0].result[1].value.labels, ['LOC']);
  });
  it('CoNLL writes one character per line with BIO tags and a blank line per text line', () => {
    assert.equal(toConll(text, anns), '😀\tO\n張\tB-PER\n三\tI-PER\n在\tO\n北\tB-LOC\n京\tI-LOC\n\n第\tO\n二\tO\n行\tO\n\n');
  });
  it('drops overlapping spans, keeping the first', () => {
    const spans = exportableSpans([...anns, { start: 2, end: 3, kind: 'figure', label: 'CARDINAL', text: '張' }]);
    assert.equal(spans.length, 2);
  });
});
