// Literal building blocks of generated news text: prose sentences, legit parentheticals, glosses and junk lines.

/**
 * Traditional prose sentences. Most are one run of text; a few have a dateline space or the ASCII commas scraped
 * articles often use, which split a sentence into several segments for the spam scorer.
 */
export const TRADITIONAL_SENTENCES: readonly string[] = [
  '接軌大上海，融入長三角，嘉興正加速構建區域協調發展的新格局。',
  '前不久召開的嘉興市委九屆二次全體(擴大)會議審議通過了實施意見。',
  '據國家統計局(2023)年度公報，全市完成固定資產投資102.54億元。',
  '王(Wang)表示，新發展階段的重點項目已經全面開工建設。',
  '過去一年，杭海城際鐵路西延項目通過預可研專家評審。',
  '浙江大學國際聯合學院(海寧)國際合作教育樣板區建設方案獲國家層面印發。',
  '記者從市發展和改革委員會獲悉，全年經濟增長目標已經實現。',
  '今年前三季度，全省進出口總額同比增長百分之五點二。',
  '專家認為，數字貿易創新發展區將為區域經濟注入新的動能。',
  '該市持續推進城鄉一體化，農村居民人均可支配收入穩步提高。',
  '蘋果公司(Apple)發布的新款手機在香港市場銷量領先。',
  '南湖實驗室新建項目(一期)等標誌性項目建成投用。',
  '嘉興日報訊 記者張三報道，近日嘉興召開全市經濟工作會議。',
  '接軌大上海,融入長三角,嘉興在更高質量一體化發展道路上加速奔跑。',
];

/** Simplified prose sentences, written to the same rules. */
export const SIMPLIFIED_SENTENCES: readonly string[] = [
  '新华社北京1月16日电，国务院新闻办公室今天举行新闻发布会。',
  '国家统计局(2023)年度数据显示，全国粮食总产量再创新高。',
  '李(Li)指出，要坚持稳中求进工作总基调，推动经济高质量发展。',
  '省委十四届三次全体(扩大)会议在杭州召开，审议通过了工作报告。',
  '今年以来，长三角地区新能源汽车产量同比增长三成以上。',
  '记者从市交通运输局了解到，地铁三号线将于年底前开通运营。',
  '专家表示，数字经济已经成为推动区域发展的重要引擎。',
  '该项目总投资超千亿元，预计二〇二五年全面建成投用。',
  '据介绍，全市新建改建农村公路一千二百公里，惠及群众五十余万人。',
  '世界卫生组织(WHO)发布报告称，全球疫苗接种率稳步提升。',
  '会议要求各地区(各部门)认真落实安全生产责任制。',
  '该公司第三季度营业收入为3.6亿元(同比增长12%)。',
  '新华社北京1月16日电 记者张三报道，国务院常务会议今天召开。',
  '过去一年,全市新增就业岗位十二万个,城镇调查失业率保持稳定。',
];

/** Headlines: real text without sentence punctuation, in both scripts. */
export const TITLES: readonly string[] = [
  '嘉興持續發力全面融入長三角一體化發展',
  '國務院常務會議部署穩經濟措施',
  '中国经济稳步回升',
  '长三角一体化发展取得新进展',
];

/** Parentheticals inside the sentences above that are text, not junk: every one of them must survive `clean`. */
export const LEGIT_PARENTHETICALS: readonly string[] = [
  '(擴大)', '(2023)', '(Wang)', '(海寧)', '(Apple)', '(一期)', '(Li)', '(扩大)', '(WHO)', '(各部门)', '(同比增长12%)',
];

/** Correct tone-marked readings of characters that occur in the sentences: a gloss a spam mirror would insert. */
export const GLOSSES: Readonly<Record<string, string>> = {
  網: 'wǎng', 网: 'wǎng', 發: 'fā', 发: 'fā', 國: 'guó', 国: 'guó', 經: 'jīng', 经: 'jīng', 會: 'huì', 会: 'huì',
  區: 'qū', 区: 'qū', 進: 'jìn', 进: 'jìn', 設: 'shè', 设: 'shè', 現: 'xiàn', 现: 'xiàn', 質: 'zhì', 质: 'zhì',
  產: 'chǎn', 产: 'chǎn', 業: 'yè', 业: 'yè', 實: 'shí', 实: 'shí', 動: 'dòng', 动: 'dòng', 展: 'zhǎn', 城: 'chéng',
  市: 'shì', 新: 'xīn', 長: 'cháng', 长: 'zhǎng', 濟: 'jì', 济: 'jì', 項: 'xiàng', 项: 'xiàng', 建: 'jiàn', 增: 'zēng',
  議: 'yì', 议: 'yì', 體: 'tǐ', 体: 'tǐ', 數: 'shù', 数: 'shù', 總: 'zǒng', 总: 'zǒng', 年: 'nián', 全: 'quán',
  投: 'tóu', 資: 'zī', 资: 'zī', 記: 'jì', 记: 'jì', 員: 'yuán', 员: 'yuán',
};

