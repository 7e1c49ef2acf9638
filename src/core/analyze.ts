// The engine's entry point: turns a document's text into junk, entity, figure and metadata annotations.
import { splitLines, type DocLine } from './lines';
import { countScriptCharacters, scriptFromCounts, type ScriptCounts } from './script';
import { detectDocumentJunk, detectLineJunk } from './junk';
import { findEntities } from './entities';
import { findFigures } from './figures';
import type { AnalyzeOptions, Annotation, DocumentScript, LineContext } from './types';

export interface AnalysisResult {
  /** All annotations, sorted by start offset; offsets are UTF-16 units into the analysed text. */
  annotations: Annotation[];
  /** The dominant script of the document. */
  script: DocumentScript;
  /** True when entity recognition was skipped (cheapOnly, or the segmenter is not loaded yet). */
  entitiesSkipped: boolean;
  /** How many lines were analysed afresh rather than taken from the cache. */
  linesAnalysed: number;
  lineCount: number;
}

/** What one line contributes, in offsets relative to the line; cached by line text. */
interface LineResult {
  counts: ScriptCounts;
  byContext: Map<string, Annotation[]>;
}

/**
 * Analyses documents, remembering per-line results so that re-analysing an edited document only
 * redoes the lines that changed. Keep one Analyzer per open document.
 */
export class Analyzer {
  private cache = new Map<string, LineResult>();
  private optionsKey = '';

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) {
      this.cache.clear();
      this.optionsKey = key;
    }
    const lines = splitLines(text);
    const previous = this.cache;
    const current = new Map<string, LineResult>();
    const lineResults: LineResult[] = [];
    let traditionalOnly = 0;
    let simplifiedOnly = 0;
    for (const line of lines) {
      let result = current.get(line.text) ?? previous.get(line.text);
      if (!result) result = { counts: countScriptCharacters(line.text), byContext: new Map() };
      current.set(line.text, result);
      lineResults.push(result);
      traditionalOnly += result.counts.traditionalOnly;
      simplifiedOnly += result.counts.simplifiedOnly;
    }
    this.cache = current;

    const script = scriptFromCounts({ traditionalOnly, simplifiedOnly });
    const ctx: LineContext = { script, options };
    const cheapOnly = options.cheapOnly === true;
    const contextKey = `${script}|${cheapOnly}`;
    const annotations: Annotation[] = [];
    let linesAnalysed = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      let found = lineResults[i].byContext.get(contextKey);
      if (!found) {
        found = analyseLine(line.text, ctx, cheapOnly);
        lineResults[i].byContext.set(contextKey, found);
        linesAnalysed++;
      }
      for (const annotation of found) annotations.push(toAbsolute(annotation, line, lines, i));
    }
    if (wantsJunk(options)) {
      for (const annotation of detectDocumentJunk(lines, ctx)) annotations.push(extendWholeLine(annotation, lines));
    }
    annotations.sort((a, b) => a.start - b.start || b.end - a.end);
    return { annotations, script, entitiesSkipped: cheapOnly, linesAnalysed, lineCount: lines.length };
  }
}

/** Analyses a text once, without keeping a cache. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return new Analyzer().analyze(text, options);
}

function wantsJunk(options: AnalyzeOptions): boolean {
  return options.junkKinds === undefined || options.junkKinds.length > 0;
}

/** Junk kinds whose whole-line findings make the line's entities and figures meaningless. */
const NOISE_LINE_KINDS = new Set(['spam', 'markup', 'encoding']);
/** In-line junk that is cut out of the line before entities and figures are looked for. */
const INLINE_JUNK_KINDS = new Set(['pinyin-gloss', 'markup', 'encoding']);

function isWholeLine(annotation: Annotation, text: string): boolean {
  return annotation.removal !== undefined && annotation.removal.start === 0 && annotation.removal.end === text.length;
}

