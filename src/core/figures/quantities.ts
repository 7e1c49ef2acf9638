// Words around a number: measure words and units (個, 項, 公里, 噸), percent signs and percentage points.
import { WordTable } from './wordtable';

/**
 * How freely a unit may follow a Chinese numeral: 'any' (15個, 兩個, 三年); 'measure' also after a lone 一,
 * because it measures something (一公里, 一噸, 一倍) while 一個/一批/一年 are ordinary words; 'arabic' only
 * after Arabic digits (5分 but 十分 "very", 5角 but 長三角 a place).
 */
export type UnitUse = 'any' | 'measure' | 'arabic';

const ANY: UnitUse = 'any';
const MEASURE: UnitUse = 'measure';
const ARABIC: UnitUse = 'arabic';

const CLASSIFIERS =
  '個 个 項 项 家 人 名 位 次 件 台 臺 輛 辆 架 艘 條 条 座 所 棟 栋 幢 套 戶 户 種 种 類 类 批 場 场 輪 轮 份 頁 页 ' +
  '張 张 本 部 篇 支 隻 只 頭 头 匹 株 棵 顆 颗 間 间 層 层 級 级 歲 岁 周歲 周岁 例 起 宗 筆 笔 道 段 處 处 片 塊 块 根 ' +
  '封 枚 粒 首 期 列 箱 袋 瓶 床 票 國 国 省 市 縣 县 地 人次 架次 車次 车次 戶次 户次 屆次 届次 ' +
  '年 月 日 天 周 週 星期 個星期 个星期 小時 小时 個小時 个小时 鐘頭 钟头 分鐘 分钟 秒 秒鐘 秒钟 個月 个月 ' +
  '周年 週年 年級 年级 季度 個季度 个季度 個工作日 个工作日 工作日 世紀 世纪 代 輩 辈';

const MEASURES =
  '倍 公里 千米 米 厘米 毫米 公尺 平方米 平方公里 平方千米 平米 立方米 畝 亩 公頃 公顷 噸 吨 千克 公斤 克 斤 升 毫升 ' +
  '千瓦 兆瓦 吉瓦 千瓦時 千瓦时 瓦 度 千伏 英里 海里 英尺 英寸 標箱 标箱 標準箱 标准箱 攝氏度 摄氏度 ℃ °C';

/** Measures that are also ordinary words after 一 (一度 "once"): usable after other numerals only. */
const NOT_AFTER_ONE = new Set(['度', '瓦', '米', '克', '斤', '升']);

/** Units after a numeral, with how they may be used. */
export const UNITS = new WordTable<UnitUse>([
  ...CLASSIFIERS.split(' ').map((w) => [w, ANY] as const),
  ...MEASURES.split(' ').map((w) => [w, NOT_AFTER_ONE.has(w) ? ANY : MEASURE] as const),
  ['分', ARABIC],
  ['角', ARABIC],
  ['點', ARABIC],
  ['点', ARABIC],
]);

/** Latin units glued to or spaced after Arabic digits: 10km, 5 kg, 300MW. */
export const LATIN_UNIT =
  /[ \u00A0]?(km²|km2|m²|m2|km|kg|cm|mm|kWh|kW|MW|GW|TEU|GB|TB|MB|ml|mL|m|tonnes|tonne|tons|ton|barrels|kilometres|kilometers|miles|hectares|acres|square kilometres|square kilometers|square miles)(?![A-Za-z0-9])/y;

/** Time units: 近3年 is "the past three years", not "nearly three years". */
export const TIME_UNITS = new Set([
  '年', '月', '日', '天', '周', '週', '星期', '個星期', '个星期', '個月', '个月', '季度', '個季度', '个季度',
  '小時', '小时', '個小時', '个小时', '周年', '週年',
]);

/** Percent signs and the divisor they stand for. */
export const PERCENT_SIGNS = new WordTable<number>([
  ['%', 100], ['％', 100], ['‰', 1000], ['‱', 10000], [' percent', 100], [' per cent', 100], ['percent', 100], ['pct', 100],
]);

/** Percentage points: 5個百分點 → QUANTITY 5, unit 百分點 (the unit is the word after 個/个). */
export const POINT_WORDS = new WordTable<string>([
  ['個百分點', '百分點'], ['个百分点', '百分点'], ['百分點', '百分點'], ['百分点', '百分点'],
  ['percentage points', 'percentage points'], [' percentage points', 'percentage points'],
  ['percentage point', 'percentage points'], [' percentage point', 'percentage points'],
]);

/** 百分之/千分之/萬分之 before a number, and the divisor they stand for. */
export const PER_PREFIXES = new WordTable<number>([
  ['百分之', 100], ['千分之', 1000], ['萬分之', 10000], ['万分之', 10000],
]);
