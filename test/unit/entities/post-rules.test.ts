// The small general rules around the tagger: 《titles》 as WORK, names in credit lines, places with a facility suffix as FAC, media outlets as ORG.
import { strict as assert } from 'node:assert';
import { warmUpEntities } from '../../../src/core/entities';
import type { Candidate } from '../../../src/core/entities/candidates';
import { mergeMediaOutlets } from '../../../src/core/entities/organizations';
import { findCreditNames } from '../../../src/core/entities/people';
import { refineFacility } from '../../../src/core/entities/places';
import { findWorks, takeTitlesAroundNames, titlesAroundChosen } from '../../../src/core/entities/works';
import { toTraditional } from '../../../src/core/script';
import { assertEntity, labels, run } from './helpers';

const credits = (line: string): string[] => {
  const out: Candidate[] = [];
  findCreditNames(line, out);
  return out.map((c) => line.slice(c.start, c.end));
};

const works = (line: string): string[] => {
  const out: Candidate[] = [];
  findWorks(line, out);
  return out.map((c) => line.slice(c.start, c.end));
};

describe('entity post-rules', function () {
  this.timeout(60000);
  before(async () => {
    await warmUpEntities();
  });

  describe('works', () => {
    it('takes 《…》 and 〈…〉 with the brackets', () => {
      assert.deepEqual(works('他写了《红楼梦》的评论'), ['《红楼梦》']);
      assert.deepEqual(works('他在〈春〉一文中写道'), ['〈春〉']);
      assert.deepEqual(works('《甲》和《乙》'), ['《甲》', '《乙》']);
    });
    it('takes out the titles that hold a tagged name, and puts back those no chosen candidate cuts across', () => {
      const title: Candidate = { start: 2, end: 12, type: 'WORK', tier: 2, confidence: 1 };
      const empty: Candidate = { start: 20, end: 25, type: 'WORK', tier: 2, confidence: 1 };
      const name: Candidate = { start: 3, end: 6, type: 'LOC', tier: 1, confidence: 0.9 };
      const edge: Candidate = { start: 19, end: 21, type: 'LOC', tier: 1, confidence: 0.9 };
      const candidates = [title, empty, name, edge];
      assert.deepEqual(takeTitlesAroundNames(candidates), [title]);
      // A name across a bracket is not inside: that title stays to be resolved as before.
      assert.deepEqual(candidates, [empty, name, edge]);
      assert.deepEqual(titlesAroundChosen([title], [name]), [title]);
      const userWord: Candidate = { start: 0, end: 4, type: 'ORG', tier: 3, confidence: 1 };
      assert.deepEqual(titlesAroundChosen([title], [userWord, name]), []);
      assert.deepEqual(takeTitlesAroundNames([title, { ...name, tier: 1.5 }]), []);
    });
    it('needs the closing bracket on the same line', () => {
      assert.deepEqual(works('《未闭合的书名'), []);
    });
    it('wins over the names the tagger finds inside the title, unless WORK is off or the convention labels names inside titles', () => {
      const line = '根据《长江三角洲区域一体化发展规划纲要》要求';
      assert.deepEqual(labels(line, { entityConvention: 'cluener' }), ['WORK:《长江三角洲区域一体化发展规划纲要》']);
      assert.ok(labels(line, { entityConvention: 'cluener', entityTypes: ['PER', 'LOC', 'ORG', 'FAC'] }).includes('LOC:长江三角洲'));
      // MSRA labels names inside titles: the title holds them, first.
      assert.deepEqual(labels(line, { entityConvention: 'msra' }), ['WORK:《长江三角洲区域一体化发展规划纲要》', 'LOC:长江三角洲']);
      // Without a name inside, a title is a title in every convention.
      assert.deepEqual(labels('他写了《红楼梦》的评论', { entityConvention: 'msra' }).filter((s) => s.startsWith('WORK')), ['WORK:《红楼梦》']);
    });
  });

  describe('credits', () => {
    it('reads the names after a credit word and a colon', () => {
      assert.deepEqual(credits('（责编：李文治）'), ['李文治']);
      assert.deepEqual(credits('（编辑:王五）'), ['王五']);
      assert.deepEqual(credits('责任编辑：欧阳晓明'), ['欧阳晓明']);
    });
    it('reads several names separated by spaces or 、', () => {
      assert.deepEqual(credits('记者 张三 李四 报道'), ['张三', '李四']);
      assert.deepEqual(credits('摄影：刘明、陈红'), ['刘明', '陈红']);
    });
    it('needs a surname-led name of two or three characters ending there', () => {
      assert.deepEqual(credits('编辑：新华社'), []);
      assert.deepEqual(credits('记者从市政府获悉'), []);
      assert.deepEqual(credits('编辑部的工作'), []);
      assert.deepEqual(credits('主编：王小明同志说得好'), []);
    });
    it('needs the credit word at the start or after a separator', () => {
      assert.deepEqual(credits('这位特约记者：张三'), []);
      assert.deepEqual(credits('通讯：张三'), []);
    });
    it('reports the names in Traditional lines, with their Simplified form', () => {
      const hit = assertEntity('(責編:李文治)', '李文治', 'PER');
      assert.equal(hit.confidence, 1);
      assertEntity(toTraditional('记者 张三 李四 报道'), '張三', 'PER');
    });
  });

  describe('facilities', () => {
    const refine = (text: string, type: Candidate['type'] = 'LOC'): string => {
      const c: Candidate = { start: 0, end: text.length, type, tier: 1, confidence: 0.9 };
      refineFacility(text, c);
      return c.type;
    };
    it('reports a place ending with a facility suffix as FAC', () => {
      assert.equal(refine('嘉兴机场'), 'FAC');
      assert.equal(refine('京沪高铁'), 'FAC');
      assert.equal(refine('上海虹桥国际机场'), 'FAC');
      assert.equal(refine('人民大会堂'), 'FAC');
    });
    it('leaves other places, one-character suffixes and organisations alone', () => {
      assert.equal(refine('香港'), 'LOC');
      assert.equal(refine('机场'), 'LOC');
      assert.equal(refine('浙江'), 'LOC');
      assert.equal(refine('研究中心', 'ORG'), 'ORG');
    });
  });
});

