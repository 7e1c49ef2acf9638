// Messages between the News Lens client and language server beyond standard LSP (shared by both sides; no vscode import).
import type { JunkKind, TextEdit } from '../core/types';

/** Server → client after each analysis: everything the client needs to draw decorations, the status bar and the entity view. */
export const ANNOTATIONS_NOTIFICATION = 'newsLens/annotations';
/** Client → server: the edits that clean a document (optionally only some kinds), computed for a given version. */
export const CLEAN_REQUEST = 'newsLens/clean';
/** Client → server: annotations of a document in an interchange format. */
export const EXPORT_REQUEST = 'newsLens/export';
/** Client → server: analyze a document again now (the Annotate command). */
export const REFRESH_REQUEST = 'newsLens/refresh';
/** Server → client: a user-facing warning (a bad setting, a degraded large document). */
export const WARNING_NOTIFICATION = 'newsLens/warning';

/** A compact span: [start, end, kind, label, entity name without in-line junk ('' for other kinds)], UTF-16 offsets. */
export type WireSpan = [number, number, 'junk' | 'entity' | 'figure' | 'metadata', string, string];

export interface AnnotationsParams {
  uri: string;
  version: number;
  spans: WireSpan[];
  counts: { junk: number; entities: number; figures: number };
  /** Entities are still being computed (the segmenter is loading) or were skipped for a large document. */
  entitiesPending: boolean;
  /** Set when only cheap detectors ran, with the reason. */
  degraded?: string;
  /** Milliseconds the analysis took on the server. */
  elapsedMs: number;
}

/**
 * What actually crosses the wire for ANNOTATIONS_NOTIFICATION: spans packed as [start, end, label index] number
 * triples, the labels as "kind:label", and entity names in the order of the entity spans — about half the JSON of
 * tuples, which matters when a large document is re-sent after every keystroke.
 */
export interface PackedAnnotationsParams extends Omit<AnnotationsParams, 'spans'> {
  packed: number[];
  labels: string[];
  names: string[];
  /**
   * Set when `packed` and `names` hold only the spans that changed since the message for
   * `baseVersion` (see AnnotationsDelta); `labels` is always the document's whole label table.
   */
  delta?: AnnotationsDelta;
}

/**
 * After a keystroke most spans are the same as in the previous message, those after the edit moved
 * by the edit's length. The spans are then: the base message's first `prefix` spans, this message's
 * spans, and the base message's last `suffix` spans with `shift` added to their offsets.
 */
export interface AnnotationsDelta {
  baseVersion: number;
  prefix: number;
  suffix: number;
  shift: number;
}

/** Packed spans with their names and label table, as they cross the wire: what the server computes a delta from. */
export type PackedSpans = Pick<PackedAnnotationsParams, 'packed' | 'labels' | 'names'>;

/**
 * Span triples as the client keeps them: the JSON array of a whole message, or an Int32Array once a delta was applied
 * (copied in bulk rather than element by element: about 20 times faster for the 110,000 numbers of a 1 MB document).
 */
export type SpanTriples = readonly number[] | Int32Array;

/** An annotation set as the client keeps it (whole: `delta` unset): what a delta is applied to. */
export interface WholeAnnotations extends Omit<PackedAnnotationsParams, 'packed'> {
  packed: SpanTriples;
}

/** Per label index: whether its spans are entities (those have a name in `names`). */
function entityLabels(labels: readonly string[]): boolean[] {
  return labels.map((label) => label.startsWith('entity:'));
}

/**
 * How `next` differs from `base` (both whole, label indices from one append-only table): the
 * longest unchanged run of spans at the start, and at the end once moved by `shift`.
 */
