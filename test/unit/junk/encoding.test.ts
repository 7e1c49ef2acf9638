// The encoding detector: mojibake, U+FFFD, zero-width and control characters.
import { strict as assert } from 'node:assert';
import { detectLineJunk } from '../../../src/core/junk/index';
import { applyRemovals, assertWellFormed, junkOf, SIMP, TRAD } from './helpers';

const encodingIn = (line: string) => {
  const found = detectLineJunk(line, TRAD);
  assertWellFormed(line, found);
  return junkOf(found, 'encoding');
};

describe('encoding detector', () => {
  it('flags 锟斤拷 runs', () => {
    const line = '嘉興锟斤拷锟斤拷日報';
    const [bad] = encodingIn(line);
    assert.equal(bad.text, '锟斤拷锟斤拷');
    assert.equal(applyRemovals(line, [bad]), '嘉興日報');
  });

  it('flags UTF-8 read as Windows-1252 and names the intended text', () => {
    const found = encodingIn('Café said Ã© and æ–‡ä»¶ plus â€™');
    assert.deepEqual(found.map((a) => a.text), ['Ã©', 'æ–‡ä»¶', 'â€™']);
    assert.match(found[1].reason ?? '', /文件/);
  });

  it('leaves real accented Latin text and pinyin tone marks alone', () => {
    for (const line of ['Café naïve São Paulo Zürich', '網(wǎng) 發(fā) 區(qū) lǜ nǚ', 'Señor Ñandú à la française', '溫度 30°C，價格 ¥100，×2']) {
      assert.deepEqual(encodingIn(line), [], line);
    }
  });

  it('flags U+FFFD runs', () => {
    assert.deepEqual(encodingIn('中文\uFFFD\uFFFD字').map((a) => [a.start, a.end]), [[2, 4]]);
  });

  it('flags zero-width characters but keeps the joiners inside emoji sequences', () => {
    const line = '中\u200B國\u2060西藏\uFEFF網';
    const found = encodingIn(line);
    assert.equal(found.length, 3);
    assert.equal(applyRemovals(line, found), '中國西藏網');
    assert.deepEqual(encodingIn('家庭👨\u200D👩\u200D👧合照'), []);
  });

  it('flags control characters but not tabs', () => {
    const line = 'a\u0007b\tc\u0000\u0001d\u0085';
    const found = encodingIn(line);
    assert.deepEqual(found.map((a) => a.text), ['\u0007', '\u0000\u0001', '\u0085']);
    assert.equal(applyRemovals(line, found), 'ab\tcd');
  });

  it('removes a line that holds only damaged characters as a whole line', () => {
    for (const line of ['\u200B', '  \u200B\u200B  ', '锟斤拷', '\uFFFD\uFFFD']) {
      const found = encodingIn(line);
      assert.ok(found.length >= 1, JSON.stringify(line));
      for (const a of found) assert.deepEqual(a.removal, { start: 0, end: line.length });
    }
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const [bad] = encodingIn('𠀀😀\uFFFD');
    assert.equal(bad.start, 4);
    assert.deepEqual(junkOf(detectLineJunk('😀\u200B', SIMP), 'encoding').map((a) => a.start), [2]);
  });
});
