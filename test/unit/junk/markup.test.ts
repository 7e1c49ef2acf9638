// The markup detector: tags, entities, lone bullets, whole-line leftovers and tags split across lines.
import { strict as assert } from 'node:assert';
import { detectDocumentJunk, detectLineJunk } from '../../../src/core/junk/index';
import { splitLines } from '../../../src/core/lines';
import { applyRemovals, assertWellFormed, junkOf, SIMP, TRAD } from './helpers';

const markupIn = (line: string) => {
  const found = detectLineJunk(line, SIMP);
  assertWellFormed(line, found);
  return junkOf(found, 'markup');
};

describe('markup detector', () => {
  it('flags inline tags and removes exactly them', () => {
    const line = '<p>嘉興持續發力</p><br/>全面融入長三角</div>';
    const markup = markupIn(line);
    assert.deepEqual(markup.map((a) => a.text), ['<p>', '</p>', '<br/>', '</div>']);
    assert.equal(applyRemovals(line, markup), '嘉興持續發力全面融入長三角');
  });

  it('flags tags with attributes, comments and unknown elements that carry quoted attributes', () => {
    assert.deepEqual(markupIn('正文<menu id="qc0qw" class=\'x\'></menu>正文').map((a) => a.text), ['<menu id="qc0qw" class=\'x\'>', '</menu>']);
    assert.deepEqual(markupIn('正文<!-- ad -->正文').map((a) => a.text), ['<!-- ad -->']);
    assert.deepEqual(markupIn('正文<xyz id="a">正文').map((a) => a.text), ['<xyz id="a">']);
  });

  it('does not flag less-than signs, 《》 titles, e-mail addresses in angle brackets or bare unknown words', () => {
    for (const line of ['若 a < b 且 c > d，則成立', '根據《長江三角洲區域一體化發展規劃綱要》', '聯繫 <editor@example.com> 或 <http://example.com>', '泛型 List<foo> 的寫法', 'x<3 and y>2']) {
      assert.deepEqual(markupIn(line), [], line);
    }
  });

  it('flags named and numeric entities; clean writes their characters back', () => {
    const line = 'R&amp;D&nbsp;中心&#x4E2D;&#20013;&copy;';
    const markup = markupIn(line);
    assert.deepEqual(markup.map((a) => a.text), ['&amp;', '&nbsp;', '&#x4E2D;', '&#20013;', '&copy;']);
    assert.match(markup[2].reason ?? '', /中/);
    assert.equal(applyRemovals(line, markup), 'R&D 中心中中©');
    assert.deepEqual(markupIn('AT&T 與 &unknownentity; 和 &#xZZ;'), []);
  });

  it('removes lines holding only bullets, tags or entities as whole lines', () => {
    for (const line of ['• ', '  •  ', '    <strike id="qc0qw"></strike>', '  • <strike id="qc0qw"><menu id="qc0qw"></menu></strike>', '&nbsp;&nbsp;', '<br>']) {
      const markup = markupIn(line);
      assert.equal(markup.length, 1, JSON.stringify(line));
      assert.deepEqual(markup[0].removal, { start: 0, end: line.length }, JSON.stringify(line));
      assert.equal(markup[0].text, line.trim());
    }
  });

  it('keeps a bullet that starts a list item with text', () => {
    assert.deepEqual(markupIn('• 第一點：加快推進基礎設施互聯互通'), []);
    assert.deepEqual(markupIn('   '), []);
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const line = '𠀀😀<br/>正文';
    const [tag] = markupIn(line);
    assert.equal(tag.start, 4);
    assert.equal(tag.text, '<br/>');
  });

  it('joins a tag split across lines in the document detector', () => {
    const text = '正文第一段\n<div class="content"\n   id="main"\n   style="x">第二段正文\n結尾';
    const lines = splitLines(text);
    const found = junkOf(detectDocumentJunk(lines, TRAD), 'markup');
    assert.deepEqual(found.map((a) => a.text), ['<div class="content"', 'id="main"', 'style="x">']);
    for (const a of found) assert.equal(text.slice(a.start, a.end), a.text);
    // Lines holding only a piece of the tag go as whole lines; the last piece shares its line with text.
    assert.deepEqual(found[0].removal, { start: lines[1].start, end: lines[1].end });
    assert.deepEqual(found[1].removal, { start: lines[2].start, end: lines[2].end });
    assert.deepEqual(found[2].removal, { start: found[2].start, end: found[2].end });
  });

  it('does not join a less-than sign with a later greater-than sign', () => {
    const text = '當 a <b 時\n成立\n而 c > d';
    assert.deepEqual(detectDocumentJunk(splitLines(text), TRAD), []);
    assert.deepEqual(detectDocumentJunk(splitLines('價格 <span\n上漲了很多，超過預期\n> 100'), TRAD), []);
  });
});
