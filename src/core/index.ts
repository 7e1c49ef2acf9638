// Public API of the News Lens engine: analyze text, turn junk into edits, export annotations.
import { analyze } from './analyze';
import { applyEdits, countByKind, junkEdits } from './edits';
import type { AnalyzeOptions, JunkKind, TextEdit } from './types';

export { Analyzer, analyze, type AnalysisResult } from './analyze';
export { applyEdits, countByKind, junkEdits, type EditSelection } from './edits';
export { CodePointIndex } from './codepoints';
export * from './types';

export interface CleanResult {
  text: string;
  edits: TextEdit[];
  removed: Partial<Record<JunkKind, number>>;
}

/** Strips junk (of the given kinds, default all) from a text. Entities are not needed for this, so they are skipped. */
export function cleanText(text: string, options: AnalyzeOptions = {}, kinds?: readonly JunkKind[]): CleanResult {
  const result = analyze(text, { ...options, junkKinds: kinds ?? options.junkKinds, entityTypes: [], figures: false });
  const edits = junkEdits(result.annotations, { kinds });
  return { text: applyEdits(text, edits), edits, removed: countByKind(result.annotations) };
}
export * from "./export";
