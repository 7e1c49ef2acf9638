// Word-salad filler: a whole line of unpunctuated Han text that reads badly as news (character-bigram model) and shares almost nothing with the rest of its document — neither its character pairs nor its vocabulary.
import type { Annotation } from '../types';
import type { DocLine } from '../lines';
import { charTables, CLASS_CJK, CLASS_LATIN_OR_DIGIT } from './char-classes';
import { clampConfidence, contentRange, wholeLine } from './common';
import { fluency, type Fluency } from './fluency';

/*
 * Spam generators paste fragments of novels or generated text, one per line, with no punctuation and no relation to
 * the page (剑气纵横只见他身形一晃便已消失竟然是那传说中的). Signals:
 *  - shape and fluency: a line of at least MIN_HAN Han characters without any punctuation (news sentences have
 *    punctuation) whose mean log P(next | previous) under the news model is below MAX_LOG_PROB;
 *  - relation: at most MAX_SHARED of its character pairs occur anywhere else in the document. A news title full of
 *    jargon the model never saw (知名私募清水源多只止损类产品爆仓或穿仓) reads badly too, but its body repeats its words;
 *  - and one of:
 *    - vocabulary: at most MAX_CHAR_SHARE of its distinct characters occur elsewhere in the document (when the
 *      document has at least VOCABULARY_CONTEXT Han characters to compare with). Filler comes from another world
 *      (剑 灵 丹 魔); the headlines of other stories in a news sidebar (国庆阅兵女兵方队两名领队女将军身份被披露) are
 *      off-topic and unpunctuated too, but written with the page's own news vocabulary;
 *    - narrative grammar: MIN_NARRATIVE function characters of narrative prose (了 着 他 她 便 竟 却 那 …), which
 *      headline register drops;
 *    - fluency far below news (STRONG_MAX_LOG_PROB).
 * A line with no document around it (under MIN_CONTEXT Han characters elsewhere) needs ALONE_MAX_LOG_PROB.
 * Thresholds were set on the dev pages and on clean calibration pages (scripts/junk/calibrate.ts: news sites'
 * sidebars, CCTV, Sogou, and Traditional copies of them), never on the held-out third.
 */
export const MIN_HAN = 14;
export const MAX_LOG_PROB = -6.0;
export const STRONG_MAX_LOG_PROB = -8.2;
export const ALONE_MAX_LOG_PROB = -7.8;
export const MAX_SHARED = 0.2;
export const MAX_CHAR_SHARE = 0.4;
export const MIN_NARRATIVE = 2;
const MIN_CONTEXT = 50;
const VOCABULARY_CONTEXT = 300;
const MIN_HAN_SHARE = 0.9;
/** Function characters of narrative prose that headline register drops (Simplified; lines are folded first). */
const NARRATIVE = new Set([...'了着他她它你我便竟却那般']);

/** Narrative function characters in a folded line. */
export function narrativeCount(folded: string): number {
  let n = 0;
  for (const ch of folded) if (NARRATIVE.has(ch)) n++;
  return n;
}

/** The line's folded Han text and fluency when it has the shape of filler and reads badly enough; else undefined. */
export function wordSaladCandidate(line: string): { folded: string; score: Fluency } | undefined {
  const range = contentRange(line);
  if (!range || range.end - range.start < MIN_HAN) return undefined;
  const { fold, classes } = charTables();
  let han = 0;
  let other = 0;
  let folded = '';
  for (let i = range.start; i < range.end; i++) {
    const code = line.charCodeAt(i);
    const cls = classes[code];
    if (cls & CLASS_CJK) {
      han++;
      folded += String.fromCharCode(fold[code]);
    } else if (cls & CLASS_LATIN_OR_DIGIT) other++;
    // Any punctuation, bracket or space: a sentence, a title with a source, a list — not one run of filler.
    else return undefined;
  }
  if (han < MIN_HAN || han < MIN_HAN_SHARE * (han + other)) return undefined;
  const score = fluency(folded);
  return score.meanLogProb < MAX_LOG_PROB ? { folded, score } : undefined;
}

interface Candidate {
  index: number;
  folded: string;
  score: Fluency;
  pairs: Set<number>;
  chars: Set<number>;
}

