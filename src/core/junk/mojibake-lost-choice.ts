// What a character a decoder lost a byte of costs, by all the evidence at once: character pairs, the words it makes with its neighbours, and the bracket it would close.
import { closerCost, isCloser } from './mojibake-brackets';
import { isHan } from './han-frequency';
import { LINE_EDGE, lostCodeCost, type NumberSides, type Script } from './mojibake-context';
import { hasHanNeighbour, oneCharacterWordCost, wordGains } from './mojibake-words';

/** Weight of the words a candidate makes (bits saved by jieba's segmentation) against the character pairs. */
const WORD_WEIGHT = 1;

/**
 * Weight of a Han candidate's cost as a word of its own, paid when it has Han neighbours and makes no word with them:
 * it then stands alone in the sentence, and jieba's dictionary knows which characters do (又, 却, 受, 送) and which
 * seldom do (合, 吴, 南, 逐), where the character pairs of broadcast news prefer the latter. Tuned on dev (0.1 to 0.3
 * all gained; 0.2 best: 8 items more of 1,192 with a lost byte; 0.5 lost some).
 */
const STANDING_ALONE_WEIGHT = 0.2;

/** Where a lost character stands in its line. */
export interface LostPlace {
  /** The text before it (LINE_EDGE, or '' for its start, when nothing is known): the pair model reads the last character, the word model up to three. */
  before: string;
  /** The character before it for the pair model, when it is not the last of `before` (a byte sequence cut short). */
  previous?: string;
  /** The character after it (LINE_EDGE at the line's end, '' when unknown). */
  after: string;
  /** Up to three characters after it, for the word model, when more than `after` is known. */
  following?: string;
  /** The script of its line, when known: a character of the other script costs more. */
  script?: Script;
  /** Brackets and quotes the line left open before it (mojibake-brackets.ts); undefined: not considered. */
  open?: string;
  /** When a number stands between it and `previous` or `after`: what is on the number's far side. */
  numbers?: NumberSides;
}

/**
 * The cost of each candidate code unit for a lost character at `place` (lower is likelier): -log2 of its pair
 * probabilities with the neighbours, minus the bits its words save (or a share of its cost as a word alone when it makes
 * none beside Han), plus or minus what it does as a closing bracket.
 */
export function lostCharacterScorer(place: LostPlace): (code: number) => number {
  const { before, after, script, open } = place;
  const previous = place.previous ?? (before === LINE_EDGE ? LINE_EDGE : before.slice(-1));
  const left = before === LINE_EDGE ? '' : before;
  const right = place.following ?? after;
  const gain = wordGains(left, right);
  const amongHan = hasHanNeighbour(left, right);
  return (code) => {
    const words = gain(code);
    let cost = lostCodeCost(previous, code, after, script, place.numbers) - WORD_WEIGHT * words;
    if (words === 0 && amongHan && isHan(code)) cost += STANDING_ALONE_WEIGHT * oneCharacterWordCost(code);
    if (open !== undefined && isCloser(code)) cost += closerCost(code, open);
    return cost;
  };
}
