// Pathological inputs for the bounded-work tests: huge, repetitive or binary-looking texts and regex-metacharacter user terms.
import { analyze } from '../../../src/core/analyze';
import { cleanText } from '../../../src/core/index';
import type { AnalyzeOptions, Annotation } from '../../../src/core/types';
import { SIMPLIFIED_SENTENCES, TRADITIONAL_SENTENCES } from './corpus';

export interface CaseResult {
  analyzeMs: number;
  cleanMs: number;
  length: number;
  annotations: number;
  /** Expectations about the output that did not hold (empty when all did). */
  failures: string[];
}

interface PathologicalCase {
  id: string;
  title: string;
  build(): { text: string; options?: AnalyzeOptions };
  /** Checks of the analysis beyond "finishes in time". */
  verify?(text: string, annotations: readonly Annotation[]): string[];
}

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function bytes(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/** UTF-8 read as Windows-1252 by a strict decoder: U+FFFD for the five bytes it leaves undefined. */
function strictCp1252(text: string): string {
  const undefinedBytes = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  const cp1252 = new TextDecoder('windows-1252');
  return Array.from(Buffer.from(text, 'utf8'), (b) => (undefinedBytes.has(b) ? '\ufffd' : cp1252.decode(Uint8Array.of(b)))).join('');
}

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** 10k user terms built from regex syntax, plus the three bare ones the brief names. */
function metacharacterTerms(): string[] {
  const templates = [(i: number) => `a+b(${i}`, (i: number) => `.*${i}`, (i: number) => `(?:x+)+y${i}`, (i: number) => `[${i}`,
    (i: number) => `\\d{${i}}`, (i: number) => `$^${i}|`, (i: number) => `(${i}))`, (i: number) => `?*+${i}`];
  const terms = ['a+b(', '.*', '(?:x+)+y'];
  for (let i = terms.length; i < 10_000; i++) terms.push(templates[i % templates.length](i));
  return terms;
}

const SPAM_LINE = '国产精品|日韩无码|亚洲av天堂|久久精品';
/** Lines whose spam verdict shows whether user terms were used literally. */
const PROBES = {
  literalTerms: 'a+b(|a+b(|a+b(|a+b(',
  regexOnlyMatch: 'aab(|aaab(|ab(|aab(',
  dotStarBait: 'abc|def|ghi|jkl',
  backtrackingBait: `${'x'.repeat(40)}!`,
  plainSpam: SPAM_LINE,
  spamWithLiteral: `${SPAM_LINE}|.*`,
};

/** An article with the probe lines among ordinary prose lines. */
function probeArticle(): string {
  const lines: string[] = [];
  const prose = [...TRADITIONAL_SENTENCES, ...SIMPLIFIED_SENTENCES];
  for (let i = 0; i < 300; i++) lines.push(prose[i % prose.length] + (i % 7 === 0 ? ` a+b(${i} .*${i}` : ''));
  Object.values(PROBES).forEach((probe, i) => lines.splice(40 * (i + 1), 0, probe));
  return lines.join('\n');
}

/** Is the line holding `probe` flagged as spam? */
function spamOnLine(text: string, annotations: readonly Annotation[], probe: string): boolean {
  const start = text.indexOf(`\n${probe}\n`) + 1;
  const end = start + probe.length;
  return annotations.some((a) => a.kind === 'junk' && a.label === 'spam' && a.start >= start && a.end <= end);
}

function expectSpam(text: string, annotations: readonly Annotation[], expected: Record<string, boolean>): string[] {
  return Object.entries(expected)
    .filter(([key, spam]) => spamOnLine(text, annotations, PROBES[key as keyof typeof PROBES]) !== spam)
    .map(([key, spam]) => `${JSON.stringify(PROBES[key as keyof typeof PROBES])} should ${spam ? '' : 'not '}be flagged as spam`);
}

export const CASES: readonly PathologicalCase[] = [
  {
    id: 'prose-1mb',
    title: 'a 1 MB single line of prose',
    build: () => ({ text: repeatTo(TRADITIONAL_SENTENCES.join(''), 1_000_000) }),
  },
  { id: 'pipes', title: '100k | characters', build: () => ({ text: '|'.repeat(100_000) }) },
  { id: 'nested-b', title: '50k nested <b> tags', build: () => ({ text: `${'<b>'.repeat(50_000)}嘉興日報${'</b>'.repeat(50_000)}` }) },
  { id: 'latin1', title: 'a 200 KB string of random bytes decoded as latin1', build: () => ({ text: bytes(200_000, 20261128).toString('latin1') }) },
  {
    id: 'latin1-high',
    title: 'a 200 KB line of random bytes 0x80–0xFF decoded as latin1',
    build: () => ({ text: Buffer.from(bytes(200_000, 7).map((b) => b | 0x80)).toString('latin1') }),
  },
  { id: 'c1-sequences', title: '100k `Â€` (UTF-8 for a C1 control, read as Windows-1252) on one line', build: () => ({ text: 'Â€'.repeat(100_000) }) },
  {
    id: 'gbk-lost-bytes',
    title: 'a 200 KB line of UTF-8 read as GBK, a byte lost before every number',
    build: () => ({ text: repeatTo(SIMPLIFIED_SENTENCES.map((s, i) => `${new TextDecoder('gbk').decode(Buffer.from(s, 'utf8'))}${i}`).join(''), 200_000) }),
  },
  { id: 'gbk-random', title: 'a 200 KB line of random bytes decoded as GBK', build: () => ({ text: new TextDecoder('gbk').decode(bytes(200_000, 11)) }) },
  {
    id: 'strict-cp1252-guesses',
    title: 'a line of 66,000 characters of UTF-8 read by a strict Windows-1252 decoder, two Chinese characters in three guessed (新违反…)',
    build: () => ({ text: strictCp1252(repeatTo('新违反', 22_000)) }),
  },
  { id: 'parens', title: '100k ( characters', build: () => ({ text: '('.repeat(100_000) }) },
  { id: 'glosses', title: '20k repetitions of 網(wǎng) without line breaks', build: () => ({ text: '網(wǎng)'.repeat(20_000) }) },
  {
    id: 'unclosed-tags',
    title: '30k unclosed <a href=" tags on one line',
    build: () => ({ text: `${'<a href="x '.repeat(30_000)}嘉興` }),
  },
  {
    id: 'spam-terms',
    title: '10k regex-metacharacter extraSpamTerms, matched literally',
    build: () => ({ text: probeArticle(), options: { extraSpamTerms: metacharacterTerms() } }),
    verify: (text, annotations) =>
      expectSpam(text, annotations, { literalTerms: true, regexOnlyMatch: false, dotStarBait: false, backtrackingBait: false, plainSpam: true }),
  },
  {
    id: 'ignore-literals',
    title: '10k regex-metacharacter ignoreLiterals, matched literally',
    build: () => ({ text: probeArticle(), options: { ignoreLiterals: metacharacterTerms() } }),
    verify: (text, annotations) => expectSpam(text, annotations, { plainSpam: true, spamWithLiteral: false, literalTerms: false }),
  },
];

/** Runs one case, reporting each phase before it starts (so a watchdog can tell which one hangs). */
export function runCase(id: string, onPhase: (phase: 'build' | 'analyze' | 'clean') => void): CaseResult {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no pathological case ${id}`);
  onPhase('build');
  const { text, options = {} } = c.build();
  onPhase('analyze');
  let t = performance.now();
  const { annotations } = analyze(text, options);
  const analyzeMs = performance.now() - t;
  onPhase('clean');
  t = performance.now();
  cleanText(text, options);
  const cleanMs = performance.now() - t;
  const failures = c.verify ? c.verify(text, annotations) : [];
  return { analyzeMs, cleanMs, length: text.length, annotations: annotations.length, failures };
}
