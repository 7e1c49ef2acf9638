// Reads and writes the gold layer as a brat standoff .ann file (code-point offsets), keeping lines it does not own.
//
// Gold is plain brat: `T1<TAB>PER 0 3<TAB>張三`. The gold layer's own extras use brat's attribute and note lines,
// so brat and other tools read the file unchanged:
//   A1<TAB>Accepted T1              the span is an engine suggestion accepted unchanged
//   #1<TAB>Value T2<TAB>1.38        a figure's corrected normalized value
//   T3<TAB>Rejected 5 7<TAB>北京     + A2<TAB>RejectedLabel T3 LOC     a suggestion the annotator removed
//   T4<TAB>NotJunk 9 13<TAB>(擴大)   + A3<TAB>JunkKind T4 pinyin-gloss  a junk finding that is real text
// Relations, events, other attributes and notes are kept verbatim as long as the spans they refer to exist.
import { CodePointIndex } from '../codepoints';
import { normalizeLabel, type ImportedDocument, type ImportedSpan } from './imported';
import { byPosition, goldKindOf, type GoldAnnotation } from './model';

export const REJECTED_TYPE = 'Rejected';
export const NOT_JUNK_TYPE = 'NotJunk';
const ACCEPTED_ATTRIBUTE = 'Accepted';
const REJECTED_LABEL_ATTRIBUTE = 'RejectedLabel';
const JUNK_KIND_ATTRIBUTE = 'JunkKind';
const VALUE_NOTE = 'Value';

export interface BratGold {
  /** Decisions whose offsets and text match the document, in UTF-16 offsets. */
  annotations: GoldAnnotation[];
  /** Decisions whose offsets do not match the text (it changed since): to re-anchor by their text. */
  misplaced: GoldAnnotation[];
  /** Lines the gold layer does not own (relations, events, other attributes and notes), verbatim. */
  extra: string[];
  /** Lines that could not be read, as "line N: why". */
  problems: string[];
}

/** brat cannot hold a line break in a span's text: it writes a space (as the exporter does). */
function bratText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\t/g, ' ');
}

/** Parses .ann content against the document's text. */
export function parseAnn(content: string, text: string): BratGold {
  const index = new CodePointIndex(text);
  const codePoints = index.toCodePoint(text.length);
  const spans = new Map<string, { annotation: GoldAnnotation; type: string; fits: boolean; line: number }>();
  const attributes: { type: string; target: string; value?: string; line: string }[] = [];
  const notes: { type: string; target: string; text: string; line: string }[] = [];
  const extra: string[] = [];
  const problems: string[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const problem = (why: string) => problems.push(`line ${i + 1}: ${why}`);
    const fields = line.split('\t');
    const id = fields[0];
    if (/^T\d+$/.test(id)) {
      const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(fields[1] ?? '');
      if (!match) return problem(`"${line}" is not a text-bound annotation (T<n><TAB>TYPE START END<TAB>TEXT)`);
      const pairs = match[2].split(';').map((p) => p.split(' ').map(Number));
      const cpStart = Math.min(...pairs.map((p) => p[0]));
      const cpEnd = Math.max(...pairs.map((p) => p[1]));
      if (cpEnd <= cpStart) return problem(`${id} has an empty or reversed span`);
      const written = fields.slice(2).join('\t');
      const inRange = cpEnd <= codePoints;
      const start = inRange ? index.toUtf16(cpStart) : cpStart;
      const end = inRange ? index.toUtf16(cpEnd) : cpEnd;
      const discontinuous = pairs.length > 1;
      // A discontinuous span is read as the extent of its fragments (brat joins their texts with spaces).
      const fits = inRange && (discontinuous || bratText(text.slice(start, end)) === bratText(written));
      const type = match[1];
      const annotation: GoldAnnotation = {
        id,
        kind: type === REJECTED_TYPE ? 'rejected' : type === NOT_JUNK_TYPE ? 'not-junk' : goldKindOf(type),
        label: type,
        start,
        end,
        text: fits ? text.slice(start, end) : written,
      };
      if (spans.has(id)) return problem(`${id} is defined twice; the first is kept`);
      spans.set(id, { annotation, type, fits, line: i + 1 });
      return;
    }
    if (/^A\d+$/.test(id)) {
      const [type, target, value] = (fields[1] ?? '').split(' ');
      attributes.push({ type, target, value, line });
      return;
    }
    if (/^#\d+$/.test(id)) {
      const [type, target] = (fields[1] ?? '').split(' ');
      notes.push({ type, target, text: fields.slice(2).join('\t'), line });
      return;
    }
    if (/^[REMN*]\d*$/.test(id)) {
      extra.push(line);
      return;
    }
    problem(`"${line.slice(0, 60)}" is not a brat annotation line`);
  });
  for (const attribute of attributes) {
    const span = spans.get(attribute.target)?.annotation;
    if (span && attribute.type === ACCEPTED_ATTRIBUTE && (span.kind === 'entity' || span.kind === 'figure')) span.accepted = true;
    else if (span && attribute.type === REJECTED_LABEL_ATTRIBUTE && span.kind === 'rejected' && attribute.value) span.label = attribute.value;
    else if (span && attribute.type === JUNK_KIND_ATTRIBUTE && span.kind === 'not-junk' && attribute.value) span.label = attribute.value;
    else extra.push(attribute.line);
  }
  for (const note of notes) {
    const span = spans.get(note.target)?.annotation;
    if (span && note.type === VALUE_NOTE && span.kind === 'figure') span.value = note.text;
    else extra.push(note.line);
  }
  const annotations: GoldAnnotation[] = [];
  const misplaced: GoldAnnotation[] = [];
  for (const { annotation, fits } of spans.values()) (fits ? annotations : misplaced).push(annotation);
  return { annotations: annotations.sort(byPosition), misplaced, extra, problems };
}

