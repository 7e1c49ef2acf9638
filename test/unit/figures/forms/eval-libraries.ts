// Compares numeral parsers from npm with News Lens's on forms/numerals.tsv (values and rejections) and times them.
// The libraries are not project dependencies: install them in a scratch folder and pass it, e.g.
//   npm install --prefix /tmp/numlibs nzh chinese-numbers-converter chinese-parseint2 @lazy-cjk/zh2num
//   npx tsx test/unit/figures/forms/eval-libraries.ts /tmp/numlibs
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseChineseNumber } from '../../../../src/core/figures';

type Parser = (s: string) => number | undefined;

function load(dir: string): Array<[string, Parser]> {
  const req = (name: string): unknown => require(path.join(dir, 'node_modules', name));
  const parsers: Array<[string, Parser]> = [['news-lens parseChineseNumber', parseChineseNumber]];
  const finite = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const tryAdd = (name: string, make: () => Parser): void => {
    try {
      parsers.push([name, make()]);
    } catch (e) {
      console.log(`(skipped ${name}: ${(e as Error).message})`);
    }
  };
  tryAdd('nzh/cn decodeS', () => {
    const cn = req('nzh/cn') as { decodeS(s: string): number; decodeB(s: string): number };
    // decodeS reads ordinary numerals, decodeB financial ones; take whichever gives a non-zero value.
    return (s) => finite(cn.decodeS(s) || cn.decodeB(s));
  });
  tryAdd('nzh/hk decodeS', () => {
    const hk = req('nzh/hk') as { decodeS(s: string): number; decodeB(s: string): number };
    return (s) => finite(hk.decodeS(s) || hk.decodeB(s));
  });
  tryAdd('chinese-numbers-converter', () => {
    const ChineseNumber = req('chinese-numbers-converter') as new (s: string) => { toInteger(): number };
    return (s) => finite(new ChineseNumber(s).toInteger());
  });
  tryAdd('chinese-parseint2', () => {
    const mod = req('chinese-parseint2') as ((s: string) => number) | { default: (s: string) => number };
    const f = typeof mod === 'function' ? mod : mod.default;
    return (s) => finite(f(s));
  });
  tryAdd('@lazy-cjk/zh2num', () => {
    const mod = req('@lazy-cjk/zh2num') as Record<string, unknown>;
    const f = (mod.zh2num ?? mod.default ?? mod) as (s: string) => number;
    return (s) => finite(f(s));
  });
  return parsers;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: eval-libraries.ts DIR (a folder whose node_modules holds the libraries)');
  const rows = readFileSync(path.join(__dirname, 'numerals.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t') as [string, string]);
  for (const [name, parse] of load(path.resolve(dir))) {
    let right = 0;
    const wrong: string[] = [];
    for (const [text, want] of rows) {
      let got: number | undefined;
      try {
        got = parse(text);
      } catch {
        got = undefined;
      }
      const ok = want === '-' ? got === undefined || Number.isNaN(got) : got !== undefined && Math.abs(got - Number(want)) < 1e-9 * Math.max(1, Math.abs(Number(want)));
      if (ok) right++;
      else wrong.push(`${text}=${got}`);
    }
    const t0 = process.hrtime.bigint();
    const reps = 2000;
    for (let r = 0; r < reps; r++) for (const [text] of rows) {
      try {
        parse(text);
      } catch {
        // timing only
      }
    }
    const usPer = Number(process.hrtime.bigint() - t0) / 1e3 / (reps * rows.length);
    console.log(`${name}: ${right}/${rows.length} right (${((100 * right) / rows.length).toFixed(1)}%), ${usPer.toFixed(2)} µs per numeral`);
    console.log(`  wrong: ${wrong.slice(0, 25).join(' ')}${wrong.length > 25 ? ' …' : ''}`);
  }
}

main();
