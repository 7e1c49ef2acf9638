// A JSONL corpus's gold as a document sees it: decisions in offsets of the raw lines, moved to and from the sidecar's records (offsets in each record's decoded text).
import { DEFAULT_TEXT_FIELDS, readJsonlLine, type DecodedString } from '../jsonl';
import type { GoldConflict } from './anchor';
import { byPosition, type GoldAnnotation } from './model';
import { GoldSidecar, textHash, type SidecarRecord } from './sidecar';

/** A record of the document: where its line starts, its sidecar key and its text literal (offsets in the line). */
export interface CorpusRecord {
  /** 1-based, counting every line (as `news-lens export` does). */
  line: number;
  /** Document offset of the line's first character. */
  lineOffset: number;
  /** The sidecar key: the record's "id" field, else "line:N". */
  id: string;
  text: DecodedString;
}

/** A conflict of a corpus belongs to a record (its offsets are those of that record's older text). */
export type CorpusConflict = GoldConflict & { record?: string };

export interface LoadedCorpusGold {
  /** In document offsets; `text` is the raw slice of the line (escapes as written). */
  annotations: GoldAnnotation[];
  conflicts: CorpusConflict[];
  /** Sidecar records that no record of the document claimed (kept as they are when the sidecar is written again). */
  orphans: SidecarRecord[];
  problems: string[];
  /** How many decisions were found in a record whose text had changed (re-anchored) or under another id. */
  moved: number;
  /** How many records were found with another text (re-anchored) or under another id: the sidecar wants rewriting. */
  changedRecords: number;
}

