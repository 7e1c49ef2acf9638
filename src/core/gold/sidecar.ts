// The gold layer of a JSONL corpus: a sidecar of JSON lines keyed by record id and a hash of the record's text.
//
// `news.jsonl` → `news.jsonl.gold`, one line per annotated record:
//   {"id":"a17","sha256":"…","spans":[{"id":"T1","start":0,"end":3,"label":"PER","text":"張三"}, …]}
// Offsets count code points of the record's text. A span may carry "kind" ("rejected" | "not-junk"), "value"
// (a figure's corrected value) and "accepted": true, as in the brat file. A record is found by its id; if the text
// under that id changed, its spans are re-anchored by their text (what cannot be placed is a conflict); a record
// whose id is unknown is found by the hash of its text (ids renumbered, lines moved). How an editor or the CLI maps
// records to documents does not matter: they only hand over the id and the text.
import { createHash } from 'node:crypto';
import { CodePointIndex } from '../codepoints';
import { reanchor, type ConflictReason, type GoldConflict } from './anchor';
import { byPosition, goldKindOf, type GoldAnnotation } from './model';

export const SIDECAR_SUFFIX = '.gold';

export interface SidecarSpan {
  id?: string;
  start: number;
  end: number;
  label: string;
  text: string;
  kind?: 'rejected' | 'not-junk';
  value?: string;
  accepted?: boolean;
}

export interface SidecarConflict extends SidecarSpan {
  reason: ConflictReason;
}

export interface SidecarRecord {
  id: string;
  sha256: string;
  spans: SidecarSpan[];
  conflicts?: SidecarConflict[];
}

export interface RecordGold {
  annotations: GoldAnnotation[];
  conflicts: GoldConflict[];
  /** exact: same id and text; by-hash: found by its text under another id; reanchored: same id, text changed; none. */
  match: 'exact' | 'by-hash' | 'reanchored' | 'none';
}

export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A record's key: its "id" field (string or number), else its 1-based line in the corpus as "line:N". */
export function recordId(record: Record<string, unknown>, line: number, idField = 'id'): string {
  const id = record[idField];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `line:${line}`;
}

/** Ids for spans written without one (by hand or another tool): after the highest T<n> in use. */
function idAllocator(spans: readonly SidecarSpan[]): () => string {
  let next = 1 + Math.max(0, ...spans.map((s) => Number(/^T(\d+)$/.exec(s.id ?? '')?.[1] ?? 0)));
  return () => `T${next++}`;
}

function toAnnotation(span: SidecarSpan, index: CodePointIndex, nextId: () => string): GoldAnnotation {
  const start = index.toUtf16(span.start);
  const end = index.toUtf16(span.end);
  const annotation: GoldAnnotation = { id: span.id ?? nextId(), kind: span.kind ?? goldKindOf(span.label), label: span.label, start, end, text: span.text };
  if (span.value !== undefined) annotation.value = span.value;
  if (span.accepted) annotation.accepted = true;
  return annotation;
}

function toSpan(a: GoldAnnotation, index: CodePointIndex): SidecarSpan {
  const span: SidecarSpan = { id: a.id, start: index.toCodePoint(a.start), end: index.toCodePoint(a.end), label: a.label, text: a.text };
  if (a.kind === 'rejected' || a.kind === 'not-junk') span.kind = a.kind;
  if (a.value !== undefined) span.value = a.value;
  if (a.accepted) span.accepted = true;
  return span;
}

function isSpan(value: unknown): value is SidecarSpan {
  const s = value as SidecarSpan;
  return !!s && typeof s === 'object' && Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.start >= 0 && typeof s.label === 'string' && typeof s.text === 'string';
}

export class GoldSidecar {
  private readonly records: SidecarRecord[] = [];
  private readonly byId = new Map<string, SidecarRecord>();

