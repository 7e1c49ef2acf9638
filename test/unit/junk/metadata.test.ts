// Metadata lines: publish time, source and author are annotated as kind 'metadata' and never removed.
import { strict as assert } from 'node:assert';
import { detectLineJunk } from '../../../src/core/junk/index';
import { assertWellFormed, ctx, SIMP, TRAD } from './helpers';

const metadataIn = (line: string, context = TRAD) => {
  const found = detectLineJunk(line, context);
  assertWellFormed(line, found);
  return found.filter((a) => a.kind === 'metadata');
};

describe('metadata lines', () => {
  it('splits a Traditional metadata line with a gloss into PUBLISHED and SOURCE', () => {
    const found = metadataIn('    發(fā)布時間:2023-01-16 11:13:00來源: 嘉興日報');
    assert.deepEqual(found.map((a) => [a.label, a.text]), [
      ['PUBLISHED', '發(fā)布時間:2023-01-16 11:13:00'],
      ['SOURCE', '來源: 嘉興日報'],
    ]);
    assert.match(found[1].reason ?? '', /嘉興日報/);
  });

  it('reads Simplified fields including the author', () => {
    const found = metadataIn('发布时间：2023年01月16日 来源：新华网 作者：张三', SIMP);
    assert.deepEqual(found.map((a) => [a.label, a.text]), [
      ['PUBLISHED', '发布时间：2023年01月16日'],
      ['SOURCE', '来源：新华网'],
      ['AUTHOR', '作者：张三'],
    ]);
  });

  it('reads a line that starts with the date', () => {
    const found = metadataIn('2023-01-16 11:13 來源：新華社');
    assert.deepEqual(found.map((a) => [a.label, a.text]), [['PUBLISHED', '2023-01-16 11:13'], ['SOURCE', '來源：新華社']]);
  });

  it('is reported whatever the junk options say', () => {
    const found = detectLineJunk('來源：新華社', ctx('traditional', { junkKinds: [], ignoreLiterals: ['新華社'] }));
    assert.deepEqual(found.map((a) => a.label), ['SOURCE']);
  });

  it('does not take prose for metadata', () => {
    for (const line of ['記者：您如何看待今年的經濟形勢？', '來源方面，今年的糧食主要來自東北地區。', '版權聲明:凡注明“來源:中國西藏網”的作品',
      '他說，時間：就是生命，我們必須爭分奪秒完成今年的全部建設任務，絕不能拖延。']) {
      assert.deepEqual(metadataIn(line), [], line);
    }
  });
});
