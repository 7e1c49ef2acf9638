// Options of the junk detectors (junkKinds, ignoreLiterals, extraSpamTerms) and the purity of detectLineJunk.
import { strict as assert } from 'node:assert';
import { detectLineJunk } from '../../../src/core/junk/index';
import { JUNK_KINDS } from '../../../src/core/types';
import { assertWellFormed, ctx, labels, TRAD } from './helpers';

const MIXED = '<p>中國西藏網(wǎng)</p>锟斤拷 &nbsp;（責任編輯：王小明）';

describe('junk detector options', () => {
  it('reports every kind by default', () => {
    const found = detectLineJunk(MIXED, TRAD);
    assertWellFormed(MIXED, found);
    assert.deepEqual([...new Set(labels(found))].sort(), ['boilerplate', 'encoding', 'markup', 'pinyin-gloss']);
  });

  it('reports only the kinds listed in junkKinds', () => {
    for (const kind of JUNK_KINDS) {
      const found = detectLineJunk(MIXED, ctx('traditional', { junkKinds: [kind] }));
      for (const label of labels(found)) assert.equal(label, kind);
    }
    assert.deepEqual(detectLineJunk(MIXED, ctx('traditional', { junkKinds: [] })), []);
    assert.deepEqual(labels(detectLineJunk(MIXED, ctx('traditional', { junkKinds: ['markup', 'encoding'] }))).sort(),
      ['encoding', 'markup', 'markup', 'markup']);
  });

  it('drops findings whose text contains an ignored literal, or that lie inside one', () => {
    const line = '網(wǎng)站發(fā)布';
    assert.equal(detectLineJunk(line, TRAD).length, 2);
    const ignored = detectLineJunk(line, ctx('traditional', { ignoreLiterals: ['網(wǎng)'] }));
    assert.deepEqual(ignored.map((a) => a.text), ['(fā)']);
    assert.deepEqual(detectLineJunk(line, ctx('traditional', { ignoreLiterals: ['(wǎng)', '(fā)'] })), []);
    const spam = '国产精品|日韩无码|亚洲av天堂|久久精品';
    assert.equal(detectLineJunk(spam, TRAD).length, 1);
    assert.deepEqual(detectLineJunk(spam, ctx('traditional', { ignoreLiterals: [spam] })), []);
    assert.deepEqual(detectLineJunk(spam, ctx('traditional', { ignoreLiterals: ['日韩无码'] })), []);
    assert.equal(detectLineJunk(spam, ctx('traditional', { ignoreLiterals: ['', '不在其中'] })).length, 1);
  });

  it('treats ignored literals as plain text, not patterns', () => {
    const line = '正文<br/>正文';
    assert.deepEqual(detectLineJunk(line, ctx('simplified', { ignoreLiterals: ['<br.>'] })).length, 1);
    assert.deepEqual(detectLineJunk(line, ctx('simplified', { ignoreLiterals: ['<br/>'] })), []);
  });

  it('copes with a huge single-line document (more findings than a call can take as arguments)', () => {
    // One gloss per three characters: a mirror's density, not interlinear pinyin (which is not junk).
    const line = '網(wǎng)發展'.repeat(150000);
    const found = detectLineJunk(line, TRAD).filter((a) => a.label === 'pinyin-gloss');
    assert.equal(found.length, 150000);
    assert.equal(found[149999].start, 149999 * 9 + 1);
  });

  it('depends only on its arguments', () => {
    const line = '深夜大秀直播APP,国产成人精品久久,日韩无码在线观看 嘉興日報訊 記者報道，近日召開會議。';
    const first = JSON.stringify(detectLineJunk(line, TRAD));
    detectLineJunk('国产精品|日韩无码|亚洲av天堂|久久精品', ctx('simplified', { extraSpamTerms: ['嘉興'] }));
    detectLineJunk(MIXED, ctx('unknown', { junkKinds: ['markup'] }));
    assert.equal(JSON.stringify(detectLineJunk(line, TRAD)), first);
  });
});
