// Shared helpers of the figures tests: contexts, invariant checks and single-figure lookups.
import { strict as assert } from 'node:assert';
import { findFigures } from '../../../src/core/figures';
import { FIGURE_TYPES, type Annotation, type LineContext } from '../../../src/core/types';

export const TRAD: LineContext = { script: 'traditional', options: {} };
export const SIMP: LineContext = { script: 'simplified', options: {} };

/** Checks what every result must satisfy: kind, label, exact text, sorted and non-overlapping spans. */
export function checkInvariants(line: string, found: readonly Annotation[]): void {
  let prevEnd = 0;
  for (const a of found) {
    assert.equal(a.kind, 'figure');
    assert.ok((FIGURE_TYPES as readonly string[]).includes(a.label), `label ${a.label}`);
    assert.ok(a.start >= prevEnd, `overlap or unsorted at ${a.start} in ${JSON.stringify(line)}`);
    assert.ok(a.end > a.start && a.end <= line.length, `bad range ${a.start}-${a.end}`);
    assert.equal(a.text, line.slice(a.start, a.end));
    assert.ok(a.value && a.value.display.length > 0, 'value with display');
    prevEnd = a.end;
  }
}

/** All figures of a line, after checking the invariants. */
export function figures(line: string, ctx: LineContext = TRAD): Annotation[] {
  const found = findFigures(line, ctx);
  checkInvariants(line, found);
  return found;
}

/** The single figure of a line (fails when there are none or several). */
export function only(line: string, ctx: LineContext = TRAD): Annotation {
  const found = figures(line, ctx);
  assert.equal(found.length, 1, `expected one figure in ${JSON.stringify(line)}, got ${JSON.stringify(found.map((f) => f.text))}`);
  return found[0];
}

/** The figure whose text is `text` (fails when absent). */
export function figureWithText(line: string, text: string, ctx: LineContext = TRAD): Annotation {
  const found = figures(line, ctx);
  const hit = found.find((f) => f.text === text);
  assert.ok(hit, `no figure ${JSON.stringify(text)} in ${JSON.stringify(line)}; got ${JSON.stringify(found.map((f) => f.text))}`);
  return hit;
}

/** Asserts that no figure covers any part of `fragment` inside `line`. */
export function assertNotFigure(line: string, fragment: string, ctx: LineContext = TRAD): void {
  const at = line.indexOf(fragment);
  assert.ok(at >= 0, 'fragment must be in the line');
  const hit = figures(line, ctx).find((f) => f.start < at + fragment.length && f.end > at);
  assert.equal(hit, undefined, `${JSON.stringify(fragment)} should not be a figure, got ${JSON.stringify(hit?.text)}`);
}
