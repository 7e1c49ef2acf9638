// People: the post-rule for author credits (责编：李文治, 记者 张三 李四 报道); all other names come from the tagger.
import type { Candidate } from './candidates';
import { lexicon } from './lexicon';

let creditRe: RegExp | undefined;
let nameRe: RegExp | undefined;

/**
 * A credit word (from data/ner/lexicon.json) not glued to a word before it (at the start of the
 * line, or after a bracket, space, separator or symbol), then a colon or spaces, then the names: one to four surname-led names of two or
 * three Han characters, separated by spaces, 、 or slashes, each ending at punctuation, a space,
 * the end of the line or 报道/摄.
 */
function patterns(): { credit: RegExp; name: RegExp } {
  if (!creditRe || !nameRe) {
    const { credits, surnames } = lexicon();
    const doubleSurnames = lexicon().doubleSurnames;
    const surnameClass = `[${[...surnames].join('')}]`;
    const words = [...credits].sort((a, b) => b.length - a.length).join('|');
    creditRe = new RegExp(`(?<![\\u3400-\\u9fffA-Za-z0-9])(?:${words})(?:\\s*[:：]\\s*|\\s+)`, 'g');
    const surname = `(?:${[...doubleSurnames].join('|')}|${surnameClass})`;
    nameRe = new RegExp(`^${surname}[\\u4e00-\\u9fff]{1,2}(?=$|[\\s、,，/／)）\\]】」』"”'’|;；。.!！?？]|报道|摄)`);
  }
  return { credit: creditRe, name: nameRe };
}

/** Adds the names of credit lines in a Simplified line. */
export function findCreditNames(text: string, out: Candidate[]): void {
  const { credit, name } = patterns();
  credit.lastIndex = 0;
  for (let m = credit.exec(text); m; m = credit.exec(text)) {
    let at = m.index + m[0].length;
    for (let count = 0; count < 4; count++) {
      const found = name.exec(text.slice(at, at + 8));
      if (!found) break;
      out.push({ start: at, end: at + found[0].length, type: 'PER', tier: 1.5, confidence: 1 });
      at += found[0].length;
      const separator = /^[ \t\u3000、/／]+/.exec(text.slice(at, at + 4));
      if (!separator) break;
      at += separator[0].length;
    }
    credit.lastIndex = Math.max(credit.lastIndex, at);
  }
}
