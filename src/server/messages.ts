// User-facing strings the server produces (diagnostics, hovers, code actions) in English, Simplified and Traditional Chinese.

type Key =
  | 'junk.spam' | 'junk.markup' | 'junk.pinyin-gloss' | 'junk.boilerplate' | 'junk.encoding' | 'junk.duplicate'
  | 'type.PER' | 'type.LOC' | 'type.ORG' | 'type.WORK' | 'type.FAC'
  | 'type.MONEY' | 'type.PERCENT' | 'type.DATE' | 'type.TIME' | 'type.QUANTITY' | 'type.CARDINAL' | 'type.ORDINAL'
  | 'hover.entity' | 'hover.figure' | 'hover.junk' | 'hover.metadata' | 'hover.simplified' | 'hover.pinyin' | 'hover.occurrences'
  | 'hover.value' | 'hover.unit' | 'hover.currency' | 'hover.confidence'
  | 'hover.qualifier' | 'hover.range' | 'hover.iso' | 'hover.precision'
  | 'qualifier.approx' | 'qualifier.over' | 'qualifier.under' | 'qualifier.about' | 'qualifier.inclusive'
  | 'precision.decade' | 'precision.year' | 'precision.month' | 'precision.day' | 'precision.time'
  | 'fix.removeOne' | 'fix.removeSome' | 'fix.removeAll' | 'fix.cleanDocument' | 'fix.fixAll'
  | 'fix.repairEncoding' | 'hover.repair'
  | 'hover.convention' | 'convention.msra' | 'convention.cluener' | 'convention.gsd';

const en: Record<Key, string> = {
  'junk.spam': 'SEO spam',
  'junk.markup': 'Leftover markup',
  'junk.pinyin-gloss': 'Pinyin gloss',
  'junk.boilerplate': 'Boilerplate',
  'junk.encoding': 'Encoding damage',
  'junk.duplicate': 'Duplicated line',
  'type.PER': 'Person',
  'type.LOC': 'Place',
  'type.ORG': 'Organization',
  'type.WORK': 'Title of a work',
  'type.FAC': 'Facility or project',
  'type.MONEY': 'Money',
  'type.PERCENT': 'Percentage',
  'type.DATE': 'Date',
  'type.TIME': 'Time',
  'type.QUANTITY': 'Quantity',
  'type.CARDINAL': 'Number',
  'type.ORDINAL': 'Ordinal',
  'hover.entity': 'Entity',
  'hover.figure': 'Figure',
  'hover.junk': 'Junk',
  'hover.metadata': 'Metadata',
  'hover.simplified': 'Simplified',
  'hover.pinyin': 'Pinyin',
  'hover.occurrences': 'Occurrences in this document',
  'hover.value': 'Value',
  'hover.unit': 'Unit',
  'hover.currency': 'Currency',
  'hover.confidence': 'Confidence',
  'hover.convention': 'Labelled as in',
  'convention.msra': "MSRA (People's Daily)",
  'convention.cluener': 'CLUENER (Sina news)',
  'convention.gsd': 'UNER GSD (Wikipedia)',
  'hover.qualifier': 'Qualifier',
  'hover.range': 'Range',
  'hover.iso': 'ISO 8601',
  'hover.precision': 'Precision',
  'qualifier.approx': 'approximately (nearly, or an order of magnitude)',
  'qualifier.over': 'more than',
  'qualifier.under': 'less than',
  'qualifier.about': 'about',
  'qualifier.inclusive': '{0} (inclusive)',
  'precision.decade': 'decade',
  'precision.year': 'year',
  'precision.month': 'month',
  'precision.day': 'day',
  'precision.time': 'time of day',
  'fix.removeOne': 'Remove this {0}',
  'fix.removeSome': 'Remove these {0} × {1}',
  'fix.removeAll': 'Remove all {0} in this document ({1})',
  'fix.cleanDocument': 'Clean document: remove all junk ({0})',
  'fix.fixAll': 'News Lens: remove all junk',
  'fix.repairEncoding': 'Repair encoding',
  'hover.repair': 'Repair',
};

