// Property-based tests of the engine's guarantees (never loses a character), with a fixed seed and CI-sized runs.
import fc from 'fast-check';
import { analyze } from '../../../src/core/analyze';
import { CI } from './generators';
import { PROPERTIES, SEED } from './properties';

describe('engine properties (fast-check, seed ' + SEED + ')', function () {
  before(function () {
    this.timeout(60_000);
    analyze('新華社記者張三報道'); // loads the segmenter once, outside the timed properties
  });

  for (const property of PROPERTIES) {
    it(property.title, function () {
      this.timeout(120_000);
      fc.assert(property.build(CI), { seed: SEED, numRuns: property.ciRuns });
    });
    for (const regression of property.regressions) {
      it(`${property.id} regression: ${regression.why}`, () => property.check(regression.value));
    }
  }
});
