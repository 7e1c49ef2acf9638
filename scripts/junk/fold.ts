// The build scripts' view of a term: folded exactly as the engine's matcher folds text (Simplified, lower-case, look-alikes to letters).
import { foldText } from '../../src/core/junk/char-classes';

export function foldTerm(text: string): string {
  return foldText(text);
}
