// Keeps the tagger's all-Latin spans (NBA, Cornell University) only in sentences that read as Chinese: the model never saw English prose.
//
// Every training sentence has Han characters, and in fewer than 0.1% of their entities is the span all Latin while
// the sentence's letters are mostly Latin. So in an English sentence (a wire story with a Chinese gloss, a
// "Copyright … All Rights Reserved" line) the tagger's Latin spans are guesses outside what it learned.

/** Below this share of Han among the sentence's Han characters and Latin letters, the sentence is not Chinese. */
const MIN_HAN_SHARE = 0.3;

const isHan = (code: number): boolean => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
const isLatin = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Ends a sentence: Chinese and ASCII sentence marks; '.' only before a space or the line end (not 3.1 or U.S). */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f || c === 0x3b) return true;
  if (c !== 0x2e) return false;
  const next = text.charCodeAt(i + 1);
  return Number.isNaN(next) || next === 0x20 || next === 0x22 || next === 0x201d;
}

function hasHan(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isHan(text.charCodeAt(i))) return true;
  return false;
}

/** The share of Han among the Han characters and Latin letters of the sentence around [start, end). */
export function hanShareAround(text: string, start: number, end: number): number {
  let from = start;
  while (from > 0 && !endsSentence(text, from - 1)) from--;
  let to = end;
  while (to < text.length && !endsSentence(text, to)) to++;
  let han = 0;
  let latin = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c)) han++;
    else if (isLatin(c)) latin++;
  }
  return han + latin === 0 ? 1 : han / (han + latin);
}

/** False for a span with no Han character in a sentence that is not Chinese. */
export function keepTaggedSpan(text: string, start: number, end: number): boolean {
  return hasHan(text, start, end) || hanShareAround(text, start, end) >= MIN_HAN_SHARE;
}
