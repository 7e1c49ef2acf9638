// Unit tests: every junk fix applied inside JSONL records keeps each line valid JSON, touches no other field, and cleans the text exactly.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, applyEdits, cleanText, junkEdits } from '../../../src/core';
import { readJsonlLine, toDocumentAnnotations } from '../../../src/core/jsonl';

const samples = path.join(__dirname, '..', '..', '..', 'samples');

/** Records made of the samples' paragraphs with junk, written both as raw UTF-8 and ASCII-only (\u escapes), with other fields around the text. */
export function sampleCorpus(): string[] {
  const texts = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
  const lines: string[] = [];
  let id = 0;
  for (const text of texts) {
    const paragraphs = text.split(/\n(?=\S)/);
    for (let i = 0; i < paragraphs.length; i += 3) {
      const chunk = paragraphs.slice(i, i + 4).join('\n') + '\n<b>"引號"</b> &amp; 😀 網(wǎng)站 \\ 斜線';
      const record = { id: ++id, url: `https://example.com/${id}?q="x"`, text: chunk, meta: { tags: ['新聞', 'a"b'], text: 'not this' } };
      lines.push(id % 2 ? JSON.stringify(record) : JSON.stringify(record).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    }
  }
  return lines;
}

const JUNK_ONLY = { entityTypes: [], figures: false } as const;

describe('JSONL fixes', () => {
  const corpus = sampleCorpus();

  it('the corpus has junk of several kinds in both literal styles', () => {
    const kinds = new Set<string>();
    for (const line of corpus) {
      const r = readJsonlLine(line);
      assert.equal(r.kind, 'record');
      if (r.kind !== 'record') continue;
      for (const a of analyze(r.text.value, JUNK_ONLY).annotations) if (a.kind === 'junk') kinds.add(a.label);
    }
    for (const kind of ['markup', 'pinyin-gloss', 'spam', 'boilerplate']) assert.ok(kinds.has(kind), `no ${kind} in ${[...kinds]}`);
    assert.ok(corpus.some((l) => l.includes('\\u')) && corpus.some((l) => /[\u4e00-\u9fff]/.test(l)));
  });

  it('applying each fix alone, and all of them, leaves valid JSON, the other fields byte for byte, and the cleaned text', () => {
    let fixes = 0;
    for (const line of corpus) {
      const r = readJsonlLine(line);
      assert.ok(r.kind === 'record');
      const decoded = analyze(r.text.value, JUNK_ONLY).annotations;
      const inLine = toDocumentAnnotations(decoded, r.text, 0);
      const before = line.slice(0, r.text.rawStart);
      const after = line.slice(r.text.rawEnd);
      const check = (edited: string, expectedText: string) => {
        const parsed = JSON.parse(edited);
        assert.equal(parsed.text, expectedText);
        const again = readJsonlLine(edited);
        assert.ok(again.kind === 'record');
        assert.equal(edited.slice(0, again.text.rawStart), before, 'the fields before the text changed');
        assert.equal(edited.slice(again.text.rawEnd), after, 'the fields after the text changed');
      };
      for (let i = 0; i < inLine.length; i++) {
        if (inLine[i].kind !== 'junk') continue;
        fixes++;
        check(applyEdits(line, junkEdits([inLine[i]])), applyEdits(r.text.value, junkEdits([decoded[i]])));
      }
      check(applyEdits(line, junkEdits(inLine)), cleanText(r.text.value).text);
    }
    assert.ok(fixes > 50, `only ${fixes} fixes`);
  });
});
