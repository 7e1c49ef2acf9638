// Unit tests of the server's "not junk" marks: only the marked finding (same span, same kind) is left out.
import { strict as assert } from 'node:assert';
import { NotJunkMarks } from '../../../src/server/not-junk';
import type { Annotation } from '../../../src/core/types';

describe('gold: not-junk marks on the server', () => {
  const annotations: Annotation[] = [
    { start: 2, end: 8, kind: 'junk', label: 'pinyin-gloss', text: '(wǎng)' },
    { start: 20, end: 26, kind: 'junk', label: 'pinyin-gloss', text: '(wǎng)' },
    { start: 2, end: 8, kind: 'entity', label: 'ORG', text: '(wǎng)' },
  ];
  it('leaves out exactly the marked finding, per document, and forgets marks when cleared', () => {
    const marks = new NotJunkMarks();
    assert.equal(marks.filter('a', annotations), annotations);
    marks.set('a', [{ start: 2, end: 8, label: 'pinyin-gloss' }]);
    assert.deepEqual(marks.filter('a', annotations).map((a) => `${a.kind}${a.start}`), ['junk20', 'entity2']);
    assert.equal(marks.filter('b', annotations).length, 3);
    marks.set('a', [{ start: 2, end: 8, label: 'markup' }]);
    assert.equal(marks.filter('a', annotations).length, 3);
    marks.set('a', []);
    assert.equal(marks.filter('a', annotations), annotations);
  });
});
