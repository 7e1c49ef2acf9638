// The pinyin-gloss detector: readings verified with pinyin-pro, both parenthesis widths, real parentheticals kept.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { detectLineJunk } from '../../../src/core/junk/index';
import { detectPinyinGlosses, readingsOf } from '../../../src/core/junk/pinyin-gloss';
import { applyRemovals, assertWellFormed, junkOf, SIMP, TRAD } from './helpers';

const glossesIn = (line: string, context = TRAD) => {
  const found = detectLineJunk(line, context);
  assertWellFormed(line, found);
  return junkOf(found, 'pinyin-gloss');
};

describe('pinyin-gloss detector', () => {
  it('flags tone-marked readings after Traditional characters and removes only the parentheses', () => {
    const line = '中國西藏網(wǎng)發(fā)布高質(zhì)量發(fā)展示范區(qū)';
    const glosses = glossesIn(line);
    assert.deepEqual(glosses.map((a) => a.text), ['(wǎng)', '(fā)', '(zhì)', '(fā)', '(qū)']);
    assert.equal(applyRemovals(line, glosses), '中國西藏網發布高質量發展示范區');
    assert.equal(glosses[0].reason, 'Pinyin gloss (wǎng) is the reading of 網 inserted by a spam mirror');
  });

  it('accepts full-width parentheses and Simplified characters', () => {
    assert.deepEqual(glossesIn('网（wǎng）站', SIMP).map((a) => a.text), ['（wǎng）']);
    assert.deepEqual(glossesIn('发(fā)展', SIMP).map((a) => a.text), ['(fā)']);
  });

  it('keeps parentheticals that are not readings of the character before them', () => {
    for (const line of ['全體(擴大)會議', '報告(2023)', '世衛組織(WHO)', '王(Wang)先生', '聯合學院(海寧)', '新建項目(一期)', '重點項目(事項)',
      '網(fā)站', '(wǎng)開頭', 'abc(wǎng)', '網  (wǎng)', '網(wang4)', '網(wǎng3)', '網(网)', '網(站)']) {
      assert.deepEqual(glossesIn(line), [], line);
    }
  });

  it('checks the Simplified form when pinyin-pro lacks the Traditional reading (們 → 们: men)', () => {
    assert.ok(readingsOf('們').has('men'));
    const [gloss] = glossesIn('我們(men)');
    assert.equal(gloss.text, '(men)');
    assert.ok((gloss.confidence ?? 1) < 0.9, 'toneless readings are less certain');
  });

  it('accepts a polyphonic character with any of its readings', () => {
    assert.deepEqual(glossesIn('長(zhǎng)大，長(cháng)江').map((a) => a.text), ['(zhǎng)', '(cháng)']);
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const line = '𠀀😀網(wǎng)';
    const [gloss] = glossesIn(line);
    assert.equal(gloss.start, 5);
    assert.equal(gloss.end, 11);
  });

  it('counts the 160 glosses of the sample fixture', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'mirror-article-zh-hant.txt'), 'utf8');
    const count = text.split('\n').reduce((n, line) => n + detectPinyinGlosses(line).length, 0);
    assert.equal(count, 160);
  });
  it('reads pinyin from data/readings.json, which agrees with pinyin-pro on every character', function () {
    this.timeout(20_000);
    // Rebuild with `node scripts/build-readings.mjs` when this fails after a pinyin-pro upgrade.
    const table = JSON.parse(readFileSync(join(__dirname, '../../../data/readings.json'), 'utf8')) as { readings: Record<string, string> };
    const fromTable = new Map<string, Set<string>>();
    for (const [reading, characters] of Object.entries(table.readings)) {
      for (const ch of characters) fromTable.set(ch, (fromTable.get(ch) ?? new Set()).add(reading));
    }
    const latin = /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+$/;
    let checked = 0;
    for (const [from, to] of [[0x3400, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2ffff], [0x30000, 0x3134f]]) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCodePoint(code);
        // Plus the tone sandhi of 一 and 不 that pinyin-pro writes in context (一个 → yí gè).
        const sandhi = ({ 一: ['yí', 'yì'], 不: ['bú'] } as Record<string, string[]>)[ch] ?? [];
        const expected = new Set([...pinyin(ch, { multiple: true, type: 'array' }), ...sandhi].filter((r) => r !== ch && latin.test(r)).map((r) => r.toLowerCase().normalize('NFC')));
        assert.deepEqual(fromTable.get(ch) ?? new Set(), expected, `readings of ${ch} (U+${code.toString(16)})`);
        checked++;
      }
    }
    assert.ok(checked > 90_000);
    assert.deepEqual([...readingsOf('網')], ['wǎng']);
  });
});
