// Converts annotations to the interchange formats annotators use (brat, doccano, Label Studio, CoNLL/BIO), in code points.
import { CodePointIndex } from './codepoints';
import type { Annotation } from './types';

export const EXPORT_FORMATS = ['brat', 'doccano', 'conll', 'label-studio'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Entity and figure spans only: junk is cleaned, not labelled. Nested or overlapping spans keep the first. */
export function exportableSpans(annotations: readonly Annotation[]): Annotation[] {
  const spans = annotations.filter((a) => a.kind === 'entity' || a.kind === 'figure').sort((a, b) => a.start - b.start);
  const kept: Annotation[] = [];
  for (const span of spans) {
    if (kept.length === 0 || span.start >= kept[kept.length - 1].end) kept.push(span);
  }
  return kept;
}

interface CodePointSpan {
  start: number;
  end: number;
  label: string;
  text: string;
}

function toCodePoints(text: string, annotations: readonly Annotation[]): CodePointSpan[] {
  const index = new CodePointIndex(text);
  return exportableSpans(annotations).map((a) => ({
    start: index.toCodePoint(a.start),
    end: index.toCodePoint(a.end),
    label: a.label,
    text: a.text,
  }));
}

/** brat standoff .ann content: `T1<TAB>PER 0 3<TAB>张三`, 0-based, end-exclusive code points. */
export function toBrat(text: string, annotations: readonly Annotation[]): string {
  return toCodePoints(text, annotations)
    .map((span, i) => `T${i + 1}\t${span.label} ${span.start} ${span.end}\t${span.text.replace(/[\r\n]+/g, ' ')}`)
    .join('\n') + (annotations.length ? '\n' : '');
}

/** One doccano JSONL object: {"text", "labels": [[start, end, label]]}. */
export function toDoccano(text: string, annotations: readonly Annotation[]): Record<string, unknown> {
  return { text, labels: toCodePoints(text, annotations).map((s) => [s.start, s.end, s.label]) };
}

/** One Label Studio task with a prediction-style result list. */
export function toLabelStudio(text: string, annotations: readonly Annotation[]): Record<string, unknown> {
  return {
    data: { text },
    annotations: [
      {
        result: toCodePoints(text, annotations).map((s, i) => ({
          id: `nl${i + 1}`,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          value: { start: s.start, end: s.end, text: s.text, labels: [s.label] },
        })),
      },
    ],
  };
}

/** CoNLL/BIO: one character per line with its tag; a blank line after each line of text; whitespace is skipped. */
export function toConll(text: string, annotations: readonly Annotation[]): string {
  const tags = new Map<number, string>();
  for (const span of exportableSpans(annotations)) {
    let first = true;
    for (let i = span.start; i < span.end; ) {
      const cp = text.codePointAt(i)!;
      tags.set(i, `${first ? 'B' : 'I'}-${span.label}`);
      first = false;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  const rows: string[] = [];
  let lineHasRows = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (ch === '\n') {
      if (lineHasRows) rows.push('');
      lineHasRows = false;
    } else if (!/\s/.test(ch)) {
      rows.push(`${ch}\t${tags.get(i) ?? 'O'}`);
      lineHasRows = true;
    }
    i += ch.length;
  }
  if (lineHasRows) rows.push('');
  return rows.join('\n') + (rows.length ? '\n' : '');
}
