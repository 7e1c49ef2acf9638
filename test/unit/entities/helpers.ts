// Shared helpers of the entity tests.
import { strict as assert } from 'node:assert';
import { findEntities } from '../../../src/core/entities';
import type { Annotation, AnalyzeOptions, EntityType } from '../../../src/core/types';

export function run(line: string, options: AnalyzeOptions = {}): Annotation[] {
  const script = /[們這個國說會為時來對發經]/.test(line) ? 'traditional' : 'simplified';
  return findEntities(line, { script, options });
}

/** "LABEL:text" strings of a line's entities, in order. */
export function labels(line: string, options: AnalyzeOptions = {}): string[] {
  return run(line, options).map((a) => `${a.label}:${a.text}`);
}

/** Asserts that `text` is found as an entity of `type` at its first occurrence in `line`. */
export function assertEntity(line: string, text: string, type: EntityType, options: AnalyzeOptions = {}): Annotation {
  const start = line.indexOf(text);
  assert.ok(start >= 0, `test error: ${text} not in ${line}`);
  const found = run(line, options);
  const hit = found.find((a) => a.start === start && a.end === start + text.length);
  assert.ok(hit, `expected ${type}:${text} in ${line}; got ${found.map((a) => `${a.label}:${a.text}@${a.start}`).join(' ')}`);
  assert.equal(hit.label, type, `type of ${text}`);
  assert.equal(hit.text, text);
  return hit;
}

/** Asserts that no entity of `type` (any type when omitted) covers exactly or overlaps `text`. */
export function assertNoEntity(line: string, text: string, type?: EntityType, options: AnalyzeOptions = {}): void {
  const start = line.indexOf(text);
  assert.ok(start >= 0, `test error: ${text} not in ${line}`);
  const end = start + text.length;
  const found = run(line, options).filter((a) => a.start < end && start < a.end && (!type || a.label === type));
  assert.deepEqual(
    found.map((a) => `${a.label}:${a.text}`),
    [],
    `expected no ${type ?? 'entity'} over ${text} in ${line}`,
  );
}

/**
 * Checks the invariants every result must satisfy: sorted, text = slice, and non-overlapping but for names nested
 * inside a WORK title (strictly within its brackets; they do not overlap each other).
 */
export function assertWellFormed(line: string, found: Annotation[]): void {
  let previousEnd = 0;
  let title: Annotation | undefined;
  for (const a of found) {
    assert.equal(a.kind, 'entity');
    if (title && a.start >= title.end) title = undefined;
    const nested = title !== undefined && a.start > title.start && a.end < title.end;
    assert.ok(a.start >= previousEnd || nested, `overlap or disorder at ${a.text}`);
    assert.ok(a.end > a.start && a.end <= line.length);
    assert.equal(a.text, line.slice(a.start, a.end));
    if (a.label === 'WORK' && !nested) title = a;
    previousEnd = nested ? a.end : Math.max(previousEnd, a.end);
  }
}
