// One rule at a time, with positive and negative cases, each checked in Simplified and Traditional.
import { strict as assert } from 'node:assert';
import { warmUpEntities } from '../../../src/core/entities';
import { toTraditional } from '../../../src/core/script';
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

describe('entity rules', function () {
  this.timeout(60000);
  before(async () => {
    await warmUpEntities();
  });

  describe('places (gazetteer and segmenter)', () => {
    it('finds full and short administrative names', () => {
      found('张家口市发布通知', '张家口市', 'LOC');
      found('浙江省和江苏省交界', '浙江省', 'LOC');
      found('嘉兴持续发力全面融入长三角一体化发展', '嘉兴', 'LOC');
      found('他从浙江来', '浙江', 'LOC');
      found('在海宁举行会议', '海宁', 'LOC');
    });
    it('finds hand-listed regions and world places', () => {
      found('推动京津冀协同发展', '京津冀', 'LOC');
      found('建设粤港澳大湾区', '粤港澳大湾区', 'LOC');
      found('代表团抵达莫斯科', '莫斯科', 'LOC');
    });
    it('extends a place with an administrative suffix', () => {
      found('江主席访问了洛杉矶市', '洛杉矶市', 'LOC');
    });
    it('splits a place off a longer word', () => {
      found('促进东亚各国的合作', '东亚', 'LOC');
      found('日本首相出席会议', '日本', 'LOC');
    });
    it('does not take short county forms that are common words', () => {
      notFound('维护世界和平', '和平');
      notFound('南湖实验室新建项目', '新建');
    });
    it('rejects words the tagger calls places by mistake', () => {
      notFound('两国领导人举行会谈', '两国');
      notFound('他回国后工作', '回国');
      notFound('城市建设', '城市');
    });
  });

  describe('country and province abbreviations', () => {
    it('splits compounds of abbreviations', () => {
      assert.deepEqual(labels('中美两国'), ['LOC:中', 'LOC:美']);
      assert.deepEqual(labels('中俄关系发展顺利'), ['LOC:中', 'LOC:俄']);
      assert.deepEqual(labels(toTraditional('中俄关系发展顺利')), ['LOC:中', 'LOC:俄']);
    });
    it('finds the country in 访华 and 中方', () => {
      found('叶利钦总统访华', '华', 'LOC');
      found('中方表示欢迎', '中', 'LOC');
    });
    it('leaves abbreviation characters inside ordinary words', () => {
      notFound('新材料产业', '新');
      notFound('中间地带', '中');
    });
  });

  describe('organisations', () => {
    it('joins a place and an organisation suffix', () => {
      found('前不久召开的嘉兴市委九届二次全体会议', '嘉兴市委', 'ORG');
      found('浙江省教育厅发布通知', '浙江省教育厅', 'ORG');
      found('记者从嘉兴市政府获悉', '嘉兴市政府', 'ORG');
      found('南湖实验室新建项目', '南湖实验室', 'ORG');
    });
    it('keeps the tagger’s organisations and chains sub-units', () => {
      found('浙江大学长三角智慧绿洲创新中心首期开园', '浙江大学', 'ORG');
      found('招商银行上海分行', '招商银行上海分行', 'ORG');
      found('中共中央办公厅发出通知', '中共中央办公厅', 'ORG');
    });
    it('includes an ordinal and stops at a place before it', () => {
      found('中国共产党第十五次全国代表大会', '中国共产党第十五次全国代表大会', 'ORG');
      found('香港特别行政区第九届全国人民代表大会代表', '香港特别行政区', 'LOC');
      found('香港特别行政区第九届全国人民代表大会代表', '第九届全国人民代表大会', 'ORG');
    });
    it('splits an institution off a title word: 外交部长', () => {
      found('国务院副总理兼外交部长钱其琛', '外交部', 'ORG');
    });
    it('needs a name before a generic suffix', () => {
      notFound('办公室里很安静', '办公室');
      notFound('他在大学里学习', '大学');
      notFound('政府工作报告', '政府');
      notFound('两国政府签署协议', '两国政府', 'ORG');
    });
    it('rejects category words the tagger calls organisations', () => {
      notFound('加快构建区域协调发展的新格局', '新格局');
      notFound('各级党政机关要组织力量', '党政机关');
    });
  });

  describe('media', () => {
    it('finds newspapers and websites after a name', () => {
      found('来源: 嘉兴日报', '嘉兴日报', 'ORG');
      found('中国西藏网 > 即时新闻', '中国西藏网', 'ORG');
      found('人民日报评论员文章', '人民日报', 'ORG');
    });
    it('does not take 网 or 报 after ordinary words', () => {
      notFound('他每天上网看新闻', '上网');
      notFound('互联网企业', '互联网');
      notFound('浙北高等级航道网集装箱运输通道', '航道网', 'ORG');
      // 台 as a measure word after an abbreviation is no television station.
      const line = '浙北高等級航道網集裝箱運輸通道、蘇臺高速嘉興段等項目建設';
      assertNoEntity(line, '蘇臺', 'ORG');
      assertEntity(line, '蘇臺高速', 'FAC');
    });
  });

  describe('people', () => {
    it('takes the segmenter’s names when they look like names', () => {
      found('王小明说', '王小明', 'PER');
      found('欧阳修的文章', '欧阳修', 'PER');
    });
    it('finds a name after a title', () => {
      found('嘉兴市长三角一体化发展办公室党组书记、主任杨克建表示', '杨克建', 'PER');
      found('市长张伟在会上说', '张伟', 'PER');
      found('教授王小红指出', '王小红', 'PER');
    });
    it('finds names in credits', () => {
      found('（责编:李文治）', '李文治', 'PER');
      found('（编辑：王五）', '王五', 'PER');
      assert.deepEqual(labels('记者 张三 李四 报道'), ['PER:张三', 'PER:李四']);
    });
    it('finds the surname before a high title', () => {
      found('江主席会见了客人', '江', 'PER');
      assert.deepEqual(labels('王先生和李女士'), ['PER:王', 'PER:李']);
    });
    it('finds two-character names in lists and transliterated names', () => {
      assert.deepEqual(labels('李鹏、乔石、李瑞环出席'), ['PER:李鹏', 'PER:乔石', 'PER:李瑞环']);
      found('美国总统拜登会见客人', '拜登', 'PER');
      found('叶利钦总统在机场', '叶利钦', 'PER');
      found('帕巴拉·格列朗杰出席', '帕巴拉·格列朗杰', 'PER');
    });
    it('does not read function words or common words as names', () => {
      notFound('主任和副主任', '和副');
      notFound('代表由选举会议选举产生', '由选举');
      notFound('叶利钦总统的贺辞指出', '贺辞');
      notFound('共同建设跨省域高新区', '高新区', 'PER');
      notFound('编辑部的工作', '部的');
    });
  });

  describe('works', () => {
    it('takes 《…》 and 〈…〉 with the brackets', () => {
      found('他写了《红楼梦》的评论', '《红楼梦》', 'WORK');
      found('他在〈春〉一文中写道', '〈春〉', 'WORK');
      assert.deepEqual(labels('《甲》和《乙》'), ['WORK:《甲》', 'WORK:《乙》']);
    });
    it('needs the closing bracket', () => {
      assert.deepEqual(
        labels('《未闭合的书名').filter((s) => s.startsWith('WORK')),
        [],
      );
    });
  });

  describe('facilities', () => {
    it('finds named projects and facilities', () => {
      found('跨越长江和杭州湾的通苏嘉甬高铁开工建设', '通苏嘉甬高铁', 'FAC');
      found('虹桥国际开放枢纽南向拓展带', '虹桥国际开放枢纽', 'FAC');
      found('嘉兴机场项目实现开工建设', '嘉兴机场', 'FAC');
      found('加快推进沪苏嘉城际铁路建设', '沪苏嘉城际铁路', 'FAC');
      found('京沪高铁运营', '京沪高铁', 'FAC');
      found('上海虹桥国际机场', '上海虹桥国际机场', 'FAC');
    });
    it('does not swallow the organisation that runs a facility', () => {
      assert.deepEqual(labels('浙江大学长三角智慧绿洲创新中心首期开园'), ['ORG:浙江大学', 'FAC:长三角智慧绿洲创新中心']);
    });
    it('needs a name before the suffix', () => {
      notFound('交通枢纽建设', '交通枢纽');
      notFound('公园里很热闹', '公园');
      notFound('购物中心很热闹', '购物中心', 'FAC');
    });
  });
});