/** The lines of a document with their offsets; a CR before the LF is not part of the line. */
function* linesOf(document: string): Generator<{ line: string; offset: number; number: number }> {
  let offset = 0;
  for (let number = 1; offset <= document.length; number++) {
    const lf = document.indexOf('\n', offset);
    const end = lf === -1 ? document.length : lf;
    const line = document.slice(offset, end > offset && document.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    yield { line, offset, number };
    if (lf === -1) return;
    offset = lf + 1;
  }
}

function recordOf(line: string, offset: number, number: number, fields: readonly string[]): CorpusRecord | undefined {
  const parsed = readJsonlLine(line, fields);
  if (parsed.kind !== 'record') return undefined;
  return { line: number, lineOffset: offset, id: parsed.id ?? `line:${number}`, text: parsed.text };
}

/** The decoded text of a piece of a JSON string literal (as written between quotes); itself when it is not one. */
function decodeFragment(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    const value: unknown = JSON.parse(`"${raw}"`);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}

/** Every record of the document (lines that are not records are skipped). */
export function corpusRecords(document: string, fields: readonly string[] = DEFAULT_TEXT_FIELDS): CorpusRecord[] {
  const records: CorpusRecord[] = [];
  for (const { line, offset, number } of linesOf(document)) {
    const record = recordOf(line, offset, number, fields);
    if (record) records.push(record);
  }
  return records;
}

/** The record whose line holds a document offset (only that line is parsed). */
export function recordAt(document: string, offset: number, fields: readonly string[] = DEFAULT_TEXT_FIELDS): CorpusRecord | undefined {
  const start = document.lastIndexOf('\n', offset - 1) + 1;
  const lf = document.indexOf('\n', offset);
  let end = lf === -1 ? document.length : lf;
  if (end > start && document.charCodeAt(end - 1) === 0x0d) end--;
  let number = 1;
  for (let i = document.indexOf('\n'); i !== -1 && i < start; i = document.indexOf('\n', i + 1)) number++;
  return recordOf(document.slice(start, end), start, number, fields);
}

/** Whether [start, end) (document offsets) lies within the record's text literal, between its quotes. */
function inside(record: CorpusRecord, start: number, end: number): boolean {
  return record.lineOffset + record.text.rawStart <= start && end <= record.lineOffset + record.text.rawEnd;
}

/** Decoded offsets of a span of the document in its record's text: an escape cut by an edge counts whole, and so does a surrogate pair. */
export function toRecordOffsets(record: CorpusRecord, start: number, end: number): { start: number; end: number } {
  const { text, lineOffset } = record;
  let from = text.toDecoded(start - lineOffset);
  let to = text.toDecoded(end - lineOffset);
  if (text.toRaw(to) < end - lineOffset) to++;
  const value = text.value;
  const low = (i: number) => i > 0 && i < value.length && /[\udc00-\udfff]/.test(value[i]) && /[\ud800-\udbff]/.test(value[i - 1]);
  if (low(from)) from--;
  if (low(to)) to++;
  return { start: from, end: Math.max(from, to) };
}

/** Document offsets of a span of a record's decoded text. */
export function toDocumentOffsets(record: CorpusRecord, start: number, end: number): { start: number; end: number } {
  return { start: record.lineOffset + record.text.toRaw(start), end: record.lineOffset + record.text.toRaw(end) };
}

/**
 * A selection of the document as a span of one record's text, widened to whole escapes and characters; undefined
 * when it does not lie within a record's text literal (a key, an id, two records).
 */
export function snapToRecord(document: string, start: number, end: number, fields: readonly string[] = DEFAULT_TEXT_FIELDS): { start: number; end: number; record: CorpusRecord } | undefined {
  const record = recordAt(document, start, fields);
  if (!record || !inside(record, start, end)) return undefined;
  const decoded = toRecordOffsets(record, start, end);
  if (decoded.end <= decoded.start) return undefined;
  return { ...toDocumentOffsets(record, decoded.start, decoded.end), record };
}

/** Document ids must be unique while a sidecar's are unique per record: an id taken by an earlier record is renumbered. */
function idKeeper(): (a: GoldAnnotation) => GoldAnnotation {
  const taken = new Set<string>();
  let next = 1;
  return (a) => {
    if (!taken.has(a.id)) {
      taken.add(a.id);
      return a;
    }
    while (taken.has(`T${next}`)) next++;
    taken.add(`T${next}`);
    return { ...a, id: `T${next}` };
  };
}

/** The gold of a document from its sidecar content: each record's decisions (re-anchored if its text changed) in document offsets. */
export function loadCorpusGold(document: string, sidecarContent: string | undefined, fields: readonly string[] = DEFAULT_TEXT_FIELDS): LoadedCorpusGold {
  const { sidecar, problems } = sidecarContent ? GoldSidecar.parse(sidecarContent) : { sidecar: new GoldSidecar(), problems: [] };
  const annotations: GoldAnnotation[] = [];
  const conflicts: CorpusConflict[] = [];
  const claimed = new Set<string>();
  const keep = idKeeper();
  let moved = 0;
  let changedRecords = 0;
  if (sidecar.size > 0) {
    const hashes = new Set(sidecar.ids().map((id) => sidecar.record(id)!.sha256));
    // One pass, keeping nothing of the records without gold (most of a large corpus).
    for (const { line, offset, number } of linesOf(document)) {
      const record = recordOf(line, offset, number, fields);
      if (!record) continue;
      const known = !!sidecar.record(record.id);
      if (known) claimed.add(record.id);
      const hash = known ? undefined : textHash(record.text.value);
      if (!known && !hashes.has(hash!)) continue;
      const found = sidecar.get(record.id, record.text.value);
      if (found.match === 'none') continue;
      if (found.match === 'by-hash') {
        const source = sidecar.ids().find((id) => sidecar.record(id)!.sha256 === (hash ?? textHash(record.text.value)));
        if (source) claimed.add(source);
      }
      if (found.match === 'by-hash' || found.match === 'reanchored') {
        moved += found.annotations.length;
        changedRecords++;
      }
      for (const a of found.annotations) {
        const span = toDocumentOffsets(record, a.start, a.end);
        annotations.push(keep({ ...a, ...span, text: document.slice(span.start, span.end) }));
      }
      for (const c of found.conflicts) conflicts.push({ ...c, annotation: keep(c.annotation), record: record.id });
    }
  }
  const orphans = sidecar.ids().filter((id) => !claimed.has(id)).map((id) => sidecar.record(id)!);
  return { annotations: annotations.sort(byPosition), conflicts, orphans, problems, moved, changedRecords };
}

export interface SavedCorpusGold {
  content: string;
  /** Decisions outside every record's text (their line is not a valid record now): not written this time. */
  unplaced: GoldAnnotation[];
}

/**
 * The sidecar content for the document's decisions (document offsets): one record per annotated record, in code
 * points of its decoded text. `orphans` (records the document does not hold) are kept; so are the `previous`
 * sidecar's records whose line is not a valid record now (a line being edited keeps its last gold).
 */
export function saveCorpusGold(
  document: string,
  annotations: readonly GoldAnnotation[],
  conflicts: readonly CorpusConflict[],
  options: { orphans?: readonly SidecarRecord[]; previous?: string; fields?: readonly string[] } = {},
): SavedCorpusGold {
  const fields = options.fields ?? DEFAULT_TEXT_FIELDS;
  const sorted = [...annotations].sort(byPosition);
  // Reading every line of a large corpus on each write would hold up the editor: only the lines that hold decisions
  // are read, unless conflicts or decisions outside every record need the ids of all records.
  const holders = recordsHolding(document, sorted, fields);
  const unplaced = sorted.filter((_, i) => !holders[i]);
  const all = conflicts.length || unplaced.length ? corpusRecords(document, fields) : undefined;
  const ids = all && new Set(all.map((r) => r.id));
  const sidecar = new GoldSidecar();
  // Records written below replace an orphan of the same id.
  for (const orphan of options.orphans ?? []) if (!ids?.has(orphan.id)) sidecar.adopt(orphan);
  const perLine = new Map<number, { record: CorpusRecord; spans: GoldAnnotation[] }>();
  sorted.forEach((a, i) => {
    const record = holders[i];
    if (!record) return;
    const span = toRecordOffsets(record, a.start, a.end);
    const entry = perLine.get(record.line) ?? { record, spans: [] };
    entry.spans.push({ ...a, ...span, text: record.text.value.slice(span.start, span.end) });
    perLine.set(record.line, entry);
  });
  const conflictsOf = new Map<string, GoldConflict[]>();
  for (const c of conflicts) {
    // A conflict made by a change of the whole document is given to the record where it was.
    const id = c.record ?? (recordAt(document, Math.min(c.annotation.start, document.length), fields) ?? all?.[0])?.id;
    if (id === undefined) continue;
    const { record: _record, ...conflict } = c as CorpusConflict;
    // Its text was read from the raw line: decoded, as the sidecar keeps texts.
    const decoded = c.record === undefined ? decodeFragment(c.annotation.text) : c.annotation.text;
    conflictsOf.set(id, [...(conflictsOf.get(id) ?? []), decoded === c.annotation.text ? conflict : { ...conflict, annotation: { ...conflict.annotation, text: decoded } }]);
  }
  const records = all ?? [...perLine.values()].map((entry) => entry.record);
  for (const record of records) {
    const spans = perLine.get(record.line)?.spans ?? [];
    const recordConflicts = conflictsOf.get(record.id) ?? [];
    if (spans.length || recordConflicts.length) sidecar.set(record.id, record.text.value, spans, recordConflicts);
  }
  if (unplaced.length && options.previous) {
    const { sidecar: previous } = GoldSidecar.parse(options.previous);
    for (const id of previous.ids()) if (!ids?.has(id) && !sidecar.record(id)) sidecar.adopt(previous.record(id)!);
  }
  return { content: sidecar.serialize(), unplaced };
}

/** For each decision (in document order), the record whose text holds it, reading only the lines decisions are on. */
function recordsHolding(document: string, sorted: readonly GoldAnnotation[], fields: readonly string[]): (CorpusRecord | undefined)[] {
  const holders: (CorpusRecord | undefined)[] = [];
  let record: CorpusRecord | undefined;
  let lineStart = -1;
  let lineEnd = -1;
  let number = 1;
  let counted = 0; // line breaks before this offset are counted in `number`
  for (const a of sorted) {
    if (a.start < lineStart || a.start > lineEnd) {
      lineStart = document.lastIndexOf('\n', a.start - 1) + 1;
      const lf = document.indexOf('\n', a.start);
      lineEnd = lf === -1 ? document.length : lf;
      for (let i = document.indexOf('\n', counted); i !== -1 && i < lineStart; i = document.indexOf('\n', i + 1)) {
        number++;
        counted = i + 1;
      }
      const end = lineEnd > lineStart && document.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
      record = recordOf(document.slice(lineStart, end), lineStart, number, fields);
    }
    holders.push(record && inside(record, a.start, a.end) ? record : undefined);
  }
  return holders;
}
