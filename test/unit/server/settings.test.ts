// Unit tests of reading the newsLens settings: bad values fall back and are reported; user terms must be usable text.
import { strict as assert } from 'node:assert';
import { readSettings, toAnalyzeOptions } from '../../../src/server/settings';
import { termProblem } from '../../../src/core/user-terms';

describe('settings', () => {
  it('keeps good dictionary words and terms, and reports each bad one by setting name', () => {
    const { settings, problems } = readSettings({
      userDictionary: [{ word: ' 楊克建 ', type: 'PER' }, { word: '\udd5f', type: 'PER' }, { word: '嘉興', type: 'CITY' }, { type: 'LOC' }],
      spam: { extraTerms: ['澳門新葡京', 'a\ud83e', '  ', 'line\nbreak', 7] },
      ignore: ['網(wǎng)', '\udc00'],
    });
    assert.deepEqual(settings.userDictionary, [{ word: '楊克建', type: 'PER' }]);
    assert.deepEqual(settings.extraSpamTerms, ['澳門新葡京']);
    assert.deepEqual(settings.ignore, ['網(wǎng)']);
    assert.equal(problems.length, 8);
    assert.ok(problems.some((p) => p.startsWith('newsLens.userDictionary') && /lone surrogate/.test(p)));
    assert.ok(problems.some((p) => p.startsWith('newsLens.spam.extraTerms') && /lone surrogate/.test(p)));
    assert.ok(problems.some((p) => p.startsWith('newsLens.ignore') && /lone surrogate/.test(p)));
    assert.ok(problems.some((p) => /line break/.test(p)));
  });

  it('reads newsLens.entities.convention (default auto) into the engine options, and reports an unknown one', () => {
    assert.equal(toAnalyzeOptions(readSettings({}).settings, false).entityConvention, 'auto');
    assert.equal(toAnalyzeOptions(readSettings({ entities: { convention: 'cluener' } }).settings, false).entityConvention, 'cluener');
    const bad = readSettings({ entities: { convention: 'weibo' } });
    assert.equal(bad.settings.entityConvention, 'auto');
    assert.deepEqual(bad.problems, ['newsLens.entities.convention: "weibo" is not one of auto, msra, cluener, gsd']);
  });

  it('accepts astral characters as whole pairs', () => {
    assert.equal(termProblem('𠮷野家🥟'), undefined);
    assert.match(termProblem('\ud842') ?? '', /lone surrogate/);
  });
});
