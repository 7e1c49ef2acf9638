// Hover content for an annotation: entity type, Simplified form, pinyin, frequency and confidence; figure value; junk reason.
import { ENTITY_CONVENTIONS, type Annotation, type EntityConvention, type FigureValue } from '../core/types';
import { labelName, t } from './messages';

/** The annotations under an offset, most specific first (figures and entities before the junk that contains them). */
export function annotationsAt(annotations: readonly Annotation[], offset: number): Annotation[] {
  const order = { figure: 0, entity: 1, metadata: 2, junk: 3 } as const;
  return annotations
    .filter((a) => a.start <= offset && offset < a.end)
    .sort((a, b) => order[a.kind] - order[b.kind] || a.end - a.start - (b.end - b.start));
}

/**
 * What a hover at `offset` shows, first the span it covers: the most specific annotation, then the junk around it
 * (unless it is junk itself) and, for an entity, the entities it is nested in (a title holding names: works.ts).
 */
export function hoverAnnotations(annotations: readonly Annotation[], offset: number): Annotation[] {
  const [top, ...rest] = annotationsAt(annotations, offset);
  if (!top) return [];
  const around = (a: Annotation): boolean => (a.kind === 'junk' && top.kind !== 'junk') || (a.kind === 'entity' && top.kind === 'entity');
  return [top, ...rest.filter(around)];
}

/** A training set's convention (not `auto`, which is a choice, never a result). */
const isNamedConvention = (name: string | undefined): name is Exclude<EntityConvention, 'auto'> => name !== 'auto' && (ENTITY_CONVENTIONS as readonly (string | undefined)[]).includes(name);

/** An entity's identity across scripts and glosses: its Simplified clean text. */
function entityKey(annotation: Annotation): string {
  return annotation.simplified ?? annotation.cleanText ?? annotation.text;
}

export function hoverMarkdown(annotation: Annotation, all: readonly Annotation[]): string {
  const lines: string[] = [];
  const shown = annotation.cleanText ?? annotation.text;
  const title = `**${labelName(annotation.label)}** \`${shown.length > 60 ? shown.slice(0, 60) + '…' : shown}\``;
  switch (annotation.kind) {
    case 'entity': {
      lines.push(`${t('hover.entity')}: ${title}`);
      const simplified = entityKey(annotation);
      if (annotation.simplified && annotation.simplified !== annotation.text) lines.push(`${t('hover.simplified')}: ${annotation.simplified}`);
      if (annotation.label === 'PER') lines.push(`${t('hover.pinyin')}: ${nameReading(simplified)}`);
      const occurrences = all.filter((a) => a.kind === 'entity' && entityKey(a) === simplified).length;
      lines.push(`${t('hover.occurrences')}: ${occurrences}`);
      if (annotation.confidence !== undefined) lines.push(`${t('hover.confidence')}: ${Math.round(annotation.confidence * 100)}%`);
      if (isNamedConvention(annotation.convention)) lines.push(`${t('hover.convention')}: ${t(`convention.${annotation.convention}`)}`);
      // Names tagged from their other occurrences in the document say so.
      if (annotation.reason) lines.push(annotation.reason);
      break;
    }
    case 'figure': {
      lines.push(`${t('hover.figure')}: ${title}`);
      if (annotation.value) lines.push(...figureLines(annotation.value));
      break;
    }
    case 'metadata':
      lines.push(`${t('hover.metadata')}: ${title}`);
      if (annotation.reason) lines.push(annotation.reason);
      break;
    case 'junk':
      lines.push(`${t('hover.junk')}: ${title}`);
      if (annotation.reason) lines.push(annotation.reason);
      // Mojibake and what it said: the quick fix writes the second in place of the first.
      if (annotation.label === 'encoding' && annotation.replacement) lines.push(`${t('hover.repair')}: \`${clip(annotation.text)}\` → \`${clip(annotation.replacement)}\``);
      if (annotation.confidence !== undefined) lines.push(`${t('hover.confidence')}: ${Math.round(annotation.confidence * 100)}%`);
      break;
  }
  return lines.join('\n\n');
}

/** The lines of a figure's value: its display, then qualifier, range, ISO 8601 form and precision, currency, unit. */
function figureLines(v: FigureValue): string[] {
  const lines = [`${t('hover.value')}: ${v.display}`];
  if (v.qualifier) {
    const word = t(`qualifier.${v.qualifier}`);
    lines.push(`${t('hover.qualifier')}: ${v.inclusive ? t('qualifier.inclusive', word) : word}`);
  }
  if (v.range) lines.push(`${t('hover.range')}: ${v.range.from} – ${v.range.to}`);
  if (v.iso) lines.push(`${t('hover.iso')}: \`${v.iso}\``);
  if (v.precision) lines.push(`${t('hover.precision')}: ${t(`precision.${v.precision}`)}`);
  if (v.currency) lines.push(`${t('hover.currency')}: ${v.currency}`);
  if (v.unit) lines.push(`${t('hover.unit')}: ${v.unit}`);
  return lines;
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 60) + '…' : text;
}

/**
 * A name's reading, surname readings first (单 → shàn). pinyin-pro is loaded on the first hover
 * over a name, not at start-up: the module and its phrase automaton cost ~110 ms.
 */
function nameReading(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { pinyin } = require('pinyin-pro') as typeof import('pinyin-pro');
  return pinyin(name, { surname: 'head' });
}
