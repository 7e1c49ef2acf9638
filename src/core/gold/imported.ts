// What every importer produces: documents with labelled spans in code points, and their conversion to gold decisions.
import { CodePointIndex } from '../codepoints';
import { byPosition, goldKindOf, type GoldAnnotation } from './model';

/** A labelled span in code points of its document's text, [start, end). */
export interface ImportedSpan {
  start: number;
  end: number;
  label: string;
  /** A figure's value, when the source carries one (brat notes). */
  value?: string;
}

export interface ImportedDocument {
  /** The record's id in its source, when it has one. */
  id?: string;
  text: string;
  spans: ImportedSpan[];
  /** Where it came from, for messages: "file:line" or "file#task". */
  source: string;
}

/** A problem with an imported file that names the file and the line (or task). */
export class GoldFormatError extends Error {}

/** Type names of other schemes (OntoNotes, MSRA, jieba tags, spelled-out names) mapped onto News Lens's types. */
const ALIASES: Record<string, string> = {
  PERSON: 'PER', PEOPLE: 'PER', NR: 'PER', PER: 'PER',
  LOCATION: 'LOC', PLACE: 'LOC', GPE: 'LOC', NS: 'LOC', LOC: 'LOC',
  ORGANIZATION: 'ORG', ORGANISATION: 'ORG', NT: 'ORG', ORG: 'ORG',
  WORK_OF_ART: 'WORK', WORK: 'WORK', TITLE: 'WORK',
  FACILITY: 'FAC', FAC: 'FAC',
  MONEY: 'MONEY', PERCENT: 'PERCENT', DATE: 'DATE', TIME: 'TIME', QUANTITY: 'QUANTITY', CARDINAL: 'CARDINAL', ORDINAL: 'ORDINAL',
};

/** A type as News Lens names it (PERSON → PER, GPE → LOC …); unknown types are kept as written. */
export function normalizeLabel(label: string): string {
  return ALIASES[label.trim().toUpperCase()] ?? label.trim();
}

/** Checks a span against its text's length in code points; the error names the source. */
export function checkSpan(span: ImportedSpan, codePoints: number, source: string): ImportedSpan {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end <= span.start || span.end > codePoints) {
    throw new GoldFormatError(`${source}: span [${span.start}, ${span.end}) "${span.label}" does not fit a text of ${codePoints} code points`);
  }
  if (!span.label) throw new GoldFormatError(`${source}: span [${span.start}, ${span.end}) has no label`);
  return span;
}

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Gold decisions (UTF-16 offsets) for an imported document, with ids from `newId`. */
export function toGold(doc: ImportedDocument, newId: () => string): GoldAnnotation[] {
  const index = new CodePointIndex(doc.text);
  return doc.spans
    .map((span) => {
      const start = index.toUtf16(span.start);
      const end = index.toUtf16(span.end);
      const annotation: GoldAnnotation = { id: newId(), kind: goldKindOf(span.label), label: span.label, start, end, text: doc.text.slice(start, end) };
      if (span.value !== undefined && annotation.kind === 'figure') annotation.value = span.value;
      return annotation;
    })
    .sort(byPosition);
}

/** The spans (code points) of gold decisions on a text: what the exporters and scorers compare. */
export function toImportedSpans(text: string, annotations: readonly GoldAnnotation[]): ImportedSpan[] {
  const index = new CodePointIndex(text);
  return annotations
    .filter((a) => a.kind === 'entity' || a.kind === 'figure')
    .map((a) => ({ start: index.toCodePoint(a.start), end: index.toCodePoint(a.end), label: a.label }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
}