export function diffSpans(base: PackedSpans, next: PackedSpans, shift: number): { prefix: number; suffix: number } {
  const baseCount = base.packed.length / 3;
  const nextCount = next.packed.length / 3;
  const limit = Math.min(baseCount, nextCount);
  const isEntity = entityLabels(next.labels);
  let prefix = 0;
  let entity = 0;
  for (; prefix < limit; prefix++) {
    const b = prefix * 3;
    if (base.packed[b] !== next.packed[b] || base.packed[b + 1] !== next.packed[b + 1] || base.packed[b + 2] !== next.packed[b + 2]) break;
    if (isEntity[next.packed[b + 2]]) {
      if (base.names[entity] !== next.names[entity]) break;
      entity++;
    }
  }
  let suffix = 0;
  let baseEntity = base.names.length;
  let nextEntity = next.names.length;
  for (; suffix < limit - prefix; suffix++) {
    const b = (baseCount - 1 - suffix) * 3;
    const n = (nextCount - 1 - suffix) * 3;
    if (base.packed[b] + shift !== next.packed[n] || base.packed[b + 1] + shift !== next.packed[n + 1] || base.packed[b + 2] !== next.packed[n + 2]) break;
    if (isEntity[next.packed[n + 2]]) {
      if (base.names[baseEntity - 1] !== next.names[nextEntity - 1]) break;
      baseEntity--;
      nextEntity--;
    }
  }
  return { prefix, suffix };
}

/** The spans of `next` between its unchanged prefix and suffix, with their names. */
export function middleSpans(next: PackedSpans, prefix: number, suffix: number): Pick<PackedSpans, 'packed' | 'names'> {
  const count = next.packed.length / 3;
  const isEntity = entityLabels(next.labels);
  let entitiesBefore = 0;
  for (let i = 0; i < prefix; i++) if (isEntity[next.packed[i * 3 + 2]]) entitiesBefore++;
  const packed = next.packed.slice(prefix * 3, (count - suffix) * 3);
  let entitiesInside = 0;
  for (let i = 2; i < packed.length; i += 3) if (isEntity[packed[i]]) entitiesInside++;
  return { packed, names: next.names.slice(entitiesBefore, entitiesBefore + entitiesInside) };
}

/**
 * The whole message a delta stands for, given the whole message the client kept for the document;
 * undefined when that is not the delta's base (the client must then ask for the whole set again).
 */
export function withDeltaApplied(base: WholeAnnotations | undefined, message: PackedAnnotationsParams): WholeAnnotations | undefined {
  const { delta, ...rest } = message;
  if (!delta) return rest;
  if (!base || base.delta || base.uri !== message.uri || base.version !== delta.baseVersion) return undefined;
  const baseCount = base.packed.length / 3;
  if (delta.prefix + delta.suffix > baseCount) return undefined;
  return { ...rest, ...applyDelta(base, { ...message, delta }) };
}

/** Rebuilds the whole spans of a delta message from the base message's (whole) spans. */
export function applyDelta(
  base: Pick<WholeAnnotations, 'packed' | 'labels' | 'names'>,
  message: PackedSpans & { delta: AnnotationsDelta },
): { packed: Int32Array; labels: string[]; names: string[] } {
  const { prefix, suffix, shift } = message.delta;
  const baseCount = base.packed.length / 3;
  if (prefix + suffix > baseCount) throw new Error(`delta keeps ${prefix} + ${suffix} spans of a base that has ${baseCount}`);
  // This runs in the extension host on every keystroke: bulk copies into a typed array, a loop only for the shift.
  const from = base.packed instanceof Int32Array ? base.packed : Int32Array.from(base.packed);
  const middle = message.packed.length;
  const packed = new Int32Array(prefix * 3 + middle + suffix * 3);
  packed.set(from.subarray(0, prefix * 3));
  packed.set(message.packed, prefix * 3);
  for (let i = (baseCount - suffix) * 3, o = prefix * 3 + middle; i < baseCount * 3; i += 3, o += 3) {
    packed[o] = from[i] + shift;
    packed[o + 1] = from[i + 1] + shift;
    packed[o + 2] = from[i + 2];
  }
  const isEntity = entityLabels(base.labels);
  let prefixEntities = 0;
  for (let i = 0; i < prefix; i++) if (isEntity[from[i * 3 + 2]]) prefixEntities++;
  let suffixEntities = 0;
  for (let i = baseCount - suffix; i < baseCount; i++) if (isEntity[from[i * 3 + 2]]) suffixEntities++;
  const names = base.names.slice(0, prefixEntities).concat(message.names, base.names.slice(base.names.length - suffixEntities));
  return { packed, labels: message.labels, names };
}

