// Messages between the News Lens client and language server beyond standard LSP (shared by both sides; no vscode import).
import type { JunkKind, TextEdit } from '../core/types';

/** Server → client after each analysis: everything the client needs to draw decorations, the status bar and the entity view. */
export const ANNOTATIONS_NOTIFICATION = 'newsLens/annotations';
/** Client → server: the edits that clean a document (optionally only some kinds), computed for a given version. */
export const CLEAN_REQUEST = 'newsLens/clean';
/** Client → server: annotations of a document in an interchange format. */
export const EXPORT_REQUEST = 'newsLens/export';
/** Client → server: analyse a document again now (the Annotate command). */
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
export function packSpans(spans: readonly PackableSpan[]): Pick<PackedAnnotationsParams, 'packed' | 'labels' | 'names' | 'counts'> {
  const labels: string[] = [];
  const labelIndex = new Map<string, Map<string, number>>();
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
  return { packed, labels, names, counts };
}

export function unpackAnnotations(params: PackedAnnotationsParams): AnnotationsParams {
  const { packed, labels, names, ...rest } = params;
  const kinds = labels.map((key) => {
    const colon = key.indexOf(':');
    return [key.slice(0, colon) as WireSpan[2], key.slice(colon + 1)] as const;
  });
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
