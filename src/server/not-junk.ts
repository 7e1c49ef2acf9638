// Junk findings an annotator marked "not junk" in one document (stored in its gold standoff file): left out of everything the server reports.
import type { Annotation } from '../core/types';
import type { NotJunkSpan } from './protocol';

export class NotJunkMarks {
  private readonly byUri = new Map<string, Set<string>>();

  /** Replaces a document's marks (UTF-16 offsets of the client's current version); none clears them. */
  set(uri: string, spans: readonly NotJunkSpan[]): void {
    if (spans.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, new Set(spans.map((s) => `${s.start}:${s.end}:${s.label}`)));
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  /** The annotations without the junk findings marked "not junk" (same span, same kind); the rest untouched. */
  filter(uri: string, annotations: Annotation[]): Annotation[] {
    const marks = this.byUri.get(uri);
    if (!marks) return annotations;
    return annotations.filter((a) => a.kind !== 'junk' || !marks.has(`${a.start}:${a.end}:${a.label}`));
  }
}
