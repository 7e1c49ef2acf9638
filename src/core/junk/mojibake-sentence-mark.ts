// Whether a line-final mark a wrong decoder lost is ？ or ！: the log-odds of the sentence's characters (data/lost-byte-sentence-marks.json).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDataFile } from '../data-file';
import { simplifiedUnits } from '../script';

export const SENTENCE_MARKS = path.join('data', 'lost-byte-sentence-marks.json');

const QUESTION = 0xff1f;
const EXCLAMATION = 0xff01;

/** Share of the summed log-odds trusted (the characters of a sentence are far from independent), and its cap in bits. */
const EVIDENCE_SHARE = 0.5;
const MAX_EVIDENCE = 6;

let bits: Float32Array | undefined;

function model(): Float32Array {
  if (bits) return bits;
  const file = findDataFile(SENTENCE_MARKS);
  if (!file) throw new Error(`the sentence-mark model is missing (${SENTENCE_MARKS})`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { bits: Record<string, number> };
  bits = new Float32Array(0x10000);
  for (const [ch, b] of Object.entries(data.bits)) bits[ch.charCodeAt(0)] = b;
  return bits;
}

/** Bits by which the sentence before a line end favours ？ over ！ (negative: ！), from its last 。！？ on. */
export function questionEvidence(textBefore: string): number {
  let from = textBefore.length;
  while (from > 0 && !'。！？!?'.includes(textBefore[from - 1])) from--;
  const b = model();
  const units = simplifiedUnits();
  const seen = new Set<number>();
  let sum = 0;
  for (let i = from; i < textBefore.length; i++) {
    const code = units[textBefore.charCodeAt(i)];
    if (seen.has(code)) continue;
    seen.add(code);
    sum += b[code];
  }
  return Math.max(-MAX_EVIDENCE, Math.min(MAX_EVIDENCE, EVIDENCE_SHARE * sum));
}

/** What ？ or ！ ending a line costs (negative: saves) given that evidence; 0 for any other character. */
export function sentenceMarkCost(code: number, evidence: number): number {
  if (code === QUESTION) return -evidence / 2;
  if (code === EXCLAMATION) return evidence / 2;
  return 0;
}
