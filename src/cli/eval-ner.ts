// Evaluates the entity recognizer against a BIO-labelled file (MSRA style: one `char<TAB>tag` per
// line, B-/I- PER/LOC/ORG tags, a blank line between sentences).
//
// Usage: npx tsx src/cli/eval-ner.ts FILE.bio [--traditional] [--no-fac-as-loc] [--no-work] [--errors N]
//
// Scoring is strict: a predicted entity counts only with exactly the gold start, end and type.
// Only PER, LOC and ORG are scored. WORK predictions are ignored (the data has no such type);
// FAC predictions are scored as LOC by default, because MSRA labels named buildings, airports and
// bases (人民大会堂, 首都国际机场) as LOC; --no-fac-as-loc ignores them instead.
// --traditional converts each sentence to Traditional characters first (offsets are unchanged).
// --no-work switches WORK recognition off: MSRA labels the places and organisations inside titles
// (《中华人民共和国香港特别行政区基本法》), which a 《…》 WORK span otherwise covers.
// --errors N prints up to N sentences with misses or false alarms.
import { readFileSync } from 'node:fs';
import { findEntities, warmUpEntities } from '../core/entities';
import { toTraditional } from '../core/script';
import type { LineContext } from '../core/types';

const SCORED = ['PER', 'LOC', 'ORG'] as const;
type Scored = (typeof SCORED)[number];

export interface Span {
  start: number;
  end: number;
  type: Scored;
}

export interface Sentence {
  text: string;
  gold: Span[];
}

export function readBio(content: string): Sentence[] {
  const sentences: Sentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (chars.length === 0) return;
    const gold: Span[] = [];
    let offset = 0;
    let open: Span | undefined;
    for (let i = 0; i < chars.length; i++) {
      const tag = tags[i];
      const type = tag.slice(2) as Scored;
      if (tag.startsWith('B-') || (tag.startsWith('I-') && (!open || open.type !== type))) {
        if (open) gold.push(open);
        open = SCORED.includes(type) ? { start: offset, end: offset + chars[i].length, type } : undefined;
      } else if (tag.startsWith('I-') && open) {
        open.end = offset + chars[i].length;
      } else {
        if (open) gold.push(open);
        open = undefined;
      }
      offset += chars[i].length;
    }
    if (open) gold.push(open);
    sentences.push({ text: chars.join(''), gold });
    chars = [];
    tags = [];
  };
  for (const raw of content.split(/\r?\n/)) {
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const tab = raw.lastIndexOf('\t');
    const ch = tab >= 0 ? raw.slice(0, tab) : raw.split(/\s+/)[0];
    const tag = tab >= 0 ? raw.slice(tab + 1).trim() : raw.split(/\s+/)[1] ?? 'O';
    chars.push(ch || ' ');
    tags.push(tag);
  }
  flush();
  return sentences;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function score(c: Counts): { p: number; r: number; f: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!file) {
    console.error('usage: eval-ner FILE.bio [--traditional] [--no-fac-as-loc] [--no-work] [--errors N]');
    process.exit(2);
  }
  const traditional = args.includes('--traditional');
  const facAsLoc = !args.includes('--no-fac-as-loc');
  const noWork = args.includes('--no-work');
  const errorsAt = args.indexOf('--errors');
  const maxErrors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;

  const sentences = readBio(readFileSync(file, 'utf8'));
  const options = noWork ? { entityTypes: ['PER', 'LOC', 'ORG', 'FAC'] as const } : {};
  const ctx: LineContext = { script: traditional ? 'traditional' : 'simplified', options };
  const t0 = performance.now();
  await warmUpEntities();
  const loadMs = performance.now() - t0;

  const counts = new Map<Scored, Counts>(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let shownErrors = 0;
  let chars = 0;
  const t1 = performance.now();
  for (const sentence of sentences) {
    const text = traditional ? toTraditional(sentence.text) : sentence.text;
    chars += text.length;
    const predicted: Span[] = [];
    for (const a of findEntities(text, ctx)) {
      const type = a.label === 'FAC' && facAsLoc ? 'LOC' : a.label;
      if ((SCORED as readonly string[]).includes(type)) predicted.push({ start: a.start, end: a.end, type: type as Scored });
    }
    const key = (s: Span): string => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(sentence.gold.map(key));
    const predKeys = new Set(predicted.map(key));
    for (const s of predicted) counts.get(s.type)![goldKeys.has(key(s)) ? 'tp' : 'fp']++;
    for (const s of sentence.gold) if (!predKeys.has(key(s))) counts.get(s.type)!.fn++;
    if (shownErrors < maxErrors) {
      const missed = sentence.gold.filter((s) => !predKeys.has(key(s)));
      const wrong = predicted.filter((s) => !goldKeys.has(key(s)));
      if (missed.length || wrong.length) {
        shownErrors++;
        const show = (s: Span): string => `${s.type}:${text.slice(s.start, s.end)}`;
        console.log(text);
        if (missed.length) console.log('  missed: ' + missed.map(show).join(' '));
        if (wrong.length) console.log('  wrong:  ' + wrong.map(show).join(' '));
      }
    }
  }
  const runMs = performance.now() - t1;

  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  console.log(
    `${file}: ${sentences.length} sentences, ${traditional ? 'Traditional' : 'Simplified'}, ` +
      `FAC ${facAsLoc ? 'as LOC' : 'ignored'}, WORK ${noWork ? 'off' : 'on'}`,
  );
  console.log('type    gold  pred    tp      P      R     F1');
  for (const type of SCORED) {
    const c = counts.get(type)!;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    const s = score(c);
    console.log(
      `${type.padEnd(5)} ${String(c.tp + c.fn).padStart(6)} ${String(c.tp + c.fp).padStart(5)} ${String(c.tp).padStart(5)}  ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f)}`,
    );
  }
  const s = score(total);
  console.log(
    `micro ${String(total.tp + total.fn).padStart(6)} ${String(total.tp + total.fp).padStart(5)} ${String(total.tp).padStart(5)}  ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f)}`,
  );
  console.log(`load ${loadMs.toFixed(0)} ms, recognition ${runMs.toFixed(0)} ms for ${chars} characters`);
}

// Run only as a script (the test suite imports readBio).
if (require.main === module) void main();
