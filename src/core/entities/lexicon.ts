// General word lists of the entity rules (Simplified Chinese): surnames, titles, organisation,
// media and facility suffixes. These are closed classes of the language, not names from any text.

/** A set of single characters with a table lookup (hot paths test one character per word). */
export class CharSet implements Iterable<string> {
  private readonly table = new Uint8Array(65536);
  private readonly members: string[];

  constructor(characters: string) {
    this.members = [...new Set(Array.from(characters.replace(/\s+/g, '')))];
    for (const ch of this.members) this.table[ch.charCodeAt(0)] = 1;
  }

  /** True for a one-code-unit string in the set. */
  has(ch: string): boolean {
    return ch.length === 1 && this.table[ch.charCodeAt(0)] === 1;
  }

  hasCode(code: number): boolean {
    return this.table[code] === 1;
  }

  [Symbol.iterator](): Iterator<string> {
    return this.members[Symbol.iterator]();
  }
}

const chars = (s: string): CharSet => new CharSet(s);
const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Common single-character surnames (about the 300 most frequent). */
export const SURNAMES = chars(`
王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任
沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫
孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌
毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦
褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查
麻苑迟邝官封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠朴练廉禹井祖漆巴丰支卿狄
计索宣晋相初扈晁芮阙浦戈伏鹿薄邸雍辜羊乌母裘亓邰赫况宿鲜逯隆茹诸战慕危亢嵇哈湛宾戎勾茅揭尉斯束檀衣
阴昝幸奉植衡尧由钮蔚牧洪习逄丘汝宦刀经
`);

/**
 * Surnames that are also very common words or word-starts (和, 高, 文, 时 …): a name starting with
 * one of them needs context (a title, a credit, a list of names) besides the segmenter's say-so.
 */
export const AMBIGUOUS_SURNAMES = chars(`
高文成安万向于从方白常全平明时都海南国和华关金石江连解路乐强花门元信展公利但干云容敬来普宁
党应师商相初伏鲜危宾战管车项古司农简景宫费席宗全边谈官封东西北左右上下中前后新老大小汝刀经
`);

/** Two-character surnames. */
export const DOUBLE_SURNAMES = words(`
欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 令狐 慕容 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 百里
呼延 赫连 澹台 公冶 太史 申屠 钟离 闻人 万俟 濮阳 仲孙 单于 东郭 左丘 拓跋
`);

/**
 * Characters typical of transliterated foreign names (克林顿, 普里马科夫 …). A run made only of
 * them, three characters or more, reads as a foreign name when the segmenter marks it as a name
 * or leaves it unknown.
 */
export const TRANSLIT = chars(`
阿埃艾爱安奥巴拜班邦贝本比彼宾波伯博布查达戴丹道德迪蒂丁杜多厄恩法菲费芬弗福盖甘冈戈格贡古哈海汉豪赫亨
胡华霍基吉加贾杰金卡凯坎康柯科克肯库拉莱赖兰朗劳勒雷里利莉林琳卢鲁伦罗洛马迈麦曼梅蒙米明莫姆穆纳内尼涅
努诺帕潘佩皮普齐奇契乔切琼萨塞桑瑟森沙舍什施斯松苏索塔泰坦汤唐特图托瓦万威维温沃乌伍西希谢辛休雅亚扬耶
伊因尤约泽扎詹兹佐娃娜娅夫茨丽莎斐尔钦顿赖默黛茜妮露琪薇娜蕾琳莲纳普兰奎廷吉利蓬隆颂猜差瓦披塞登
`);

/** Function characters that never occur in given names (的, 了, 在 …). */
export const NOT_IN_GIVEN_NAME = chars(`
的了在是和与及或等说对为将把被从向到也都就还又而但却则这那些个们着过地得所很更最太已曾再才只仅均各每某该此
区县省局部委处镇乡街厅署会
`);

/**
 * Characters that, right after a title, more likely start the next word than continue a name
 * (市长在会上 …): used when a name is read from raw text rather than from the segmenter.
 */
export const NOT_IN_GIVEN_NAME_AFTER_TITLE = chars(`
年月日时分秒元亿万千百十两几多少第号次位名人届一二三四五六七八九零〇上下前后里外中内间省市县区镇乡村路街
以于由自因如若并且其之表指认强介透称回告谈提宣会接看主出致讲发签访率说
`);

/**
 * Titles and forms of address. Before a name (主任杨克建) or after it (杨克建书记) they make a
 * surname-led word a person's name.
 */
