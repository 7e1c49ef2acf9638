// Brackets and quotes as evidence for a lost byte: 》 ） ” close only what the line opened before them.
//
// A lost byte before ASCII often completes punctuation, and the candidates of one block mix openers and closers
// with other marks (、 。 》 share E3 80 xx; ： （ ） ！ ？ share EF BC xx; “ ” share E2 80 xx). The pair model knows
// the neighbours only; whether the line has an opener to close (ASCII brackets survive the misreading) it does not.
// Openers are not judged by a closer later in the line: that closer is often still mojibake when the run is tried.

/** Closer → its opener; an ASCII and a full-width parenthesis match each other (pages mix them). */
const OPENER_OF = new Map<number, number[]>([
  [0xff09, [0xff08, 0x28]], // ）
  [0x29, [0xff08, 0x28]], // )
  [0x300b, [0x300a]], // 》
  [0x3011, [0x3010]], // 】
  [0x300d, [0x300c]], // 」
  [0x300f, [0x300e]], // 』
  [0x201d, [0x201c]], // ”
]);
const CLOSERS_OF = new Map<number, number[]>();
for (const [closer, openers] of OPENER_OF) for (const opener of openers) CLOSERS_OF.set(opener, [...(CLOSERS_OF.get(opener) ?? []), closer]);

/** Bits a closer costs that closes nothing. */
const UNMATCHED_COST = 8;
/** Bits a closer saves that closes what the line left open. */
const MATCHED_GAIN = 6;

/** Openers remembered: a closer closes one of the last few (and a line of 100k `(` stays linear). */
const MAX_OPEN = 16;

/** The openers left open after `text` (the last MAX_OPEN), oldest first, given those open before it (`open`). */
export function openAfter(text: string, open = ''): string {
  let stack = open;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (CLOSERS_OF.has(code)) stack = stack.length < MAX_OPEN ? stack + text[i] : stack.slice(1) + text[i];
    else {
      const openers = OPENER_OF.get(code);
      if (!openers) continue;
      for (let k = stack.length - 1; k >= 0; k--) {
        if (!openers.includes(stack.charCodeAt(k))) continue;
        stack = stack.slice(0, k) + stack.slice(k + 1);
        break;
      }
    }
  }
  return stack;
}

/**
 * What a candidate costs (positive) or saves (negative) as a closing bracket or quote, given the openers the line
 * left open before it; 0 for anything else.
 */
export function closerCost(code: number, open: string): number {
  const openers = OPENER_OF.get(code);
  if (!openers) return 0;
  return openers.some((o) => open.includes(String.fromCharCode(o))) ? -MATCHED_GAIN : UNMATCHED_COST;
}

/** True for a code unit that closes a bracket or quote. */
export function isCloser(code: number): boolean {
  return OPENER_OF.has(code);
}
