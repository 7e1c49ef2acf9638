// Golden test: the figures (spans, types, values) of a fixed varied text must stay exactly those recorded in figures-golden.jsonl.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findFigures } from '../../../../src/core/figures';
import { goldenLines } from './golden-lines';

interface Row {
  line: string;
  /** [start, end, label, value] of each figure. */
  figures: unknown[][];
}

const rows: Row[] = readFileSync(path.join(__dirname, 'figures-golden.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);

describe('figures: golden output', () => {
  it('the recorded lines are still the golden input (the fixture matches golden-lines.ts)', () => {
    assert.deepEqual(rows.map((r) => r.line), goldenLines());
  });

  it('finds exactly the recorded figures on every golden line', () => {
    const ctx = { script: 'simplified' as const, options: {} };
    const diffs: string[] = [];
    for (const row of rows) {
      const found = findFigures(row.line, ctx);
      for (const a of found) assert.equal(a.text, row.line.slice(a.start, a.end));
      const now = JSON.stringify(found.map((a) => [a.start, a.end, a.label, a.value]));
      if (now !== JSON.stringify(row.figures)) diffs.push(`${row.line}\n  was ${JSON.stringify(row.figures)}\n  now ${now}`);
    }
    assert.ok(rows.length > 4000 && rows.reduce((n, r) => n + r.figures.length, 0) > 5000, "a golden set too small to catch a change");
    assert.equal(diffs.length, 0, `${diffs.length} lines differ; first:\n${diffs.slice(0, 5).join('\n')}`);
  });
});
