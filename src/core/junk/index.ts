// The junk detectors' entry points: per-line findings (and metadata) and document-level findings, with option filtering.
import type { Annotation, JunkKind, LineContext } from '../types';
import { JUNK_KINDS } from '../types';
import type { DocLine } from '../lines';
import { detectBoilerplate } from './boilerplate';
import { detectDoubledLine, detectDuplicates, type Paragraph } from './duplicate';
import { detectEncoding } from './encoding';
import { detectMarkup, detectSplitTags } from './markup';
import { detectMetadata } from './metadata';
import { detectPinyinGlosses } from './pinyin-gloss';
import { detectSpam } from './spam';
import { detectWordSalad } from './word-salad';
import { detectOrphanSiteNames } from './orphan-site-name';
import { detectNavigationBlocks } from './nav-block';

function enabledKinds(ctx: LineContext): ReadonlySet<JunkKind> {
  return new Set(ctx.options.junkKinds ?? JUNK_KINDS);
}

/**
 * True when the user chose never to flag this finding: its text contains one of the ignored literals, or it lies
 * inside an occurrence of one in its line (ignoring `網(wǎng)` keeps that gloss). Literals are plain strings.
 */
function isIgnored(annotation: Annotation, lineText: string, lineStart: number, literals: readonly string[]): boolean {
  const start = annotation.start - lineStart;
  const end = annotation.end - lineStart;
  for (const literal of literals) {
    if (!literal) continue;
    if (annotation.text.includes(literal)) return true;
    for (let at = lineText.indexOf(literal, Math.max(0, end - literal.length)); at >= 0 && at <= start; at = lineText.indexOf(literal, at + 1)) {
      if (at + literal.length >= end) return true;
    }
  }
  return false;
}

/** Appends in a loop: `push(...items)` overflows the stack on a huge single-line document. */
function append(target: Annotation[], items: readonly Annotation[]): void {
  for (const item of items) target.push(item);
}

function byPosition(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || a.label.localeCompare(b.label);
}

/**
 * Junk (and metadata) in ONE line, offsets relative to the line. Depends only on its arguments, so the engine may
 * cache it per (line text, ctx.script, options). Findings may nest (a gloss inside a whole-line breadcrumb); the
 * union of their removals is what `clean` should delete.
 */
export function detectLineJunk(line: string, ctx: LineContext): Annotation[] {
  const kinds = enabledKinds(ctx);
  const found: Annotation[] = [];
  if (kinds.has('encoding')) append(found, detectEncoding(line));
  if (kinds.has('markup')) append(found, detectMarkup(line));
  if (kinds.has('pinyin-gloss')) append(found, detectPinyinGlosses(line));
  if (kinds.has('boilerplate')) append(found, detectBoilerplate(line));
  if (kinds.has('spam')) append(found, detectSpam(line, ctx));
  if (kinds.has('duplicate')) append(found, detectDoubledLine(line));
  const literals = ctx.options.ignoreLiterals ?? [];
  const kept = literals.length === 0 ? found : found.filter((a) => !isIgnored(a, line, 0, literals));
  // Metadata is annotated, never removed; junk options do not apply to it.
  append(kept, detectMetadata(line));
  return kept.sort(byPosition);
}

/**
 * Document-level junk: duplicated paragraphs, tags split across lines, navigation blocks, word salad and site names
 * foreign to their page. Offsets are absolute (DocLine.start based). `removed[i]`: line i held text that line-level
 * junk removed whole.
 */
export function detectDocumentJunk(lines: readonly DocLine[], ctx: LineContext, paragraphs?: readonly (Paragraph | undefined)[], removed?: readonly boolean[]): Annotation[] {
  const kinds = enabledKinds(ctx);
  const found: Annotation[] = [];
  if (kinds.has('duplicate')) append(found, detectDuplicates(lines, paragraphs));
  if (kinds.has('markup')) append(found, detectSplitTags(lines));
  if (kinds.has('boilerplate')) append(found, detectNavigationBlocks(lines, removed));
  if (kinds.has('spam')) {
    append(found, detectWordSalad(lines));
    append(found, detectOrphanSiteNames(lines));
  }
  const literals = ctx.options.ignoreLiterals ?? [];
  if (literals.length === 0 || found.length === 0) return found.sort(byPosition);
  const starts = lines.map((l) => l.start);
  const lineOf = (offset: number): DocLine => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo];
  };
  return found
    .filter((a) => {
      const line = lineOf(a.start);
      return !isIgnored(a, line.text, line.start, literals);
    })
    .sort(byPosition);
}
