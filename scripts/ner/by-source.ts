// Source-conditioned training of the entity tagger: templates get a second copy per training source, and the export folds the copies into one model.
//
// The three training sets label the same text differently (MSRA splits 浙江省余姚市 into two places,
// CLUENER keeps an address as one span). With one weight per feature the model learns a compromise.
// Here each chosen template also has a copy per source, seen only in that source's sentences, and the
// transitions have a block per source ("frustratingly easy domain adaptation", Daumé III, 2007). The
// general weights learn what the sources share; the copies learn each source's convention. The shipped
// model is the general weights plus a weighted sum of the copies (`--convention msra=1`), so its size and
// its decoder do not change.
import { SOURCES, type Source } from '../../src/cli/ner-corpus';
import { ABSENT, TEMPLATE_COUNT, TEMPLATE_NAMES } from '../../src/core/entities/features';
import { LABEL_COUNT } from '../../src/core/entities/tagger';

const F = TEMPLATE_COUNT;
/** Length of one block of transitions: L × L, then start (L), then end (L). */
export const TRANSITIONS = LABEL_COUNT * LABEL_COUNT + 2 * LABEL_COUNT;

/** The templates that get a copy per source: `all`, `none` or a comma-separated list of names. */
export function parseBySource(value: string | undefined): number[] {
  if (value === undefined || value === 'none' || value === '') return [];
  if (value === 'all') return Array.from({ length: F }, (_, t) => t);
  return value.split(',').map((name) => {
    const t = TEMPLATE_NAMES.indexOf(name);
    if (t < 0) throw new Error(`--by-source: unknown template ${name} (known: all, none, ${TEMPLATE_NAMES.join(', ')})`);
    return t;
  });
}

/**
 * Copies for one source only (`--only-for msra:Word,PrevWord,…`): the source's sentences get a copy of these templates
 * besides the copies every source has. The export folds them into the shared rows and ships their strongest rows,
 * negated, as an overlay the other sources' views add back (or, `--overlay-reads own`, ships them as an overlay of the
 * source's own view): train.ts, src/core/entities/overlay.ts.
 */
export interface SourceOnly {
  source: Source;
  templates: number[];
}

/** `source:T,T,…`, or nothing. */
export function parseSourceOnly(value: string | undefined): SourceOnly | undefined {
  if (value === undefined || value === '' || value === 'none') return undefined;
  const [source, list] = value.split(':');
  if (!(SOURCES as readonly string[]).includes(source) || !list) throw new Error(`--only-for: expected source:T,T,…, got ${value}`);
  return { source: source as Source, templates: parseBySource(list) };
}

/** Weight of each source's copies in the exported model, e.g. `msra=1` or `msra=0.6,cluener=0.4`; sources not named weigh 0. */
export function parseConvention(value: string | undefined): Record<Source, number> {
  const convention = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<Source, number>;
  for (const pair of (value ?? '').split(',').filter(Boolean)) {
    const [source, w] = pair.split('=');
    if (!(SOURCES as readonly string[]).includes(source) || !Number.isFinite(Number(w))) throw new Error(`--convention: expected source=weight, got ${pair}`);
    convention[source as Source] = Number(w);
  }
  return convention;
}

/** The template id of a source's copy of template t. General templates keep their ids (0 … F − 1). */
export const sourceTemplate = (t: number, source: Source): number => F + SOURCES.indexOf(source) * F + t;

/** Slots per position: the general templates, the copies of every source, then the copies of one source only. */
export const slotsPerPosition = (bySource: number[], only?: SourceOnly): number => F + bySource.length + (only?.templates.length ?? 0);

/**
 * Keys of a sentence of `source` with the source copies appended to each position: the F general keys, then
 * one key per template of `bySource` (the same key, read with the source's template id), then one per template
 * of `only` (absent unless the sentence is of `only.source`).
 */
export function withSourceSlots(keys: Uint32Array, n: number, bySource: number[], only?: SourceOnly, source?: Source): Uint32Array {
  const stride = slotsPerPosition(bySource, only);
  if (stride === F) return keys.slice(0, n * F);
  const out = new Uint32Array(n * stride);
  const mine = only !== undefined && only.source === source;
  for (let i = 0; i < n; i++) {
    out.set(keys.subarray(i * F, i * F + F), i * stride);
    bySource.forEach((t, j) => (out[i * stride + F + j] = keys[i * F + t]));
    only?.templates.forEach((t, j) => (out[i * stride + F + bySource.length + j] = mine ? keys[i * F + t] : ABSENT));
  }
  return out;
}

