// The user dictionary: it overrides the tagger, matches in both scripts, and only on code-point boundaries.
import { strict as assert } from 'node:assert';
import { findEntities, warmUpEntities } from '../../../src/core/entities';
import type { Candidate } from '../../../src/core/entities/candidates';
import { findUserWords } from '../../../src/core/entities/user-words';
import type { UserWord } from '../../../src/core/types';
import { assertWellFormed, labels } from './helpers';

function matches(text: string, words: UserWord[]): string[] {
  const out: Candidate[] = [];
  findUserWords(text, words, out);
  return out.map((c) => `${c.type}:${c.start}-${c.end}`);
}

describe('user words', function () {
  this.timeout(60000);
  before(async () => {
    await warmUpEntities();
  });

  it('never matches half of a surrogate pair', () => {
    const emoji = '😀'; // \ud83d\ude00
    const line = `他说${emoji}很好`;
    assert.deepEqual(matches(line, [{ word: '\ud83d', type: 'PER' }]), []);
    assert.deepEqual(matches(line, [{ word: '\ude00', type: 'PER' }]), []);
    assert.deepEqual(matches(line, [{ word: '\ude00很', type: 'ORG' }]), []);
    assert.deepEqual(matches(line, [{ word: '说\ud83d', type: 'ORG' }]), []);
    // The whole emoji, or a word around it, does match.
    assert.deepEqual(matches(line, [{ word: emoji, type: 'PER' }]), ['PER:2-4']);
    assert.deepEqual(matches(line, [{ word: `说${emoji}很`, type: 'ORG' }]), ['ORG:1-5']);
  });

  it('matches a lone surrogate where it stands alone in the text', () => {
    assert.deepEqual(matches('甲\ud83d乙', [{ word: '\ud83d', type: 'PER' }]), ['PER:1-2']);
  });

  it('falls back to a shorter word when the longest would split a pair', () => {
    const line = '长三角😀';
    assert.deepEqual(
      matches(line, [
        { word: '长三角', type: 'LOC' },
        { word: '长三角\ud83d', type: 'ORG' },
      ]),
      ['LOC:0-3'],
    );
  });

  it('matches astral-plane words with their UTF-16 offsets', () => {
    const line = '𠀀𠀁公司成立';
    const found = findEntities(line, { script: 'simplified', options: { userWords: [{ word: '𠀀𠀁公司', type: 'ORG' }] } });
    assert.deepEqual(
      found.map((a) => [a.label, a.start, a.end]),
      [['ORG', 0, 6]],
    );
    assertWellFormed(line, found);
  });

  it('overrides the tagger, whatever the tagger found there', () => {
    const line = '国务院总理李克强在北京会见了来访的客人。';
    assert.ok(labels(line).includes('PER:李克强'));
    const overridden = labels(line, { userWords: [{ word: '李克强在北京', type: 'ORG' }] });
    assert.ok(overridden.includes('ORG:李克强在北京'), overridden.join(' '));
    assert.ok(!overridden.some((s) => s === 'PER:李克强' || s === 'LOC:北京'));
  });

  it('is shown whatever the confidence threshold, with confidence 1', () => {
    const found = findEntities('小明和小红在长三角', { script: 'simplified', options: { minEntityConfidence: 1, userWords: [{ word: '小明', type: 'PER' }] } });
    assert.deepEqual(found[0] && [found[0].label, found[0].text, found[0].confidence], ['PER', '小明', 1]);
    for (const a of found) assert.ok(a.confidence! >= 1, `${a.text} shown at ${a.confidence}`);
  });
});
