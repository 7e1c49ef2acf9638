// Shared helpers of the junk detector tests: contexts, the sample fixture, invariants and a removal simulator.
import { applyEdits, junkEdits } from '../../../src/core/edits';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, AnalyzeOptions, DocumentScript, LineContext } from '../../../src/core/types';

export function ctx(script: DocumentScript, options: AnalyzeOptions = {}): LineContext {
  return { script, options };
}
export const TRAD = ctx('traditional');
export const SIMP = ctx('simplified');
export const UNKNOWN = ctx('unknown');

/** The spam-mirror sample (a copy of the shared sample, kept with the tests on purpose). */
export function readSample(): string {
  return readFileSync(join(__dirname, 'fixtures', 'mirror-article-zh-hant.txt'), 'utf8');
}

/** Asserts the contract every line-level finding must meet. */
export function assertWellFormed(line: string, annotations: readonly Annotation[]): void {
  for (const a of annotations) {
    assert.ok(a.start >= 0 && a.start < a.end && a.end <= line.length, `range [${a.start},${a.end}) in a line of ${line.length}`);
    assert.equal(a.text, line.slice(a.start, a.end));
    assert.ok(typeof a.reason === 'string' && a.reason.length > 10, 'a readable reason');
    if (a.kind === 'junk') {
      assert.ok(a.confidence !== undefined && a.confidence > 0 && a.confidence <= 1, `confidence ${a.confidence}`);
      assert.ok(a.removal, 'junk has a removal');
      assert.ok(a.removal.start >= 0 && a.removal.start <= a.removal.end && a.removal.end <= line.length);
    } else {
      assert.equal(a.kind, 'metadata');
      assert.equal(a.removal, undefined, 'metadata is never removed');
    }
  }
}

/** What `clean` would leave of one line: the union of the junk removals deleted. */
/** What `clean` makes of a line: the engine's own edits (removals, and replacements for HTML entities). */
export function applyRemovals(line: string, annotations: readonly Annotation[]): string {
  return applyEdits(line, junkEdits(annotations));
}

export function labels(annotations: readonly Annotation[]): string[] {
  return annotations.map((a) => a.label);
}

export function junkOf(annotations: readonly Annotation[], label: string): Annotation[] {
  return annotations.filter((a) => a.kind === 'junk' && a.label === label);
}
