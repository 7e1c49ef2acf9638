// Word-salad filler: a whole line of unpunctuated Han text that reads badly under the news language model (剑气纵横只见他身形一晃便已消失…).
import type { Annotation } from '../types';
import { charTables, CLASS_CJK, CLASS_LATIN_OR_DIGIT } from './char-classes';
import { clampConfidence, contentRange, wholeLine } from './common';
import { fluency } from './fluency';

/*
 * Spam generators paste fragments of novels or generated text, one per line, with no punctuation and no relation to
 * the page. A news sentence has punctuation; a news title is short or fluent news language. So only a line of at
 * least MIN_HAN Han characters, nearly all Han, without any punctuation, is measured, and it is flagged when its mean
 * log P(next | previous) under the news model is below MAX_LOG_PROB (held-out news lines of that shape: see the
 * README's junk section for the false-alarm rate).
 */
export const MIN_HAN = 16;
export const MAX_LOG_PROB = -6.2;
const MIN_HAN_SHARE = 0.9;

export function detectWordSalad(line: string): Annotation[] {
  const range = contentRange(line);
  if (!range || range.end - range.start < MIN_HAN) return [];
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
    else return [];
  }
  if (han < MIN_HAN || han < MIN_HAN_SHARE * (han + other)) return [];
  const { meanLogProb, unseenShare } = fluency(folded);
  if (meanLogProb >= MAX_LOG_PROB) return [];
  const reason = `Word-salad filler: the line reads badly as news (character-bigram fluency ${meanLogProb.toFixed(2)} nats per character, below ${MAX_LOG_PROB}; ${Math.round(unseenShare * 100)}% of its character pairs never seen in the news model) and has no punctuation`;
  const finding = wholeLine(line, 'spam', reason, clampConfidence(0.5 + (MAX_LOG_PROB - meanLogProb) / 4));
  return finding ? [finding] : [];
}
