// Builds each document's annotations message: whole the first time, then only the spans that changed since the last one sent.
import type { Annotation } from '../core/types';
import { diffSpans, LabelTable, middleSpans, packSpans, type PackedAnnotationsParams, type PackedSpans } from './protocol';

/** A delta is sent when it carries at most this share of the spans; otherwise the whole set is cheaper to apply. */
const MAX_DELTA_SHARE = 0.5;

interface Sent {
  version: number;
  textLength: number;
  spans: PackedSpans;
}

export interface MessageFields {
  uri: string;
  version: number;
  textLength: number;
  entitiesPending: boolean;
  degraded?: string;
  elapsedMs: number;
}

export class AnnotationSender {
  private readonly tables = new Map<string, LabelTable>();
  private readonly sent = new Map<string, Sent>();

  /** The message for an analysis; remembers it as the base of the next delta for the document. */
  message(fields: MessageFields, annotations: readonly Annotation[]): PackedAnnotationsParams {
    const { uri, version, textLength, ...rest } = fields;
    let table = this.tables.get(uri);
    if (!table) this.tables.set(uri, (table = new LabelTable()));
    const { packed, labels, names, counts } = packSpans(annotations, table);
    const whole: PackedSpans = { packed, labels, names };
    const base = this.sent.get(uri);
    this.sent.set(uri, { version, textLength, spans: whole });
    if (base && base.version < version) {
      const shift = textLength - base.textLength;
      const { prefix, suffix } = diffSpans(base.spans, whole, shift);
      const count = packed.length / 3;
      if (count - prefix - suffix <= count * MAX_DELTA_SHARE) {
        const middle = middleSpans(whole, prefix, suffix);
        return { uri, version, counts, ...rest, labels, ...middle, delta: { baseVersion: base.version, prefix, suffix, shift } };
      }
    }
    return { uri, version, counts, ...rest, packed, labels, names };
  }

  /** The next message for the document is sent whole (the client asked for it, or closed the document). */
  forget(uri: string): void {
    this.sent.delete(uri);
  }

  /** Drops everything about a closed document. */
  close(uri: string): void {
    this.sent.delete(uri);
    this.tables.delete(uri);
  }
}
