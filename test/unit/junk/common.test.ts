// Unit tests of the gloss-free view the keyword detectors match on, and of its way back to the line's offsets.
import { strict as assert } from 'node:assert';
import { withoutGlosses } from '../../../src/core/junk/common';
import { detectBoilerplate } from '../../../src/core/junk/boilerplate';
import { detectMetadata } from '../../../src/core/junk/metadata';

describe('gloss-free view of a line', () => {
  it('takes out glosses after CJK characters only, and maps every view offset back', () => {
    const line = '發(fā)布時間:2023 (ok) 來源(yuán)：嘉興日報(c)';
    const view = withoutGlosses(line);
    assert.equal(view.text, '發布時間:2023 (ok) 來源：嘉興日報(c)');
    for (let i = 0; i < view.text.length; i++) assert.equal(line[view.start(i)], view.text[i], `offset ${i}`);
    const key = view.text.indexOf('來源：');
    assert.equal(line.slice(view.start(key), view.end(key + 3)), '來源(yuán)：');
  });
  it('is the line itself when there is nothing to take out', () => {
    const view = withoutGlosses('沒有注音的句子(海寧)');
    assert.equal(view.text, '沒有注音的句子(海寧)');
    assert.equal(view.start(3), 3);
  });
  it('lets keyword detectors find glossed keys and report offsets in the line', () => {
    const line = '來(lái)源(yuán):嘉興日報 作(zuò)者:張三';
    const fields = detectMetadata(line).map((a) => [a.label, a.text]);
    assert.deepEqual(fields, [['SOURCE', '來(lái)源(yuán):嘉興日報'], ['AUTHOR', '作(zuò)者:張三']]);
    const credit = '正文結束。(責(zé)編(biān):李文治)';
    const [found] = detectBoilerplate(credit);
    assert.equal(found.text, '(責(zé)編(biān):李文治)');
  });
  it('finds a glossed copyright heading at the start of a long paragraph', () => {
    const line = `版(bǎn)權(quán)聲明:${'凡本網注明來源的所有作品,版權均屬本網所有,未經授權不得轉載。'.repeat(10)}`;
    assert.ok(line.length > 200);
    const [found] = detectBoilerplate(line);
    assert.equal(found?.label, 'boilerplate');
    assert.equal(found.text, line);
  });
});
