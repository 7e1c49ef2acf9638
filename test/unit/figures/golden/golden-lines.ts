// The fixed, varied input of the figures golden test: the repo's samples, the dev forms and seeded random mixes of numeral fragments.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../../../../src/shared/seeded-random';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

/** Pieces that reach every rule of the layer: numerals of each form, units, currencies, qualifiers, signs, dates, look-alike words. */
const FRAGMENTS = [
  // Arabic and full-width numbers
  '3', '15', '2023', '1,234.5', '102.54', '007', '0573', '3.5', '１２', '２０２３', '12,500', '0.05', '99', '138', '1/16/2023', '3/4',
  // Chinese numerals
  '一', '二', '两', '兩', '三', '十', '十五', '一百零三', '两千六', '三万五', '一百十一', '五六十', '十五六', '兩三', '二〇二二', '三点一四',
  '零点零五', '千', '百', '萬', '万', '億', '亿', '千億', '百万', '廿', '卅', '零', '〇', '九九',
  // financial numerals
  '壹万贰仟叁佰', '玖仟陆佰', '叁拾', '伍', '拾', '貳', '陸', '佰',
  // mixed
  '3万5千', '1亿2000万', '20万零300', '2萬5', '3.5萬',
  // units, currencies, percent
  '年', '月', '日', '号', '號', '时', '時', '分', '秒', '个', '個', '人', '家', '项', '項', '元', '元整', '角', '块', '塊', '万元', '億元',
  '美元', '港元', '人民币', '人民幣', 'RMB', 'US$', '$', '¥', '%', '％', '‰', '个百分点', '個百分點', '公里', '千米', '千克', 'km', 'kg', 'GB',
  '成', '季度', '届', '屆', '次', '岁', '度', '摄氏度', '℃', '倍', '名', '户', '吨', '平方米', '亩',
  // qualifiers, signs, ranges, fractions, ordinals
  '约', '約', '近', '将近', '超', '超过', '逾', '以上', '左右', '上下', '多', '余', '餘', '几', '數', '数', '上', '不到', '不足', '至少', '最多',
  '负', '負', '零下', '-', '－', '至', '到', '~', '—', '分之', '百分之', '千分之', '第', '增长', '增長', '负增长', '零增长',
  // look-alike words
  '一起', '一些', '一致', '统一', '萬一', '万一', '第一时间', '一心一意', '三心二意', '七上八下', '一五一十', '三亚', '九寨沟', '万达', '一體化',
  '一批', '大陸', '隊伍', '十分', '元素', '元旦', '成员', '成功', '勝負', '抱负', '最近', '签约', '三天两头', '十三陵', '万事通', '一网通',
  // English
  ' billion', ' million', 'in ', 'since ', 'Jan. ', 'March ', ', ', 'about ', 'more than ', ' or more', '1st', '2nd', ' percent', 'Q',
  // dates and times
  '2023-01-16', '11:13:00', '2023年1月16日', '1月5日', '上午', '下午', '9时30分', '1990年代',
  // glue and URLs
  'G60', 'COVID-19', 'v1.2', 'MP3', '192.168.1.1', 'http://news.example/2023/0116.html', 'www.example.cn', 'ab12@example.com', '3D', 'H5N1',
  // filler
  '的', '是', '和', '经济', '經濟', '公司', '合同', '总价', '投资', '完成', '，', '。', '、', '：', '（', '）', ' ', 'the ', 'rose ', 'year',
];

function sampleTexts(): string[] {
  const dir = path.join(ROOT, 'samples');
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    if (f.endsWith('.txt')) out.push(text);
    else if (f.endsWith('.jsonl')) for (const l of text.split('\n')) if (l.trim()) out.push((JSON.parse(l) as { text: string }).text);
  }
  return out;
}

function devSentences(): string[] {
  const file = path.join(__dirname, '..', 'forms', 'dev.tsv');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[3] ?? '');
}

/** `count` lines of 2–16 random fragments from a fixed seed. */
function randomLines(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(random() * 15);
    let line = '';
    for (let j = 0; j < n; j++) line += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    lines.push(line);
  }
  return lines;
}

/** The distinct non-empty lines of the golden input, in a fixed order. */
export function goldenLines(): string[] {
  const lines = [...sampleTexts().flatMap((t) => t.split(/\r?\n/)), ...devSentences(), ...randomLines(4000, 13)];
  return [...new Set(lines.filter((l) => l.trim().length > 0))];
}
