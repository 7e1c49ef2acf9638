// The engine's entry point: turns a document's text into junk, entity, figure and metadata annotations.
import { splitLines, type DocLine } from './lines';
import { countScriptCharacters, scriptFromCounts, type ScriptCounts } from './script';
import { detectDocumentJunk } from './junk';
import { paragraphOf } from './junk/duplicate';
import { junkEdits } from './edits';
import { viewWithEdits } from './line-view';
import { isWholeLine, mapBack } from './settle-junk';
import { analyzeLines, byPosition, wantsJunk, type LineAnalysis } from './analyze-line';
import { confidentNames, spreadInLine } from './entities/consistency';
import { choosesDocumentConvention, documentConvention, lineGateScores } from './entities/document-convention';
import { loadTagger } from './entities/model-file';
import { hasHan } from './entities';
import type { AnalyzeOptions, Annotation, DocumentScript, LineContext } from './types';

export interface AnalysisResult {
  /**
   * All annotations, sorted by start offset; offsets are UTF-16 units into the analyzed text.
   * Read-only, and valid until the same Analyzer's next analyze(): it reuses (and moves) these
   * objects for lines that did not change. Copy what you keep across calls.
   */
  annotations: Annotation[];
  /** The dominant script of the document. */
  script: DocumentScript;
  /** True when entity recognition was skipped (cheapOnly, or the segmenter is not loaded yet). */
  entitiesSkipped: boolean;
  /** How many lines were analyzed afresh rather than taken from the cache. */
  linesAnalyzed: number;
  lineCount: number;
}

/** What one line contributes, in offsets relative to the line; cached by line text. */
interface LineResult {
  counts: ScriptCounts;
  byContext: Map<string, LineAnalysis>;
  /** What the line adds to the choice of the document's labelling convention (lineGateScores); set on first use. */
  gate?: Float64Array | null;
}


/**
 * Analyzes documents, remembering per-line results so that re-analyzing an edited document only
 * redoes the lines that changed. Keep one Analyzer per open document.
 */
export class Analyzer {
  private cache = new Map<string, LineResult>();
  private optionsKey = '';
  private previousText = '';
  private previousLines: DocLine[] = [];
  /** Counts analyze() calls, to know whether a line's placed annotations were already used in this one. */
  private runs = 0;

  analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) {
      this.cache.clear();
      this.optionsKey = key;
    }
    const lines = splitLines(text);
    reuseUnchangedLineTexts(this.previousText, this.previousLines, text, lines);
    this.previousText = text;
    this.previousLines = lines;
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

    const cheapOnly = options.cheapOnly === true;
    const lineOptions = withDocumentConvention(options, text, lines, lineResults);
    let script = scriptFromCounts({ traditionalOnly, simplifiedOnly });
    let linesAnalyzed = 0;
    const analyzeAll = (): LineAnalysis[] => {
      const ctx: LineContext = { script, options: lineOptions };
      // The document's convention is part of the context: an edit that changes it reanalyzes every line.
      const contextKey = `${script}|${cheapOnly}` + (lineOptions === options ? '' : `|${lineOptions.entityConvention}`);
      // The lines not yet analyzed in this context, each text once (identical lines share their LineResult).
      const fresh = new Map<LineResult, string>();
      for (let i = 0; i < lines.length; i++) {
        if (!lineResults[i].byContext.has(contextKey)) fresh.set(lineResults[i], lines[i].text);
      }
      const analyzed = analyzeLines([...fresh.values()], ctx, cheapOnly);
      let k = 0;
      for (const result of fresh.keys()) {
        // Once the full analysis exists, the cheap one is never asked for again, nor another convention's (the
        // document's changed): keep one per line and script, or a document that flips would hold two of everything.
        if (!cheapOnly) {
          for (const key of result.byContext.keys()) if (key.startsWith(`${script}|`) && key !== contextKey) result.byContext.delete(key);
        }
        result.byContext.set(contextKey, analyzed[k++]);
      }
      linesAnalyzed += fresh.size;
      return lineResults.map((result) => result.byContext.get(contextKey)!);
    };
    let analyses = analyzeAll();
    // The script is that of the text as `clean` leaves it. Junk must not decide it (a Simplified spam line on a
    // short Traditional page): else cleaning could change the judgement, and a second clean find more junk.
    for (let round = 0; round < 2 && wantsJunk(options); round++) {
      const cleanedScript = scriptFromCounts(cleanedCounts(analyses));
      if (cleanedScript === script) break;
      script = cleanedScript;
      analyses = analyzeAll();
    }
    const ctx: LineContext = { script, options };
    const documentLevel = wantsJunk(options) ? documentJunk(lines, analyses, ctx).map((a) => extendWholeLine(a, lines)) : [];
    if (!cheapOnly) documentLevel.push(...documentEntities(lines, analyses));
    documentLevel.sort(byPosition);

    const run = ++this.runs;
    const annotations: Annotation[] = [];
    let d = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const placed = this.place(analyses[i], lines, i, run);
      // Each line's annotations are sorted and lines come in order: only document-level findings need merging in.
      if (d < documentLevel.length && documentLevel[d].start < line.breakEnd) {
        for (const annotation of placed) {
          while (d < documentLevel.length && byPosition(documentLevel[d], annotation) < 0) annotations.push(documentLevel[d++]);
          annotations.push(annotation);
        }
        while (d < documentLevel.length && documentLevel[d].start < line.breakEnd) annotations.push(documentLevel[d++]);
      } else {
        for (const annotation of placed) annotations.push(annotation);
      }
    }
    while (d < documentLevel.length) annotations.push(documentLevel[d++]);
    return { annotations, script, entitiesSkipped: cheapOnly, linesAnalyzed, lineCount: lines.length };
  }

  /**
   * A line's annotations in document offsets. A line that only moved (an edit above it) gets its
   * annotations of the previous analysis shifted in place rather than copied: after an edit near
   * the top of a large document that is most of them. A line whose analysis is shared with an
   * identical line placed earlier in this run gets copies instead.
   */
  private place(analysis: LineAnalysis, lines: readonly DocLine[], index: number, run: number): Annotation[] {
    const line = lines[index];
    const removalKey = wholeLineKey(lines, index);
    const placed = analysis.placed;
    if (placed && placed.removalKey === removalKey && (placed.start === line.start || placed.run !== run)) {
      if (placed.start !== line.start) shiftAnnotations(placed.annotations, line.start - placed.start);
      placed.start = line.start;
      placed.run = run;
      return placed.annotations;
    }
    const annotations = analysis.annotations.map((a) => toAbsolute(a, line, lines, index));
    analysis.placed = { start: line.start, removalKey, annotations, run };
    return annotations;
  }
}