export const TITLES = words(`
书记 副书记 总书记 主任 副主任 常务副主任 市长 副市长 省长 副省长 县长 副县长 区长 副区长 镇长 乡长 村长
州长 局长 副局长 厅长 副厅长 部长 副部长 处长 副处长 科长 院长 副院长 校长 副校长 所长 社长 站长 行长 副行长
董事长 副董事长 总经理 副总经理 经理 总裁 副总裁 总监 首席执行官 主席 副主席 委员长 副委员长 委员 常委
总理 副总理 总统 副总统 首相 副首相 国王 女王 王子 公主 亲王 大使 公使 参赞 领事 总领事 议员 议长 参议员
众议员 发言人 秘书长 副秘书长 秘书 司令 司令员 副司令员 政委 参谋长 将军 上将 中将 少将 大校 上校 中校
少校 教授 副教授 研究员 博士 医生 医师 院士 老师 教师 先生 女士 小姐 同志 夫人 记者 编辑 主编 总编 总编辑
副总编辑 律师 法官 检察长 检察官 警官 队长 教练 主教练 选手 运动员 主持人 作家 导演 演员 歌手 画家 厂长
团长 军长 师长 旅长 馆长 会长 副会长 理事长 董事 监事 创始人 负责人 总工程师 工程师 党组书记 组长 副组长
书记员 大法官 特首 特使 代表 外长 外交部长 国务卿 防长 财长 总干事 主教 教皇 法师 大师 烈士 阁下
`);

/** Titles that may directly follow a bare surname (江主席, 李总理): only high offices. */
export const SURNAME_TITLES = words(`
主席 总理 副总理 总统 副主席 委员长 总书记 书记 部长 省长 市长 局长 主任 院长 校长 教授 老师 先生 女士
`);

/** Verbs of speech and similar words that often follow a person's name. */
export const AFTER_NAME = words(`
说 表示 指出 认为 强调 介绍 透露 称 说道 问道 回忆 告诉 谈到 提出 宣布 会见 会晤 接见 看望 主持 出席 致辞
讲话 发言 等 同志 先生 女士 夫妇 一行 本人 签署 访问 率领 率团
`);

/** Words that introduce author credits: 责编：李文治, 记者 张三. */
export const CREDIT_WORDS = [
  '责任编辑', '责编', '编辑', '记者', '通讯员', '作者', '摄影', '摄', '撰稿', '撰文', '文', '图', '校对', '审核',
  '审校', '主编', '编审', '监制', '编译', '实习生', '报道员', '供稿', '执笔', '翻译', '译', '口述', '整理',
];

/**
 * Organisation suffixes: a token equal to (or, for the longer ones, ending with) one of them ends
 * an organisation name when it follows proper-name material (嘉兴市委, 浙江大学, 南湖实验室).
 */
export const ORG_SUFFIXES = words(`
大学 学院 学校 中学 小学 幼儿园 研究院 研究所 研究中心 研究会 实验室 科学院 工程院 社科院 党校 委员会 常委会
委 市委 县委 省委 区委 党委 纪委 团委 党组 办公室 办公厅 办事处 公司 有限公司 股份公司 集团 银行 医院 局 厅
部 署 处 法院 检察院 国务院 参议院 众议院 议院 议会 国会 政府 人民政府 党 共产党 协会 学会 商会 工会 联合会
基金会 理事会 代表大会 大会 委员会 总会 分会 同学会 联谊会 促进会 工商联 政协 人大 军区 部队 舰队 俱乐部
事务所 交易所 联盟 组织 中央 政治局 书记处 主席团 筹委会 管委会 居委会 村委会 合作社 出版社 杂志社 报社
通讯社 新闻社 电视台 广播电台 电台 日报 晚报 早报 时报 周刊 商报 法制报 报 网 台 所 站 社 队 团 军 分行 支行 分公司
子公司 分局 分院 分社 分部 分校 总部 总局 总公司 总行 总社 使馆 大使馆 领事馆 总领事馆 代表处 代表团
`);

/** One-character institution suffixes that end longer words: 教育厅, 统计局, 财政部, 发改委. */
export const INSTITUTION_WORD_ENDS = chars('厅局部委处署院办');

/** Suffixes that only count when the material before them is made of names alone (中国西藏网, 人民网). */
export const WEAK_ORG_SUFFIXES = words(`网 台 所 站 社 队 团 军 报 中央`);

/** Media-outlet suffixes: an outlet is an ORG (嘉兴日报, 中国西藏网). */
export const MEDIA_SUFFIXES = words(`日报 晚报 早报 时报 周刊 商报 报 网 电视台 广播电台 电台 通讯社 新闻社 杂志 杂志社 报社`);

/** Facility and project suffixes (通苏嘉甬高铁, 虹桥国际开放枢纽, 嘉兴机场). */
export const FAC_SUFFIXES = words(`
高铁 铁路 城际铁路 城际 轻轨 地铁 机场 国际机场 港 港口 码头 枢纽 大桥 桥 隧道 高速 高速公路 公路 大道
水库 大坝 电站 核电站 园 园区 产业园 科技园 工业园 公园 广场 大厦 中心 体育馆 体育场 博物馆 纪念馆 图书馆
展览馆 美术馆 剧院 大剧院 宾馆 饭店 酒店 旅馆 新城 科技城 走廊 航道 运河 基地 大会堂 会堂 礼堂
`);

/** Generic modifiers allowed between a name and a facility or organisation suffix. */
export const GENERIC_MODIFIERS = words(`
国际 开放 综合 交通 航空 物流 国家 城际 市域 高速 智慧 现代 科技 创新 经济 生态 文化 体育 会展 商务 金融
数字 信息 产业 工业 农业 高新 技术 开发 发展 一体化 合作 联合 人民 自然 历史 民族 友好 中心
`);

