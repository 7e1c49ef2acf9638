// Unit tests of entity document symbols: one per distinct entity, at its first occurrence, with its count.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Annotation } from '../../../src/core/types';
import { entitySymbols } from '../../../src/server/symbols';

const entity = (start: number, text: string, label: string, cleanText?: string): Annotation => ({ kind: 'entity', label, start, end: start + text.length, text, ...(cleanText ? { cleanText } : {}) });

describe('entity document symbols', () => {
  it('lists each entity once, at its first occurrence, with how often it occurs', () => {
    const text = '嘉興 楊克建\n嘉興 嘉興網(wǎng)\n嘉興';
    const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
    const annotations: Annotation[] = [
      entity(0, '嘉興', 'LOC'),
      entity(3, '楊克建', 'PER'),
      entity(7, '嘉興', 'LOC'),
      entity(10, '嘉興網(wǎng)', 'ORG', '嘉興網'),
      entity(18, '嘉興', 'LOC'),
      { kind: 'junk', label: 'pinyin-gloss', start: 13, end: 18, text: '(wǎng)' },
    ];
    const symbols = entitySymbols(document, annotations);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail, s.range.start.line, s.range.start.character]), [
      ['嘉興', 'Place ×3', 0, 0],
      ['楊克建', 'Person', 0, 3],
      ['嘉興網', 'Organization', 1, 3],
    ]);
  });
});