/** Ids an extra line refers to (T3 in "R1<TAB>Origin Arg1:T3 Arg2:T4", "A1<TAB>Negated T3", "#1<TAB>AnnotatorNotes T3<TAB>…"). */
function referencedSpans(line: string): string[] {
  const head = line.split('\t').slice(0, 2).join('\t');
  return [...head.slice(head.indexOf('\t') + 1).matchAll(/(?:^|[\s:])(T\d+)\b/g)].map((m) => m[1]);
}

/** The highest number of each id prefix used by extra lines, so new attribute and note ids never collide. */
function highestIds(lines: readonly string[]): Map<string, number> {
  const highest = new Map<string, number>();
  for (const line of lines) {
    const match = /^([A-Z#*]+)(\d+)\t/.exec(line);
    if (match) highest.set(match[1], Math.max(highest.get(match[1]) ?? 0, Number(match[2])));
  }
  return highest;
}

/** The .ann content for decisions on a text; extra lines that refer to spans that are gone are dropped. */
export function serializeAnn(annotations: readonly GoldAnnotation[], text: string, extra: readonly string[] = []): string {
  const index = new CodePointIndex(text);
  const ids = new Set(annotations.map((a) => a.id));
  const keptExtra = extra.filter((line) => referencedSpans(line).every((id) => ids.has(id)));
  const highest = highestIds(keptExtra);
  let attribute = highest.get('A') ?? 0;
  let note = highest.get('#') ?? 0;
  const out: string[] = [];
  for (const a of [...annotations].sort(byPosition)) {
    const type = a.kind === 'rejected' ? REJECTED_TYPE : a.kind === 'not-junk' ? NOT_JUNK_TYPE : a.label;
    out.push(`${a.id}\t${type} ${index.toCodePoint(a.start)} ${index.toCodePoint(a.end)}\t${bratText(text.slice(a.start, a.end))}`);
    if (a.kind === 'rejected') out.push(`A${++attribute}\t${REJECTED_LABEL_ATTRIBUTE} ${a.id} ${a.label}`);
    if (a.kind === 'not-junk') out.push(`A${++attribute}\t${JUNK_KIND_ATTRIBUTE} ${a.id} ${a.label}`);
    if (a.accepted) out.push(`A${++attribute}\t${ACCEPTED_ATTRIBUTE} ${a.id}`);
    if (a.value !== undefined && a.kind === 'figure') out.push(`#${++note}\t${VALUE_NOTE} ${a.id}\t${a.value.replace(/[\r\n\t]+/g, ' ')}`);
  }
  out.push(...keptExtra);
  return out.length ? out.join('\n') + '\n' : '';
}

/**
 * Imports a brat .ann made on `text` (its .txt) as gold: entity and figure spans in code points, with figure values.
 * Spans whose offsets do not fit the text are not guessed at: they are listed in `problems`.
 */
export function importBrat(content: string, text: string, source: string): { document: ImportedDocument; problems: string[] } {
  const parsed = parseAnn(content, text);
  const index = new CodePointIndex(text);
  const spans: ImportedSpan[] = parsed.annotations
    .filter((a) => a.kind === 'entity' || a.kind === 'figure')
    .map((a) => {
      const span: ImportedSpan = { start: index.toCodePoint(a.start), end: index.toCodePoint(a.end), label: normalizeLabel(a.label) };
      if (a.value !== undefined) span.value = a.value;
      return span;
    });
  const problems = [
    ...parsed.problems.map((p) => `${source}: ${p}`),
    ...parsed.misplaced.map((a) => `${source}: ${a.id} ${a.label} "${a.text}" does not match the text at its offsets; left out`),
  ];
  return { document: { text, spans, source }, problems };
}