function shiftAnnotations(annotations: Annotation[], delta: number): void {
  for (const annotation of annotations) {
    annotation.start += delta;
    annotation.end += delta;
    if (annotation.removal) annotation.removal = { start: annotation.removal.start + delta, end: annotation.removal.end + delta };
  }
}

/**
 * The options the lines are analyzed with: when the tagger runs and no convention is named, the convention the gate
 * picks for the whole document (entities/document-convention.ts), so that all of an article is labelled one way.
 */
function withDocumentConvention(options: AnalyzeOptions, text: string, lines: readonly DocLine[], results: LineResult[]): AnalyzeOptions {
  // Without Han there is nothing to tag: the model is not even loaded (an English-only workspace never needs it).
  if (!choosesDocumentConvention(options) || !hasHan(text)) return options;
  const model = loadTagger();
  if (!model?.gate) return options;
  const perLine = results.map((result, i) => {
    if (result.gate === undefined) result.gate = lineGateScores(model, lines[i].text) ?? null;
    return result.gate ?? undefined;
  });
  const convention = documentConvention(model, perLine);
  return convention ? { ...options, entityConvention: convention } : options;
}

/** Traditional-only and Simplified-only characters of the document as `clean` leaves it. */
function cleanedCounts(analyses: readonly LineAnalysis[]): ScriptCounts {
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  for (const analysis of analyses) {
    const counts = (analysis.cleanedCounts ??= countScriptCharacters(analysis.cleaned));
    traditionalOnly += counts.traditionalOnly;
    simplifiedOnly += counts.simplifiedOnly;
  }
  return { traditionalOnly, simplifiedOnly };
}

/** Compared in blocks first: string equality of two slices is a fast memory compare. */
const COMPARE_BLOCK = 4096;

/**
 * Gives the lines before and after the edited region the very string objects of the previous
 * analysis. Their hashes are already computed, so the per-line cache lookups cost almost nothing
 * where an edit left the text alone (most of a large document).
 */
