// Unknown gambling-site names (in no list) found by their mold: brand-shape features, full molds in injected positions, link lists of one mold, names glued inside a sentence.
import { strict as assert } from 'node:assert';
import { detectLineJunk } from '../../../src/core/junk/index';
import { brandShape, shapeFeatures } from '../../../src/core/junk/brand-shape';
import { featureBucket, normalizeSpan, scoreSpan, spanFeatures } from '../../../src/core/junk/spam-scorer';
import { moldScore } from '../../../src/core/junk/unseen-head';
import scorerModel from '../../../data/junk/spam-scorer.json';
import { applyRemovals, assertWellFormed, junkOf, SIMP } from './helpers';

// The names below are invented for these tests; they are in no list and not in the evaluation lists.
const spamIn = (line: string) => {
  const found = detectLineJunk(line, SIMP);
  assertWellFormed(line, found);
  return junkOf(found, 'spam');
};

describe('brand shape', () => {
  it('abstracts the head and keeps the site type and site words', () => {
    assert.deepEqual(brandShape('聚鑫娱乐官网'), { head: 'H2', type: '娱乐', sites: 1 });
    assert.deepEqual(brandShape('ab88注册'), { head: 'LD', type: undefined, sites: 1 });
    assert.deepEqual(brandShape('隆昌体育app下载'), { head: 'H2', type: '体育', sites: 1 });
  });

  it('has no shape for a phrase that is not head + type/site words', () => {
    assert.equal(brandShape('国家体育总局'), undefined);
    assert.equal(brandShape('全市春耕生产'), undefined);
    assert.equal(brandShape('中华人民共和国体育'), undefined, 'a head longer than four Han characters is no site name');
  });

  it('gives the scorer the same shape features for a known and an unknown brand', () => {
    assert.deepEqual(shapeFeatures('聚鑫娱乐官网'), shapeFeatures('摩登娱乐官网'));
    assert.ok(spanFeatures('聚鑫娱乐官网').includes('§H2+T+S'));
  });
});

describe('unknown site names', () => {
  it('flags a full mold injected in brackets at a title\'s end', () => {
    const line = '全省春播进度过半【聚鑫娱乐官网】';
    const found = spamIn(line);
    assert.deepEqual(found.map((a) => a.text), ['【聚鑫娱乐官网】']);
    assert.equal(applyRemovals(line, found), '全省春播进度过半');
  });

  it('flags a link list whose items share one mold, the unknown names included', () => {
    const line = '聚鑫娱乐官网 隆昌体育app下载 万兴棋牌登录入口 聚鑫娱乐注册';
    const found = spamIn(line);
    assert.equal(found.length, 1);
    assert.equal(found[0].text, line);
  });

  it('flags an unknown site name glued inside a sentence, and only it', () => {
    const line = '原来实聚鑫娱乐官网体平台占据了大量流量的入口。';
    const found = spamIn(line);
    assert.deepEqual(found.map((a) => a.text), ['聚鑫娱乐官网']);
    assert.equal(applyRemovals(line, found), '原来实体平台占据了大量流量的入口。');
  });

  it('flags a full mold glued inside a sentence that the scorer is fairly (not nearly) sure of, when its removal mends the sentence', () => {
    for (const [line, name, mended] of [
      ['各地要进一步加强安丰泰真人注册全生产监管。', '丰泰真人注册', '各地要进一步加强安全生产监管。'],
      ['今年春播工作总体进万通真人登录入口展顺利。', '万通真人登录入口', '今年春播工作总体进展顺利。'],
    ]) {
      const p = scoreSpan(name).probability;
      assert.ok(p >= 0.8 && p < 0.97, `${name} ${p}`);
      const found = spamIn(line);
      assert.deepEqual(found.map((a) => a.text), [name], line);
      assert.equal(applyRemovals(line, found), mended);
    }
  });

  it('leaves news that names sites and sports bodies alone', () => {
    for (const line of ['据腾讯体育官网消息，中国女排今晚出战。', '据新浪体育平台消息，中国队今晚出战。', '咪咕体育平台转播了本场比赛。', '国家体育总局发布全民健身活动通知。', '中国体育彩票发行30周年，公益金支持全民健身。', '市民可登录国家政务服务平台办理。']) {
      assert.deepEqual(spamIn(line), [], line);
    }
  });
});

