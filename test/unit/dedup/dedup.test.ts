// Unit tests of near-duplicate detection (src/core/dedup): exact and near copies, estimates, clusters, memory.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DuplicateIndex, MinHasher, estimateSimilarity, normalizeForDedup, shingleJaccard, shingleSet } from '../../../src/core/dedup';
import { U32MultiMap } from '../../../src/core/dedup/multimap';
import { seededRandom as random } from '../../../src/shared/seeded-random';

const SAMPLES = path.join(__dirname, '../../../samples');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

/** Random text of common CJK ideographs: unrelated texts share almost no 5-character shingle. */
function randomText(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCodePoint(0x4e00 + Math.floor(next() * 3000));
  return out;
}

describe('dedup: near-duplicate detection', () => {
  const business = sample('simplified-business-news.txt');
  const mirror = sample('mirror-article-zh-hant.txt');
  const wire = sample('english-wire-story.txt');

  it('finds an exact copy that differs only in spacing, punctuation, width and case', () => {
    const index = new DuplicateIndex();
    assert.equal(index.add(wire).duplicateOf, undefined);
    const reformatted = wire.replace(/\n/g, '\n\n').replace(/,/g, '，').replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).toUpperCase();
    assert.equal(normalizeForDedup(reformatted), normalizeForDedup(wire));
    assert.deepEqual(index.add(reformatted), { document: 1, duplicateOf: { document: 0, similarity: 1, exact: true } });
  });

  it('still matches a copy with small edits, and says how similar it is', () => {
    const index = new DuplicateIndex();
    index.add(business);
    index.add(mirror);
    const edited = business
      .replace('128.7万辆', '128.9万辆')
      .replace('复旦大学经济学院教授李明认为', '复旦大学教授李明说')
      .replace('分享到：微信 微博 QQ空间', '');
    const truth = shingleJaccard(business, edited);
    assert.ok(truth > 0.85 && truth < 0.95, `true Jaccard ${truth}`);
    const { duplicateOf } = index.add(edited);
    assert.ok(duplicateOf, 'an edited copy is a near duplicate');
    assert.equal(duplicateOf.document, 0);
    assert.equal(duplicateOf.exact, false);
    assert.ok(Math.abs(duplicateOf.similarity - truth) < 0.1, `estimate ${duplicateOf.similarity} vs truth ${truth}`);
  });

  it('does not match unrelated texts, nor texts that share only a boilerplate line', () => {
    const index = new DuplicateIndex();
    for (const text of [business, mirror, wire]) assert.equal(index.add(text).duplicateOf, undefined);
    const next = random(7);
    const footer = '\n分享到：微信 微博 QQ空间\n责任编辑：陈晓\nCopyright © 2024 新华网 All Rights Reserved 未经授权不得转载';
    for (let i = 0; i < 200; i++) assert.equal(index.add(randomText(next, 300) + footer).duplicateOf, undefined);
    assert.deepEqual(index.stats().clusters, 0);
  });

  it('estimates Jaccard similarity close to the true value across the range', () => {
    const hasher = new MinHasher({ numHashes: 120, shingleSize: 5, seed: 0x5eed });
    const next = random(42);
    const errors: number[] = [];
    for (let trial = 0; trial < 60; trial++) {
      const base = randomText(next, 800);
      // Replace a growing share of the text in blocks: true similarity spreads from about 1 down to about 0.
      const share = trial / 60;
      let edited = '';
      for (let start = 0; start < base.length; start += 40) {
        edited += next() < share ? randomText(next, 40) : base.slice(start, start + 40);
      }
      const truth = shingleJaccard(base, edited);
      const estimate = estimateSimilarity(hasher.signature(base)!, hasher.signature(edited)!);
      errors.push(Math.abs(estimate - truth));
    }
    const mean = errors.reduce((a, b) => a + b, 0) / errors.length;
    // The standard error of a 120-hash estimate is at most sqrt(0.25 / 120) = 0.046.
    assert.ok(mean < 0.04, `mean absolute error ${mean}`);
    assert.ok(Math.max(...errors) < 0.16, `largest error ${Math.max(...errors)}`);
  });

  it('counts astral characters as one code point each, and tolerates lone surrogates', () => {
    const astral = '𠀀𠀁𠀂𠀃𠀄𠀅😀';
    const shingles = [...shingleSet(astral)];
    assert.deepEqual(shingles, ['𠀀𠀁𠀂𠀃𠀄', '𠀁𠀂𠀃𠀄𠀅', '𠀂𠀃𠀄𠀅😀']);
    const hasher = new MinHasher({ numHashes: 16, shingleSize: 5, seed: 1 });
    assert.equal(hasher.signature(astral)!.length, 7);
    // A copy that changes one astral character changes the shingles that contain it, not its neighbours' halves.
    const text = '北京𠀀市海淀區😀新聞發布會今天召開，記者從會上獲悉𩸽魚價格上漲。' + mirror;
    const changed = text.replace('😀', '😁');
    assert.equal(shingleJaccard(text, changed), estimateExact(text, changed));
    assert.ok(hasher.signature('\ud800孤立\udc00代理')!.length === 6);
    const index = new DuplicateIndex();
    index.add(text);
    assert.ok(index.add(changed).duplicateOf);
  });

  it('is deterministic: the same seed gives the same signatures, another seed others', () => {
    const a = new MinHasher({ numHashes: 32, shingleSize: 5, seed: 9 }).signature(business)!;
    const b = new MinHasher({ numHashes: 32, shingleSize: 5, seed: 9 }).signature(business)!;
    const c = new MinHasher({ numHashes: 32, shingleSize: 5, seed: 10 }).signature(business)!;
    assert.deepEqual(a, b);
    assert.notDeepEqual(a.minhash, c.minhash);
  });

  it('gives the same answers from signatures computed elsewhere (worker threads) as from texts', () => {
    const next = random(3);
    const texts = [business, mirror, business + '（完）', wire, randomText(next, 500), mirror.slice(0, mirror.length - 30)];
    const fromTexts = new DuplicateIndex();
    const fromSignatures = new DuplicateIndex();
    const hasher = new MinHasher({ numHashes: fromSignatures.params.numHashes, shingleSize: 5, seed: fromSignatures.params.seed });
    const structuredCopy = (s: ReturnType<MinHasher['signature']>) => structuredClone(s);
    for (const text of texts) assert.deepEqual(fromSignatures.add(structuredCopy(hasher.signature(text))), fromTexts.add(text));
    assert.deepEqual(fromTexts.stats().nearDuplicates, 2);
  });

  it('groups copies into clusters named by their first document; find() does not add', () => {
    const index = new DuplicateIndex({ threshold: 0.7 });
    const next = random(11);
    const originals = [randomText(next, 400), randomText(next, 400)];
    index.add(originals[0]);
    index.add(originals[1]);
    assert.deepEqual(index.find(originals[1] + '。'), { document: 1, similarity: 1, exact: true });
    assert.equal(index.size, 2);
    index.add(originals[0] + randomText(next, 10));
    index.add(originals[0]);
    index.add(originals[1].slice(5));
    index.add('');
    assert.deepEqual([...index.clusters()], [{ document: 0, size: 3 }, { document: 1, size: 2 }]);
    const stats = index.stats();
    assert.equal(stats.documents, 6);
    assert.equal(stats.empty, 1);
    assert.equal(stats.exactDuplicates, 1);
    assert.equal(stats.nearDuplicates, 2);
    assert.equal(stats.clusters, 2);
    assert.equal(stats.largestCluster, 3);
  });

  it('respects the threshold', () => {
    const next = random(5);
    const base = randomText(next, 1000);
    const edited = base.slice(0, 700) + randomText(next, 300);
    const truth = shingleJaccard(base, edited);
    assert.ok(truth > 0.5 && truth < 0.65, `true Jaccard ${truth}`);
    const strict = new DuplicateIndex();
    strict.add(base);
    assert.equal(strict.add(edited).duplicateOf, undefined);
    const loose = new DuplicateIndex({ threshold: 0.4 });
    loose.add(base);
    assert.ok(loose.add(edited).duplicateOf);
  });

  it('stores distinct documents compactly (typed arrays, about 0.7 KB each)', function () {
    this.timeout(120000);
    const index = new DuplicateIndex();
    const next = random(13);
    const n = 10000;
    for (let i = 0; i < n; i++) index.add(randomText(next, 40));
    const perDocument = index.bytes() / n;
    assert.ok(perDocument < 1100, `${perDocument} bytes per document`);
    assert.equal(index.stats().documents, n);
  });

  it('rejects inconsistent parameters', () => {
    assert.throws(() => new DuplicateIndex({ numHashes: 100, bands: 30 }), /multiple of bands/);
    assert.throws(() => new DuplicateIndex({ threshold: 0 }), /threshold/);
    assert.throws(() => new DuplicateIndex({ threshold: 1.5 }), /threshold/);
    const index = new DuplicateIndex();
    const other = new MinHasher({ numHashes: 60, shingleSize: 5, seed: 1 });
    assert.throws(() => index.add(other.signature('一些文字內容')), /numHashes/);
  });
});

