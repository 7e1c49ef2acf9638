// Unit tests of the packed wire form of the annotations notification.
import { strict as assert } from 'node:assert';
import { packAnnotations, unpackAnnotations, type AnnotationsParams } from '../../../src/server/protocol';

describe('annotations notification packing', () => {
  it('round-trips spans, labels and entity names, and is smaller than tuples', () => {
    const params: AnnotationsParams = {
      uri: 'file:///a.txt',
      version: 3,
      spans: [
        [0, 5, 'junk', 'markup', ''],
        [6, 9, 'entity', 'PER', '楊克建'],
        [10, 18, 'figure', 'MONEY', ''],
        [20, 22, 'entity', 'LOC', '嘉興'],
        [23, 29, 'junk', 'pinyin-gloss', ''],
        [30, 36, 'junk', 'pinyin-gloss', ''],
      ],
      counts: { junk: 3, entities: 2, figures: 1 },
      entitiesPending: false,
      elapsedMs: 12,
    };
    const packed = packAnnotations(params);
    assert.deepEqual(unpackAnnotations(JSON.parse(JSON.stringify(packed))), params);
    assert.equal(packed.labels.length, 5);
    assert.deepEqual(packed.names, ['楊克建', '嘉興']);
    const many = { ...params, spans: Array.from({ length: 1000 }, (_, i) => [i * 10, i * 10 + 6, 'junk', 'pinyin-gloss', ''] as AnnotationsParams['spans'][number]) };
    assert.ok(JSON.stringify(packAnnotations(many)).length < JSON.stringify(many).length * 0.6);
  });
});