/** Word-salad lines of a document (offsets absolute, as DocLine.start). */
export function detectWordSalad(lines: readonly DocLine[]): Annotation[] {
  const candidates: Candidate[] = [];
  lines.forEach((line, index) => {
    const c = wordSaladCandidate(line.text);
    if (!c) return;
    const pairs = new Set<number>();
    const chars = new Set<number>();
    for (let i = 0; i < c.folded.length; i++) {
      chars.add(c.folded.charCodeAt(i));
      if (i + 1 < c.folded.length) pairs.add(c.folded.charCodeAt(i) * 65536 + c.folded.charCodeAt(i + 1));
    }
    candidates.push({ index, ...c, pairs, chars });
  });
  if (candidates.length === 0) return [];
  // One pass over the rest of the document: which of the candidates' pairs and characters occur elsewhere.
  const { fold, classes } = charTables();
  const wantedPairs = new Set<number>();
  const wantedChars = new Set<number>();
  for (const c of candidates) {
    for (const p of c.pairs) wantedPairs.add(p);
    for (const ch of c.chars) wantedChars.add(ch);
  }
  const isCandidate = new Set(candidates.map((c) => c.index));
  const pairsElsewhere = new Set<number>();
  const charsElsewhere = new Set<number>();
  let context = 0;
  lines.forEach((line, index) => {
    if (isCandidate.has(index)) return;
    const text = line.text;
    let prev = -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!(classes[code] & CLASS_CJK)) {
        prev = -1;
        continue;
      }
      context++;
      const f = fold[code];
      if (wantedChars.has(f)) charsElsewhere.add(f);
      if (prev >= 0) {
        const key = prev * 65536 + f;
        if (wantedPairs.has(key)) pairsElsewhere.add(key);
      }
      prev = f;
    }
  });
  const found: Annotation[] = [];
  for (const c of candidates) {
    const why = verdict(c, pairsElsewhere, charsElsewhere, context);
    if (!why) continue;
    const line = lines[c.index];
    const mean = c.score.meanLogProb;
    const reason = `Word-salad filler: the line reads badly as news (character-bigram fluency ${mean.toFixed(2)} nats per character, below ${MAX_LOG_PROB}) and ${why.text}`;
    const finding = wholeLine(line.text, 'spam', reason, clampConfidence(0.5 + (MAX_LOG_PROB - mean) / 4 + (MAX_SHARED - why.share)));
    if (finding) found.push({ ...finding, start: finding.start + line.start, end: finding.end + line.start, removal: { start: finding.removal!.start + line.start, end: finding.removal!.end + line.start } });
  }
  return found;
}

function verdict(c: Candidate, pairsElsewhere: Set<number>, charsElsewhere: Set<number>, context: number): { text: string; share: number } | undefined {
  const mean = c.score.meanLogProb;
  if (context < MIN_CONTEXT) return mean < ALONE_MAX_LOG_PROB ? { text: `is far below news (${ALONE_MAX_LOG_PROB}) with no document around it`, share: 0 } : undefined;
  let shared = 0;
  for (const p of c.pairs) if (pairsElsewhere.has(p)) shared++;
  const share = c.pairs.size === 0 ? 0 : shared / c.pairs.size;
  if (share > MAX_SHARED) return undefined;
  let known = 0;
  for (const ch of c.chars) if (charsElsewhere.has(ch)) known++;
  const charShare = known / c.chars.size;
  const unrelated = `only ${Math.round(share * 100)}% of its character pairs occur elsewhere in the document`;
  if (context >= VOCABULARY_CONTEXT && charShare <= MAX_CHAR_SHARE) return { text: `${unrelated}, and only ${Math.round(charShare * 100)}% of its characters (the page's vocabulary is not its vocabulary)`, share };
  const narrative = narrativeCount(c.folded);
  if (narrative >= MIN_NARRATIVE) return { text: `${unrelated}; it reads as narrative prose (${narrative} particles and pronouns such as 了 着 他, which headlines drop)`, share };
  if (mean < STRONG_MAX_LOG_PROB) return { text: `${unrelated}; it is far below news (${STRONG_MAX_LOG_PROB})`, share };
  return undefined;
}
