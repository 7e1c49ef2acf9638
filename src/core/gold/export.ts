// Gold decisions in the interchange formats: the engine's exporters (src/core/export.ts), fed with gold instead of suggestions.
import { toBrat, toConll, toDoccano, toLabelStudio, type ExportFormat } from '../export';
import type { Annotation } from '../types';
import type { GoldAnnotation } from './model';

/** What to export: the annotator's gold, or that plus the suggestions they accepted unchanged. */
export type GoldSelection = 'gold' | 'gold+accepted';

/** Gold as engine annotations (entities and figures; a corrected value becomes the figure's value). */
export function goldForExport(annotations: readonly GoldAnnotation[], selection: GoldSelection = 'gold+accepted'): Annotation[] {
  return annotations
    .filter((a) => (a.kind === 'entity' || a.kind === 'figure') && (selection === 'gold+accepted' || !a.accepted))
    .map((a) => {
      const annotation: Annotation = { start: a.start, end: a.end, kind: a.kind as 'entity' | 'figure', label: a.label, text: a.text };
      if (a.value !== undefined) annotation.value = { display: a.value };
      return annotation;
    })
    .sort((x, y) => x.start - y.start || x.end - y.end);
}

/** One document in a format, as a file would hold it (Label Studio: a JSON array of one task; doccano: one line). */
export function renderExport(format: ExportFormat, text: string, annotations: readonly Annotation[]): string {
  switch (format) {
    case 'brat':
      return toBrat(text, annotations);
    case 'doccano':
      return JSON.stringify(toDoccano(text, annotations)) + '\n';
    case 'label-studio':
      return JSON.stringify([toLabelStudio(text, annotations)], null, 1) + '\n';
    case 'conll':
      return toConll(text, annotations);
  }
}
