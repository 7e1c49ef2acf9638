// Entity recognition on sentences of a Traditional-Chinese news article and their Simplified forms: the entities the project's sample must show.
import { strict as assert } from 'node:assert';
import { entitySegmenterReady, findEntities, warmUpEntities } from '../../../src/core/entities';
import { toSimplified, toTraditional } from '../../../src/core/script';
import { assertEntity, assertNoEntity, assertWellFormed, labels, run } from './helpers';

// Sentences of the sample article (Traditional), as literals.
const SOURCE_LINE = '中國西藏網 > 即時新聞 > 地方';
const CREDIT_LINE = '發布時間:2023-01-16 11:13:00來源: 嘉興日報';
const TITLE_LINE = '嘉興持續發力全面融入長三角一體化發展';
const COMMITTEE_LINE =
  '接軌大上海,融入長三角。前不久召開的嘉興市委九屆二次全體(擴大)會議,審議通過了《中共嘉興市委關于打造長三角城市群重要中心城市的實施意見》。';
const PROJECT_LINE =
  '總投資超千億元、跨越長江和杭州灣的通蘇嘉甬高鐵開工建設,浙江大學國際聯合學院(海寧)國際合作教育樣板區獲國家層面印發,虹橋國際開放樞紐南向拓展帶數字貿易創新發展區建設方案獲省級層面印發。';
const SPEAKER_LINE = '嘉興市長三角一體化發展辦公室黨組書記、主任楊克建表示,2023年,嘉興市長三角一體化發展辦公室將全面貫徹落實市委九屆二次全會精神。';
const PLAN_LINE = '根據《長江三角洲區域一體化發展規劃綱要》關於共建“軌道上的長三角”要求,加快推進嘉興機場、蘇臺高速嘉興段等項目建設。';
const EDITOR_LINE = '(責編:李文治)';
const RIGHTS_LINE = '版權聲明:凡注明“來源:中國西藏網”或“中國西藏網文”的所有作品,版權歸高原(北京)文化傳播有限公司。';

const SAMPLE = [SOURCE_LINE, CREDIT_LINE, TITLE_LINE, COMMITTEE_LINE, PROJECT_LINE, SPEAKER_LINE, PLAN_LINE, EDITOR_LINE, RIGHTS_LINE];

