// Whether a training set labels names inside titles: the share of its train titles with a name labelled inside.
import { strict as assert } from 'node:assert';
import type { CorpusSentence } from '../../../src/cli/ner-corpus';
import { namesInsideTitles } from '../../../scripts/ner/title-convention';

const sentence = (source: CorpusSentence['source'], text: string, names: string[], split: CorpusSentence['split'] = 'train'): CorpusSentence => ({
  source,
  split,
  id: text,
  text,
  spans: names.map((name) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'ORG' })),
});

describe('names inside titles (scripts/ner/title-convention.ts)', () => {
  it('counts, per source, the train titles with a span strictly inside their brackets', () => {
    const corpus = [
      sentence('msra', '据《东京新闻》报道', ['东京新闻']),
      sentence('msra', '他读了《红楼梦》和〈春〉', []),
      sentence('msra', '《东京新闻》', ['东京新闻'], 'dev'),
      sentence('cluener', '《东京新闻》报道了新华社的消息', ['新华社']),
      sentence('gsd', '沒有書名', []),
    ];
    const { base, bySource } = namesInsideTitles(corpus, { msra: 1, cluener: 0, gsd: 0 });
    // msra: 1 of its 3 train titles; the dev sentence is not read. cluener: the name is outside the title.
    assert.deepEqual(bySource, { msra: 1 / 3, cluener: 0, gsd: 0 });
    assert.equal(base, 1 / 3);
    assert.equal(namesInsideTitles(corpus, { msra: 1, cluener: 1, gsd: 0 }).base, 1 / 6);
    assert.equal(namesInsideTitles(corpus, { msra: 0, cluener: 0, gsd: 0 }).base, 0);
  });
});
