// Glosses in every form a mirror writes them (toned, toneless, numbered, spaced, self-glosses), and the parentheticals and pinyin texts that must stay.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { detectLineJunk } from '../../../src/core/junk/index';
import { hasReading } from '../../../src/core/junk/pinyin-gloss';
import { applyRemovals, assertWellFormed, junkOf, SIMP, TRAD } from './helpers';

const glossesIn = (line: string, context = TRAD) => {
  const found = detectLineJunk(line, context);
  assertWellFormed(line, found);
  return junkOf(found, 'pinyin-gloss');
};
const cleaned = (line: string, context = TRAD) => applyRemovals(line, glossesIn(line, context));

describe('pinyin-gloss forms', () => {
  it('removes toneless glosses that are a reading of the character before them', () => {
    assert.equal(cleaned('杭(hang)州(zhou)市政府', SIMP), '杭州市政府');
    assert.equal(cleaned('中國西藏網(wang)發(fa)布'), '中國西藏網發布');
    const [gloss] = glossesIn('網(wang)');
    assert.match(gloss.reason ?? '', /toneless reading of 網/);
  });

  it('removes numbered glosses, the neutral tone written 0 or 5, ü written v or u', () => {
    assert.equal(cleaned('網(wang3)站(zhan4)'), '網站');
    assert.equal(cleaned('我們(men5)和你们(men0)', SIMP), '我們和你们');
    assert.equal(cleaned('綠(lv4)色和绿(lu4)色、女(nv3)士', SIMP), '綠色和绿色、女士');
    assert.match(glossesIn('網(wang3)')[0].reason ?? '', /numbered reading/);
  });

  it('accepts the tone sandhi of 一 and 不 that glossing tools write in context', () => {
    assert.equal(cleaned('今年一(yí)至五月，全國法院共審結一(yì)萬多件，同比不(bú)變', SIMP), '今年一至五月，全國法院共審結一萬多件，同比不變');
  });

  it('accepts any reading of a heteronym, in every form', () => {
    assert.equal(cleaned('長(chang2)江沿線的孩子長(zhang3)大後，從事這一行(hang)業的人採取行(xing)動'), '長江沿線的孩子長大後，從事這一行業的人採取行動');
  });

  it('removes glosses in full-width parentheses and with spaces, the space included', () => {
    assert.equal(cleaned('網（wǎng）站（zhan）'), '網站');
    assert.equal(cleaned('網 (wǎng)站( zhàn )發（ fa1 ）展'), '網站發展');
    assert.equal(cleaned('網\u3000（wang）站'), '網站');
  });

  it('removes self-glosses that repeat the character', () => {
    assert.equal(cleaned('中國西藏網(網)與(與)嘉興'), '中國西藏網與嘉興');
    assert.equal(cleaned('𠀀(𠀀)字'), '𠀀字');
    assert.match(glossesIn('與(與)')[0].reason ?? '', /Self-gloss/);
  });

  it('keeps readings of other characters, English words and real parentheticals', () => {
    for (const line of [
      '網(hang)站', '網(zhou3)站', '全體(擴大)會議', '聯合學院(海寧)', '新建項目(一期)', '重點項目(事項)', '發光二極管(LED)',
      '手機應用(app)下載', '下載應用程式(app)', '國內生產總值(GDP)', '王(Wang)先生', '杭州(hangzhou)', '網(wang6)', '後(后)來',
      '版權所有(c)', '見附件(a)', '面板(pin)腳', '数据(data)中心',
    ]) {
      assert.deepEqual(glossesIn(line).map((a) => a.text), [], line);
    }
  });

  it('leaves interlinear pinyin alone: a children\'s reader glosses every character, a mirror one in six', () => {
    for (const line of [
      '小(xiǎo)马(mǎ)驮(tuó)着(zhe)一(yí)袋(dài)麦(mài)子(zi)来(lái)到(dào)河(hé)边(biān)。',
      '床(chuang2)前(qian2)明(ming2)月(yue4)光(guang1)，疑(yi2)是(shi4)地(di4)上(shang4)霜(shuang1)。',
      '我(wǒ)们(men)部门(bùmén)要(yào)跟(gēn)销售(xiāoshòu)部(bù)合作(hézuò)。',
      '多音字“长”有两个读音：长(cháng)江，长(zhǎng)大。',
    ]) {
      assert.deepEqual(glossesIn(line, SIMP), [], line);
    }
    assert.equal(glossesIn('嘉興持續(xù)發(fā)力全面融入長三角一體化發(fā)展').length, 3);
    // A mirror's dense headline: one gloss per two characters is still far from a reading for every character
    // (found by a random property seed, 144912165: the whole line was taken for interlinear pinyin).
    assert.equal(glossesIn('长(zhǎng)三角一体(tǐ)化发(fā)展(zhǎn)取得新(xīn)进(jìn)展(zhǎn)', SIMP).length, 7);
  });

  it('finds every gloss of the seed page again once each is rewritten toneless, numbered or as a self-gloss', () => {
    const text = readFileSync(join(__dirname, 'fixtures', 'mirror-article-zh-hant.txt'), 'utf8');
    const toned = /([\u3400-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)/g;
    const toneless = (reading: string) => reading.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    let rewrites = 0;
    for (const line of text.split('\n')) {
      const expected = glossesIn(line).length;
      if (expected === 0) continue;
      for (const rewrite of [
        (_: string, ch: string, r: string) => `${ch}(${toneless(r)})`,
        (_: string, ch: string) => `${ch}(${ch})`,
        (_: string, ch: string, r: string) => `${ch}（ ${r} ）`,
      ]) {
        const variant = line.replace(toned, rewrite);
        assert.equal(glossesIn(variant).length, expected, variant.slice(0, 40));
        rewrites++;
      }
    }
    assert.ok(rewrites > 40);
  });

  it('knows the numbered and toneless spellings of every reading, heteronyms included', () => {
    assert.ok(hasReading('长', 'zhang3') && hasReading('长', 'chang') && hasReading('長', 'zhǎng'));
    assert.ok(hasReading('女', 'nv3') && hasReading('女', 'nü') && hasReading('女', 'nu3'));
    assert.ok(hasReading('吗', 'ma5') && hasReading('吗', 'ma') && hasReading('妈', 'ma'));
    assert.ok(!hasReading('长', 'chang3') && !hasReading('网', 'wang1x'));
  });

  it('finds entities on the gloss-free line: 杭(hang)州 is the place 杭州', () => {
    for (const text of ['记者从杭(hang)州市获悉，西湖景区游客增加。', '记者从杭(hang2)州(zhou1)市获悉，西湖景区游客增加。', '记者从杭(杭)州市获悉，西湖景区游客增加。']) {
      const { annotations } = analyze(text);
      const place = annotations.find((a) => a.kind === 'entity' && a.label === 'LOC' && (a.cleanText ?? a.text).startsWith('杭州'));
      assert.ok(place, `${text}: ${JSON.stringify(annotations.filter((a) => a.kind === 'entity').map((a) => [a.label, a.text]))}`);
      assert.ok(place.text.startsWith('杭('), 'the entity spans the gloss in the original text');
    }
  });
});
