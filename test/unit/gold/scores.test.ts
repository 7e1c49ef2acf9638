// Unit tests of scoring suggestions against gold (strict P/R/F1, disagreements) and of inter-annotator agreement (F1, Cohen's kappa).
import { strict as assert } from 'node:assert';
import { agreement, cohensKappa, scoreSpans, tokenStarts } from '../../../src/core/gold';

describe('gold: scores and agreement', () => {
  it('scores strict spans per type, and names each disagreement', () => {
    const gold = [{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 5, label: 'LOC' }, { start: 6, end: 9, label: 'ORG' }, { start: 12, end: 14, label: 'PER' }];
    const predicted = [{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 5, label: 'ORG' }, { start: 6, end: 8, label: 'ORG' }, { start: 20, end: 22, label: 'LOC' }];
    const score = scoreSpans(gold, predicted);
    assert.deepEqual(score.micro, { label: 'all', tp: 1, fp: 3, fn: 3, precision: 0.25, recall: 0.25, f1: 0.25 });
    const per = score.perType.find((t) => t.label === 'PER')!;
    assert.deepEqual([per.tp, per.fp, per.fn, per.precision, per.recall], [1, 0, 1, 1, 0.5]);
    assert.deepEqual(score.disagreements.map((d) => d.kind), ['type', 'boundary', 'missed', 'spurious']);
  });

  it("computes Cohen's kappa as (po - pe) / (1 - pe)", () => {
    // 10 items: both O 6, both PER 2, O/PER 1, PER/O 1 → po 0.8, pe 0.7·0.7 + 0.3·0.3 = 0.58, kappa 0.22/0.42.
    const pairs: [string, string][] = [...Array(6).fill(['O', 'O']), ['PER', 'PER'], ['PER', 'PER'], ['O', 'PER'], ['PER', 'O']];
    assert.ok(Math.abs(cohensKappa(pairs) - 0.22 / 0.42) < 1e-12);
    assert.equal(cohensKappa([['O', 'O'], ['O', 'O']]), 1);
  });

  it('tokens are Han characters, words of other letters, and symbols', () => {
    const text = '張三 met John-Smith 2次';
    assert.deepEqual(tokenStarts(text).map((i) => text[i]), ['張', '三', 'm', 'J', '-', 'S', '2', '次']);
  });

  it('reports per-type F1 and kappa between two annotators, and the regions where they differ', () => {
    const text = '張三在北京見到李四';
    const a = [{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 5, label: 'LOC' }, { start: 7, end: 9, label: 'PER' }];
    const b = [{ start: 0, end: 2, label: 'PER' }, { start: 3, end: 5, label: 'ORG' }];
    const result = agreement([{ name: 'd1', text, a, b }]);
    const per = result.perType.find((t) => t.label === 'PER')!;
    assert.deepEqual([per.a, per.b, per.matched, per.f1], [2, 1, 1, 2 / 3]);
    assert.equal(result.f1, 2 / 5);
    assert.equal(result.tokens, 9);
    assert.ok(result.tokenKappa > 0 && result.tokenKappa < 1, String(result.tokenKappa));
    assert.deepEqual(result.disagreements.map((d) => [d.text, d.a.map((s) => s.label), d.b.map((s) => s.label)]), [['北京', ['LOC'], ['ORG']], ['李四', ['PER'], []]]);
    const same = agreement([{ name: 'd1', text, a, b: a }]);
    assert.deepEqual([same.f1, same.tokenKappa, same.characterKappa, same.disagreements.length], [1, 1, 1, 0]);
  });
});
