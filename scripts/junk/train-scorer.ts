// Trains the spam phrase scorer (character n-gram logistic regression) on labelled phrases and real news, and writes data/junk/spam-scorer.json with its card.
// Usage: npx tsx scripts/junk/train-scorer.ts [--sources DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { featureBucket, normalizeSpan, spanFeatures } from '../../src/core/junk/spam-scorer';
import { brandShape, SITE_WORDS, TYPE_WORDS } from '../../src/core/junk/brand-shape';
import { readHandTerms } from './build-lexicon';
import { newsText } from './news-text';
import { rng, hashString } from './random';
import { provenance, readSource, SOURCES } from './sources';

const ROOT = path.join(__dirname, '..', '..');
const OUT = path.join(ROOT, 'data', 'junk', 'spam-scorer.json');
const LEXICON = path.join(ROOT, 'data', 'junk', 'spam-lexicon.json');
const GPT4O_LABELS = path.join(ROOT, 'data', 'junk', 'hand', 'gpt4o-token-labels.tsv');

interface Example {
  text: string;
  label: 0 | 1;
  group: string;
}

const BITS = 18;
const SCALE = 0.04;
const random = rng(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
function sample<T>(items: readonly T[], n: number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

// ---------------------------------------------------------------- positives
/** Words that make a spam compound with a gambling brand or term (constructed positives). */
const GAMBLING_CONTEXT = ['官网', '官方网站', 'app下载', 'app', '下载', '注册', '登录', '登陆', '入口', '网址', '平台', '代理', '开户',
  '招商', '手机版', '网页版', '体育', '娱乐', '娱乐城', '娱乐场', '真人', '电竞', '棋牌', '投注', '首页', '备用网址', '最新网址', '客户端',
  '官方', '国际', '在线', '官网入口', '注册送', '下载安装', 'vip', '官网登录', '手机app', '网页登录', '真人平台', '投注网址', '代理开户'];
const OTHER_CONTEXT = ['联系方式', '电话', '微信', 'qq', '大全', '网站', '平台', '推荐', '最新', '发布网', '价格', '联系', '找我', '代理'];
const LATIN_STEMS = ['bet', 'yabo', 'kaiyun', 'leyu', 'hth', 'ob', 'bob', 'kok', 'ayx', 'mk', 'jj', 'vip', 'ag', 'bbin', 'pg', 'mg', 'dafa', 'ued', 'sb', '9y', 'j9', 'bt'];

function constructedPositives(hand: ReturnType<typeof readHandTerms>): Example[] {
  const out: Example[] = [];
  const brands = hand.filter((e) => e.role === 'brand' || e.role === 'dual').map((e) => e.term);
  const gamblingTerms = hand.filter((e) => e.category === 'gambling' && e.role === 'term' && e.weight >= 2).map((e) => e.term);
  const otherTerms = hand.filter((e) => !['gambling', 'porn', 'safe'].includes(e.category) && e.role === 'term' && e.weight >= 2).map((e) => e.term);
  for (let i = 0; i < 3000; i++) {
    const head = random() < 0.6 ? pick(brands) : pick(gamblingTerms);
    let text = (random() < 0.15 ? '澳门' : '') + head + pick(GAMBLING_CONTEXT);
    if (random() < 0.4) text += pick(GAMBLING_CONTEXT);
    out.push({ text, label: 1, group: 'constructed:gambling-compound' });
  }
  for (let i = 0; i < 800; i++) {
    let stem = pick(LATIN_STEMS);
    if (random() < 0.6) stem += String(Math.floor(random() * 1000));
    out.push({ text: stem + pick(GAMBLING_CONTEXT) + (random() < 0.3 ? pick(GAMBLING_CONTEXT) : ''), label: 1, group: 'constructed:latin-brand' });
  }
  for (let i = 0; i < 800; i++) {
    out.push({ text: pick(otherTerms) + (random() < 0.7 ? pick(OTHER_CONTEXT) : ''), label: 1, group: 'constructed:other-compound' });
  }
  // The heads of the lexicon's gambling brands (亚博 of 亚博体育, kok of kok体育) in other molds (亚博娱乐, kok国际官网):
  // the scorer sees each mold with many heads, so the mold (a shape feature) carries weight of its own.
  const heads = [...new Set(hand.filter((e) => (e.role === 'brand' || e.role === 'dual') && e.category === 'gambling').map((e) => brandHead(e.term)).filter((h): h is string => !!h))];
  for (let i = 0; i < 1500; i++) {
    let text = pick(heads) + pick(TYPE_WORDS.slice(0, 9));
    if (random() < 0.6) text += pick(SITE_WORDS);
    out.push({ text, label: 1, group: 'constructed:brand-head-mold' });
  }
  return out;
}

/** A brand's head: the term without its type and site words (亚博体育官网 → 亚博), when that leaves a name. */
function brandHead(term: string): string | undefined {
  const n = normalizeSpan(term);
  const shape = brandShape(n);
  if (!shape) return /^([\u4e00-\u9fff]{2,4}|[a-z]+\d*)$/.test(n) ? n : undefined;
  let rest = n;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of [...SITE_WORDS, ...TYPE_WORDS]) if (rest.length > w.length && rest.endsWith(w)) { rest = rest.slice(0, -w.length); changed = true; break; }
  }
  return rest.length >= 2 ? rest : undefined;
}