describe('unknown site names with a Latin or digit head', () => {
  it('flags a prefix of letters and digits with site words before a colon, and only it', () => {
    for (const prefix of ['qp58注册', 'hx99登录入口', 'tk36平台']) {
      const line = `${prefix}：今年一季度全省粮食播种面积保持稳定。`;
      const found = spamIn(line);
      assert.deepEqual(found.map((a) => a.text), [prefix], line);
      assert.equal(applyRemovals(line, found), '今年一季度全省粮食播种面积保持稳定。');
    }
  });

  it('scores such a head on its mold: the head\'s own n-grams are left out', () => {
    assert.ok(scoreSpan('hx99登录入口').probability < 0.8, 'the full score reads the unknown head as news');
    assert.ok(moldScore('hx99登录入口')!.probability >= 0.8);
    assert.equal(moldScore('恒达体育官网'), undefined, 'a Han head is a word the scorer has read: no mold score');
    assert.equal(moldScore('12345平台'), undefined, 'digits alone with a site word are no mold (a hotline platform)');
  });

  it('leaves news lines with product names, hotlines and model numbers alone', () => {
    for (const line of [
      '12345平台：今年以来共受理市民诉求3.2万件，办结率超过九成。',
      '5G平台：运营商加快建设步伐，覆盖全部乡镇。',
      '用户可在Game2游戏平台注册账号后参与新版本测试。',
      '华为Mate60平台版本更新后，续航表现有所提升。',
      '记者从C919项目组获悉：首批乘客已完成登录入口改版后的值机。',
    ]) {
      assert.deepEqual(spamIn(line), [], line);
    }
  });
});

describe('phrase scorer', () => {
  it('scores in place exactly as the sum over spanFeatures() (the definition training uses)', () => {
    const bytes = Buffer.from(scorerModel.weights, 'base64');
    const reference = (text: string) => {
      let z = scorerModel.bias;
      for (const f of spanFeatures(normalizeSpan(text))) z += ((bytes[featureBucket(f, scorerModel.bits)] << 24) >> 24) * scorerModel.scale;
      return 1 / (1 + Math.exp(-z));
    };
    for (const phrase of ['亚博体育官网', '聚鑫娱乐官网', '记者从市气象局获悉', 'ab88注册', 'bet365官网', '中国体育彩票', '澳門新葡京真人平台', '的']) {
      assert.ok(Math.abs(reference(phrase) - scoreSpan(phrase).probability) < 1e-6, phrase);
    }
  });

  it('names as top features the spanFeatures() that push hardest towards spam, summed per feature', () => {
    const bytes = Buffer.from(scorerModel.weights, 'base64');
    const weightOf = (f: string) => ((bytes[featureBucket(f, scorerModel.bits)] << 24) >> 24) * scorerModel.scale;
    for (const phrase of ['亚博体育官网', '聚鑫娱乐官网', 'bet365官网', '澳門新葡京真人平台']) {
      const totals = new Map<string, number>();
      for (const f of spanFeatures(normalizeSpan(phrase))) if (weightOf(f) > 0) totals.set(f, (totals.get(f) ?? 0) + weightOf(f));
      const expected = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 4);
      const top = scoreSpan(phrase, 4).top;
      assert.ok(top.length > 0, phrase);
      assert.deepEqual(top.map((c) => c.feature), expected.map(([f]) => f), phrase);
      for (let i = 0; i < top.length; i++) assert.ok(Math.abs(top[i].weight - expected[i][1]) < 1e-6, phrase);
    }
  });
});
