// The spam lexicon (porn, gambling, fake goods, lottery) with weights, and a folding matcher that also finds Traditional and look-alike spellings.
import { scriptClassOf, simplifiedUnits } from '../script';

/*
 * Terms are written in Simplified Chinese and lower-case ASCII. Lines are matched through a fold table that maps
 * Traditional characters to Simplified (one character to one, from opencc's dictionary), full-width and upper-case
 * Latin to lower-case ASCII and look-alikes (Cyrillic а, ∨, Ⅴ, √ …) to the letter they imitate, so 無碼, 國產,
 * 百家樂, ＡＶ and а∨ are found by 无码, 国产, 百家乐 and av.
 *
 * Weights: 3 = unambiguous spam, 2 = common in spam and rare in news, 1 = also ordinary vocabulary (only counts
 * together with stronger evidence), 0 = an ordinary phrase that contains a spam term (成人教育, 金沙江, 澳门特区):
 * the longest match wins, so it shields the shorter term. Political and ordinary news vocabulary is deliberately
 * absent: it can never add to a spam score.
 */
const STRONG = [
  // porn
  '无码', '有码', '人妻', '啪啪', '麻豆', '蜜臀', '色欲', '内射', '一区二区', '二区三区', '三区四区', '久久精品',
  '精品久久', '国产精品', '精品国产', '日韩av', '国产av', '亚洲av', '欧美av', '成人av', 'av天堂', 'av在线', '成人网站',
  '成人视频', '成人电影', '成人影院', '成人影片', '成人片', '成人小说', '黄色网站', '黄色视频', '黄色电影', '色情片',
  '色情网站', '三级片', '毛片', '黄片', 'a片', '女优', '自拍偷拍', '偷拍自拍', '熟女', '巨乳', '爆乳', '口交', '约炮',
  '裸聊', '色站', '撸撸', '天天射', '夜夜操', '骚逼', '肉棒', '东京热', '一本道', '波多野', '苍井空', '无遮挡',
  '香蕉视频', '草莓视频', '秋葵视频', '丝瓜视频', '蜜桃视频', '做爱视频', 'porn', 'xxx', '18禁',
  // gambling and lottery
  '百家乐', '娱乐城', '老虎机', '葡京', '金沙娱乐', '太阳城', '网上赌场', '线上赌场', '在线赌场', '网络赌场',
  '真人荷官', '真人娱乐', '真人视讯', '真人百家', '时时彩', '北京赛车', '北京pk10', '六合彩', '特码', '赌球',
  '皇冠体育', 'bet365', '菠菜网', '博彩网', '体育投注', '棋牌游戏', '捕鱼游戏', '电子游艺', '彩票平台', '彩票网',
  '彩票app', '娱乐官网', '注册送', '首存', '彩金',
  // fake goods, invoices, papers
  '代开发票', '发票代开', '办假证', '高仿', '精仿', 'a货', '复刻表',
];
const MEDIUM = [
  '精品', '久久', '成人', '日韩', '欧美', 'av', 'sex', '在线观看', '免费观看', '免费视频', '在线播放', '在线视频',
  '高清视频', '福利视频', '福利', '中文字幕', '一区', '二区', '三区', '夜色', '午夜', '激情', '诱惑', '色情', '调教',
  '乱伦', '性爱', '私人影院', '线上看', '免费看', '无删减', '天天干', '壮阳', '伟哥', '春药', '催情', '迷药', '赌场', '博彩',
  '威尼斯人', '银河娱乐', '娱乐平台', '返水', '代开', '原单', '精品区',
];
const WEAK = [
  '国产', '亚洲', '视频', '免费', '在线', '观看', '高清', '下载', 'app', 'vip', 'hd', '导航', '影院', '影片', '电影',
  '天堂', '动漫', '直播', '主播', '美女', '性感', '网红', '深夜', '秒拍', '小说', '丝袜', '蜜桃', '淫秽', '赌博',
  '澳门', '金沙', '彩票', '运彩', '投注', '下注', '赔率', '开户', '官网', '永利', '皇冠', '名表', '复刻', '一比一',
  '办证', '刻章', '外挂', '私服', '刷单', '代孕',
];
/** Ordinary phrases that contain a spam term; as longer matches they shield it. */
const SAFE = [
  '成人教育', '成人高考', '成人高等', '成人礼', '成人仪式', '长大成人', '成人用品', '澳门特区', '澳门特别行政区', '澳门回归',
  '澳门大学', '澳门居民', '澳门同胞', '澳门政府', '金沙江', '金沙县', '金沙遗址', '金沙镇', '亚洲杯', '亚洲开发银行',
  '亚洲基础设施投资银行', '亚洲运动会', '亚洲文明', '精品课程', '精品旅游', '精品线路', '精品工程', '精品项目', '精品民宿',
  '视频会议', '视频连线', '视频讲话', '视频通话', '福利院', '社会福利', '福利彩票', '体育彩票', '福利待遇', '员工福利',
  '国产化', '国产大飞机', '国产航母', '国产疫苗', '国产芯片', '国产品牌', '免费医疗', '免费午餐', '免费义诊', '免费开放',
  '办证大厅', '办证中心', '在线教育', '在线办理', '在线服务', '在线政务', '在线课程', '直播带货', '日韩关系', '中日韩',
  '日韩两国', '欧美国家', '欧美日', '人间天堂', '动漫产业', '动漫节', '网红经济', '博彩业', '博彩税', '博彩监察',
  '高清晰', '电影节', '电影院线', '电影票房', '午夜场', '打击赌博', '禁毒', '久久为功',
];