describe('findEntities', function () {
  this.timeout(60000);

  before(async () => {
    await warmUpEntities();
  });

  it('is ready after warm-up', () => {
    assert.equal(entitySegmenterReady(), true);
  });

  describe('required entities of the sample (Traditional)', () => {
    it('PER 楊克建 and 李文治', () => {
      assertEntity(SPEAKER_LINE, '楊克建', 'PER');
      assertEntity(EDITOR_LINE, '李文治', 'PER');
    });
    it('LOC 嘉興 and 長三角', () => {
      assertEntity(TITLE_LINE, '嘉興', 'LOC');
      assertEntity(PLAN_LINE, '長三角', 'LOC');
    });
    it('ORG 浙江大學, 嘉興日報, 中國西藏網', () => {
      assertEntity('浙江大學長三角智慧綠洲創新中心首期開園', '浙江大學', 'ORG');
      assertEntity(CREDIT_LINE, '嘉興日報', 'ORG');
      assertEntity(SOURCE_LINE, '中國西藏網', 'ORG');
      assertEntity(RIGHTS_LINE, '中國西藏網', 'ORG');
    });
    it('WORK 《長江三角洲區域一體化發展規劃綱要》 with its brackets', () => {
      assertEntity(PLAN_LINE, '《長江三角洲區域一體化發展規劃綱要》', 'WORK');
    });
    it('reports the Simplified form of Traditional entities', () => {
      const hit = assertEntity(CREDIT_LINE, '嘉興日報', 'ORG');
      assert.equal(hit.simplified, '嘉兴日报');
      const work = assertEntity(PLAN_LINE, '《長江三角洲區域一體化發展規劃綱要》', 'WORK');
      assert.equal(work.simplified, '《长江三角洲区域一体化发展规划纲要》');
    });
  });

  describe('the same sentences in Simplified', () => {
    it('finds the same spans without a simplified field', () => {
      for (const line of SAMPLE) {
        const simplified = toSimplified(line);
        const traditional = run(line).map((a) => `${a.label}@${a.start}-${a.end}`);
        const fromSimplified = run(simplified);
        assert.deepEqual(
          fromSimplified.map((a) => `${a.label}@${a.start}-${a.end}`),
          traditional,
          simplified,
        );
        for (const a of fromSimplified) assert.equal(a.simplified, undefined);
      }
    });
    it('finds the required entities', () => {
      assertEntity(toSimplified(SPEAKER_LINE), '杨克建', 'PER');
      assertEntity(toSimplified(EDITOR_LINE), '李文治', 'PER');
      assertEntity(toSimplified(TITLE_LINE), '嘉兴', 'LOC');
      assertEntity(toSimplified(PLAN_LINE), '长三角', 'LOC');
      assertEntity('浙江大学长三角智慧绿洲创新中心首期开园', '浙江大学', 'ORG');
      assertEntity(toSimplified(CREDIT_LINE), '嘉兴日报', 'ORG');
      assertEntity(toSimplified(SOURCE_LINE), '中国西藏网', 'ORG');
      assertEntity(toSimplified(PLAN_LINE), '《长江三角洲区域一体化发展规划纲要》', 'WORK');
    });
  });

  describe('overlaps', () => {
    it('prefers the longer organisation over the place inside it: 嘉興市委', () => {
      assertEntity(COMMITTEE_LINE, '嘉興市委', 'ORG');
      assertNoEntity(COMMITTEE_LINE.slice(0, COMMITTEE_LINE.indexOf('九屆')), '嘉興', 'LOC');
    });
    it('lets a bracketed work cover the names inside it, or hold them where the convention labels names inside titles', () => {
      const work = '《中共嘉興市委關于打造長三角城市群重要中心城市的實施意見》';
      const start = COMMITTEE_LINE.indexOf(work);
      const inside = (options: Parameters<typeof run>[1]) => run(COMMITTEE_LINE, options).filter((a) => a.start > start && a.start < start + work.length).map((a) => `${a.label}:${a.text}`);
      // CLUENER and GSD hardly ever label a name inside a title: the title covers them.
      for (const entityConvention of ['cluener', 'gsd'] as const) {
        assertEntity(COMMITTEE_LINE, work, 'WORK', { entityConvention });
        assert.deepEqual(inside({ entityConvention }), []);
      }
      // MSRA does (《东京新闻》 holds the ORG 东京新闻): the title stays, and holds them.
      assertEntity(COMMITTEE_LINE, work, 'WORK', { entityConvention: 'msra' });
      assert.ok(inside({ entityConvention: 'msra' }).includes('ORG:中共嘉興市委'), inside({ entityConvention: 'msra' }).join(' '));
      assertWellFormed(COMMITTEE_LINE, run(COMMITTEE_LINE, { entityConvention: 'msra' }));
    });
    it('returns sorted, non-overlapping annotations whose text is the slice', () => {
      for (const line of SAMPLE) {
        assertWellFormed(line, run(line));
        assertWellFormed(toSimplified(line), run(toSimplified(line)));
      }
    });
  });

  describe('UTF-16 offsets', () => {
    it('counts astral characters as two units', () => {
      const line = '𠀀😀嘉興日報報道';
      const hit = assertEntity(line, '嘉興日報', 'ORG');
      assert.equal(hit.start, 4);
      assert.equal(hit.end, 8);
    });
    it('keeps offsets after astral characters in a longer line', () => {
      const line = '😀😀記者 張三 報道:😀主任楊克建表示';
      const people = run(line).filter((a) => a.label === 'PER');
      assert.deepEqual(
        people.map((a) => [a.text, a.start]),
        [
          ['張三', line.indexOf('張三')],
          ['楊克建', line.indexOf('楊克建')],
        ],
      );
    });
  });

  describe('edge cases', () => {
    it('returns nothing for empty, Latin-only and punctuation-only lines', () => {
      assert.deepEqual(run(''), []);
      assert.deepEqual(run('hello world 123'), []);
      assert.deepEqual(run('，。、！？'), []);
    });
    it('survives lone surrogates and control characters', () => {
      const line = '\ud800嘉興日報\u0000浙江大學\udc00';
      const found = run(line);
      assertWellFormed(line, found);
      assert.ok(found.some((a) => a.text === '浙江大學' && a.label === 'ORG'));
    });
    it('handles a long line', () => {
      const line = '主任楊克建表示,嘉興市委和浙江大學將加快建設嘉興機場。'.repeat(200);
      const found = run(line);
      assertWellFormed(line, found);
      assert.equal(found.filter((a) => a.text === '楊克建').length, 200);
    });
    it('never reports an emoji or a symbol as an entity', () => {
      const line = '😀😀記者 張三 報道:😀主任楊克建表示😀';
      for (const a of run(line)) assert.match(a.text, /[\u4e00-\u9fff]/, a.text);
    });
    it('finds the same entities in a very long line as in its sentences', () => {
      // Long lines are segmented in pieces cut after sentence ends; every copy must come out alike.
      const sentence = '主任楊克建表示,嘉興市委和浙江大學將加快建設嘉興機場。😀';
      const single = run(sentence).map((a) => `${a.label}:${a.start}:${a.end}`);
      assert.equal(single.length, 4);
      const copies = 400;
      const line = sentence.repeat(copies);
      const found = run(line);
      assertWellFormed(line, found);
      assert.equal(found.length, single.length * copies);
      for (let k = 0; k < copies; k++) {
        const offset = k * sentence.length;
        const slice = found.slice(k * single.length, (k + 1) * single.length);
        assert.deepEqual(
          slice.map((a) => `${a.label}:${a.start - offset}:${a.end - offset}`),
          single,
          `copy ${k}`,
        );
      }
    });
    it('finds nothing with an empty entityTypes list', () => {
      assert.deepEqual(run(SPEAKER_LINE, { entityTypes: [] }), []);
    });
    it('Traditional conversion of a Simplified text keeps the result, confidences included', () => {
      const simplified = '浙江大学的专家在嘉兴日报发表文章';
      const traditional = toTraditional(simplified);
      assert.notEqual(traditional, simplified);
      const strip = (a: { label: string; start: number; end: number; confidence?: number }): unknown => [a.label, a.start, a.end, a.confidence];
      assert.deepEqual(run(traditional).map(strip), run(simplified).map(strip));
      assert.deepEqual(
        labels(traditional).map((s) => toSimplified(s)),
        labels(simplified),
      );
    });
    it('is deterministic across calls', () => {
      assert.deepEqual(findEntities(PROJECT_LINE, { script: 'traditional', options: {} }), run(PROJECT_LINE));
    });
  });
});