export function packAnnotations(params: AnnotationsParams): PackedAnnotationsParams {
  const { spans, ...rest } = params;
  const { packed, labels, names } = packSpans(spans.map(([start, end, kind, label, text]) => ({ start, end, kind, label, text })));
  return { ...rest, packed, labels, names };
}

/** What the server knows of an annotation, enough to pack it: the engine's Annotation fits. */
interface PackableSpan {
  start: number;
  end: number;
  kind: WireSpan[2];
  label: string;
  text: string;
  cleanText?: string;
}

/**
 * Packs annotations straight into number triples, labels and entity names (see PackedAnnotationsParams),
 * with counts per kind. Runs after every keystroke on up to ~10^5 spans: no tuple or key string per span.
 */
export function packSpans(spans: readonly PackableSpan[], table: LabelTable = new LabelTable()): Pick<PackedAnnotationsParams, 'packed' | 'labels' | 'names' | 'counts'> {
  const { labels, labelIndex } = table;
  const packed: number[] = new Array(spans.length * 3);
  const names: string[] = [];
  const counts = { junk: 0, entities: 0, figures: 0 };
  for (let i = 0; i < spans.length; i++) {
    const { start, end, kind, label } = spans[i];
    let byLabel = labelIndex.get(kind);
    if (!byLabel) labelIndex.set(kind, (byLabel = new Map()));
    let index = byLabel.get(label);
    if (index === undefined) {
      index = labels.push(`${kind}:${label}`) - 1;
      byLabel.set(label, index);
    }
    packed[i * 3] = start;
    packed[i * 3 + 1] = end;
    packed[i * 3 + 2] = index;
    if (kind === 'entity') {
      names.push(spans[i].cleanText ?? spans[i].text);
      counts.entities++;
    } else if (kind === 'junk') counts.junk++;
    else if (kind === 'figure') counts.figures++;
  }
  return { packed, labels: labels.slice(), names, counts };
}

/** "kind:label" strings and their indices; kept per document and only ever appended to, so that indices stay valid across messages. */
export class LabelTable {
  readonly labels: string[] = [];
  readonly labelIndex = new Map<string, Map<string, number>>();
}

/** A packed label "kind:label" as its span kind and label ("entity:PER" → entity, PER). */
export function labelParts(key: string): [WireSpan[2], string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon) as WireSpan[2], key.slice(colon + 1)];
}

export function unpackAnnotations(params: WholeAnnotations): AnnotationsParams {
  const { packed, labels, names, ...rest } = params;
  const kinds = labels.map(labelParts);
  const spans: WireSpan[] = [];
  let entity = 0;
  for (let i = 0; i < packed.length; i += 3) {
    const [kind, label] = kinds[packed[i + 2]];
    spans.push([packed[i], packed[i + 1], kind, label, kind === 'entity' ? names[entity++] ?? '' : '']);
  }
  return { ...rest, spans };
}

export interface CleanParams {
  uri: string;
  kinds?: JunkKind[];
}

export interface CleanResult {
  /** The document version the edits were computed for; the client refuses them for any other version. */
  version: number;
  edits: TextEdit[];
}

export interface ExportParams {
  uri: string;
  format: 'brat' | 'doccano' | 'conll' | 'label-studio';
}

export interface ExportResult {
  content: string;
}

export interface WarningParams {
  message: string;
}


/** Client → server: the server's process id and whether the segmenter is loaded (diagnostics, crash tests). */
export const SERVER_INFO_REQUEST = 'newsLens/serverInfo';

export interface ServerInfo {
  pid: number;
  segmenterReady: boolean;
  /** True when nodejieba is News Lens's patched build (lean load, tagPacked); false for a stock build. */
  segmenterLeanLoad?: boolean;
}

/** Client → server: the junk findings of a document an annotator marked "not junk" (the gold layer; replaces earlier marks). */
export const NOT_JUNK_NOTIFICATION = 'newsLens/notJunk';

export interface NotJunkSpan {
  start: number;
  end: number;
  /** The junk kind. */
  label: string;
}

export interface NotJunkParams {
  uri: string;
  spans: NotJunkSpan[];
}