function lexiconPositives(): Example[] {
  const data = JSON.parse(readFileSync(LEXICON, 'utf8')) as { groups: Record<string, string> };
  const out: Example[] = [];
  const imported: Example[] = [];
  for (const [key, terms] of Object.entries(data.groups)) {
    const [category, role, weight, sources] = key.split(' ');
    const spam = role === 'brand' || (role === 'term' && Number(weight) >= 2);
    if (!spam || category === 'safe') continue;
    for (const term of terms.split('|')) {
      (sources.includes('hand') ? out : imported).push({ text: term, label: 1, group: sources.includes('hand') ? 'lexicon:hand' : 'lexicon:imported' });
    }
  }
  return [...out, ...sample(imported, 4000)];
}

/** houbb/sensitive-word phrases longer than the lexicon keeps (tags 1, 2, 3; never tag 0). */
function houbbPhrases(): Example[] {
  const out: Example[] = [];
  for (const raw of readSource('houbb', 'src/main/resources/sensitive_word_tags.txt').split('\n')) {
    const [word, tagList] = raw.trim().split(/\s+/);
    if (!word || !tagList || tagList.split(',').includes('0')) continue;
    if (!/[123]/.test(tagList) || word.length < 7 || word.length > 16) continue;
    out.push({ text: word, label: 1, group: 'houbb:phrase' });
  }
  return sample(out, 1500);
}

