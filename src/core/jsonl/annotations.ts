// Moves a record's annotations (offsets into its decoded text) into the line of the corpus, with edits that keep it valid JSON.
import type { Annotation } from '../types';
import { encodeJsonStringContent, type DecodedString } from './json-string';

/**
 * The annotations in document offsets (`lineOffset` is where the line starts): ranges and removals land on the raw
 * characters of the string literal (an escape counts whole), and replacement text is JSON-escaped. `text` and
 * `cleanText` stay decoded, for hovers and names. junkEdits() of the result are edits of the raw line that keep
 * it a valid JSON line and touch nothing outside the string.
 */
export function toDocumentAnnotations(annotations: readonly Annotation[], text: DecodedString, lineOffset: number): Annotation[] {
  return annotations.map((a) => {
    const moved: Annotation = { ...a, start: text.toRaw(a.start) + lineOffset, end: text.toRaw(a.end) + lineOffset };
    if (a.removal) moved.removal = { start: text.toRaw(a.removal.start) + lineOffset, end: text.toRaw(a.removal.end) + lineOffset };
    if (a.replacement !== undefined) moved.replacement = encodeJsonStringContent(a.replacement, text.asciiOnly);
    return moved;
  });
}
