// Unit tests of UTF-16 ↔ code-point offset conversion.
import { strict as assert } from 'node:assert';
import { CodePointIndex } from '../../src/core/codepoints';

describe('CodePointIndex', () => {
  it('is the identity on BMP-only text', () => {
    const index = new CodePointIndex('嘉興日報 abc');
    for (let i = 0; i <= 8; i++) assert.equal(index.toCodePoint(i), i);
  });
  it('counts astral characters once', () => {
    const text = 'a𠀀b😀c';
    const index = new CodePointIndex(text);
    assert.equal(index.toCodePoint(text.indexOf('b')), 2);
    assert.equal(index.toCodePoint(text.indexOf('c')), 4);
    assert.equal(index.toCodePoint(text.length), [...text].length);
    assert.equal(index.toUtf16(2), text.indexOf('b'));
    assert.equal(index.toUtf16(4), text.indexOf('c'));
  });
  it('round-trips every code-point boundary', () => {
    const text = '𠀀中😀文\r\n𪚥x';
    const index = new CodePointIndex(text);
    let utf16 = 0;
    [...text].forEach((ch, cp) => {
      assert.equal(index.toCodePoint(utf16), cp);
      assert.equal(index.toUtf16(cp), utf16);
      utf16 += ch.length;
    });
  });
  it('treats lone surrogates as one unit each', () => {
    const index = new CodePointIndex('a\ud800b');
    assert.equal(index.toCodePoint(3), 3);
  });
});
