// The junk detectors on the real spam-mirror sample: glosses, markup, breadcrumb, metadata, credit, copyright, spam.
import { strict as assert } from 'node:assert';
import { detectDocumentJunk, detectLineJunk } from '../../../src/core/junk/index';
import { splitLines } from '../../../src/core/lines';
import { detectScript } from '../../../src/core/script';
import type { Annotation } from '../../../src/core/types';
import { applyRemovals, assertWellFormed, ctx, junkOf, readSample } from './helpers';

const text = readSample();
const lines = splitLines(text);
const script = detectScript(text);
const context = ctx(script);
const results = lines.map((line) => detectLineJunk(line.text, context));

/** 1-based line numbers of the sample, as shown by `cat -n`. */
const line = (n: number) => lines[n - 1].text;
const found = (n: number) => results[n - 1];
const BODY = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32];
const TITLE = 6;

describe('junk detectors on the spam-mirror sample', () => {
  it('reads the sample as a Traditional document of 38 lines', () => {
    assert.equal(script, 'traditional');
    assert.equal(lines.length, 38);
    for (const n of BODY) assert.ok(line(n).length > 100, `line ${n} is a body paragraph`);
  });

  it('produces well-formed annotations on every line', () => {
    lines.forEach((l, i) => assertWellFormed(l.text, results[i]));
  });

  it('finds exactly 160 pinyin glosses, each a parenthesised reading right after its character', () => {
    const glosses = results.flatMap((r, i) => junkOf(r, 'pinyin-gloss').map((a) => ({ a, text: lines[i].text })));
    assert.equal(glosses.length, 160);
    for (const { a, text: t } of glosses) {
      assert.match(a.text, /^[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]$/);
      assert.deepEqual(a.removal, { start: a.start, end: a.end });
      assert.match(t[a.start - 1], /[\u3400-\u9fff]/);
    }
  });

  it('removing the glosses leaves no pinyin but keeps the real parentheticals', () => {
    const cleaned = lines.map((l, i) => applyRemovals(l.text, junkOf(results[i], 'pinyin-gloss'))).join('\n');
    assert.doesNotMatch(cleaned, /[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/);
    for (const kept of ['(擴大)', '(海寧)', '(一期)', '(事項)', '(責編:李文治)', '(北京)']) assert.ok(cleaned.includes(kept), kept);
    assert.ok(cleaned.includes('中國西藏網\u00a0>\u00a0即時新聞\u00a0>\u00a0地方'));
    assert.ok(cleaned.includes('嘉興持續發力全面融入長三角一體化發展'));
  });

  it('removes the three markup lines at the top as whole lines', () => {
    for (const n of [1, 2, 3]) {
      const markup = junkOf(found(n), 'markup');
      assert.equal(markup.length, 1, `line ${n}`);
      assert.deepEqual(markup[0].removal, { start: 0, end: line(n).length }, `line ${n} goes with its break`);
      assert.equal(markup[0].text, line(n).trim());
    }
  });

  it('flags the breadcrumb as boilerplate (whole line) besides its gloss', () => {
    const crumb = junkOf(found(4), 'boilerplate');
    assert.equal(crumb.length, 1);
    assert.equal(crumb[0].text, '中國西藏網(wǎng)\u00a0>\u00a0即時新聞\u00a0>\u00a0地方');
    assert.deepEqual(crumb[0].removal, { start: 0, end: line(4).length });
  });

  it('annotates the metadata line as PUBLISHED and SOURCE and removes nothing but its gloss', () => {
    const metadata = found(8).filter((a) => a.kind === 'metadata');
    assert.deepEqual(metadata.map((a) => a.label), ['PUBLISHED', 'SOURCE']);
    assert.equal(metadata[0].text, '發(fā)布時間:2023-01-16 11:13:00');
    assert.equal(metadata[1].text, '來源: 嘉興日報');
    assert.deepEqual(found(8).filter((a) => a.kind === 'junk').map((a) => a.label), ['pinyin-gloss']);
  });

  it('flags the editor credit and the copyright paragraph as whole-line boilerplate', () => {
    for (const n of [34, 36]) {
      const boilerplate = junkOf(found(n), 'boilerplate');
      assert.equal(boilerplate.length, 1, `line ${n}`);
      assert.deepEqual(boilerplate[0].removal, { start: 0, end: line(n).length });
    }
    assert.equal(junkOf(found(34), 'boilerplate')[0].text, '(責編:李文治)');
    assert.ok(junkOf(found(36), 'boilerplate')[0].text.startsWith('版權聲明:'));
  });

  it('flags the last line as a whole-line spam line with high confidence', () => {
    const spam = junkOf(found(38), 'spam');
    assert.equal(spam.length, 1);
    assert.equal(spam[0].text, line(38).trim());
    assert.deepEqual(spam[0].removal, { start: 0, end: line(38).length });
    assert.ok((spam[0].confidence ?? 0) >= 0.9);
    assert.match(spam[0].reason ?? '', /Simplified-only/);
  });

  it('finds no junk other than glosses, and no metadata, on the title and body paragraphs, whatever the script', () => {
    for (const s of ['traditional', 'simplified', 'unknown'] as const) {
      for (const n of [TITLE, ...BODY]) {
        const other = detectLineJunk(line(n), ctx(s)).filter((a: Annotation) => a.label !== 'pinyin-gloss');
        assert.deepEqual(other.map((a) => `${a.label}:${a.text}`), [], `line ${n} (${s})`);
      }
    }
  });

  it('flags nothing in the blank lines and finds no duplicates or split tags in the sample', () => {
    lines.forEach((l, i) => {
      if (l.text.trim() === '') assert.deepEqual(results[i], []);
    });
    assert.deepEqual(detectDocumentJunk(lines, context), []);
  });

  it('leaves a clean article once every removal is applied', () => {
    const kept = lines
      .map((l, i) => ({ l, r: results[i] }))
      .filter(({ l, r }) => !r.some((a) => a.kind === 'junk' && a.removal?.start === 0 && a.removal.end === l.text.length))
      .map(({ l, r }) => ({ original: l.text, cleaned: applyRemovals(l.text, r) }));
    const cleaned = kept.map((k) => k.cleaned).join('\n');
    for (const gone of ['<strike', '•', '版權聲明', '責編', '国产精品', '(wǎng)', '即時新聞']) assert.ok(!cleaned.includes(gone), gone);
    for (const stays of ['嘉興持續發力', '發布時間:2023-01-16 11:13:00來源: 嘉興日報', '加快建設全省區域創新體系副中心。']) {
      assert.ok(cleaned.includes(stays), stays);
    }
    // No line that held text is left whitespace-only: junk-only lines go whole, with their breaks.
    for (const k of kept) if (k.original.trim() !== '') assert.notEqual(k.cleaned.trim(), '', JSON.stringify(k.original));
    assert.equal(kept.filter((k) => k.original.trim() !== '').length, 1 + BODY.length + 1);
  });
});
