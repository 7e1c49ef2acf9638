// What a character a decoder lost a byte of costs, by all the evidence at once: character pairs, the words it makes with its neighbours, and the bracket it would close.
import { closerCost, isCloser } from './mojibake-brackets';
import { LINE_EDGE, lostCodeCost, type NumberSides, type Script } from './mojibake-context';
import { wordGains } from './mojibake-words';

/** Weight of the words a candidate makes (bits saved by jieba's segmentation) against the character pairs. */
const WORD_WEIGHT = 1;

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
 * probabilities with the neighbours, minus the bits its words save, plus or minus what it does as a closing bracket.
 */
export function lostCharacterScorer(place: LostPlace): (code: number) => number {
  const { before, after, script, open } = place;
  const previous = place.previous ?? (before === LINE_EDGE ? LINE_EDGE : before.slice(-1));
  const gain = wordGains(before === LINE_EDGE ? '' : before, place.following ?? after);
  return (code) => {
    let cost = lostCodeCost(previous, code, after, script, place.numbers) - WORD_WEIGHT * gain(code);
    if (open !== undefined && isCloser(code)) cost += closerCost(code, open);
    return cost;
  };
}
