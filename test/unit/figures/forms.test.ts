// The table of numeral forms (forms/dev.tsv, forms/heldout.tsv): each form read with its span, label and value, and no figure on the negatives.
import { strict as assert } from 'node:assert';
import { readTable, scoreRows, summary, tablePath } from './forms/score';

describe('figures: the table of numeral forms', () => {
  for (const part of ['dev', 'heldout']) {
    it(`reads at least 98% of the ${part} forms right and keeps figures out of its negatives`, () => {
      const rows = readTable(tablePath(part));
      const score = scoreRows(rows);
      const right = score.positivesRight + score.negativesRight;
      assert.ok(right / rows.length >= 0.98, `${summary(part, score)}\n${score.failures.join('\n')}`);
    });
  }

  it('holds at least 300 forms and 100 negatives in all, a third of them held out', () => {
    const dev = readTable(tablePath('dev'));
    const heldout = readTable(tablePath('heldout'));
    const all = [...dev, ...heldout];
    assert.ok(all.filter((r) => r.label !== '-').length >= 300);
    assert.ok(all.filter((r) => r.label === '-').length >= 100);
    const share = heldout.length / all.length;
    assert.ok(share > 0.28 && share < 0.4, `held-out share ${share}`);
  });
});
