// What the trained tagger finds in news sentences written for these tests (names no list holds), in Simplified and in Traditional.
import { strict as assert } from 'node:assert';
import { findEntities, warmUpEntities } from '../../../src/core/entities';
import { toSimplified, toTraditional } from '../../../src/core/script';
import type { EntityType } from '../../../src/core/types';
import { assertEntity, assertNoEntity, labels } from './helpers';

/** Checks `text` as `type` in a Simplified line and in its Traditional conversion. */
function found(line: string, text: string, type: EntityType): void {
  assertEntity(line, text, type);
  const traditional = toTraditional(line);
  const start = line.indexOf(text);
  const hit = assertEntity(traditional, traditional.slice(start, start + text.length), type);
  if (traditional !== line && hit.text !== text) assert.equal(hit.simplified, text);
}

/** Checks that no entity (of `type`) covers `text`, in Simplified and in Traditional. */
function notFound(line: string, text: string, type?: EntityType): void {
  assertNoEntity(line, text, type);
  const traditional = toTraditional(line);
  const start = line.indexOf(text);
  assertNoEntity(traditional, traditional.slice(start, start + text.length), type);
}

const SENTENCES = [
  '据悉，来自云南的青年画家葛晓楠和同事们上周抵达了巴黎，参加法国文化部举办的展览。',
  '市长张伟在会上说，杭州将继续推进城市更新。',
  '欧盟委员会主席冯德莱恩在布鲁塞尔发表讲话。',
  '复旦大学与上海交通大学联合发布了研究报告。',
  '小米集团创始人雷军表示，公司将加大研发投入。',
  '联合国秘书长古特雷斯呼吁各方保持克制。',
  '阿里巴巴集团在杭州召开发布会。',
  '他从浙江来，在海宁举行会议。',
];

describe('entity recognition by the tagger', function () {
  this.timeout(60000);
  before(async () => {
    await warmUpEntities();
  });

  it('finds people, including names no list holds', () => {
    found(SENTENCES[0], '葛晓楠', 'PER');
    found(SENTENCES[1], '张伟', 'PER');
    found(SENTENCES[2], '冯德莱恩', 'PER');
    found(SENTENCES[4], '雷军', 'PER');
    found(SENTENCES[5], '古特雷斯', 'PER');
    found('教授王小红指出，这项研究意义重大。', '王小红', 'PER');
  });

  it('finds places', () => {
    found(SENTENCES[0], '云南', 'LOC');
    found(SENTENCES[0], '巴黎', 'LOC');
    found(SENTENCES[2], '布鲁塞尔', 'LOC');
    found(SENTENCES[7], '浙江', 'LOC');
    found(SENTENCES[7], '海宁', 'LOC');
    assert.deepEqual(labels('中美两国领导人举行会谈'), ['LOC:中', 'LOC:美']);
  });

  it('finds organisations', () => {
    found(SENTENCES[0], '法国文化部', 'ORG');
    found(SENTENCES[2], '欧盟委员会', 'ORG');
    found(SENTENCES[3], '复旦大学', 'ORG');
    found(SENTENCES[3], '上海交通大学', 'ORG');
    found(SENTENCES[4], '小米集团', 'ORG');
    found(SENTENCES[5], '联合国', 'ORG');
    found('浙江省教育厅发布通知。', '浙江省教育厅', 'ORG');
    found('招商银行上海分行举办活动', '招商银行上海分行', 'ORG');
  });

  it('leaves common words alone', () => {
    notFound('两国领导人举行会谈', '两国');
    notFound('他每天上网看新闻', '上网');
    notFound('维护世界和平', '和平');
    notFound('共同建设跨省域高新区', '高新区');
  });

  it('finds the same entities, with the same confidence, in the Traditional form of a text', () => {
    for (const simplified of SENTENCES) {
      const traditional = toTraditional(simplified);
      assert.notEqual(traditional, simplified);
      // The engine reads both through the same Simplified view.
      assert.equal(toSimplified(traditional), toSimplified(simplified));
      const s = findEntities(simplified, { script: 'simplified', options: {} });
      const t = findEntities(traditional, { script: 'traditional', options: {} });
      assert.ok(s.length >= 2, simplified);
      assert.deepEqual(
        t.map((a) => [a.label, a.start, a.end, a.confidence, a.simplified ?? a.text]),
        s.map((a) => [a.label, a.start, a.end, a.confidence, a.text]),
      );
    }
  });

  it('is more confident of clear cases than of doubtful ones', () => {
    const clear = assertEntity(SENTENCES[1], '张伟', 'PER').confidence!;
    assert.ok(clear > 0.9, String(clear));
    // A shop sign-like run without context: whatever is found there is less certain.
    const doubtful = findEntities('推动京津冀协同发展', { script: 'simplified', options: {} });
    for (const a of doubtful) assert.ok(a.confidence! < clear, `${a.text} ${a.confidence}`);
  });
});