/** Institution characters: an abbreviation ending with one is an organisation (立法会, 东盟, 外办, 政协). */
export const INSTITUTION_CHARS = chars('会局署司院部委办厅处联盟协社团校行');

/** Words after two country abbreviations inside one word (中俄关系, 中美贸易): the abbreviations are places. */
export const BILATERAL_WORDS = words(`
关系 友好 合作 两国 双方 边界 边境 联合 贸易 经贸 首脑 峰会 会谈 战略 双边 关系史 对话 磋商 协定 协议 条约
`);

/**
 * Well-known international and national organisations usually written without a suffix the rules
 * could see (a closed list of institutions, like the world part of the gazetteer).
 */
export const KNOWN_ORGS = words(`
联合国 安理会 联合国安理会 东盟 欧盟 非盟 阿盟 北约 欧佩克 世贸组织 世界贸易组织 世界银行 亚洲开发银行 亚投行
国际货币基金组织 亚太经合组织 上海合作组织 上合组织 金砖国家 世界卫生组织 世卫组织 国际奥委会 奥委会
红十字会 国际红十字会 联合国教科文组织 教科文组织 经合组织 七国集团 二十国集团 国际原子能机构 国际刑警组织
国际足联 亚足联 欧洲央行 美联储 国务院 中共中央 中央军委 全国人大 全国政协 人大常委会 全国人大常委会 新华社
中新社 人民日报 人民网 新华网 央视 中央电视台 中央人民广播电台 国际广播电台 美联社 路透社 法新社 彭博社
共同社 塔斯社 英国广播公司 美国有线电视新闻网 最高人民法院 最高人民检察院 中国人民银行 国家发改委 发改委
`);

/** Generic geographic nouns that jieba tags as places (城市, 内地, 西部): never a name on their own. */
export const GENERIC_PLACE_NOUNS = words(`
城市 都市 大都市 大城市 中小城市 城镇 海岛 岛屿 内地 西部 东部 南部 北部 中部 中西部 东北部 西北部 东南部
西南部 南北 东西 沿海 内陆 边疆 边境 山区 农村 乡村 城乡 郊区 市区 城区 地区 全国 全球 世界 各地 当地 本地
外地 异地 海外 国外 境外 国内 境内 山水 港口 机场 首都 省会 国土 领土 大陆 本土 家乡 故乡 老家 他乡 异乡
天下 人间 国门 边陲 腹地 前沿 中心 新旧 南南 东方 西方 桥头堡
`);

/** Words right before a place: 在, 到, 赴, 来自, 位于 … (evidence for places the gazetteer lacks). */
export const BEFORE_PLACE = words(`在 到 从 赴 往 至 于 经 抵 抵达 来到 来自 位于 前往 访问 离开 途经 飞往 返回 回到 驻 去 由 自 （ ( 、 和 与 及`);

/** Words right after a place: 市, 地区, 一带, 人 … (evidence for places the gazetteer lacks). */
export const AFTER_PLACE = words(`省 市 县 区 州 镇 乡 村 地区 一带 境内 附近 周边 当地 人 人民 政府 当局 方面 之间 和 与 、 及 等地 以东 以西 以南 以北 沿岸 举行 召开 ） ) ， 。 ； 等`);

/** Place-name suffixes that extend a place name (嘉兴 + 市, 乌 + 镇). */
export const LOC_SUFFIXES = words(`省 市 县 区 州 镇 乡 村 旗 盟 岛 湾 特区 新区 自治区 自治州 自治县 地区`);

/** Words that scope an organisation and may start it: 全国政协, 国家计委, 中央电视台. */
export const ORG_SCOPE_WORDS = words(`全国 国家 中央 国际 世界 地方 省级 市级 县级 中共 中国 全球 亚洲 欧洲`);

/** Verbs that attach a country abbreviation: 访华, 驻美, 来京. */
export const ABBREV_VERBS = chars('访来驻赴抵离旅在返回');

/** Suffixes after a person's name inside one segmenter word: 邓小平理论, 毛泽东思想. */
/** Category nouns: an organisation word ending with one is generic (党政机关, 国际组织) unless a name precedes it. */
export const GENERIC_ORG_HEADS = [
  '机关', '组织', '院所', '场所', '团体', '部门', '单位', '企业', '机构', '政党', '党派', '关系', '进展', '格局', '布局',
  '结局', '大局', '全局', '时局', '政局', '僵局', '开局', '新局', '社会', '机会', '大会', '会议',
];

/** Words after a place inside one segmenter word that are not part of the place (东亚各国, 香港回归). */
export const PLACE_WORD_TAILS = words(`各国 地区 国家 一带 沿岸 人民 市民 同胞 回归 问题 政府 当局 方面 境内 全境 各地 特区`);

export const NAME_WORD_SUFFIXES = ['理论', '思想', '同志', '主席', '总理', '总统', '先生', '女士', '教授', '书记'];
