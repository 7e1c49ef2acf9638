// Holds the latest annotations the server sent for each document and tells listeners when they change.
import * as vscode from 'vscode';
import { labelParts, unpackAnnotations, type AnnotationsParams, type SpanTriples, type WholeAnnotations, type WireSpan } from '../server/protocol';

/**
 * One notification's annotations, kept in the packed form they arrived in: the client's own readers (decorations,
 * entity view) use the number triples directly, and `spans` (the tuple form of the API) is only built if asked for —
 * unpacking ~37k tuples on every keystroke in a 1 MB document would block the extension host for no reader.
 */
export class StoredAnnotations implements AnnotationsParams {
  readonly uri: string;
  readonly version: number;
  readonly counts: AnnotationsParams['counts'];
  readonly entitiesPending: boolean;
  readonly degraded?: string;
  readonly elapsedMs: number;
  /** [start, end, label index] per span, sorted by start (the server sends them in document order). */
  readonly packed: SpanTriples;
  readonly spanCount: number;
  /** Per label index: the span kind and the label ("entity" and "PER" for "entity:PER"). */
  readonly kinds: readonly WireSpan[2][];
  readonly labels: readonly string[];
  private readonly names: readonly string[];
  private unpacked: WireSpan[] | undefined;

  /**
   * @param params a whole annotation set
   * @param receivedAs how it came: whole, or as a delta the client applied to the previous set
   */
  constructor(
    private readonly params: WholeAnnotations,
    readonly receivedAs: 'whole' | 'delta' = 'whole',
  ) {
    if (params.delta) throw new Error('StoredAnnotations needs a whole annotation set, not a delta');
    this.uri = params.uri;
    this.version = params.version;
    this.counts = params.counts;
    this.entitiesPending = params.entitiesPending;
    this.degraded = params.degraded;
    this.elapsedMs = params.elapsedMs;
    this.packed = params.packed;
    this.spanCount = Math.floor(params.packed.length / 3);
    this.names = params.names;
    const parts = params.labels.map(labelParts);
    this.kinds = parts.map(([kind]) => kind);
    this.labels = parts.map(([, label]) => label);
  }

  /** The whole message these annotations came from (the base the server's next delta applies to). */
  get message(): WholeAnnotations {
    return this.params;
  }

  /** The spans as tuples (built on first use, for scripts and tests; the client itself reads `packed`). */
  get spans(): WireSpan[] {
    this.unpacked ??= unpackAnnotations(this.params).spans;
    return this.unpacked;
  }

  /** Calls `visit` for each entity span in document order, with its span index and its name. */
  forEachEntity(visit: (span: number, name: string) => void): void {
    for (let s = 0, entity = 0; s < this.spanCount; s++) {
      if (this.kinds[this.packed[s * 3 + 2]] === 'entity') visit(s, this.names[entity++] ?? '');
    }
  }
}

export class AnnotationStore implements vscode.Disposable {
  private readonly byUri = new Map<string, StoredAnnotations>();
  private readonly emitter = new vscode.EventEmitter<StoredAnnotations>();
  readonly onDidChange = this.emitter.event;

  update(annotations: StoredAnnotations): void {
    this.byUri.set(annotations.uri, annotations);
    this.emitter.fire(annotations);
  }

  get(uri: vscode.Uri | string): StoredAnnotations | undefined {
    return this.byUri.get(typeof uri === 'string' ? uri : uri.toString());
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  /** Resolves with the first annotations for the document that match a predicate (e.g. its current version with entities). */
  when(uri: vscode.Uri, predicate: (p: StoredAnnotations) => boolean, timeoutMs = 30000): Promise<StoredAnnotations> {
    const existing = this.get(uri);
    if (existing && predicate(existing)) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`No matching News Lens annotations for ${uri.toString()} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = this.onDidChange((p) => {
        if (p.uri === uri.toString() && predicate(p)) {
          clearTimeout(timer);
          listener.dispose();
          resolve(p);
        }
      });
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
