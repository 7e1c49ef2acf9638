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
      const line = '😀小明在长三角';
      const found = findEntities(line, { script: 'simplified', options: { userWords: [{ word: '小明', type: 'PER' }] } });
      assert.deepEqual(
        found.map((a) => [a.label, a.text, a.start, a.end]),
        [
          ['PER', '小明', 2, 4],
          ['LOC', '长三角', 5, 8],
        ],
      );
    });
    it('prefers the longest user word', () => {
      const userWords: UserWord[] = [
        { word: '智慧', type: 'ORG' },
        { word: '智慧绿洲', type: 'FAC' },
      ];
      assert.ok(labels(LINE_S, { userWords }).includes('FAC:智慧绿洲'));
    });
    it('takes effect as soon as the options change', () => {
      const line = '小明和小红在长三角';
      assert.deepEqual(labels(line), ['LOC:长三角']);
      assert.deepEqual(labels(line, { userWords: [{ word: '小明', type: 'PER' }] }), ['PER:小明', 'LOC:长三角']);
      assert.deepEqual(labels(line, { userWords: [{ word: '小红', type: 'PER' }] }), ['PER:小红', 'LOC:长三角']);
      assert.deepEqual(labels(line, { userWords: [] }), ['LOC:长三角']);
      assert.deepEqual(labels(line), ['LOC:长三角']);
    });
    it('notices an in-place edit of the same list', () => {
      const line = '小明和小红在长三角';
      const userWords: UserWord[] = [{ word: '小明', type: 'PER' }];
      const options: AnalyzeOptions = { userWords };
      assert.deepEqual(labels(line, options), ['PER:小明', 'LOC:长三角']);
      userWords.push({ word: '小红', type: 'PER' });
      assert.deepEqual(labels(line, options), ['PER:小明', 'PER:小红', 'LOC:长三角']);
      userWords[1] = { word: '长三角', type: 'ORG' };
      assert.deepEqual(labels(line, options), ['PER:小明', 'ORG:长三角']);
    });
    it('ignores empty and blank words', () => {
      assert.deepEqual(labels('小明在长三角', { userWords: [{ word: '', type: 'PER' }, { word: '  ', type: 'PER' }] }), ['LOC:长三角']);
    });
  });

  describe('entityTypes', () => {
    it('keeps only the listed types', () => {
      const line = '嘉興市長三角一體化發展辦公室黨組書記、主任楊克建表示';
      assert.deepEqual(labels(line, { entityTypes: ['PER'] }), ['PER:楊克建']);
      assert.ok(labels(line).some((s) => s.startsWith('ORG:')));
    });
    it('filters before overlaps are resolved', () => {
      assert.deepEqual(labels('嘉興市委召開會議', { entityTypes: ['LOC'] }), ['LOC:嘉興']);
      assert.deepEqual(labels('根據《長江三角洲區域一體化發展規劃綱要》', { entityTypes: ['LOC'] }), ['LOC:長江三角洲']);
    });
    it('applies to user words too', () => {
      assert.deepEqual(labels('小明在长三角', { entityTypes: ['LOC'], userWords: [{ word: '小明', type: 'PER' }] }), ['LOC:长三角']);
    });
    it('returns nothing for an empty list', () => {
      assert.deepEqual(labels('小明在长三角', { entityTypes: [], userWords: [{ word: '小明', type: 'PER' }] }), []);
    });
  });

  describe('cheapOnly', () => {
    it('reports user words and works but runs no segmenter rules', () => {
      const line = '小明讀了《長江三角洲區域一體化發展規劃綱要》,嘉興日報報道';
      assert.deepEqual(labels(line, { cheapOnly: true, userWords: [{ word: '小明', type: 'PER' }] }), [
        'PER:小明',
        'WORK:《長江三角洲區域一體化發展規劃綱要》',
      ]);
      assert.ok(labels(line).includes('ORG:嘉興日報'));
    });
  });
});
