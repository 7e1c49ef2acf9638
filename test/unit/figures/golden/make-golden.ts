// Writes figures-golden.jsonl: each golden input line with the figures the layer finds in it (run only to accept a deliberate change).
// Usage: npx tsx test/unit/figures/golden/make-golden.ts
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { findFigures } from '../../../../src/core/figures';
import { goldenLines } from './golden-lines';

const ctx = { script: 'simplified' as const, options: {} };
/** One row per line: the line and its figures as [start, end, label, value] (the text is the line's slice). */
const rows = goldenLines().map((line) =>
  JSON.stringify({ line, figures: findFigures(line, ctx).map((a) => [a.start, a.end, a.label, a.value]) }),
);
const file = path.join(__dirname, 'figures-golden.jsonl');
writeFileSync(file, rows.join('\n') + '\n');
console.log(`${rows.length} lines written to ${path.relative(process.cwd(), file)}`);
