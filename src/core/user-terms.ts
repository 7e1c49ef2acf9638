// Checks on words and terms that users supply (dictionary words, spam terms, ignore entries) before the engine uses them.

/**
 * Why a user-supplied term cannot be used, or undefined when it can. A term must hold text (not only spaces), must
 * not contain a line break (the engine matches within lines), and must be well-formed Unicode: a lone surrogate
 * (possible in JSON settings as "\udd5f") would match half of an emoji or an astral character and split it.
 */
export function termProblem(term: string): string | undefined {
  if (term.trim() === '') return 'it is empty';
  if (/[\r\n\u2028\u2029]/.test(term)) return 'it contains a line break';
  if (!isWellFormedText(term)) return 'it contains a lone surrogate (half of a character outside the BMP), which would split characters';
  return undefined;
}

/** True when every surrogate in the text is half of a pair. */
export function isWellFormedText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return false;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}
