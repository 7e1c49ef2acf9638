// The duplicate detector: later copies of a paragraph, consecutive repeats and a paragraph doubled within its line.
import { strict as assert } from 'node:assert';
import { detectLineJunk, detectDocumentJunk } from '../../../src/core/junk/index';
import { splitLines } from '../../../src/core/lines';
import { ctx, junkOf, TRAD } from './helpers';

const P1 = '嘉興持續發力全面融入長三角一體化發展。';
const P2 = '加快推進基礎設施互聯互通，建設高鐵新城。';

describe('duplicate detector', () => {
  it('flags later exact copies (after trimming) with whole-line removal, absolute offsets', () => {
    const text = `${P1}\n\n${P2}\n\n  ${P1}  \n${P1}`;
    const lines = splitLines(text);
    const found = junkOf(detectDocumentJunk(lines, TRAD), 'duplicate');
    assert.equal(found.length, 2);
    assert.equal(found[0].start, lines[4].start + 2);
    assert.equal(found[0].text, P1);
    assert.equal(text.slice(found[0].start, found[0].end), P1);
    assert.deepEqual(found[0].removal, { start: lines[4].start, end: lines[4].end });
    assert.deepEqual(found[1].removal, { start: lines[5].start, end: lines[5].end });
    assert.match(found[0].reason ?? '', /line 1/);
  });

  it('says when a paragraph repeats right after itself', () => {
    const found = detectDocumentJunk(splitLines(`${P1}\n\n${P1}`), TRAD);
    assert.equal(found.length, 1);
    assert.match(found[0].reason ?? '', /right after itself/);
  });

  it('ignores short lines, blank lines and punctuation rules', () => {
    const text = '（完）\n\n（完）\n——————————————\n——————————————\n\n\n短句重複了嗎\n短句重複了嗎';
    assert.deepEqual(detectDocumentJunk(splitLines(text), TRAD), []);
  });

  it('keeps one copy of a paragraph repeated many times within one line, in one pass', () => {
    const line = P2.repeat(8);
    const [doubled] = junkOf(detectLineJunk(line, TRAD), 'duplicate');
    assert.equal(doubled.start, P2.length);
    assert.equal(doubled.removal?.start, P2.length);
    assert.equal(doubled.removal?.end, line.length);
    // A short unit repeated: the kept copy is the shortest repeat that divides the line and counts as a paragraph
    // (12 units would be long enough, but 4096 is not a multiple of 12).
    const short = '\u0300接'.repeat(2048);
    const [cut] = junkOf(detectLineJunk(short, TRAD), 'duplicate');
    assert.equal(cut.start, 16);
  });
  it('flags a paragraph doubled within one line', () => {
    // A line-level finding, so that junk revealed by cutting the copy is found in the same analysis.
    const doubled = junkOf(detectLineJunk(`${P2}${P2}`, TRAD), 'duplicate');
    assert.equal(doubled.length, 1);
    assert.equal(doubled[0].text, P2);
    assert.equal(doubled[0].start, P2.length);
    const spaced = junkOf(detectLineJunk(`${P1} ${P1}`, TRAD), 'duplicate');
    assert.deepEqual(spaced[0].removal, { start: P1.length, end: 2 * P1.length + 1 });
    assert.deepEqual(junkOf(detectDocumentJunk(splitLines(`${P2}${P2}`), TRAD), 'duplicate'), []);
  });

  it('respects junkKinds and ignoreLiterals', () => {
    const lines = splitLines(`${P1}\n${P1}`);
    assert.deepEqual(detectDocumentJunk(lines, ctx('traditional', { junkKinds: ['spam'] })), []);
    assert.deepEqual(detectDocumentJunk(lines, ctx('traditional', { ignoreLiterals: ['長三角'] })), []);
    assert.equal(detectDocumentJunk(lines, ctx('traditional', { ignoreLiterals: ['不在文中'] })).length, 1);
  });

  it('handles a large document with very many duplicates', () => {
    const many: string[] = [];
    for (let i = 0; i < 200000; i++) many.push(`第${i % 50000}段：${P1}`);
    const lines = splitLines(many.join('\n'));
    const found = detectDocumentJunk(lines, TRAD);
    assert.equal(found.length, 150000);
    assert.equal(found[0].start, lines[50000].start);
    assert.match(found[149999].reason ?? '', /line 50000/);
  });
});
