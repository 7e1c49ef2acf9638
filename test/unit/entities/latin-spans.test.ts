// The tagger's all-Latin spans are kept in Chinese sentences and dropped in English ones (latin-spans.ts).
import { strict as assert } from 'node:assert';
import { warmUpEntities } from '../../../src/core/entities';
import { hanShareAround, keepTaggedSpan } from '../../../src/core/entities/latin-spans';
import { run } from './helpers';

const ENGLISH_WITH_GLOSS =
  '"The recovery is broad-based," said Tommy Wu, senior economist at Commerzbank in Hong Kong. Shipments to the United States fell 3.1%, while those to mainland China (中國內地) jumped 19%.';

describe('all-Latin entity spans', function () {
  this.timeout(60000);

  it('measures the Han share of the sentence around a span, not of the whole line', () => {
    const line = 'NBA总决赛今天开打。The Lakers won 110 to 98 last night.';
    assert.equal(hanShareAround(line, 0, 3), 7 / 10);
    const lakers = line.indexOf('Lakers');
    assert.equal(hanShareAround(line, lakers, lakers + 6), 0);
    // '.' inside a number or an abbreviation does not end a sentence.
    assert.equal(hanShareAround('U.S.A签署3.1协议', 0, 5), 4 / 7);
  });

  it('keeps a Latin name in a Chinese sentence and any span that has Han', () => {
    const chinese = '康奈尔大学（Cornell University）今天宣布';
    const at = chinese.indexOf('Cornell');
    assert.equal(keepTaggedSpan(chinese, at, at + 'Cornell University'.length), true);
    const english = 'Shipments to mainland China (中國內地) jumped 19%.';
    assert.equal(keepTaggedSpan(english, english.indexOf('中'), english.indexOf('中') + 4), true);
    assert.equal(keepTaggedSpan(english, english.indexOf('China'), english.indexOf('China') + 5), false);
  });

  it('gives no all-Latin entity in an English sentence that carries a Chinese gloss', async () => {
    await warmUpEntities();
    // The tagger is loaded and finds names in Chinese text (so an empty result below is the rule, not a missing model).
    assert.ok(run('国务院总理李强在北京会见了美国国务卿。').some((a) => a.label === 'PER'));
    const found = run(ENGLISH_WITH_GLOSS).filter((a) => !/[\u3400-\u9fff]/.test(a.text));
    assert.deepEqual(found.map((a) => `${a.label}:${a.text}`), []);
  });
});