/** Template id of a slot of a position (withSourceSlots' layout) in a sentence of `source`. */
export function slotTemplate(slot: number, source: Source, bySource: number[], only?: SourceOnly): number {
  if (slot < F) return slot;
  if (slot < F + bySource.length) return sourceTemplate(bySource[slot - F], source);
  return sourceTemplate(only!.templates[slot - F - bySource.length], only!.source);
}

/** Number of transition blocks: the general one, and one per source when conditioned. */
export const transitionBlocks = (bySource: number[]): number => (bySource.length ? 1 + SOURCES.length : 1);

/** The transitions a sentence of `source` is decoded with: the general block plus the source's block (when there is one). */
export function effectiveTransitions(t: Float64Array, source: Source, out = new Float64Array(TRANSITIONS)): Float64Array {
  const block = (1 + SOURCES.indexOf(source)) * TRANSITIONS;
  for (let k = 0; k < TRANSITIONS; k++) out[k] = t[k] + (t.length > TRANSITIONS ? t[block + k] : 0);
  return out;
}

/**
 * One model of general weights: each source copy of a feature is added, times the source's weight
 * in `convention`, to the general feature with the same template and key; then the copies are
 * dropped. A copy's general feature is counted at least as often, so it exists unless its 32-bit
 * training id collided with another feature's (train.ts featureId; a few in a million): such copies
 * are left out and counted as `orphans`.
 */
export function foldSources(
  w: Float32Array,
  t: Float64Array,
  templates: Uint8Array,
  keys: Uint32Array,
  convention: Record<Source, number>,
): { w: Float32Array; t: Float64Array; templates: Uint8Array; keys: Uint32Array; orphans: number } {
  const L = LABEL_COUNT;
  const general: number[] = [];
  const at = new Map<number, number>();
  templates.forEach((template, f) => {
    if (template >= F) return;
    at.set(template * 2 ** 32 + keys[f], general.length);
    general.push(f);
  });
  const folded = new Float32Array(general.length * L);
  general.forEach((f, r) => folded.set(w.subarray(f * L, f * L + L), r * L));
  let orphans = 0;
  templates.forEach((template, f) => {
    if (template < F) return;
    const r = at.get((template % F) * 2 ** 32 + keys[f]);
    if (r === undefined) {
      orphans++;
      return;
    }
    const weight = convention[SOURCES[Math.floor(template / F) - 1]];
    if (!weight) return;
    for (let l = 0; l < L; l++) folded[r * L + l] += weight * w[f * L + l];
  });
  const transitions = Float64Array.from(t.subarray(0, TRANSITIONS));
  for (let s = 0; t.length > TRANSITIONS && s < SOURCES.length; s++) {
    const weight = convention[SOURCES[s]];
    for (let k = 0; k < TRANSITIONS; k++) transitions[k] += weight * t[(1 + s) * TRANSITIONS + k];
  }
  return {
    w: folded,
    t: transitions,
    templates: Uint8Array.from(general, (f) => templates[f]),
    keys: Uint32Array.from(general, (f) => keys[f]),
    orphans,
  };
}

/**
 * The copies of the templates `take` chooses (by their general template id), taken out of the weights: the rest can be
 * folded as usual, and the copies become an overlay (src/core/entities/overlay.ts). The copies' templates are given as
 * general ids, with their source.
 */
export function takeCopies(
  w: Float32Array,
  templates: Uint8Array,
  keys: Uint32Array,
  take: (template: number) => boolean,
): { rest: { w: Float32Array; templates: Uint8Array; keys: Uint32Array }; copies: { source: Source; template: number; key: number; w: Float32Array }[] } {
  const L = LABEL_COUNT;
  const kept: number[] = [];
  const copies: { source: Source; template: number; key: number; w: Float32Array }[] = [];
  templates.forEach((template, f) => {
    if (template >= F && take(template % F)) copies.push({ source: SOURCES[Math.floor(template / F) - 1], template: template % F, key: keys[f], w: w.slice(f * L, f * L + L) });
    else kept.push(f);
  });
  const rest = new Float32Array(kept.length * L);
  kept.forEach((f, r) => rest.set(w.subarray(f * L, f * L + L), r * L));
  return { rest: { w: rest, templates: Uint8Array.from(kept, (f) => templates[f]), keys: Uint32Array.from(kept, (f) => keys[f]) }, copies };
}
