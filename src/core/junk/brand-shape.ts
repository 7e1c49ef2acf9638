// The shape of a gambling-site name, independent of the name itself: a short head (2–4 Han, or Latin with digits) + a site type (娱乐, 体育, 国际 …) + site words (官网, app下载 …). The phrase scorer learns how much each shape weighs.

/*
 * Unknown brands are new names in old molds: 鑫盛娱乐官网, wz777注册, 宏发体育. The head changes from site to site;
 * the mold does not. A shape abstracts the head to its kind and length (H2 = two Han characters, LD = letters then
 * digits) and keeps the type and site words, so `鑫盛娱乐官网` and `亚博体育官网` share `§H2+T+S`. Whether a mold is
 * spam is learned from data (the scorer's training: lexicon brands as positives, news compounds such as 中国体育彩票
 * or 国家体育总局 as negatives), not decided here.
 */
export const TYPE_WORDS = ['娱乐城', '娱乐场', '娱乐', '体育', '国际', '棋牌', '彩票', '真人', '电竞', '电子', '游戏', '集团', '会'];
export const SITE_WORDS = ['官方网站', '官网入口', '官网登录', '最新网址', '备用网址', '官网', '官方', 'app下载', '下载安装', 'app', '下载', '注册', '登录', '登陆',
  '入口', '网址', '平台', '开户', '手机版', '网页版', '投注', '代理', '首页', '客户端', '在线', 'vip', '真人平台'];

export interface BrandShape {
  /** The head's kind and length: H2, H3, H4 (Han), L, D, LD, DL (Latin letters / digits runs). */
  head: string;
  type: string | undefined;
  sites: number;
}

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => c >= 0x61 && c <= 0x7a;

/** Last code units of the type and site words: a phrase ending in anything else has no shape (the common case). */
const LAST_UNITS = new Set([...TYPE_WORDS, ...SITE_WORDS].map((w) => w.charCodeAt(w.length - 1)));

/** Shape of a normalized (folded, lower-case) phrase, or undefined when it is not head + type/site words. */
export function brandShape(normalized: string): BrandShape | undefined {
  const parts = brandParts(normalized);
  return parts && { head: parts.head, type: parts.type, sites: parts.sites };
}

/** brandShape() with the head's text (`wz777` of `wz777登录入口`). */
export function brandParts(normalized: string): (BrandShape & { headText: string }) | undefined {
  if (normalized.length < 2 || !LAST_UNITS.has(normalized.charCodeAt(normalized.length - 1))) return undefined;
  let rest = normalized;
  let sites = 0;
  for (let stripped = true; stripped && rest.length > 0;) {
    stripped = false;
    for (const w of SITE_WORDS) {
      if (rest.length > w.length && rest.endsWith(w)) {
        rest = rest.slice(0, -w.length);
        sites++;
        stripped = true;
        break;
      }
    }
  }
  let type: string | undefined;
  for (const w of TYPE_WORDS) {
    if (rest.length > w.length && rest.endsWith(w)) {
      type = w;
      rest = rest.slice(0, -w.length);
      break;
    }
  }
  if (!type && sites === 0) return undefined;
  const head = headKind(rest);
  return head ? { head, type, sites, headText: rest } : undefined;
}

function headKind(head: string): string | undefined {
  let han = 0;
  let runs = '';
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    const kind = isHan(c) ? 'H' : isDigit(c) ? 'D' : isLetter(c) ? 'L' : '?';
    if (kind === '?') return undefined;
    if (kind === 'H') han++;
    if (runs[runs.length - 1] !== kind) runs += kind;
  }
  if (runs === 'H') return han >= 2 && han <= 4 ? `H${han}` : undefined;
  if (han > 0 || runs.length > 3 || head.length > 10) return undefined;
  return runs;
}

/** Shape features for the scorer (`§H2+体育`, `§H2+T`, `§H2+T+S`, `§LD+S`); none when the phrase has no brand shape. */
export function shapeFeatures(normalized: string): string[] {
  const s = brandShape(normalized);
  if (!s) return [];
  const out = [`§${s.head}${s.type ? '+T' : ''}${s.sites ? '+S' : ''}`];
  if (s.type) out.push(`§${s.head}+${s.type}`, `§${s.type}${s.sites ? '+S' : ''}`);
  return out;
}