function analyseLine(text: string, ctx: LineContext, cheapOnly: boolean): Annotation[] {
  if (text.trim() === '') return [];
  const junk = wantsJunk(ctx.options) ? detectLineJunk(text, ctx) : [];
  if (junk.some((a) => a.kind === 'junk' && NOISE_LINE_KINDS.has(a.label) && isWholeLine(a, text))) return junk;
  const found = [...junk];
  const wantsEntities = ctx.options.entityTypes === undefined || ctx.options.entityTypes.length > 0;
  const wantsFigures = ctx.options.figures !== false;
  if (!wantsFigures && (cheapOnly || !wantsEntities)) return found;
  // Glosses and tags inside a name would hide it from the recognizers: look at the line without them.
  const view = withoutInlineJunk(text, junk);
  const mapBack = (a: Annotation): Annotation => {
    if (view.text === text) return a;
    const start = view.toOriginal(a.start, false);
    const end = view.toOriginal(a.end, true);
    const original = text.slice(start, end);
    return original === a.text ? { ...a, start, end } : { ...a, start, end, text: original, cleanText: a.text };
  };
  if (wantsFigures) for (const a of findFigures(view.text, ctx)) found.push(mapBack(a));
  if (!cheapOnly && wantsEntities) for (const a of findEntities(view.text, ctx)) found.push(mapBack(a));
  return found;
}

interface LineView {
  text: string;
  /** Maps an offset of the view back to the line; an end offset stays before the junk that follows it. */
  toOriginal(offset: number, isEnd: boolean): number;
}

/** The line with its in-line junk cut out, and the way back to the line's offsets. */
function withoutInlineJunk(text: string, junk: readonly Annotation[]): LineView {
  const cuts = junk
    .filter((a) => a.kind === 'junk' && INLINE_JUNK_KINDS.has(a.label) && !isWholeLine(a, text))
    .map((a) => a.removal ?? { start: a.start, end: a.end })
    .sort((a, b) => a.start - b.start);
  if (cuts.length === 0) return { text, toOriginal: (offset) => offset };
  const viewStarts: number[] = [];
  const originalStarts: number[] = [];
  let view = '';
  let position = 0;
  for (const cut of cuts) {
    if (cut.start > position) {
      viewStarts.push(view.length);
      originalStarts.push(position);
      view += text.slice(position, cut.start);
    }
    position = Math.max(position, cut.end);
  }
  viewStarts.push(view.length);
  originalStarts.push(position);
  view += text.slice(position);
  return {
    text: view,
    toOriginal(offset, isEnd) {
      // The last kept segment starting before (an end) or at (a start) the offset.
      let lo = 0;
      let hi = viewStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (isEnd ? viewStarts[mid] < offset : viewStarts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return originalStarts[lo] + (offset - viewStarts[lo]);
    },
  };
}

/** Moves a line-relative annotation to document offsets; a whole-line removal takes the line break with it. */
function toAbsolute(annotation: Annotation, line: DocLine, lines: readonly DocLine[], index: number): Annotation {
  const absolute: Annotation = { ...annotation, start: annotation.start + line.start, end: annotation.end + line.start };
  if (annotation.removal) {
    absolute.removal = { start: annotation.removal.start + line.start, end: annotation.removal.end + line.start };
    if (annotation.removal.start === 0 && annotation.removal.end === line.text.length) {
      absolute.removal = wholeLineRemoval(lines, index);
    }
  }
  return absolute;
}

/** For document-level findings given with absolute offsets: widen a whole-line removal to the line break. */
function extendWholeLine(annotation: Annotation, lines: readonly DocLine[]): Annotation {
  if (!annotation.removal) return annotation;
  const index = findLineIndex(lines, annotation.removal.start);
  const line = lines[index];
  if (annotation.removal.start === line.start && annotation.removal.end === line.end) {
    return { ...annotation, removal: wholeLineRemoval(lines, index) };
  }
  return annotation;
}

/** The range that deletes a whole line: its text and break, or for a last line without a break, the break before it. */
function wholeLineRemoval(lines: readonly DocLine[], index: number): { start: number; end: number } {
  const line = lines[index];
  if (line.breakEnd > line.end || index === 0) return { start: line.start, end: line.breakEnd };
  return { start: lines[index - 1].end, end: line.end };
}

function findLineIndex(lines: readonly DocLine[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