function reuseUnchangedLineTexts(oldText: string, oldLines: readonly DocLine[], text: string, lines: DocLine[]): void {
  if (oldLines.length === 0) return;
  const max = Math.min(oldText.length, text.length);
  let prefix = 0;
  while (prefix + COMPARE_BLOCK <= max && oldText.slice(prefix, prefix + COMPARE_BLOCK) === text.slice(prefix, prefix + COMPARE_BLOCK)) prefix += COMPARE_BLOCK;
  while (prefix < max && oldText.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  const room = max - prefix;
  let suffix = 0;
  while (suffix + COMPARE_BLOCK <= room && oldText.slice(oldText.length - suffix - COMPARE_BLOCK, oldText.length - suffix) === text.slice(text.length - suffix - COMPARE_BLOCK, text.length - suffix)) {
    suffix += COMPARE_BLOCK;
  }
  while (suffix < room && oldText.charCodeAt(oldText.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const shift = oldLines.length - lines.length;
  const suffixStart = text.length - suffix;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Before the edit: the line and the break after it are unchanged, so old line i is the same line.
    // After it: the break before the line is unchanged, so is everything to the end.
    const old = line.end < prefix ? oldLines[i] : line.start > suffixStart ? oldLines[i + shift] : undefined;
    if (old && old.end - old.start === line.end - line.start) line.text = old.text;
  }
}

/** Analyzes a text once, without keeping a cache. */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  return new Analyzer().analyze(text, options);
}

/**
 * Entities that a name tagged with confidence elsewhere in the document adds to the lines (consistency.ts), in
 * document offsets. A line's are kept with its analysis while the document's names stay the same: an edit rescans
 * only its own line.
 */
function documentEntities(lines: readonly DocLine[], analyses: readonly LineAnalysis[]): Annotation[] {
  const annotated = lines.map((line, i) => ({ text: line.text, annotations: analyses[i].annotations }));
  // Lines that go whole (spam, boilerplate, blank) lend no names and get none.
  const skip = (i: number): boolean => analyses[i].cleaned === '';
  const names = confidentNames(annotated, skip);
  const found: Annotation[] = [];
  if (names.names.size === 0) return found;
  for (let i = 0; i < lines.length; i++) {
    if (skip(i)) continue;
    const analysis = analyses[i];
    if (analysis.spread?.key !== names.key) analysis.spread = { key: names.key, found: spreadInLine(names, annotated[i]) };
    for (const a of analysis.spread.found) found.push({ ...a, start: a.start + lines[i].start, end: a.end + lines[i].start });
  }
  return found;
}

/**
 * Document-level junk (duplicates, tags split across lines), judged on the lines as `clean` leaves them — two lines
 * that only differ by junk are duplicates — and moved back to the document's offsets.
 */
function documentJunk(lines: readonly DocLine[], analyses: readonly LineAnalysis[], ctx: LineContext): Annotation[] {
  const cleanedLines: DocLine[] = [];
  let position = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = analyses[i].cleaned;
    cleanedLines.push({ start: position, end: position + text.length, breakEnd: position + text.length + 1, text });
    position += text.length + 1;
  }
  // Cached per line: the candidate strings are the same objects from one analysis to the next, so hashing them is free.
  const paragraphs = analyses.map((a) => {
    if (a.paragraph === undefined) a.paragraph = paragraphOf(a.cleaned) ?? null;
    return a.paragraph ?? undefined;
  });
  const found: Annotation[] = [];
  const removed = lines.map((line, i) => cleanedLines[i].text.length === 0 && line.text.trim().length > 0);
  for (const annotation of detectDocumentJunk(cleanedLines, ctx, paragraphs, removed)) {
    const index = findLineIndex(cleanedLines, annotation.start);
    const cleanedLine = cleanedLines[index];
    const line = lines[index];
    const relative: Annotation = {
      ...annotation,
      start: annotation.start - cleanedLine.start,
      end: annotation.end - cleanedLine.start,
      removal: annotation.removal && { start: annotation.removal.start - cleanedLine.start, end: annotation.removal.end - cleanedLine.start },
    };
    let moved = relative;
    if (cleanedLine.text !== line.text) {
      const lineJunk = analyses[index].annotations.filter((a) => a.kind === 'junk');
      moved = mapBack(relative, viewWithEdits(line.text, junkEdits(lineJunk)), line.text);
    }
    found.push({
      ...moved,
      start: moved.start + line.start,
      end: moved.end + line.start,
      removal: moved.removal && (isWholeLine(moved, line.text)
        ? { start: line.start, end: line.end }
        : { start: moved.removal.start + line.start, end: moved.removal.end + line.start }),
    });
  }
  return found;
}

/** Moves a line-relative annotation to document offsets; a whole-line removal takes the line break with it. */
function toAbsolute(annotation: Annotation, line: DocLine, lines: readonly DocLine[], index: number): Annotation {
  // Field by field rather than a spread: annotations come in several shapes, and this runs for every one of them.
  const absolute: Annotation = {
    start: annotation.start + line.start,
    end: annotation.end + line.start,
    kind: annotation.kind,
    label: annotation.label,
    text: annotation.text,
  };
  if (annotation.reason !== undefined) absolute.reason = annotation.reason;
  if (annotation.confidence !== undefined) absolute.confidence = annotation.confidence;
  if (annotation.value !== undefined) absolute.value = annotation.value;
  if (annotation.cleanText !== undefined) absolute.cleanText = annotation.cleanText;
  if (annotation.simplified !== undefined) absolute.simplified = annotation.simplified;
  if (annotation.convention !== undefined) absolute.convention = annotation.convention;
  if (annotation.replacement !== undefined) absolute.replacement = annotation.replacement;
  if (annotation.removal) {
    absolute.removal =
      isWholeLine(annotation, line.text)
        ? wholeLineRemoval(lines, index)
        : { start: annotation.removal.start + line.start, end: annotation.removal.end + line.start };
  }
  return absolute;
}

/**
 * What a whole-line removal of line `index` depends on besides its start, relative to it: the
 * length of its line break, or (last line without one) how far back the previous line ends.
 */
function wholeLineKey(lines: readonly DocLine[], index: number): number {
  const line = lines[index];
  return line.breakEnd > line.end || index === 0 ? line.breakEnd - line.end : -(line.start - lines[index - 1].end) - 1;
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