export interface LexiconHit {
  start: number;
  end: number;
  weight: number;
  /** The lexicon term (Simplified, lower-case) or the user's literal term. */
  term: string;
}

/** Character classes, indexed by UTF-16 code unit. */
export const CLASS_SIMPLIFIED_ONLY = 1;
export const CLASS_TRADITIONAL_ONLY = 2;
export const CLASS_LOOKALIKE = 4;
export const CLASS_FULLWIDTH_LATIN = 8;
export const CLASS_CJK = 16;
export const CLASS_LATIN_OR_DIGIT = 32;

/** Look-alike characters spam uses to dodge filters, and the letter each one imitates. */
const LOOKALIKES: Record<string, string> = {
  'а': 'a', 'А': 'a', 'е': 'e', 'Е': 'e', 'о': 'o', 'О': 'o', 'р': 'p', 'Р': 'p', 'с': 'c', 'С': 'c', 'х': 'x',
  'Х': 'x', 'у': 'y', 'к': 'k', 'К': 'k', 'М': 'm', 'Т': 't', 'Н': 'h', 'В': 'b', 'ѕ': 's', 'і': 'i', 'ј': 'j',
  'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p', 'Τ': 't', 'Χ': 'x', 'ο': 'o',
  'ν': 'v', 'α': 'a', '∨': 'v', '√': 'v', 'ⅴ': 'v', 'Ⅴ': 'v', 'Ⅹ': 'x', 'ⅹ': 'x', 'Ⅰ': 'i', 'ⅰ': 'i', 'Ⅼ': 'l',
  'ⅼ': 'l', 'Ⅽ': 'c', 'ⅽ': 'c', 'Ⅾ': 'd', 'ⅾ': 'd', 'Ⅿ': 'm', 'ⅿ': 'm',
};

interface Tables {
  /** Code unit → folded code unit (Simplified, lower-case ASCII). */
  fold: Uint16Array;
  /** Code unit → CLASS_* bits. */
  classes: Uint8Array;
  /** Folded code unit → 1 when some term starts with it. */
  first: Uint8Array;
  /** Folded code unit → 1 when some term has it as second unit (a cheap filter before the bucket). */
  second: Uint8Array;
  /** Folded first code unit → terms starting with it, longest first. */
  buckets: ({ term: string; weight: number }[] | undefined)[];
}

let tables: Tables | undefined;