  /** Reads sidecar content; lines that are not records are reported as "line N: why" and left out. */
  static parse(content: string): { sidecar: GoldSidecar; problems: string[] } {
    const sidecar = new GoldSidecar();
    const problems: string[] = [];
    content.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        problems.push(`line ${i + 1}: not valid JSON (${(error as Error).message})`);
        return;
      }
      const record = value as SidecarRecord;
      if (!record || typeof record !== 'object' || typeof record.id !== 'string' || typeof record.sha256 !== 'string' || !Array.isArray(record.spans)) {
        problems.push(`line ${i + 1}: expected {"id", "sha256", "spans"}`);
        return;
      }
      const bad = record.spans.filter((s) => !isSpan(s)).length;
      if (bad) problems.push(`line ${i + 1}: ${bad} span(s) without integer start < end, label and text were left out`);
      sidecar.put({ ...record, spans: record.spans.filter(isSpan), conflicts: Array.isArray(record.conflicts) ? record.conflicts.filter(isSpan) : undefined });
    });
    return { sidecar, problems };
  }

  get size(): number {
    return this.records.length;
  }

  ids(): string[] {
    return this.records.map((r) => r.id);
  }

  record(id: string): SidecarRecord | undefined {
    return this.byId.get(id);
  }

  /** Keeps a record as it was read (one the document at hand does not hold). */
  adopt(record: SidecarRecord): void {
    this.put(record);
  }

  private put(record: SidecarRecord): void {
    const existing = this.byId.get(record.id);
    if (existing) this.records[this.records.indexOf(existing)] = record;
    else this.records.push(record);
    this.byId.set(record.id, record);
  }

  /** The decisions of a record, in UTF-16 offsets of its text. */
  get(id: string, text: string): RecordGold {
    const hash = textHash(text);
    const index = new CodePointIndex(text);
    let record = this.byId.get(id);
    let match: RecordGold['match'] = 'exact';
    if (!record || record.sha256 !== hash) {
      const sameText = this.records.find((r) => r.sha256 === hash);
      if (sameText) {
        record = sameText;
        match = sameText.id === id ? 'exact' : 'by-hash';
      } else if (record) {
        match = 'reanchored';
      }
    }
    if (!record) return { annotations: [], conflicts: [], match: 'none' };
    const nextId = idAllocator([...record.spans, ...(record.conflicts ?? [])]);
    const stored = record.spans.map((s) => toAnnotation(s, index, nextId));
    const conflicts: GoldConflict[] = (record.conflicts ?? []).map((c) => ({ annotation: toAnnotation(c, index, nextId), reason: c.reason ?? 'not-found' }));
    // Same text: the offsets hold (a span edited by hand to no longer fit is re-anchored like the rest).
    // Changed text: code-point offsets of the old text are only a hint of where to look.
    const fits = (a: GoldAnnotation, i: number) => match !== 'reanchored' && a.end <= text.length && text.slice(a.start, a.end) === record!.spans[i].text;
    const placed = stored.filter(fits);
    const hinted = stored.filter((a, i) => !fits(a, i)).map((a) => {
      const span = record!.spans[stored.indexOf(a)];
      return { ...a, start: span.start, end: span.end };
    });
    if (hinted.length === 0) return { annotations: placed.sort(byPosition), conflicts, match };
    const limit = index.toCodePoint(text.length);
    const result = reanchor(hinted, text, (a) => index.toUtf16(Math.min(a.start, limit)));
    return { annotations: [...placed, ...result.anchored].sort(byPosition), conflicts: [...conflicts, ...result.conflicts], match };
  }

  /** Stores a record's decisions (and conflicts) for its current text; an empty record is removed. */
  set(id: string, text: string, annotations: readonly GoldAnnotation[], conflicts: readonly GoldConflict[] = []): void {
    if (annotations.length === 0 && conflicts.length === 0) {
      this.delete(id);
      return;
    }
    const index = new CodePointIndex(text);
    const record: SidecarRecord = { id, sha256: textHash(text), spans: [...annotations].sort(byPosition).map((a) => toSpan(a, index)) };
    if (conflicts.length) {
      record.conflicts = conflicts.map((c) => ({ ...toConflictSpan(c.annotation), reason: c.reason }));
    }
    this.put(record);
  }

  delete(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.records.splice(this.records.indexOf(record), 1);
    this.byId.delete(id);
  }

  serialize(): string {
    return this.records.map((r) => JSON.stringify(r)).join('\n') + (this.records.length ? '\n' : '');
  }
}

/** A conflict keeps the offsets it had (of a text that is gone, so they are not converted). */
function toConflictSpan(a: GoldAnnotation): SidecarSpan {
  const span: SidecarSpan = { id: a.id, start: a.start, end: a.end, label: a.label, text: a.text };
  if (a.kind === 'rejected' || a.kind === 'not-junk') span.kind = a.kind;
  if (a.value !== undefined) span.value = a.value;
  if (a.accepted) span.accepted = true;
  return span;
}
