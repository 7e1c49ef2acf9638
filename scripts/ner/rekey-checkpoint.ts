// Re-keys a training checkpoint of feature version 2 (hashed features) to the template keys of version 3, so trained weights carry over without retraining.
//
// Usage: npx tsx scripts/ner/rekey-checkpoint.ts OLD.ckpt NEW.ckpt [--data DIR]
// Version 2 stored each feature as a 32-bit hash of its template and values; version 3 keys the
// same features by their values (features.ts featureKeys). The hash cannot be inverted, so this
// reads every `train` sentence (the only sentences whose features the checkpoint holds), computes
// both forms at every position and maps one onto the other. Then `train.ts --from-checkpoint
// NEW.ckpt` exports the model. The version-2 hashing is restated here, from the positions, and
// nowhere else.
import { readFileSync, writeFileSync } from 'node:fs';
import { defaultDataDir, readCorpus } from '../../src/cli/ner-corpus';
import { ABSENT, AFTER, BEFORE, featureKeys, mix, NORMAL, Positions, readPositions, TEMPLATE_COUNT, TEMPLATE_NAMES, wordHash } from '../../src/core/entities/features';
import { lexicon } from '../../src/core/entities/lexicon';
import { buildLexicon, HashLexicon } from '../../src/core/entities/model-format';
import { ensureSegmenter, tagTokens } from '../../src/core/entities/segmenter';
import { toSimplified } from '../../src/core/script';
import { dictionaryOfNames } from './train';

const F = TEMPLATE_COUNT;

/** Version 2: template seeds, sentinel codes and edge tags. */
const seed = (t: number): number => Math.imul(t + 1, 0x9e3779b9);
const OLD_BEFORE = 0x110001;
const OLD_AFTER = 0x110002;
const OLD_TAG_BEFORE = 100;
const OLD_TAG_AFTER = 101;
const TAG_BEFORE = 62;
const TAG_AFTER = 63;

/** Version 2's normalized unit: version 3's, except that NUL and U+FFFC… kept their own codes. */
function oldCode(text: string, index: number, code: number): number {
  if (code === BEFORE) return OLD_BEFORE;
  if (code === AFTER) return OLD_AFTER;
  if (code === 0xfffc) {
    const c = text.charCodeAt(index);
    return c === 0 ? 0 : c;
  }
  return code;
}

/** The version-2 hash of every template at every position of `p` (0: absent), as train.ts v2 stored it. */
function oldHashes(p: Positions, text: string): Uint32Array {
  const n = p.n;
  const out = new Uint32Array(n * F);
  const { codes, kinds, token, place, gazetteer, lexBegin, lexEnd, lexInside, tag: tagOf, length: lengthOf, klass: classOf } = p;
  // Full 32-bit word hashes per token (version 3 keeps 30 bits).
  const hashOf = new Int32Array(p.tokenCount);
  hashOf[0] = 0x5eed0;
  hashOf[p.tokenCount - 1] = 0x5eed1;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && token[j] === token[i]) j++;
    hashOf[token[i]] = wordHash(text, i, j);
    i = j;
  }
  const oldTag = (k: number): number => (tagOf[k] === TAG_BEFORE ? OLD_TAG_BEFORE : tagOf[k] === TAG_AFTER ? OLD_TAG_AFTER : tagOf[k]);
  const charClass = lexicon().charClasses;
  const c = (j: number): number => oldCode(text, j - 2, codes[j]);
  for (let i = 0; i < n; i++) {
    const o = i * F;
    const [m2, m1, c0, p1, p2] = [c(i), c(i + 1), c(i + 2), c(i + 3), c(i + 4)];
    const k = token[i];
    const pos = place[i];
    const tag = tagOf[k];
    const length = lengthOf[k];
    out[o + 0] = seed(0);
    out[o + 1] = mix(seed(1), m2);
    out[o + 2] = mix(seed(2), m1);
    out[o + 3] = mix(seed(3), c0);
    out[o + 4] = mix(seed(4), p1);
    out[o + 5] = mix(seed(5), p2);
    out[o + 6] = mix(mix(seed(6), m2), m1);
    out[o + 7] = mix(mix(seed(7), m1), c0);
    out[o + 8] = mix(mix(seed(8), c0), p1);
    out[o + 9] = mix(mix(seed(9), p1), p2);
    out[o + 10] = mix(seed(10), kinds[i + 1] | (kinds[i + 2] << 4) | (kinds[i + 3] << 8));
    out[o + 11] = mix(seed(11), tag * 4 + pos);
    out[o + 12] = length <= 6 ? mix(mix(seed(12), hashOf[k]), pos) : 0;
    out[o + 13] = mix(seed(13), (oldTag(k - 1) * 128 + tag) * 4 + pos);
    out[o + 14] = mix(seed(14), (tag * 128 + oldTag(k + 1)) * 4 + pos);
    out[o + 15] = lengthOf[k - 1] <= 6 ? mix(mix(seed(15), hashOf[k - 1]), pos) : 0;
    out[o + 16] = lengthOf[k + 1] <= 6 ? mix(mix(seed(16), hashOf[k + 1]), pos) : 0;
    out[o + 17] = mix(seed(17), c0 * 32 + pos * 8 + Math.min(length, 7));
    out[o + 18] = gazetteer[i] ? mix(seed(18), gazetteer[i]) : 0;
    const classes = c0 < 65536 ? charClass[c0] : 0;
    out[o + 19] = classes ? mix(seed(19), classes * 4 + pos) : 0;
    out[o + 20] = classOf[k - 1] ? mix(seed(20), classOf[k - 1] * 4 + pos) : 0;
    out[o + 21] = classOf[k] ? mix(seed(21), classOf[k] * 4 + pos) : 0;
    out[o + 22] = mix(seed(22), c0 * 128 + tag);
    out[o + 23] = lexBegin[i] ? mix(seed(23), lexBegin[i]) : 0;
    out[o + 24] = lexEnd[i] ? mix(seed(24), lexEnd[i]) : 0;
    out[o + 25] = lexInside[i] ? mix(seed(25), lexInside[i]) : 0;
  }
  return out;
}