const zhCn: Record<Key, string> = {
  'junk.spam': 'SEO 垃圾信息',
  'junk.markup': '残留标记',
  'junk.pinyin-gloss': '拼音注音',
  'junk.boilerplate': '模板文字',
  'junk.encoding': '编码损坏',
  'junk.duplicate': '重复行',
  'type.PER': '人名',
  'type.LOC': '地名',
  'type.ORG': '机构名',
  'type.WORK': '作品名',
  'type.FAC': '设施或项目',
  'type.MONEY': '金额',
  'type.PERCENT': '百分比',
  'type.DATE': '日期',
  'type.TIME': '时间',
  'type.QUANTITY': '数量',
  'type.CARDINAL': '数字',
  'type.ORDINAL': '序数',
  'hover.entity': '实体',
  'hover.figure': '数字',
  'hover.junk': '垃圾',
  'hover.metadata': '元数据',
  'hover.simplified': '简体',
  'hover.pinyin': '拼音',
  'hover.occurrences': '本文出现次数',
  'hover.value': '数值',
  'hover.unit': '单位',
  'hover.currency': '币种',
  'hover.confidence': '置信度',
  'hover.convention': '标注规范',
  'convention.msra': 'MSRA（人民日报）',
  'convention.cluener': 'CLUENER（新浪新闻）',
  'convention.gsd': 'UNER GSD（维基百科）',
  'hover.qualifier': '限定',
  'hover.range': '范围',
  'hover.iso': 'ISO 8601',
  'hover.precision': '精度',
  'qualifier.approx': '近似（接近或数量级）',
  'qualifier.over': '超过',
  'qualifier.under': '不到',
  'qualifier.about': '大约',
  'qualifier.inclusive': '{0}（含本数）',
  'precision.decade': '年代',
  'precision.year': '年',
  'precision.month': '月',
  'precision.day': '日',
  'precision.time': '时刻',
  'fix.removeOne': '删除此{0}',
  'fix.removeSome': '删除这 {0} 处{1}',
  'fix.removeAll': '删除本文所有{0}（{1} 处）',
  'fix.cleanDocument': '清理文档：删除所有垃圾（{0} 处）',
  'fix.fixAll': 'News Lens：删除所有垃圾',
  'fix.repairEncoding': '修复编码',
  'hover.repair': '修复',
};

const zhTw: Record<Key, string> = {
  'junk.spam': 'SEO 垃圾訊息',
  'junk.markup': '殘留標記',
  'junk.pinyin-gloss': '拼音注音',
  'junk.boilerplate': '樣板文字',
  'junk.encoding': '編碼損壞',
  'junk.duplicate': '重複行',
  'type.PER': '人名',
  'type.LOC': '地名',
  'type.ORG': '機構名',
  'type.WORK': '作品名',
  'type.FAC': '設施或項目',
  'type.MONEY': '金額',
  'type.PERCENT': '百分比',
  'type.DATE': '日期',
  'type.TIME': '時間',
  'type.QUANTITY': '數量',
  'type.CARDINAL': '數字',
  'type.ORDINAL': '序數',
  'hover.entity': '實體',
  'hover.figure': '數字',
  'hover.junk': '垃圾',
  'hover.metadata': '中繼資料',
  'hover.simplified': '簡體',
  'hover.pinyin': '拼音',
  'hover.occurrences': '本文出現次數',
  'hover.value': '數值',
  'hover.unit': '單位',
  'hover.currency': '幣別',
  'hover.confidence': '信心度',
  'hover.convention': '標註規範',
  'convention.msra': 'MSRA（人民日報）',
  'convention.cluener': 'CLUENER（新浪新聞）',
  'convention.gsd': 'UNER GSD（維基百科）',
  'hover.qualifier': '限定',
  'hover.range': '範圍',
  'hover.iso': 'ISO 8601',
  'hover.precision': '精度',
  'qualifier.approx': '近似（接近或數量級）',
  'qualifier.over': '超過',
  'qualifier.under': '不到',
  'qualifier.about': '大約',
  'qualifier.inclusive': '{0}（含本數）',
  'precision.decade': '年代',
  'precision.year': '年',
  'precision.month': '月',
  'precision.day': '日',
  'precision.time': '時刻',
  'fix.removeOne': '刪除此{0}',
  'fix.removeSome': '刪除這 {0} 處{1}',
  'fix.removeAll': '刪除本文所有{0}（{1} 處）',
  'fix.cleanDocument': '清理文件：刪除所有垃圾（{0} 處）',
  'fix.fixAll': 'News Lens：刪除所有垃圾',
  'fix.repairEncoding': '修復編碼',
  'hover.repair': '修復',
};

let table: Record<Key, string> = en;

/** Chooses the strings for a VS Code display language (e.g. "zh-cn", "zh-tw", "en"). */
export function setLocale(locale: string | undefined): void {
  const l = (locale ?? 'en').toLowerCase();
  labelNames.clear();
  table = l === 'zh-tw' || l === 'zh-hk' || l === 'zh-hant' ? zhTw : l.startsWith('zh') ? zhCn : en;
}

export function t(key: Key, ...args: (string | number)[]): string {
  return table[key].replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

const labelNames = new Map<string, string>();

/** The display name of a label (junk kind, entity or figure type) in the current language; memoised per locale. */
export function labelName(label: string): string {
  let name = labelNames.get(label);
  if (name === undefined) {
    name = lookUpLabel(label);
    labelNames.set(label, name);
  }
  return name;
}

function lookUpLabel(label: string): string {
  const key = (label in en ? label : `type.${label}`) as Key;
  if (key in table) return table[key];
  const junkKey = `junk.${label}` as Key;
  return junkKey in table ? table[junkKey] : label;
}
