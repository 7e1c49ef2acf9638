// Constructed spam for evaluation: injects spam phrases into real pages in every form (brackets, quotes, prefixes, tag lines, link lists, compounds inside sentences, keyword lines, word salad), recording where.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readHandTerms } from './build-lexicon';
import { rng } from './random';

const ROOT = path.join(__dirname, '..', '..');
const readList = (file: string): string[] => readFileSync(path.join(ROOT, 'data', 'junk', 'hand', file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));

export const FORMS = ['title-bracket', 'title-quote', 'prefix', 'tag-line', 'link-list', 'inline', 'keyword-line', 'word-salad'] as const;
export type Form = (typeof FORMS)[number];

export interface Injected {
  text: string;
  /** The injected spam: [start, end) in the new text, its form, and whether cleaning it should restore the page. */
  spans: { start: number; end: number; form: Form; phrase: string }[];
}

const CONTEXT = ['官网', 'app下载', '官方网站', '注册', '登录入口', '平台', '网址', '开户', '真人平台', '手机版', '官网入口', '投注'];

export interface Pools {
  /** Gambling brands and names news also uses (dual): for compounds. */
  brands: string[];
  /** Spam-only brands: for the bare forms (a quoted title prefix, a tag). A dual name alone (“永利”) is news. */
  bareBrands: string[];
  terms: string[];
  porn: string[];
  salad: string[];
}

/** Brand pools: the lexicon's (false), or invented unseen ones — the dev list on dev pages, the held-out list on held-out pages. */
export function pools(unseen: false | 'dev' | 'held-out'): Pools {
  const hand = readHandTerms();
  const brands = unseen ? readList(unseen === 'dev' ? 'unseen-brands-dev.txt' : 'unseen-brands.txt') : hand.filter((e) => (e.role === 'brand' || e.role === 'dual') && e.category === 'gambling').map((e) => e.term);
  return {
    brands,
    bareBrands: unseen ? brands : hand.filter((e) => e.role === 'brand' && e.category === 'gambling').map((e) => e.term),
    terms: hand.filter((e) => e.role === 'term' && e.weight >= 3 && !['porn', 'safe'].includes(e.category)).map((e) => e.term),
    porn: hand.filter((e) => e.role === 'term' && e.weight >= 3 && e.category === 'porn').map((e) => e.term),
    salad: readList('word-salad.txt'),
  };
}

/** Injects `count` spam phrases of random forms into a page (deterministic for a seed). Lines are split on \n. */
export function inject(text: string, bodyLines: number[], seed: number, p: Pools, count = 2): Injected {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const lines = text.split('\n');
  const compound = () => pick(p.brands) + pick(CONTEXT);
  const edits: { line: number; form: Form; apply: (l: string) => { text: string; start: number; end: number } }[] = [];
  const used = new Set<number>();
  const insertLines: { after: number; form: Form; text: string; phrase: [number, number] }[] = [];
  for (let k = 0; k < count; k++) {
    const form = pick(FORMS);
    const body = bodyLines.filter((i) => !used.has(i) && /[\u4e00-\u9fff]{8}/.test(lines[i]));
    if (form === 'title-bracket' || form === 'title-quote') {
      const title = lines.findIndex((l, i) => !used.has(i) && l.length >= 6 && l.length <= 60 && /[\u4e00-\u9fff]{4}/.test(l));
      if (title < 0) continue;
      used.add(title);
      const phrase = form === 'title-bracket' ? `【${compound()}】` : `“${pick(p.bareBrands)}”`;
      edits.push({ line: title, form, apply: (l) => (form === 'title-bracket' ? { text: l + phrase, start: l.length, end: l.length + phrase.length } : { text: phrase + l, start: 0, end: phrase.length }) });
    } else if (form === 'prefix' || form === 'inline') {
      if (body.length === 0) continue;
      const line = pick(body);
      used.add(line);
      if (form === 'prefix') {
        const phrase = compound();
        edits.push({ line, form, apply: (l) => ({ text: `${phrase}：${l}`, start: 0, end: phrase.length + 1 }) });
      } else {
        const phrase = random() < 0.5 ? compound() : pick(p.terms) + pick(CONTEXT);
        edits.push({ line, form, apply: (l) => {
          // Between two Han characters somewhere in the sentence (`不锈钢球阀bet365官网的安装方法`).
          const spots = [...l.matchAll(/(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])/g)].map((m) => m.index!);
          const at = spots.length ? pick(spots) : 0;
          return { text: l.slice(0, at) + phrase + l.slice(at), start: at, end: at + phrase.length };
        } });
      }
    } else {
      const after = body.length ? pick(body) : lines.length - 1;
      let line = '';
      let phrase: [number, number] = [0, 0];
      if (form === 'tag-line') {
        const words = (lines[after].match(/[\u4e00-\u9fff]{2}/g) ?? ['新闻', '社会', '本地']).slice(0, 3);
        const spam = pick(p.bareBrands);
        const before = `标签：${words[0] ?? '新闻'},`;
        line = `${before}${spam},${words.slice(1).join(',')}`;
        phrase = [before.length, before.length + spam.length];
      } else if (form === 'link-list') {
        line = Array.from({ length: 4 + Math.floor(random() * 3) }, compound).join(' ');
        phrase = [0, line.length];
      } else if (form === 'keyword-line') {
        line = Array.from({ length: 4 + Math.floor(random() * 3) }, () => pick(p.porn) + (random() < 0.5 ? pick(p.porn) : '')).join(pick(['|', ',', '_', ' ']));
        phrase = [0, line.length];
      } else {
        line = pick(p.salad);
        phrase = [0, line.length];
      }
      insertLines.push({ after, form, text: line, phrase });
    }
  }
  // Rebuild the text, tracking offsets.
  const out: string[] = [];
  const spans: Injected['spans'] = [];
  let offset = 0;
  lines.forEach((l, i) => {
    const edit = edits.find((e) => e.line === i);
    let text = l;
    if (edit) {
      const r = edit.apply(l);
      text = r.text;
      spans.push({ start: offset + r.start, end: offset + r.end, form: edit.form, phrase: r.text.slice(r.start, r.end) });
    }
    out.push(text);
    offset += text.length + 1;
    for (const ins of insertLines.filter((x) => x.after === i)) {
      out.push(ins.text);
      spans.push({ start: offset + ins.phrase[0], end: offset + ins.phrase[1], form: ins.form, phrase: ins.text.slice(ins.phrase[0], ins.phrase[1]) });
      offset += ins.text.length + 1;
    }
  });
  return { text: out.join('\n'), spans };
}
