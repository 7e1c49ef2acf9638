// A line with edits applied: textWithEdits gives the same text as viewWithEdits, and offsets map back.
import { strict as assert } from 'node:assert';
import { textWithEdits, viewWithEdits } from '../../src/core/line-view';
import { seededRandom } from '../../src/shared/seeded-random';
import type { TextEdit } from '../../src/core/types';

describe('line views', () => {
  it('maps offsets of the edited text back to the line', () => {
    const view = viewWithEdits('網(wǎng)站內容', [{ start: 1, end: 7, newText: '' }]);
    assert.equal(view.text, '網站內容');
    assert.equal(view.toOriginal(1, false), 7);
    assert.equal(view.toOriginal(1, true), 1);
  });

  it('textWithEdits gives the text of viewWithEdits (deletions, replacements, touching edits, none)', () => {
    const random = seededRandom(21);
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(random() * 30) }, () => String.fromCharCode(0x4e00 + Math.floor(random() * 50))).join('');
      const edits: TextEdit[] = [];
      for (let at = 0; at < text.length; ) {
        const start = at + Math.floor(random() * 4);
        const end = Math.min(text.length, start + Math.floor(random() * 4));
        if (start > text.length) break;
        edits.push({ start, end, newText: random() < 0.3 ? '&' : '' });
        at = end + (random() < 0.5 ? 0 : 1);
      }
      assert.equal(textWithEdits(text, edits), viewWithEdits(text, edits).text, JSON.stringify({ text, edits }));
    }
  });
});
