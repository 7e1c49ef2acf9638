// Full analysis gives the entities recorded in golden/entities.json (spans, types, confidences): speed work must not change output.
import { strict as assert } from 'node:assert';
import { computeGolden, readGolden } from './golden-output';

describe('entities: golden output of full analysis', function () {
  this.timeout(120_000);

  it('matches the recorded entities of the samples and the bench documents', function () {
    const golden = readGolden();
    const now = computeGolden();
    assert.equal(
      now.model,
      golden.model,
      'data/ner/model.bin is not the model golden/entities.json was made with: check the new output, then run `npx tsx test/unit/entities/golden-output.ts --write`',
    );
    assert.deepEqual(Object.keys(now.texts), Object.keys(golden.texts));
    for (const name of Object.keys(golden.texts)) assert.deepEqual(now.texts[name], golden.texts[name], `entities of ${name}`);
    assert.deepEqual(now.digests, golden.digests, 'entities of the 1 MB bench documents');
  });
});