describe('entity edges', function () {
  this.timeout(60000);
  before(() => warmUpEntities());

  it('a tagged name neither starts nor ends with a space or a symbol', () => {
    // The tagger once gave `Copyright © ` (with the space) as a person in a copyright line.
    for (const line of ['Copyright © 2024 新华网 版权所有', '© 2023 嘉興日報社 ©', '（责任编辑：陈晓 ）', '记者 王海涛 · 上海报道']) {
      for (const entity of run(line).filter((a) => a.kind === 'entity')) {
        assert.match(entity.text, /^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/u, `${line}: ${entity.label} ${JSON.stringify(entity.text)}`);
      }
    }
  });

  describe('media outlets', () => {
    const merged = (text: string, spans: [string, Candidate['type']][]): string[] => {
      const candidates: Candidate[] = spans.map(([name, type]) => {
        const start = text.indexOf(name);
        return { start, end: start + name.length, type, tier: 1, confidence: 0.5 };
      });
      return mergeMediaOutlets(text, candidates).map((c) => `${text.slice(c.start, c.end)}:${c.type}`);
    };
    it('joins places followed by a media suffix into one organisation', () => {
      assert.deepEqual(merged('来源：嘉兴日报', [['嘉兴', 'LOC']]), ['嘉兴日报:ORG']);
      assert.deepEqual(merged('来源：中国西藏网', [['中国', 'LOC'], ['西藏', 'LOC']]), ['中国西藏网:ORG']);
      // A one-character suffix only where a word ends.
      assert.deepEqual(merged('中国网民增多', [['中国', 'LOC']]), ['中国:LOC']);
    });
    it('makes a place the tagger ended with a media suffix of two characters or more an organisation', () => {
      assert.deepEqual(merged('来源：嘉兴日报', [['嘉兴日报', 'LOC']]), ['嘉兴日报:ORG']);
      assert.deepEqual(merged('来源：浙江电视台', [['浙江电视台', 'LOC']]), ['浙江电视台:ORG']);
      // Not the suffix alone, nor a one-character suffix (a place may end with 网 or 报 by chance).
      assert.deepEqual(merged('日报', [['日报', 'LOC']]), ['日报:LOC']);
      assert.deepEqual(merged('在中国网', [['中国网', 'LOC']]), ['中国网:LOC']);
    });
  });
});
