// Unit tests of the packed wire form of the annotations notification.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core/analyze';
import { packAnnotations, packSpans, unpackAnnotations, type AnnotationsParams, type WireSpan } from '../../../src/server/protocol';

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
  it('packs engine annotations directly: the same wire form as their tuples, entity names without in-line junk', () => {
    const { annotations } = analyze('中國西藏網(wǎng)報道,嘉興市委書記楊克建表示,投資102.54億元。\n<p>澳门百家乐|真人娱乐|彩票平台|六合彩|网上赌场|快三</p>\n');
    const direct = packSpans(annotations);
    const tuples: WireSpan[] = annotations.map((a) => [a.start, a.end, a.kind, a.label, a.kind === 'entity' ? a.cleanText ?? a.text : '']);
    const viaTuples = packAnnotations({ uri: 'u', version: 1, spans: tuples, counts: direct.counts, entitiesPending: false, elapsedMs: 0 });
    assert.deepEqual({ packed: direct.packed, labels: direct.labels, names: direct.names }, { packed: viaTuples.packed, labels: viaTuples.labels, names: viaTuples.names });
    assert.ok(direct.names.includes('中國西藏網'), direct.names.join());
    const count = (kind: string) => annotations.filter((a) => a.kind === kind).length;
    assert.deepEqual(direct.counts, { junk: count('junk'), entities: count('entity'), figures: count('figure') });
    assert.ok(direct.counts.junk > 0 && direct.counts.entities > 0 && direct.counts.figures > 0);
  });
});