describe('dedup: U32MultiMap', () => {
  it('keeps every value of repeated keys across growth, the same as a Map of arrays', () => {
    const map = new U32MultiMap(16);
    const reference = new Map<number, number[]>();
    const add = (key: number, value: number) => {
      map.add(key, value);
      const k = key >>> 0;
      reference.set(k, [...(reference.get(k) ?? []), value]);
    };
    for (let i = 0; i < 5000; i++) add(Math.imul(i % 700, 2654435761), i);
    add(0xffffffff, 1);
    add(-1, 2);
    assert.equal(map.size, 5002);
    for (const [key, values] of reference) {
      const found: number[] = [];
      map.forEach(key, (v) => found.push(v));
      assert.deepEqual(found.sort((a, b) => a - b), values, `key ${key}`);
    }
    const none: number[] = [];
    map.forEach(12345, (v) => none.push(v));
    assert.deepEqual(none, []);
    assert.throws(() => map.add(1, -1), /non-negative/);
  });
});

/** Jaccard computed a second way (sets of code-point arrays), to check that shingles never split a surrogate pair. */
function estimateExact(a: string, b: string): number {
  const set = (t: string) => {
    const p = Array.from(normalizeForDedup(t));
    const s = new Set<string>();
    for (let i = 0; i + 5 <= p.length; i++) s.add(JSON.stringify(p.slice(i, i + 5).map((c) => c.codePointAt(0))));
    return s;
  };
  const x = set(a);
  const y = set(b);
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  return common / (x.size + y.size - common);
}
