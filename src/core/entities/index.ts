// Entity recognition for one line of Chinese news text (Simplified or Traditional).
//
// The line is converted to Simplified (offsets unchanged), segmented and tagged by nodejieba, and
// each sentence is labelled by the trained tagger (tagger.ts, weights in data/ner/model.bin):
// PER, LOC and ORG with a confidence, in the labelling convention of one training set, which the
// gate picks per line unless options.entityConvention names one (convention-gate.ts; analyze() names the
// document's, document-convention.ts). Small
// general post-rules add titles of works in 《》/〈〉 (WORK, brackets included; where the convention labels names
// inside titles, the tagger's names inside are nested in them: works.ts), names in
// author credits (people.ts), media outlets named after a place (organizations.ts), and report
// places ending with a facility suffix as FAC (places.ts). The user's dictionary
// (options.userWords) overrides everything. Overlaps are resolved as: user words, works, credit names, the tagger.
import type { Annotation, EntityType, LineContext } from '../types';
import { toSimplified } from '../script';
import { resolveOverlaps, type Candidate } from './candidates';
import { placeTrie } from './gazetteer';
import { lexicon } from './lexicon';
import { loadTagger } from './model-file';
import { modelForLine } from './convention-gate';
import { mergeMediaOutlets } from './organizations';
import { keepTaggedSpan } from './latin-spans';
import { findCreditNames } from './people';
import { refineFacility } from './places';
import { ensureSegmenter, preloadSegmenter, segmenterReady, tagTokens, type PackedTokens } from './segmenter';
import { ENTITY_LABELS, tagEntities, type TaggerModel } from './tagger';
import { findUserWords } from './user-words';
import { findWorks, labelsNamesInTitles, takeTitlesAroundNames, titlesAroundChosen } from './works';

export { segmenterError, segmenterLeanLoad } from './segmenter';
export { taggerError, taggerLoadMs } from './model-file';

/** True once nodejieba's dictionaries and the tagger are loaded (the first findEntities call loads them otherwise). */
export function entitySegmenterReady(): boolean {
  return segmenterReady();
}

/**
 * Loads nodejieba's dictionaries, the tagger's weights and the word tables ahead of the first request. The
 * dictionaries (1–2 s) load on another thread while this one loads the rest (a few hundred ms, synchronous).
 */
export async function warmUpEntities(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const segmenter = preloadSegmenter();
  loadTagger();
  placeTrie();
  lexicon();
  await segmenter;
  ensureSegmenter();
}

/** Does the text contain a Han character (CJK Unified Ideographs or Extension A)? */
export function hasHan(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  }
  return false;
}

/** Lines longer than this are segmented in pieces. */
const CHUNK = 2000;
const SENTENCE_END = /[。！？；!?;\n]/g;

/** End of the piece starting at `from`: after the last sentence end within CHUNK units, else at CHUNK. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK) return text.length;
  const window = text.slice(from, from + CHUNK);
  let cut = -1;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) cut = m.index + 1;
  let end = from + (cut > CHUNK / 4 ? cut : CHUNK);
  // Never split a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return end;
}

/** 1 for code units that end a sentence for the tagger (it was trained on sentences). */
const ENDS_SENTENCE = new Uint8Array(65536);
for (const ch of '。！？；!?;\n\r') ENDS_SENTENCE[ch.charCodeAt(0)] = 1;

const isHanUnit = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/**
 * Control characters, and spaces between two Han characters, separate what the tagger reads as
 * one sentence: Chinese names have no spaces (嘉兴日报 浙江大学 is two names), and the training
 * sentences have none.
 */
function separatesNames(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return true;
  if (code !== 0x20 && code !== 0x3000 && code !== 0xa0) return false;
  let before = at - 1;
  while (before >= 0 && text.charCodeAt(before) <= 0x20) before--;
  let after = at + 1;
  while (after < text.length && (text.charCodeAt(after) === 0x20 || text.charCodeAt(after) === 0x3000)) after++;
  return before >= 0 && after < text.length && isHanUnit(text.charCodeAt(before)) && isHanUnit(text.charCodeAt(after));
}