function gpt4oTokens(): Example[] {
  const labels = new Map<string, number>();
  for (const line of readFileSync(GPT4O_LABELS, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [index, label] = line.split('\t');
    labels.set(index, Number(label));
  }
  const out: Example[] = [];
  for (const row of readSource('gpt4oTokens', 'o200k_base_filtered.csv').split('\n').slice(1)) {
    const comma = row.indexOf(',');
    const index = row.slice(0, comma).trim();
    const token = row.slice(comma + 1).trim().replace(/^_/, '');
    // Only the tokens we labelled spam: the rest are web boilerplate or ambiguous, not clean news.
    if (labels.get(index) === 1) out.push({ text: token, label: 1, group: 'gpt4o-tokens' });
  }
  return out;
}

/** Generic words of the scanner lists that are not spam on their own. */
const SCANNER_GENERIC = new Set(['企业', '娱乐', '成人', '赌', '体育', '影院', '初始', '默认', '初始密码', '默认密码', '身份证后六位', '彩票', '投注',
  '亚洲杯', '欧洲杯', '足球赛事', '篮球赛事', '赛事预测', '游戏官网', '夜场', '桑拿', '撸', '狠狠', '赛车', '竞彩', '好彩', '大乐透', '开奖', '维加斯']);
function scannerRules(): Example[] {
  const out: Example[] = [];
  for (const term of readSource('darkLink', 'getlinksapp/rules.txt').replace(/^\uFEFF/, '').split(/[|\r\n]+/)) {
    const t = term.trim();
    if (t.length >= 2 && !SCANNER_GENERIC.has(t)) out.push({ text: t, label: 1, group: 'darklink-rules' });
  }
  for (const row of readSource('yuanZhao', 'keywords_example.txt').split('\n')) {
    const [term, category, weight] = row.split(',').map((s) => s.trim());
    if (!term || !['gambling', 'porn', 'other'].includes(category) || Number(weight) < 8 || !/[\u4e00-\u9fff]/.test(term)) continue;
    if (!SCANNER_GENERIC.has(term) && !['毒品', '赌博', '博彩', '色情', '黄色', '暴力', '血腥', '黑客', '翻墙'].includes(term)) out.push({ text: term, label: 1, group: 'yuanzhao-keywords' });
  }
  return out;
}

// ---------------------------------------------------------------- negatives
interface Jieba { cut(text: string): string[] }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jieba = require('nodejieba') as Jieba;

function newsNegatives(lines: readonly string[]): Example[] {
  const out: Example[] = [];
  for (const line of lines) {
    // Word-aligned spans of 1–4 words: the shape candidates have at run time.
    const words = jieba.cut(line).filter((w) => /[\u4e00-\u9fffA-Za-z0-9]/.test(w));
    for (let k = 0; k < 3 && words.length > 0; k++) {
      const start = Math.floor(random() * words.length);
      const count = 1 + Math.floor(random() * 4);
      const text = words.slice(start, start + count).join('');
      if (normalizeSpan(text).length >= 2) out.push({ text, label: 0, group: 'news:span' });
    }
    // Spans in the positions spam is injected into: brackets, quotes, titles, the part before a colon.
    for (const m of line.matchAll(/[【“「《]([^】”」》]{2,24})[】”」》]/g)) out.push({ text: m[1], label: 0, group: 'news:bracketed' });
    const colon = line.search(/[：:]/);
    if (colon >= 2 && colon <= 20) out.push({ text: line.slice(0, colon), label: 0, group: 'news:before-colon' });
    if (line.length <= 30 && !/[。！？]/.test(line)) out.push({ text: line, label: 0, group: 'news:short-line' });
    // News names in the molds of site names (中国体育彩票, 国家体育总局's 国家体育, 上海国际): the molds' counter-evidence.
    for (let i = 0; i + 1 < words.length; i++) {
      if (!/^[\u4e00-\u9fff]{2,4}$/.test(words[i]) || !TYPE_WORDS.includes(words[i + 1])) continue;
      const site = words[i + 2] && SITE_WORDS.includes(words[i + 2]) ? words[i + 2] : '';
      out.push({ text: words[i] + words[i + 1] + site, label: 0, group: 'news:type-compound' });
    }
  }
  return out;
}

/** Names that news uses, alone and in news phrases (constructed, from the hand list's dual and safe entries). */
const NEWS_COMPANY_WORDS = ['酒店', '集团', '股份', '公司', '股价', '收入', '公布', '度假村', '中国', '控股', '业绩', '赔率', '开出', '显示', '季度', '门店', '项目'];
function dualNegatives(hand: ReturnType<typeof readHandTerms>): Example[] {
  const out: Example[] = [];
  for (const e of hand) {
    if (e.role === 'dual') {
      out.push({ text: e.term, label: 0, group: 'constructed:dual-alone' });
      for (let k = 0; k < 4; k++) out.push({ text: e.term + pick(NEWS_COMPANY_WORDS), label: 0, group: 'constructed:dual-in-news' });
    }
    if (e.role === 'safe') out.push({ text: e.term, label: 0, group: 'hand:safe' });
  }
  return out;
}

/** jiangnanboy/llm_corpus_quality lines labelled 0 (正常): news and articles, char-split with stop characters removed. */
function adCorpusNegatives(): Example[] {
  const out: Example[] = [];
  for (const row of readSource('adLines', 'src/main/resources/ad_train.csv').split('\n').slice(1)) {
    if (!row.startsWith('0,')) continue;
    const text = row.slice(2).replace(/\s+/g, '');
    for (let at = 0; at + 4 <= text.length && at < 60; at += 12) out.push({ text: text.slice(at, at + 4 + Math.floor(random() * 8)), label: 0, group: 'adlines:normal' });
  }
  return out;
}

// ---------------------------------------------------------------- training
interface Vectorized {
  features: Int32Array;
  label: number;
  weight: number;
  group: string;
  text: string;
}

function main(): void {
  const hand = readHandTerms();
  const news = newsText();
  const newsLines = news.lines.filter((l) => hashString(l) % 10 !== 0);
  const heldNews = news.lines.filter((l) => hashString(l) % 10 === 0);
  const examples: Example[] = [
    ...lexiconPositives(), ...houbbPhrases(), ...gpt4oTokens(), ...scannerRules(), ...constructedPositives(hand),
    ...newsNegatives(newsLines), ...dualNegatives(hand), ...adCorpusNegatives(),
  ];
  // A tenth of every group is held out to report how the scorer does on phrases it did not see.
  const isHeld = (e: Example) => hashString(e.text + e.group) % 10 === 0;
  // Features seen once in training carry no weight (they would only memorize).
  const counts = new Map<string, number>();
  for (const e of examples) if (!isHeld(e)) for (const f of new Set(spanFeatures(normalizeSpan(e.text)))) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vectorize = (e: Example): Vectorized => ({
    features: Int32Array.from(new Set(spanFeatures(normalizeSpan(e.text)).filter((f) => (counts.get(f) ?? 0) >= 2).map((f) => featureBucket(f, BITS)))),
    label: e.label, weight: 1, group: e.group, text: e.text,
  });
  const train = examples.filter((e) => !isHeld(e) && normalizeSpan(e.text).length > 0).map(vectorize);
  const held = examples.filter((e) => isHeld(e) && normalizeSpan(e.text).length > 0).map(vectorize);
  const positives = train.filter((v) => v.label === 1).length;
  const negatives = train.length - positives;
  // Positives weigh half as much in total as the negatives: false alarms on news cost more than a missed phrase.
  for (const v of train) if (v.label === 1) v.weight = (0.5 * negatives) / positives;

  const w = new Float64Array(1 << BITS);
  const g2 = new Float64Array(1 << BITS).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const rate = 0.2;
  const l2 = 1e-5;
  for (let epoch = 0; epoch < 8; epoch++) {
    const order = sample(train.map((_, i) => i), train.length);
    let loss = 0;
    for (const i of order) {
      const v = train[i];
      let z = bias;
      for (const f of v.features) z += w[f];
      const p = 1 / (1 + Math.exp(-z));
      loss += -v.weight * (v.label ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
      const g = v.weight * (p - v.label);
      for (const f of v.features) {
        const grad = g + l2 * w[f];
        g2[f] += grad * grad;
        w[f] -= (rate * grad) / Math.sqrt(g2[f]);
      }
      biasG2 += g * g;
      bias -= (rate * g) / Math.sqrt(biasG2);
    }
    console.log(`epoch ${epoch + 1}: loss ${(loss / train.length).toFixed(4)}`);
  }

  // Quantize to signed bytes; the report below scores with the quantized weights, as the engine will.
  const bytes = new Int8Array(1 << BITS);
  for (let i = 0; i < w.length; i++) bytes[i] = Math.max(-127, Math.min(127, Math.round(w[i] / SCALE)));
  const quantized = (f: string) => bytes[featureBucket(f, BITS)] * SCALE;
  const score = (v: Vectorized) => {
    let z = bias;
    for (const f of spanFeatures(normalizeSpan(v.text))) z += quantized(f);
    return 1 / (1 + Math.exp(-z));
  };
  // Held-out report: per group, the share scored ≥ 0.5 and ≥ 0.8 (for negatives, the false alarms).
  const report: Record<string, { n: number; label: number; atHalf: number; at08: number }> = {};
  for (const v of held) {
    const r = (report[v.group] ??= { n: 0, label: v.label, atHalf: 0, at08: 0 });
    const p = score(v);
    r.n++;
    if (p >= 0.5) r.atHalf++;
    if (p >= 0.8) r.at08++;
  }
  for (const r of Object.values(report)) {
    r.atHalf = Math.round((r.atHalf / r.n) * 1000) / 1000;
    r.at08 = Math.round((r.at08 / r.n) * 1000) / 1000;
  }
  // Held-out news lines (never seen in training): every word-aligned span, how often one scores ≥ 0.8.
  let spans = 0;
  let alarms = 0;
  for (const line of heldNews.slice(0, 3000)) {
    for (const s of newsNegatives([line]).filter((e) => e.group === 'news:span')) {
      spans++;
      if (score({ text: s.text } as Vectorized) >= 0.8) alarms++;
    }
  }
  // Name each bucket by the feature that fills it most often on the side its weight points to (hashing shares a
  // bucket between features: a news trigram may sit in a spam bucket, and must not be reported as what was learned).
  const sideCounts = [new Map<string, number>(), new Map<string, number>()];
  for (const e of examples) if (!isHeld(e)) for (const f of new Set(spanFeatures(normalizeSpan(e.text)))) sideCounts[e.label].set(f, (sideCounts[e.label].get(f) ?? 0) + 1);
  const bucketName = new Map<number, { f: string; c: number }>();
  for (const [f] of counts) {
    const b = featureBucket(f, BITS);
    const side = bytes[b] >= 0 ? 1 : 0;
    const c = sideCounts[side].get(f) ?? 0;
    if (c >= 5 && c > (bucketName.get(b)?.c ?? 0)) bucketName.set(b, { f, c });
  }
  const top = [...bucketName.entries()].map(([b, { f }]) => [f, Math.round(bytes[b] * SCALE * 100) / 100] as const).sort((a, b) => b[1] - a[1]);
  const groups: Record<string, number> = {};
  for (const e of examples) groups[`${e.label ? '+' : '-'} ${e.group}`] = (groups[`${e.label ? '+' : '-'} ${e.group}`] ?? 0) + 1;
  const card = {
    what: 'Spam phrase scorer of News Lens: logistic regression over character 1-3-grams (with ^/$ edge marks) and brand-shape features (§H2+T+S: head kind and length, site type, site words; src/core/junk/brand-shape.ts) of a folded phrase; P(spam) = sigmoid(bias + sum of weights).',
    howBuilt: `scripts/junk/train-scorer.ts: AdaGrad, 8 epochs, L2 1e-5; positives weigh half the negatives in total; features seen once dropped; features hashed (FNV-1a) into 2^${BITS} buckets, weights quantized to bytes of ${SCALE}.`,
    trainingData: {
      positives: {
        'lexicon:hand / lexicon:imported': 'terms and brands of data/junk/spam-lexicon.json (weight >= 2), imported ones sampled to 4,000',
        'houbb:phrase': `${provenance('houbb', 'src/main/resources/sensitive_word_tags.txt')} phrases of 7-16 characters, tags 1/2/3 without 0 (${SOURCES.houbb.licence})`,
        'gpt4o-tokens': `${provenance('gpt4oTokens', 'o200k_base_filtered.csv')} tokens labelled spam in data/junk/hand/gpt4o-token-labels.tsv (${SOURCES.gpt4oTokens.licence}; not redistributed)`,
        'darklink-rules': `${provenance('darkLink', 'getlinksapp/rules.txt')} minus generic words (${SOURCES.darkLink.licence}; not redistributed)`,
        'yuanzhao-keywords': `${provenance('yuanZhao', 'keywords_example.txt')} gambling/porn/other rows of weight >= 8 (${SOURCES.yuanZhao.licence}; not redistributed)`,
        'constructed:*': 'CONSTRUCTED: hand brands and terms joined with compound words (…官网, …app下载, …真人平台), Latin stems with digits, other categories with contact words, and the heads of the hand list\'s gambling brands in other molds (亚博娱乐, kok国际官网)',
      },
      negatives: {
        'news:*': `word-aligned spans of 1-4 jieba words, bracketed/quoted spans, text before a colon and short lines of ${news.provenance.join(' and ')} (9 in 10 lines)`,
        'constructed:dual-*': 'CONSTRUCTED: names news uses (金沙, 永利, 新葡京, bet365 …) alone and with news words (酒店, 集团, 股价 …)',
        'hand:safe': 'the hand list\'s safe phrases',
        'adlines:normal': `${provenance('adLines', 'src/main/resources/ad_train.csv')} lines labelled 0 (正常), char-split with stop characters removed: windows of 4-11 characters (${SOURCES.adLines.licence}; not redistributed). Its ad lines (label 1, WeChat promotions) are not used: they are not SEO spam.`,
      },
      counts: groups,
    },
    heldOut: { byGroup: report, newsSpans: { spans, atLeast08: alarms, rate: Math.round((alarms / Math.max(1, spans)) * 1e5) / 1e5 } },
    buckets: 1 << BITS,
    nonZeroBuckets: bytes.reduce((n, b) => n + (b !== 0 ? 1 : 0), 0),
    topSpam: top.slice(0, 40).map(([f, v]) => `${f} ${v}`),
    topNews: top.slice(-20).reverse().map(([f, v]) => `${f} ${v}`),
  };
  const weights = Buffer.from(bytes.buffer).toString('base64');
  writeFileSync(OUT, `{\n"card": ${JSON.stringify(card, null, 1)},\n"bias": ${Math.round(bias * 1000) / 1000},\n"bits": ${BITS},\n"scale": ${SCALE},\n"weights": "${weights}"\n}\n`);
  console.log(JSON.stringify({ heldOut: card.heldOut, nonZero: card.nonZeroBuckets, topSpam: card.topSpam.slice(0, 20) }, null, 1));
}

main();
