// Options of entity recognition: the user dictionary, the entity-type filter and cheap mode.
import { strict as assert } from 'node:assert';
import { findEntities, warmUpEntities } from '../../../src/core/entities';
import type { AnalyzeOptions, UserWord } from '../../../src/core/types';
import { labels } from './helpers';

const LINE_T = '浙江大學長三角智慧綠洲創新中心首期開園';
const LINE_S = '浙江大学长三角智慧绿洲创新中心首期开园';

describe('entity options', function () {
  this.timeout(60000);
  before(async () => {
    await warmUpEntities();
  });

  describe('userWords', () => {
    it('matches a Simplified user word in Traditional and Simplified text', () => {
      const options: AnalyzeOptions = { userWords: [{ word: '智慧绿洲', type: 'FAC' }] };
      assert.ok(labels(LINE_T, options).includes('FAC:智慧綠洲'));
      assert.ok(labels(LINE_S, options).includes('FAC:智慧绿洲'));
    });
    it('matches a Traditional user word in both scripts', () => {
      const options: AnalyzeOptions = { userWords: [{ word: '智慧綠洲', type: 'FAC' }] };
      assert.ok(labels(LINE_T, options).includes('FAC:智慧綠洲'));
      assert.ok(labels(LINE_S, options).includes('FAC:智慧绿洲'));
    });
    it('reports the Simplified form of a user word found in Traditional text', () => {
      const hit = findEntities(LINE_T, { script: 'traditional', options: { userWords: [{ word: '智慧绿洲', type: 'FAC' }] } }).find(
        (a) => a.text === '智慧綠洲',
      );
      assert.equal(hit?.simplified, '智慧绿洲');
    });
    it('overrides the recognizer where they overlap', () => {
      assert.deepEqual(labels('嘉興市委召開會議'), ['ORG:嘉興市委']);
      assert.deepEqual(labels('嘉興市委召開會議', { userWords: [{ word: '嘉兴', type: 'PER' }] }), ['PER:嘉興']);
    });
    it('finds words the recognizer misses, with their offsets', () => {
      const line = '😀甲方和乙方在长三角';
      assert.ok(!labels(line).some((s) => s.includes('甲方')));
      const found = findEntities(line, { script: 'simplified', options: { userWords: [{ word: '甲方', type: 'ORG' }] } });
      const hit = found.find((a) => a.text === '甲方');
      assert.deepEqual(hit && [hit.label, hit.start, hit.end, hit.confidence], ['ORG', 2, 4, 1]);
    });
    it('prefers the longest user word', () => {
      const userWords: UserWord[] = [
        { word: '智慧', type: 'ORG' },
        { word: '智慧绿洲', type: 'FAC' },
      ];
      assert.ok(labels(LINE_S, { userWords }).includes('FAC:智慧绿洲'));
    });
    it('takes effect as soon as the options change', () => {
      const line = '甲方和乙方在会上签约';
      assert.deepEqual(labels(line), []);
      assert.deepEqual(labels(line, { userWords: [{ word: '甲方', type: 'ORG' }] }), ['ORG:甲方']);
      assert.deepEqual(labels(line, { userWords: [{ word: '乙方', type: 'ORG' }] }), ['ORG:乙方']);
      assert.deepEqual(labels(line, { userWords: [] }), []);
      assert.deepEqual(labels(line), []);
    });
    it('notices an in-place edit of the same list', () => {
      const line = '甲方和乙方在会上签约';
      const userWords: UserWord[] = [{ word: '甲方', type: 'ORG' }];
      const options: AnalyzeOptions = { userWords };
      assert.deepEqual(labels(line, options), ['ORG:甲方']);
      userWords.push({ word: '乙方', type: 'ORG' });
      assert.deepEqual(labels(line, options), ['ORG:甲方', 'ORG:乙方']);
      userWords[1] = { word: '会上', type: 'LOC' };
      assert.deepEqual(labels(line, options), ['ORG:甲方', 'LOC:会上']);
    });
    it('ignores empty and blank words', () => {
      assert.deepEqual(labels('甲方和乙方在会上签约', { userWords: [{ word: '', type: 'PER' }, { word: '  ', type: 'PER' }] }), []);
    });
  });

  describe('entityTypes', () => {
    it('keeps only the listed types', () => {
      const line = '嘉興市長三角一體化發展辦公室黨組書記、主任楊克建表示';
      assert.deepEqual(labels(line, { entityTypes: ['PER'] }), ['PER:楊克建']);
      assert.ok(labels(line).some((s) => s.startsWith('ORG:')));
    });
    it('drops the other types, and filters before overlaps are resolved', () => {
      assert.deepEqual(labels('嘉興市委召開會議', { entityTypes: ['LOC'] }), []);
      assert.deepEqual(labels('嘉興市委召開會議', { entityTypes: ['ORG'] }), ['ORG:嘉興市委']);
      // With WORK off, the names inside a title are the tagger's.
      assert.deepEqual(labels('根據《長江三角洲區域一體化發展規劃綱要》', { entityTypes: ['LOC'] }), ['LOC:長江三角洲']);
    });
    it('applies to user words too', () => {
      assert.deepEqual(labels('甲方在杭州签约', { entityTypes: ['LOC'], userWords: [{ word: '甲方', type: 'ORG' }] }), ['LOC:杭州']);
    });
    it('returns nothing for an empty list', () => {
      assert.deepEqual(labels('甲方在杭州签约', { entityTypes: [], userWords: [{ word: '甲方', type: 'ORG' }] }), []);
    });
  });

  describe('cheapOnly', () => {
    it('reports user words and works but runs no segmenter or tagger', () => {
      const line = '小明讀了《長江三角洲區域一體化發展規劃綱要》,嘉興日報報道';
      assert.deepEqual(labels(line, { cheapOnly: true, userWords: [{ word: '小明', type: 'PER' }] }), [
        'PER:小明',
        'WORK:《長江三角洲區域一體化發展規劃綱要》',
      ]);
      assert.ok(labels(line).includes('ORG:嘉興日報'));
    });
  });
});
