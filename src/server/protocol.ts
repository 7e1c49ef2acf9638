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
  const labels: string[] = [];
  const labelIndex = new Map<string, number>();
  const packed: number[] = new Array(spans.length * 3);
  const names: string[] = [];
  spans.forEach(([start, end, kind, label, text], i) => {
    const key = `${kind}:${label}`;
    let index = labelIndex.get(key);
    if (index === undefined) {
      index = labels.push(key) - 1;
      labelIndex.set(key, index);
    }
    packed[i * 3] = start;
    packed[i * 3 + 1] = end;
    packed[i * 3 + 2] = index;
    if (kind === 'entity') names.push(text);
  });
  return { ...rest, packed, labels, names };
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
