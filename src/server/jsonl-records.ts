// Analyzes one JSONL line as a record: its text field through the engine, annotations moved into the line.
import { readJsonlLine, textFieldsFor, toDocumentAnnotations, type JsonlLine } from '../core/jsonl';
import type { DocumentSignature } from '../core/dedup';
import type { Annotation, DocumentScript } from '../core/types';
import { createAnalyzer } from './fault-injection';
import { toAnalyzeOptions, type NewsLensSettings } from './settings';

export interface RecordResult {
  parsed: JsonlLine;
  /** Offsets into the line (the raw JSON); none for a line that is not a record. */
  annotations: Annotation[];
  /** Only junk and figures were looked for (the segmenter was not loaded, or the record is large). */
  cheap: boolean;
  /** The record's text is above newsLens.maxDocumentSizeKB: it will never get entities. */
  large: boolean;
  script?: DocumentScript;
  /** The record's MinHash signature, for near-duplicates (computed on first use; undefined also for an empty text). */
  signature?: DocumentSignature | null;
}

/** Analyzes a line; `cheapOnly` skips entities. Records above maxDocumentSizeKB get junk and figures only, as documents do. */
export function analyzeRecordLine(line: string, settings: NewsLensSettings, cheapOnly: boolean): RecordResult {
  const parsed = readJsonlLine(line, textFieldsFor(settings.jsonlTextField));
  if (parsed.kind !== 'record' || !settings.enable) return { parsed, annotations: [], cheap: false, large: false };
  const large = parsed.text.value.length > settings.maxDocumentSizeKB * 1024;
  const cheap = cheapOnly || large;
  const result = createAnalyzer().analyze(parsed.text.value, toAnalyzeOptions(settings, cheap));
  return { parsed, annotations: toDocumentAnnotations(result.annotations, parsed.text, 0), cheap, large, script: result.script };
}

/**
 * analyzeRecordLine that never throws: a record whose analysis fails is logged (`report`) and gets what the cheap
 * layers find, or nothing; it is not retried until its text changes.
 */
export function analyzeRecordSafely(line: string, settings: NewsLensSettings, cheapOnly: boolean, report: (error: unknown) => void): RecordResult {
  try {
    return analyzeRecordLine(line, settings, cheapOnly);
  } catch (error) {
    report(error);
  }
  const parsed = readJsonlLine(line, textFieldsFor(settings.jsonlTextField));
  try {
    return { ...analyzeRecordLine(line, settings, true), cheap: false, large: true };
  } catch (error) {
    report(error);
    return { parsed, annotations: [], cheap: false, large: true };
  }
}

/** Moves a record's annotations (offsets into its line) to a line starting at `lineStart`. */
export function placeRecord(annotations: readonly Annotation[], lineStart: number): Annotation[] {
  if (lineStart === 0) return annotations.slice();
  return annotations.map((a) => {
    const placed: Annotation = { ...a, start: a.start + lineStart, end: a.end + lineStart };
    if (a.removal) placed.removal = { start: a.removal.start + lineStart, end: a.removal.end + lineStart };
    return placed;
  });
}
