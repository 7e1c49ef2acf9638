// Per-code-unit tables of the spam detectors: a fold to Simplified lower-case (look-alikes to the letter they imitate) and character classes.
import { scriptClassOf, simplifiedUnits } from '../script';

/** Character classes, indexed by UTF-16 code unit. */
export const CLASS_SIMPLIFIED_ONLY = 1;
export const CLASS_TRADITIONAL_ONLY = 2;
export const CLASS_LOOKALIKE = 4;
export const CLASS_FULLWIDTH_LATIN = 8;
export const CLASS_CJK = 16;
export const CLASS_LATIN_OR_DIGIT = 32;

/** Look-alike characters spam uses to dodge filters, and the letter each one imitates. */
const LOOKALIKES: Record<string, string> = {
  'а': 'a', 'А': 'a', 'е': 'e', 'Е': 'e', 'о': 'o', 'О': 'o', 'р': 'p', 'Р': 'p', 'с': 'c', 'С': 'c', 'х': 'x',
  'Х': 'x', 'у': 'y', 'к': 'k', 'К': 'k', 'М': 'm', 'Т': 't', 'Н': 'h', 'В': 'b', 'ѕ': 's', 'і': 'i', 'ј': 'j',
  'Α': 'a', 'Β': 'b', 'Ε': 'e', 'Κ': 'k', 'Μ': 'm', 'Ν': 'n', 'Ο': 'o', 'Ρ': 'p', 'Τ': 't', 'Χ': 'x', 'ο': 'o',
  'ν': 'v', 'α': 'a', '∨': 'v', '√': 'v', 'ⅴ': 'v', 'Ⅴ': 'v', 'Ⅹ': 'x', 'ⅹ': 'x', 'Ⅰ': 'i', 'ⅰ': 'i', 'Ⅼ': 'l',
  'ⅼ': 'l', 'Ⅽ': 'c', 'ⅽ': 'c', 'Ⅾ': 'd', 'ⅾ': 'd', 'Ⅿ': 'm', 'ⅿ': 'm',
};

export interface CharTables {
  /** Code unit → folded code unit (Simplified, lower-case ASCII). */
  fold: Uint16Array;
  /** Code unit → CLASS_* bits. */
  classes: Uint8Array;
}

let tables: CharTables | undefined;

function build(): CharTables {
  const fold = new Uint16Array(65536);
  for (let i = 0; i < fold.length; i++) fold[i] = i;
  const classes = new Uint8Array(65536);
  // Traditional → Simplified through the converter's own tables (one lookup per CJK code unit).
  const simplified = simplifiedUnits();
  const ranges: [number, number][] = [[0x3400, 0x9fff], [0xf900, 0xfaff]];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      fold[code] = simplified[code];
      classes[code] |= CLASS_CJK;
      const script = scriptClassOf(code);
      if (script === 2) classes[code] |= CLASS_SIMPLIFIED_ONLY;
      else if (script === 1) classes[code] |= CLASS_TRADITIONAL_ONLY;
    }
  }
  for (let c = 0x41; c <= 0x5a; c++) fold[c] = c + 0x20;
  for (let c = 0x30; c <= 0x39; c++) classes[c] |= CLASS_LATIN_OR_DIGIT;
  for (let c = 0x41; c <= 0x5a; c++) classes[c] |= CLASS_LATIN_OR_DIGIT;
  for (let c = 0x61; c <= 0x7a; c++) classes[c] |= CLASS_LATIN_OR_DIGIT;
  // Full-width ASCII letters and digits.
  for (let c = 0xff10; c <= 0xff19; c++) { fold[c] = c - 0xfee0; classes[c] |= CLASS_LATIN_OR_DIGIT; }
  for (let c = 0xff21; c <= 0xff3a; c++) { fold[c] = c - 0xfee0 + 0x20; classes[c] |= CLASS_FULLWIDTH_LATIN | CLASS_LATIN_OR_DIGIT; }
  for (let c = 0xff41; c <= 0xff5a; c++) { fold[c] = c - 0xfee0; classes[c] |= CLASS_FULLWIDTH_LATIN | CLASS_LATIN_OR_DIGIT; }
  for (const [ch, letter] of Object.entries(LOOKALIKES)) {
    const code = ch.charCodeAt(0);
    fold[code] = letter.charCodeAt(0);
    classes[code] |= CLASS_LOOKALIKE | CLASS_LATIN_OR_DIGIT;
  }
  return { fold, classes };
}

export function charTables(): CharTables {
  return (tables ??= build());
}

/** A string folded through the table (Simplified, lower-case, look-alikes to letters); same length as the input. */
export function foldText(text: string, start = 0, end = text.length): string {
  const { fold } = charTables();
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(fold[text.charCodeAt(i)]);
  return out;
}