interface OldCheckpoint {
  hashes: number[];
  counts: number[];
  w: number[];
  t: number[];
  about: Record<string, unknown>;
}

function main(): void {
  const [from, to] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const dataFlag = process.argv.indexOf('--data');
  const data = dataFlag >= 0 ? process.argv[dataFlag + 1] : defaultDataDir();
  if (!from || !to) throw new Error('usage: rekey-checkpoint.ts OLD.ckpt NEW.ckpt [--data DIR]');
  if (!ensureSegmenter()) throw new Error('nodejieba could not be loaded');
  const old = JSON.parse(readFileSync(from, 'utf8')) as OldCheckpoint;
  const L = old.w.length / old.hashes.length;
  const indexOf = new Map<number, number>();
  old.hashes.forEach((h, f) => indexOf.set(h >>> 0, f));
  const words = new HashLexicon(buildLexicon(dictionaryOfNames().entries));

  // Per template: new key → index of the old feature (the first seen; conflicts are counted).
  const mapped = Array.from({ length: F }, () => new Map<number, number>());
  const found = new Uint8Array(old.hashes.length);
  const conflicts = new Array<number>(F).fill(0);
  const p = new Positions();
  let sentences = 0;
  for (const s of readCorpus(data)) {
    if (s.split !== 'train') continue;
    const text = toSimplified(s.text);
    readPositions(p, text, tagTokens(text), words, 0, text.length);
    const keys = featureKeys(p);
    const hashes = oldHashes(p, text);
    for (let i = 0; i < text.length * F; i++) {
      const t = i % F;
      const key = keys[i];
      const h = hashes[i] >>> 0;
      if ((key === ABSENT) !== (h === 0)) throw new Error(`template ${TEMPLATE_NAMES[t]}: present in one version only (sentence ${sentences})`);
      if (key === ABSENT) continue;
      const f = indexOf.get(h);
      if (f === undefined) continue;
      found[f] = 1;
      const before = mapped[t].get(key);
      if (before === undefined) mapped[t].set(key, f);
      else if (before !== f) conflicts[t]++;
    }
    sentences++;
  }
  const templates: number[] = [];
  const keys: number[] = [];
  const w: number[] = [];
  mapped.forEach((map, t) => {
    for (const [key, f] of map) {
      templates.push(t);
      keys.push(key);
      for (let l = 0; l < L; l++) w.push(old.w[f * L + l]);
    }
  });
  const missing = found.length - found.reduce((a, b) => a + b, 0);
  console.log(`${sentences} train sentences; ${old.hashes.length} old features, ${missing} not found; ${keys.length} new features; conflicts per template: ${conflicts.map((n, t) => (n ? `${TEMPLATE_NAMES[t]} ${n}` : '')).filter(Boolean).join(', ') || 'none'}`);
  writeFileSync(to, JSON.stringify({ templates, keys, w, t: old.t, about: { ...old.about, rekeyedFrom: 'feature version 2 hashes' } }));
  console.log(`wrote ${to}`);
}

main();
