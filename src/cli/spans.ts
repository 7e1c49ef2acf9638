// Turns engine annotations into the CLI's JSON spans, with offsets in Unicode code points.
import { CodePointIndex } from '../core/codepoints';
import type { Annotation, FigureValue } from '../core/types';

export interface JsonSpan {
  start: number;
  end: number;
  kind: Annotation['kind'];
  label: string;
  text: string;
  reason?: string;
  confidence?: number;
  /** Entities of the tagger: the training set whose labelling it followed on that line. */
  convention?: string;
  value?: FigureValue;
}

export function toJsonSpans(text: string, annotations: readonly Annotation[]): JsonSpan[] {
  const index = new CodePointIndex(text);
  return annotations.map((a) => {
    const span: JsonSpan = {
      start: index.toCodePoint(a.start),
      end: index.toCodePoint(a.end),
      kind: a.kind,
      label: a.label,
      text: a.text,
    };
    if (a.reason !== undefined) span.reason = a.reason;
    if (a.confidence !== undefined) span.confidence = a.confidence;
    if (a.convention !== undefined) span.convention = a.convention;
    if (a.value !== undefined) span.value = a.value;
    return span;
  });
}
