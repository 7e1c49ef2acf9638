// Scores the figures layer on a table of numeral forms (forms/*.tsv): span, label and normalized value of each form, and no figure on negatives.
// Usage: npx tsx test/unit/figures/forms/score.ts [dev|heldout|FILE.tsv] [--quiet]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findFigures } from '../../../../src/core/figures';
import type { Annotation, FigureValue, LineContext } from '../../../../src/core/types';

export interface FormRow {
  form: string;
  label: string;
  expected: string;
  sentence: string;
  line: number;
}

export interface TableScore {
  positives: number;
  positivesRight: number;
  negatives: number;
  negativesRight: number;
  failures: string[];
}

const QUALIFIERS = new Set(['about', 'approx', 'over', 'under']);
const PRECISIONS = new Set(['year', 'month', 'day', 'time', 'decade']);
const CTX: LineContext = { script: 'simplified', options: {} };

export function tablePath(name: string): string {
  return name.endsWith('.tsv') ? path.resolve(name) : path.join(__dirname, `${name}.tsv`);
}

export function readTable(file: string): FormRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.trim() !== '' && !text.startsWith('#'))
    .map(({ text, line }) => {
      const [form, label, expected, sentence] = text.split('\t');
      if (sentence === undefined || !sentence.includes(form)) throw new Error(`${file}:${line}: malformed row`);
      return { form, label, expected, sentence, line };
    });
}

function numberOf(token: string): number {
  const slash = token.indexOf('/');
  return slash > 0 ? Number(token.slice(0, slash)) / Number(token.slice(slash + 1)) : Number(token);
}

function close(a: number | undefined, b: number): boolean {
  return a !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** Why a figure's value differs from the expectation, or undefined when it matches. */
function valueMismatch(row: FormRow, value: FigureValue | undefined): string | undefined {
  if (!value) return 'no value';
  const [first, ...rest] = row.expected.split(' ');
  const isDate = row.label === 'DATE' || row.label === 'TIME';
  const range = first.includes('..') ? first.split('..') : undefined;
  if (range) {
    const [from, to] = range;
    const r = value.range;
    if (!r) return 'no range';
    if (isDate ? r.from !== from || r.to !== to : !close(r.from as number, numberOf(from)) || !close(r.to as number, numberOf(to))) {
      return `range ${JSON.stringify(r)}`;
    }
  } else {
    if (value.range) return `unexpected range ${JSON.stringify(value.range)}`;
    if (isDate ? value.iso !== first : !close(value.number, numberOf(first))) return `value ${isDate ? value.iso : value.number}`;
  }
  let qualifier: string | undefined;
  for (const token of rest) {
    if (QUALIFIERS.has(token)) qualifier = token;
    else if (PRECISIONS.has(token)) {
      if (value.precision !== token) return `precision ${value.precision}`;
    } else {
      const want = token.replace(/_/g, ' ');
      const got = row.label === 'MONEY' ? value.currency : value.unit;
      if (got !== want) return `${row.label === 'MONEY' ? 'currency' : 'unit'} ${got}`;
    }
  }
  if (value.qualifier !== qualifier) return `qualifier ${value.qualifier}`;
  return undefined;
}

export function scoreRows(rows: readonly FormRow[], find = findFigures): TableScore {
  const score: TableScore = { positives: 0, positivesRight: 0, negatives: 0, negativesRight: 0, failures: [] };
  for (const row of rows) {
    const at = row.sentence.indexOf(row.form);
    const hits = find(row.sentence, CTX).filter((f: Annotation) => f.start < at + row.form.length && f.end > at);
    const shown = hits.map((f) => `${f.label} ${JSON.stringify(f.text)} ${JSON.stringify(f.value)}`).join('; ');
    if (row.label === '-') {
      score.negatives++;
      if (hits.length === 0) score.negativesRight++;
      else score.failures.push(`line ${row.line}: ${row.form} should be no figure, got ${shown}`);
      continue;
    }
    score.positives++;
    let why: string | undefined;
    if (hits.length !== 1) why = `${hits.length} figures`;
    else if (hits[0].text !== row.form || hits[0].start !== at) why = 'span';
    else if (hits[0].label !== row.label) why = 'label';
    else why = valueMismatch(row, hits[0].value);
    if (why === undefined) score.positivesRight++;
    else score.failures.push(`line ${row.line}: ${row.form} (${row.label} ${row.expected}): ${why}; got ${shown || 'nothing'}`);
  }
  return score;
}

export function summary(name: string, s: TableScore): string {
  const all = s.positives + s.negatives;
  const right = s.positivesRight + s.negativesRight;
  const pct = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-');
  return `${name}: ${right}/${all} right (${pct(right, all)}%): forms ${s.positivesRight}/${s.positives} (${pct(s.positivesRight, s.positives)}%), negatives ${s.negativesRight}/${s.negatives} (${pct(s.negativesRight, s.negatives)}%)`;
}

if (require.main === module) {
  const name = process.argv[2] ?? 'dev';
  const score = scoreRows(readTable(tablePath(name)));
  if (!process.argv.includes('--quiet')) for (const f of score.failures) console.log(f);
  console.log(summary(name, score));
}
