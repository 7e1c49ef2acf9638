// Analyzes lines on their own: junk, then figures and entities on the line without its in-line junk, a block of lines at a time.
import type { Paragraph } from './junk/duplicate';
import { junkEdits } from './edits';
import { findEntities, segmentLines } from './entities';
import { findFigures } from './figures';
import { textWithEdits, viewWithEdits } from './line-view';
import type { ScriptCounts } from './script';
import { isWholeLine, settleLineJunk } from './settle-junk';
import type { AnalyzeOptions, Annotation, LineContext } from './types';

export interface LineAnalysis {
  annotations: Annotation[];
  /** The line as `clean` leaves it ('' when it goes whole): duplicates are judged on this. */
  cleaned: string;
  /** The annotations moved to document offsets the last time, where the line stood then, and in which run. */
  placed?: { start: number; removalKey: number; annotations: Annotation[]; run: number };
  /** Script characters of `cleaned`; set on first use. */
  cleanedCounts?: ScriptCounts;
  /** The entities the document's confident names (`key`: confidentNames) add to the line; set on first use. */
  spread?: { key: string; found: Annotation[] };
  /** The cleaned line as a duplicate-paragraph candidate (null when it is too short to count); set on first use. */
  paragraph?: Paragraph | null;
}

export function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end;
}

export function wantsJunk(options: AnalyzeOptions): boolean {
  return options.junkKinds === undefined || options.junkKinds.length > 0;
}

/** Junk kinds whose whole-line findings make the line's entities and figures meaningless. */
const NOISE_LINE_KINDS = new Set(['spam', 'markup', 'encoding']);
/** In-line junk that is cut out of the line before entities and figures are looked for. */
const INLINE_JUNK_KINDS = new Set(['pinyin-gloss', 'markup', 'encoding']);

/**
 * UTF-16 units of the lines analyzed as one block. The entities of a block are found after the junk and figures
 * of all its lines, and their sentences are segmented back to back first (segmentLines): the segmenter runs about
 * three times faster so. A block bounds the tokens held at once.
 */
const BLOCK_UNITS = 1 << 16;

/** Analyzes each of `texts` (lines); the same results as one line at a time. */
export function analyzeLines(texts: readonly string[], ctx: LineContext, cheapOnly: boolean): LineAnalysis[] {
  const results: LineAnalysis[] = [];
  let block: (LineAnalysis | PendingLine)[] = [];
  let units = 0;
  const finishBlock = (): void => {
    const pending = block.filter((line): line is PendingLine => 'entityText' in line);
    const segmented = pending.length > 0 ? segmentLines(pending.map((line) => line.entityText), ctx) : undefined;
    for (const line of block) results.push('entityText' in line ? finishLine(line, ctx, segmented) : line);
    block = [];
    units = 0;
  };
  for (const text of texts) {
    block.push(startLine(text, ctx, cheapOnly));
    units += text.length;
    if (units >= BLOCK_UNITS) finishBlock();
  }
  finishBlock();
  return results;
}

/** A line whose junk and figures are found and whose entities are not yet: they are looked for in `entityText`. */
interface PendingLine {
  found: Annotation[];
  cleaned: string;
  entityText: string;
  /** Moves an annotation of `entityText` to the line's offsets (in place). */
  toLine: (a: Annotation) => Annotation;
}

function finishLine(line: PendingLine, ctx: LineContext, segmented: ReturnType<typeof segmentLines>): LineAnalysis {
  const { found, toLine } = line;
  for (const a of findEntities(line.entityText, ctx, segmented)) found.push(toLine(a));
  return { annotations: found.sort(byPosition), cleaned: line.cleaned };
}

function startLine(text: string, ctx: LineContext, cheapOnly: boolean): LineAnalysis | PendingLine {
  if (text.trim() === '') return { annotations: [], cleaned: text };
  const { found: junk, settled } = wantsJunk(ctx.options) ? settleLineJunk(text, ctx) : { found: [], settled: undefined };
  let wholeLine = false;
  let noiseLine = false;
  for (const a of junk) {
    if (a.kind !== 'junk' || !isWholeLine(a, text)) continue;
    wholeLine = true;
    if (NOISE_LINE_KINDS.has(a.label)) noiseLine = true;
  }
  // The last round of settling already cut this junk out (most lines): its edits and view are reused.
  const edits = wholeLine ? undefined : (settled?.edits ?? junkEdits(junk));
  const cleaned = !edits ? '' : settled?.edits === edits ? settled.view.text : textWithEdits(text, edits);
  if (noiseLine) return { annotations: junk.sort(byPosition), cleaned };
  const found = [...junk];
  const wantsEntities = ctx.options.entityTypes === undefined || ctx.options.entityTypes.length > 0;
  const wantsFigures = ctx.options.figures !== false;
  if (!wantsFigures && (cheapOnly || !wantsEntities)) return { annotations: found.sort(byPosition), cleaned };
  // Glosses and tags inside a name would hide it from the recognizers: look at the line without them.
  const inline = junk.filter((a) => a.kind === 'junk' && INLINE_JUNK_KINDS.has(a.label) && !isWholeLine(a, text));
  // Most lines' junk is all in-line (glosses): then the view's edits are those of `cleaned`.
  const allInline = edits !== undefined && inline.length === junk.reduce((n, a) => (a.kind === 'junk' ? n + 1 : n), 0);
  const view = allInline && settled?.edits === edits ? settled.view : viewWithEdits(text, allInline ? edits : junkEdits(inline));
  // The recognizers return fresh objects for this call: they are moved to the line's offsets in place.
  const toLine = (a: Annotation): Annotation => {
    if (!view.changed) return a;
    const start = view.toOriginal(a.start, false);
    const end = Math.max(start, view.toOriginal(a.end, true));
    const original = text.slice(start, end);
    a.start = start;
    a.end = end;
    if (original !== a.text) {
      a.cleanText = a.text;
      a.text = original;
    }
    return a;
  };
  if (wantsFigures) for (const a of findFigures(view.text, ctx)) found.push(toLine(a));
  if (cheapOnly || !wantsEntities) return { annotations: found.sort(byPosition), cleaned };
  return { found, cleaned, entityText: view.text, toLine };
}