/** Whitespace, emoji and other symbols at a sentence's edges: left out of what the tagger sees, so a sentence reads the same wherever it sits. */
function isEdgeFiller(code: number): boolean {
  if (code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0xfeff) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return (code >= 0x2190 && code <= 0x2bff) || (code >= 0xe000 && code <= 0xf8ff);
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
/** Name material: Han (BMP), ASCII and full-width letters and digits (code units; the halves of an astral character are not). */
function isNameMaterial(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if (code >= 0xff10) return (code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Whether the UTF-16 unit at `i` may begin or end a name: name material, or half of an astral character (Han of the extensions). */
function isNameEdge(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 0xd800 && code <= 0xdfff) || isNameMaterial(code);
}

function hasNameMaterial(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isNameMaterial(text.charCodeAt(i))) return true;
  return false;
}

/** Runs the tagger on each sentence of a segmented piece; spans are offsets into the piece, plus `offset`. */
function tagPiece(model: TaggerModel, piece: string, tokens: PackedTokens, out: Candidate[], offset: number): void {
  const convention = model.convention;
  for (let from = 0; from < piece.length; ) {
    let to = from;
    while (to < piece.length && !ENDS_SENTENCE[piece.charCodeAt(to)] && !separatesNames(piece, to)) to++;
    if (to < piece.length) to++;
    let a = from;
    let b = to;
    while (a < b && isEdgeFiller(piece.charCodeAt(a))) a++;
    while (b > a && isEdgeFiller(piece.charCodeAt(b - 1))) b--;
    if (b > a && hasHan(piece, a, b)) {
      for (const span of tagEntities(model, piece, tokens, a, b)) {
        // The tagger labels UTF-16 units: widen a span that would split a surrogate pair.
        let start = isLowSurrogate(piece.charCodeAt(span.start)) && span.start > a ? span.start - 1 : span.start;
        let end = isLowSurrogate(piece.charCodeAt(span.end)) && span.end < b ? span.end + 1 : span.end;
        // A name neither starts nor ends with a space or a symbol (`Copyright © ` is at most `Copyright`).
        while (start < end && !isNameEdge(piece, start)) start++;
        while (end > start && !isNameEdge(piece, end - 1)) end--;
        // A name has a Han character, a letter or a digit: never only emoji or symbols.
        if (end <= start || !hasNameMaterial(piece, start, end)) continue;
        const candidate: Candidate = { start: start + offset, end: end + offset, type: span.type, tier: 1, confidence: span.confidence };
        if (convention) candidate.convention = convention;
        out.push(candidate);
      }
    }
    from = to;
  }
}

/** The tagger, when the options ask for its types and the (Simplified) line has Han to tag; else undefined. */
function taggerFor(simplified: string, options: LineContext['options']): TaggerModel | undefined {
  const types = options.entityTypes;
  const wants = (type: EntityType): boolean => !types || types.includes(type);
  const tagged = ENTITY_LABELS.some((type) => wants(type) || (type === 'LOC' && wants('FAC')));
  return !options.cheapOnly && tagged && hasHan(simplified) ? loadTagger() : undefined;
}

/**
 * The pieces of a Simplified line that are segmented and tagged, with their offsets: very long lines go a
 * sentence-sized piece at a time (the same result, as sentences are tagged one by one, but the segmenter's
 * per-token arrays stay short-lived), and pieces without Han are skipped.
 */
function forEachPiece(simplified: string, visit: (piece: string, from: number) => void): void {
  for (let from = 0; from < simplified.length; ) {
    const to = chunkEnd(simplified, from);
    const piece = from === 0 && to === simplified.length ? simplified : simplified.slice(from, to);
    if (hasHan(piece)) visit(piece, from);
    from = to;
  }
}

/** Per line, its Simplified form and the pieces findEntities tags with their tokens, in the order it tags them. */
export type SegmentedLines = Map<string, { simplified: string; pieces: { piece: string; tokens: PackedTokens }[] }>;

/**
 * Segments the pieces that findEntities would tag in `lines`, one call after another, for findEntities to
 * use. nodejieba's dictionary is a tree of hash maps spread over about 100 MB: called between two runs of
 * the tagger, whose tables fill the CPU's caches, the segmenter runs about three times slower than called
 * back to back. Undefined when no line would be tagged.
 */
export function segmentLines(lines: Iterable<string>, ctx: LineContext): SegmentedLines | undefined {
  if (ctx.options.entityTypes?.length === 0) return undefined;
  let segmented: SegmentedLines | undefined;
  for (const line of lines) {
    if (!line || segmented?.has(line)) continue;
    const simplified = toSimplified(line);
    if (!taggerFor(simplified, ctx.options)) continue;
    const pieces: { piece: string; tokens: PackedTokens }[] = [];
    forEachPiece(simplified, (piece) => pieces.push({ piece, tokens: tagTokens(piece) }));
    (segmented ??= new Map()).set(line, { simplified, pieces });
  }
  return segmented;
}

/**
 * Finds the named entities of one line. Offsets are UTF-16 offsets into `line`; `text` is the
 * original slice and `simplified` its Simplified form when that differs. The result is sorted by start and
 * non-overlapping but for one case: in a convention that labels names inside titles (MSRA's), a WORK title holds
 * the names the tagger finds inside it (the title first). Each entity has a `confidence` (the tagger's probability
 * of the span; 1 for user words and rule hits). `ctx.options.entityTypes` selects the types (an empty list disables
 * recognition): entities of other types are dropped before overlaps are resolved, so with WORK
 * off the names inside a 《title》 show in every convention. `ctx.options.minEntityConfidence` hides the tagger's less
 * certain entities.
 * `ctx.options.userWords` override the tagger; with `ctx.options.cheapOnly` only user words and
 * bracketed works are reported (no segmenter, no tagger). `segmented` may hold the line's sentences
 * already segmented (segmentLines); the result is the same either way.
 */
export function findEntities(line: string, ctx: LineContext, segmented?: SegmentedLines): Annotation[] {
  const { options } = ctx;
  const types = options.entityTypes;
  if (types && types.length === 0) return [];
  if (!line) return [];
  const ready = segmented?.get(line);
  const simplified = ready?.simplified ?? toSimplified(line);
  const candidates: Candidate[] = [];
  const wants = (type: EntityType): boolean => !types || types.includes(type);

  findUserWords(simplified, options.userWords, candidates);
  if (wants('WORK')) findWorks(simplified, candidates);
  if (!options.cheapOnly && wants('PER')) findCreditNames(simplified, candidates);
  const model = taggerFor(simplified, options);
  let nestedTitles: Candidate[] = [];
  if (model) {
    const minimum = options.minEntityConfidence ?? 0;
    const fromTagger: Candidate[] = [];
    // One labelling convention per line: the one named (analyze() names the document's), else the gate's for the line.
    const lineModel = modelForLine(model, simplified, options.entityConvention);
    let k = 0;
    forEachPiece(simplified, (piece, from) => {
      const done = ready?.pieces[k++];
      tagPiece(lineModel, piece, done?.piece === piece ? done.tokens : tagTokens(piece), fromTagger, from);
    });
    for (const c of mergeMediaOutlets(simplified, fromTagger)) {
      if (!keepTaggedSpan(simplified, c.start, c.end)) continue;
      refineFacility(simplified, c);
      if (round(c.confidence) >= minimum && wants(c.type)) candidates.push(c);
    }
    // In a convention that labels names inside titles (MSRA), they are shown nested in the title (works.ts).
    if (labelsNamesInTitles(lineModel)) nestedTitles = takeTitlesAroundNames(candidates);
  }

  // Types are filtered before overlaps are resolved: with WORK off, the names inside a 《title》 are reported.
  const wanted = types ? candidates.filter((c) => types.includes(c.type)) : candidates;
  const result: Annotation[] = [];
  const chosen = resolveOverlaps(wanted, line.length);
  // A title with names nested in it comes before them (sorted by start, the longer first).
  const all = nestedTitles.length ? [...chosen, ...titlesAroundChosen(nestedTitles, chosen)].sort((a, b) => a.start - b.start || b.end - a.end) : chosen;
  for (const c of all) {
    const text = line.slice(c.start, c.end);
    const annotation: Annotation = { kind: 'entity', label: c.type, start: c.start, end: c.end, text, confidence: round(c.confidence) };
    if (c.convention) annotation.convention = c.convention;
    const simple = simplified.slice(c.start, c.end);
    if (simple !== text) annotation.simplified = simple;
    result.push(annotation);
  }
  return result;
}

/** Three decimals: enough for a hover and a threshold, and stable across runs. */
const round = (x: number): number => Math.round(x * 1000) / 1000;
