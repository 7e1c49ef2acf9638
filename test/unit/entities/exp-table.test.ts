// The table exponential agrees with Math.exp to 1e-13 over the range the confidences use, and beyond it.
import { strict as assert } from 'node:assert';
import { expOfNonPositive } from '../../../src/core/entities/exp-table';

describe('entities: table exponential', () => {
  it('matches Math.exp within a relative 1e-13 for x ≤ 0, at the table steps, between them and past the table', () => {
    const xs = [0, -0, -1e-12, -1 / 64, -0.5, -1, -Math.LN2, -10.000001, -29.99, -63.999, -64, -64.5, -300, -700, -746, -Infinity];
    for (let i = 0; i < 20000; i++) xs.push(-((i * 7919) % 4100) / 64 - (i % 13) / 1000);
    for (const x of xs) {
      const expected = Math.exp(x);
      const got = expOfNonPositive(x);
      if (expected === 0) assert.equal(got, 0, String(x));
      else assert.ok(Math.abs(got / expected - 1) < 1e-13, `exp(${x}): ${got} vs ${expected}`);
    }
  });
});