function buildTables(): Tables {
  const fold = new Uint16Array(65536);
  for (let i = 0; i < fold.length; i++) fold[i] = i;
  const classes = new Uint8Array(65536);

  // Traditional → Simplified through the converter's own tables (one lookup per CJK code unit).
  const simplified = simplifiedUnits();
  const ranges: [number, number][] = [[0x3400, 0x9fff], [0xf900, 0xfaff]];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      fold[code] = simplified[code];
      classes[code] |= CLASS_CJK;
      const script = scriptClassOf(code);
      if (script === 2) classes[code] |= CLASS_SIMPLIFIED_ONLY;
      else if (script === 1) classes[code] |= CLASS_TRADITIONAL_ONLY;
    }
  }
  for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 0x20;
  for (let c = 0x30; c <= 0x39; c++) classes[c] |= CLASS_LATIN_OR_DIGIT;
  for (let c = 0x41; c <= 0x5a; c++) classes[c] |= CLASS_LATIN_OR_DIGIT;
  for (let c = 0x61; c <= 0x7a; c++) classes[c] |= CLASS_LATIN_OR_DIGIT;
  // Full-width ASCII letters and digits.
  for (let c = 0xff10; c <= 0xff19; c++) { fold[c] = c - 0xfee0; classes[c] |= CLASS_LATIN_OR_DIGIT; }
  for (let c = 0xff21; c <= 0xff3a; c++) { fold[c] = c - 0xfee0 + 0x20; classes[c] |= CLASS_FULLWIDTH_LATIN | CLASS_LATIN_OR_DIGIT; }
  for (let c = 0xff41; c <= 0xff5a; c++) { fold[c] = c - 0xfee0; classes[c] |= CLASS_FULLWIDTH_LATIN | CLASS_LATIN_OR_DIGIT; }
  for (const [ch, letter] of Object.entries(LOOKALIKES)) {
    const code = ch.charCodeAt(0);
    fold[code] = letter.charCodeAt(0);
    classes[code] |= CLASS_LOOKALIKE | CLASS_LATIN_OR_DIGIT;
  }

  const first = new Uint8Array(65536);
  const second = new Uint8Array(65536);
  const buckets: ({ term: string; weight: number }[] | undefined)[] = new Array(65536).fill(undefined);
  const add = (terms: readonly string[], weight: number) => {
    for (const term of terms) {
      const code = term.charCodeAt(0);
      first[code] = 1;
      if (term.length > 1) second[term.charCodeAt(1)] = 1;
      let bucket = buckets[code];
      if (!bucket) buckets[code] = bucket = [];
      const existing = bucket.find((entry) => entry.term === term);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else bucket.push({ term, weight });
    }
  };
  add(SAFE, 0);
  add(WEAK, 1);
  add(MEDIUM, 2);
  add(STRONG, 3);
  for (const bucket of buckets) bucket?.sort((a, b) => b.term.length - a.term.length);
  return { fold, classes, first, second, buckets };
}

export function lexiconTables(): Tables {
  return (tables ??= buildTables());
}

function isAsciiLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/**
 * Leftmost-longest, non-overlapping lexicon matches in a line (through the fold table). Latin terms must not be
 * part of a longer Latin word (`av` does not match in `avenue`). Weight-0 matches are dropped after they have
 * shielded the terms inside them.
 */
export function scanLexicon(line: string): LexiconHit[] {
  const { fold, first, second, buckets } = lexiconTables();
  const hits: LexiconHit[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const f = fold[line.charCodeAt(i)];
    // Every term has at least two units, so both filters must pass before the bucket is read.
    if (first[f] === 0 || i + 1 >= n || second[fold[line.charCodeAt(i + 1)]] === 0) {
      i++;
      continue;
    }
    const bucket = buckets[f] as { term: string; weight: number }[];
    let matched = 0;
    for (let b = 0; b < bucket.length; b++) {
      const entry = bucket[b];
      const term = entry.term;
      const len = term.length;
      if (i + len > n) continue;
      let k = 1;
      while (k < len && fold[line.charCodeAt(i + k)] === term.charCodeAt(k)) k++;
      if (k < len) continue;
      if (isAsciiLetter(term.charCodeAt(0)) && i > 0 && isAsciiLetter(fold[line.charCodeAt(i - 1)])) continue;
      if (isAsciiLetter(term.charCodeAt(len - 1)) && i + len < n && isAsciiLetter(fold[line.charCodeAt(i + len)])) continue;
      if (entry.weight > 0) hits.push({ start: i, end: i + len, weight: entry.weight, term });
      matched = len;
      break;
    }
    i += matched > 0 ? matched : 1;
  }
  return hits;
}

/** Every literal occurrence of the user's extra spam terms (plain string search: no pattern syntax). */
export function scanExtraTerms(line: string, terms: readonly string[] | undefined): LexiconHit[] {
  const hits: LexiconHit[] = [];
  if (!terms) return hits;
  for (const term of terms) {
    if (!term) continue;
    for (let at = line.indexOf(term); at >= 0; at = line.indexOf(term, at + term.length)) {
      hits.push({ start: at, end: at + term.length, weight: 3, term });
    }
  }
  return hits;
}

/** The lexicon's terms with their weights (for tests and documentation). */
export function lexiconEntries(): { term: string; weight: number }[] {
  const { buckets } = lexiconTables();
  return buckets.flatMap((bucket) => bucket ?? []);
}
