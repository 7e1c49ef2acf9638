// A byte the GBK decoder lost is chosen by the words it makes (jieba's dictionary) as well as by character pairs, and by what follows a number beside it; long well-formed runs need less gain.
import { strict as assert } from 'node:assert';
import { applyEdits, junkEdits } from '../../../src/core/edits';
import { wordGains } from '../../../src/core/junk/mojibake-words';
import { settledLineJunk } from '../../../src/core/settle-junk';

const gbk = (text: string) => new TextDecoder('gbk').decode(Buffer.from(text, 'utf8'));
const repaired = (line: string) => applyEdits(line, junkEdits(settledLineJunk(line, { script: 'unknown', options: { junkKinds: ['encoding'] } })));

describe('mojibake: a lost byte chosen by the words it makes', () => {
  it('scores a candidate by the bits the words with its neighbours save, in either script', () => {
    const gain = wordGains('预计增', '5');
    const code = (ch: string) => ch.charCodeAt(0);
    // 产 and 了 share their first two UTF-8 bytes (E4 BA xx): 增产 is a word, 增了 is not.
    assert.ok(gain(code('产')) > 5, `增产 ${gain(code('产'))}`);
    assert.equal(gain(code('了')), 0);
    // Looked up in Simplified: 增產 is the same word.
    assert.ok(wordGains('預計增', '5')(code('產')) > 5);
    // Nothing Han beside it, or a candidate that is not Han: no evidence either way.
    assert.equal(wordGains('2010', '5')(code('产')), 0);
    assert.equal(gain(code('。')), 0);
  });

  it('repairs a word before a digit that the character pairs of broadcast news get wrong', () => {
    // Each line loses the byte of the character before the digit; sentences written for this test.
    for (const original of [
      '今年粮食总产量预计增产5%。',
      '多家车企宣布下月起提价3%。',
      '今年该校研究生计划扩招5%。',
      '大股东计划三个月内减持2%的股份。',
      '他全场比赛抢断5次。',
      '他全場比賽搶斷5次。',
      '这位老将本赛季替补15场。',
      '公司为每位员工发放奖金2万元。',
    ]) {
      const damaged = gbk(original);
      assert.ok(damaged.includes('\ufffd'), original);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('reads past a number beside a lost byte (3分20秒: 分 before a number of seconds, not 到)', () => {
    // Sentences written for this test. 分 and 到 share their first two UTF-8 bytes (E5 88 xx); the byte lost before
    // the digit leaves both, and only what follows the number (秒, itself misread) tells them apart.
    for (const original of ['全场比赛还剩3分20秒时，主队领先。', '比赛还剩1分30秒。']) {
      const damaged = gbk(original);
      assert.ok(damaged.includes('\ufffd'), original);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('repairs a long run that is well-formed UTF-8 with no byte lost, though it gains fewer bits (rarer words)', () => {
    for (const original of ['A:、彭浩翔 (HK)', 'Tag:《木乃伊 3']) {
      const damaged = gbk(original);
      assert.ok(!damaged.includes('\ufffd'), damaged);
      assert.equal(repaired(damaged), original, damaged);
    }
  });

  it('leaves real Chinese of rare characters as it is', () => {
    for (const real of ['魑魅魍魉 2010', '饕餮盛宴 (2012)', '他说：魑魅魍魉，饕餮之徒 3', '耄耋之年的老人 5', '觊觎已久 (2)']) assert.equal(repaired(real), real);
  });
});

describe('mojibake: a lost punctuation mark chosen by the line around it', () => {
  it('closes a bracket only where the line opened one (ASCII brackets survive the misreading)', () => {
    // 、 。 》 share E3 80 xx: inside ( … ) with no 《, the lost mark is no 》.
    assert.ok(!repaired(gbk('公交线路(12、35、108路)照常运行。')).includes('》'));
    // After an open 《, it is the 》 that closes it.
    for (const original of ['新剧《风起长安》8月上映，《山河》9月上映。', '《明日之星》3日开播。']) assert.equal(repaired(gbk(original)), original);
  });

  it('ends a question with ？ and an exclamation with ！ by the words of the sentence', () => {
    for (const original of ['这件事到底该如何处理？', '這件事到底該如何處理？', '祝您新年快乐！', '让我们一起为奥运健儿加油！']) {
      const damaged = gbk(original);
      assert.ok(damaged.endsWith('\ufffd'), damaged);
      assert.equal(repaired(damaged), original, damaged);
    }
  });
});
