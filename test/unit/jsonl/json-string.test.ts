// Unit tests of the JSONL offset maps: decoded text ↔ line offsets through \n, \", \uXXXX and surrogate pairs, and edits.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeJsonString, encodeJsonStringContent, readJsonlLine, textFieldsFor } from '../../../src/core/jsonl';

describe('JSONL string literals', () => {
  it('decodes escapes and maps each decoded offset to the raw offset of its character', () => {
    const line = String.raw`{"text":"a\nb\"c\u7db2(w\u01cen)\ud83d\ude00z"}`;
    const quote = line.indexOf('"', 7);
    const s = decodeJsonString(line, quote)!;
    assert.equal(s.value, 'a\nb"c網(wǎn)😀z');
    assert.equal(line.slice(s.rawStart, s.rawEnd), String.raw`a\nb\"c\u7db2(w\u01cen)\ud83d\ude00z`);
    // Each decoded unit: where it starts in the line, and back.
    const expected = ['a', '\\n', 'b', '\\"', 'c', '\\u7db2', '(', 'w', '\\u01ce', 'n', ')', '\\ud83d', '\\ude00', 'z'];
    let raw = s.rawStart;
    for (let d = 0; d < s.value.length; d++) {
      assert.equal(s.toRaw(d), raw, `decoded ${d}`);
      assert.equal(s.toDecoded(raw), d);
      assert.equal(line.slice(raw, raw + expected[d].length), expected[d]);
      raw += expected[d].length;
    }
    assert.equal(s.toRaw(s.value.length), s.rawEnd);
    // Inside an escape: its start.
    assert.equal(s.toDecoded(line.indexOf('\\u7db2') + 3), s.value.indexOf('網'));
  });

  it('rejects malformed literals', () => {
    for (const bad of ['"abc', '"a\\x"', '"\\u12"', '"a\u0001b"']) assert.equal(decodeJsonString(bad, 0), undefined, bad);
  });

  it('encodes text in the literal style: raw Unicode, or \\u escapes where the line is ASCII-only', () => {
    assert.equal(encodeJsonStringContent('網"\\\n'), '網\\"\\\\\\n');
    assert.equal(encodeJsonStringContent('網&', true), '\\u7db2&');
    assert.equal(decodeJsonString(String.raw`"\u7db2"`, 0)!.asciiOnly, true);
    assert.equal(decodeJsonString('"網\\u7db2"', 0)!.asciiOnly, false);
  });

  it('maps both ways on any string JSON.stringify writes, in both styles', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (value, ascii) => {
        const literal = `"${encodeJsonStringContent(value, ascii)}"`;
        const s = decodeJsonString(literal, 0)!;
        assert.equal(s.value, value);
        assert.equal(JSON.parse(literal), value);
        for (let d = 0; d <= value.length; d++) {
          const r = s.toRaw(d);
          assert.equal(s.toDecoded(r), d);
          // A raw cut at a mapped offset splits the literal into the encodings of the two decoded halves.
          assert.equal(JSON.parse(`"${literal.slice(1, r)}"`), value.slice(0, d));
        }
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});

describe('JSONL lines', () => {
  it('finds the text field, with text, then content, then raw_content by default', () => {
    const a = readJsonlLine('{"id": 7, "content": "x", "text": "正文"}');
    assert.equal(a.kind, 'record');
    assert.ok(a.kind === 'record' && a.field === 'text' && a.text.value === '正文' && a.id === '7');
    const b = readJsonlLine('{"raw_content":"r","content":"c"}');
    assert.ok(b.kind === 'record' && b.field === 'content');
    const c = readJsonlLine('{"raw_content":"r","meta":{"text":"nested"}}');
    assert.ok(c.kind === 'record' && c.field === 'raw_content' && c.text.value === 'r');
    const d = readJsonlLine('{"body":"b","text":"t"}', textFieldsFor('body'));
    assert.ok(d.kind === 'record' && d.field === 'body');
    assert.deepEqual(textFieldsFor(undefined), ['text', 'content', 'raw_content']);
    assert.deepEqual(textFieldsFor('text'), ['text', 'content', 'raw_content']);
  });

  it('locates the field past nested values, strings holding braces and quotes, and repeated keys (the last wins)', () => {
    const line = '{"meta":{"a":[1,{"text":"no"}],"s":"}{\\"text\\":"},"text":"first","n":-1.5e3,"text":"last","t":true}';
    const r = readJsonlLine(line);
    assert.ok(r.kind === 'record');
    assert.equal(r.text.value, 'last');
    assert.equal(line.slice(r.text.rawStart, r.text.rawEnd), 'last');
  });

  it('says why a line is not a record', () => {
    assert.equal(readJsonlLine('   ').kind, 'blank');
    const truncated = readJsonlLine('{"text": "abc');
    assert.equal(truncated.kind, 'invalid');
    assert.ok(truncated.kind === 'invalid' && /not valid JSON/.test(truncated.message));
    assert.equal(readJsonlLine('[1,2]').kind, 'invalid');
    assert.equal(readJsonlLine('{"text": 3}').kind, 'no-text');
  });
});