/** Junk a scraper leaves inside a line of prose, even inside a word; `clean` removes each of these completely. */
export const INLINE_JUNK: readonly string[] = [
  '\u200b', '\u200c', '\u2060', '\ufeff', '\u200b\u200b', '<b>', '</b>', '<strike id="qc0qw"></strike>',
  '<span class="hl">', '</span>', '<br/>', '<!-- ad -->', '<font color="red">', '</font>', '锟斤拷', '錕斤拷锟斤拷',
  '\ufffd', '\u0007', '&ensp;', '&#8203;',
];

/** HTML entities `clean` replaces by their character (a space for `&nbsp;`): they only go between sentences. */
export const ENTITY_JUNK: readonly string[] = ['&nbsp;', '&#160;', '&nbsp;&nbsp;', '&#x3000;', '&emsp;', '&quot;', '&#20013;'];

/** SEO spam keywords as spam mirrors glue them together. */
export const SPAM_TERMS: readonly string[] = [
  '久久国产精品', '日韩人妻无码免费视频一区二区三区', '麻豆成人精品国产免费', '亚洲精品成人片在线播放',
  '国产精品无码不卡一区二区三区', '国产精品亚洲а∨天堂2021', '无码精品人妻一区二区三区中', '国产精品麻豆VA在线播放',
  '亚洲AⅤ永久无码精品AA', '欧洲精品一区二区三区在线观看', '澳门金沙娱乐城﹣百度', '真人百家乐', '北京赛车pk10',
  '六合彩特码', '深夜大秀直播APP', '国产成人精品久久', '日韩无码在线观看', '亚洲av天堂',
];

/** How spam keywords are joined on a keyword line. */
export const SPAM_SEPARATORS: readonly string[] = ['|', '| ', ',', '_', '﹣', ' | '];

/** Whole lines of page furniture: copyright notices, editor credits, breadcrumbs, bars, markup and mojibake. */
export const JUNK_LINES: readonly string[] = [
  '版權所有：嘉興日報社　未經授權不得轉載',
  'Copyright © 2023 新華網 All Rights Reserved.',
  '京ICP備12345678號-1',
  '版权声明：本文仅代表作者观点，转载请注明出处。',
  '責任編輯：王萍',
  '（責任編輯：李明）',
  '编辑：张三 校对：李四',
  '中國西藏網(wǎng) > 即時新聞 > 地方',
  '首页 > 新闻中心 > 国内新闻',
  '当前位置：首页 > 要闻',
  '首頁 | 新聞中心 | 聯繫我們 | 網站地圖',
  '【打印本页】【关闭窗口】',
  '分享到：微信 微博 QQ空间',
  '上一篇：嘉興召開全市經濟工作會議',
  '<strike id="qc0qw"></strike>',
  '  • <strike id="qc0qw"><menu id="qc0qw"></menu></strike>',
  '• ',
  '&nbsp;&nbsp;&nbsp;',
  '<div class="content">',
  '锟斤拷锟斤拷锟斤拷',
  '\u200b\u200b',
];

/** A tag split over two lines, as a scraper breaks long tags. */
export const SPLIT_TAG: readonly [string, string] = ['<div class="article"', 'id="main">'];

/** Lines that are neither prose sentences nor junk: metadata is annotated but never removed. */
export const NEUTRAL_LINES: readonly string[] = [
  '發布時間:2023-01-16 11:13:00來源: 嘉興日報',
  '来源：新华网',
  '2023-01-16 11:13',
];

/** Indentation a scraped paragraph starts with. */
export const INDENTS: readonly string[] = ['', '', '    ', '\u3000\u3000', '\t', '  '];
