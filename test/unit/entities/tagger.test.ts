// The trained tagger: the shipped model file, its format (layout and lookups), the decoder and the confidences it gives.
import { labelsNamesInTitles } from '../../../src/core/entities/works';
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { findEntities, taggerError, warmUpEntities } from '../../../src/core/entities';
import { ABSENT, DENSE_ROWS, featureKeys, FEATURE_VERSION, Positions, readPositions, Template, TEMPLATE_COUNT } from '../../../src/core/entities/features';
import { loadTagger, modelPath } from '../../../src/core/entities/model-file';
import { buildLexicon, buildModel, featureRow, parseModel, serializeModel, ZERO_CODE, type TrainedFeature } from '../../../src/core/entities/model-format';
import { overlayFeatures } from '../../../src/core/entities/overlay';
import { TAG_NAMES, tagId, tagText, tagTokens } from '../../../src/core/entities/segmenter';
import {
  allowedEnd,
  allowedStart,
  allowedTransition,
  emissionsOf,
  LABEL_COUNT,
  labelOf,
  referenceEmissions,
  spansOf,
  tagEntities,
  viterbi,
  type TaggerModel,
} from '../../../src/core/entities/tagger';

const L = LABEL_COUNT;
const F = TEMPLATE_COUNT;

/** A deterministic generator (tests must not depend on Math.random). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 4294967296;
  };
}

/** Feature keys of `text` read as one sentence. */
function keysOf(text: string, words: TaggerModel['words'] | undefined): Uint32Array {
  const p = new Positions();
  readPositions(p, text, tagTokens(text), words, 0, text.length);
  return featureKeys(p).slice(0, text.length * F);
}

/**
 * A small model with a weight for every feature of `texts` (plus every row of the dense tables),
 * each weight exactly a codebook value, and the same weights as a plain map of floats.
 */
function syntheticModel(texts: string[], seed: number): { model: TaggerModel; weights: Map<string, number[]>; features: TrainedFeature[] } {
  const rand = random(seed);
  const codebook = Float32Array.from({ length: 256 }, (_, k) => (k - ZERO_CODE) / 32);
  const weights = new Map<string, number[]>();
  const features: TrainedFeature[] = [];
  const add = (template: Template, key: number): void => {
    const id = `${template}:${key}`;
    if (weights.has(id)) return;
    // Some features get no weight at all (code 127 is 0): lookups must then find nothing or zeros.
    const codes = Uint8Array.from({ length: L }, () => (rand() < 0.2 ? ZERO_CODE : Math.floor(rand() * 256)));
    weights.set(id, [...codes].map((c) => codebook[c]));
    features.push({ template, key, codes });
  };
  for (const text of texts) {
    const keys = keysOf(text, undefined);
    for (let i = 0; i < keys.length; i++) if (keys[i] !== ABSENT && rand() < 0.8) add((i % F) as Template, keys[i]);
  }
  for (const [t, rows] of Object.entries(DENSE_ROWS)) for (let key = 0; key < rows!; key += 97) add(Number(t) as Template, key);
  const transitions = Float32Array.from({ length: L * L }, (_, k) => (allowedTransition(Math.floor(k / L), k % L) ? rand() * 2 - 1 : -Infinity));
  const start = Float32Array.from({ length: L }, (_, l) => (allowedStart(l) ? rand() - 0.5 : -Infinity));
  const end = Float32Array.from({ length: L }, (_, l) => (allowedEnd(l) ? rand() - 0.5 : -Infinity));
  const lexicon = buildLexicon(new Map([[77, 1], [78, 0], [79, 3]]));
  const model = buildModel(features, { transitions, start, end, codebook }, lexicon, { temperature: 1, about: { test: true } });
  return { model, weights, features };
}

/** Emission scores straight from the float weights: the definition the file format must reproduce. */
function floatEmissions(weights: Map<string, number[]>, text: string, words: TaggerModel['words']): number[][] {
  const keys = keysOf(text, words);
  return Array.from({ length: text.length }, (_, i) => {
    const e = new Array<number>(L).fill(0);
    for (let t = 0; t < F; t++) {
      const w = keys[i * F + t] === ABSENT ? undefined : weights.get(`${t}:${keys[i * F + t]}`);
      if (w) for (let l = 0; l < L; l++) e[l] += w[l];
    }
    return e;
  });
}

/** The best label sequence by trying every one (short sentences only). */
function bruteForceDecode(model: TaggerModel, e: number[][]): number[] {
  const n = e.length;
  let best = -Infinity;
  let bestLabels: number[] = [];
  const labels = new Array<number>(n).fill(0);
  const visit = (i: number, score: number): void => {
    if (i === n) {
      const total = score + model.end[labels[n - 1]];
      if (total > best) (best = total), (bestLabels = [...labels]);
      return;
    }
    for (let l = 0; l < L; l++) {
      const step = i === 0 ? model.start[l] : model.transitions[labels[i - 1] * L + l];
      if (step === -Infinity) continue;
      labels[i] = l;
      visit(i + 1, score + step + e[i][l]);
    }
  };
  visit(0, 0);
  return bestLabels;
}

describe('entity tagger', function () {
  this.timeout(60000);
  let model: TaggerModel;
  before(async () => {
    await warmUpEntities();
    const loaded = loadTagger();
    assert.ok(loaded, `the model did not load: ${taggerError()?.message}`);
    model = loaded;
  });

  describe('the shipped model (data/ner/model.bin)', () => {
    it('is found in the repository, within the size budget, with its provenance', () => {
      const file = modelPath();
      assert.ok(file && /data[\\/]ner[\\/]model\.bin$/.test(file), String(file));
      assert.ok(statSync(file).size <= 15 * 1024 * 1024, `${statSync(file).size} bytes`);
      assert.equal(model.header.labels, LABEL_COUNT);
      assert.equal(model.header.templates, TEMPLATE_COUNT);
      assert.equal(model.header.featureVersion, FEATURE_VERSION);
      assert.ok(model.header.features > 50_000, `${model.header.features} features`);
      const about = model.header.about as Record<string, unknown>;
      assert.ok(about && typeof about.trained === 'string' && typeof about.devF1 === 'string');
      // Trained on CLUENER filled by a teacher (scripts/ner/README.md, step 3): the teacher is named by its hash.
      const filled = about.cluenerFilled as { teacherSha256?: string; entitiesAdded?: number } | null;
      assert.ok(filled && /^[0-9a-f]{64}$/.test(String(filled.teacherSha256)) && Number(filled.entitiesAdded) > 0, JSON.stringify(filled));
      assert.ok((about.sourceWeights as Record<string, number>).msra >= 1, JSON.stringify(about.sourceWeights));
      assert.ok(model.header.temperature > 0);
      // One convention per training set, each its own dense tables and transitions, and the gate that picks one per line.
      assert.deepEqual([...model.conventions.keys()], ['msra', 'cluener', 'gsd']);
      assert.ok(model.gate && model.gate.length === 3 * (model.header.layout.gate?.buckets ?? 0), 'the model has a gate');
      // Its priors: each set's share of the train sentences, largest for MSRA, summing to 1.
      const priors = model.header.layout.gate?.priors ?? [];
      assert.equal(priors.length, 3);
      assert.ok(Math.abs(priors.reduce((sum, p) => sum + Math.exp(p), 0) - 1) < 1e-9);
      assert.ok(priors[0] > priors[1] && priors[1] > priors[2], String(priors));
      // MSRA labels names inside titles, CLUENER and GSD hardly ever (works.ts); the base tables are MSRA's.
      const titles = Object.fromEntries([...model.conventions].map(([name, view]) => [name, labelsNamesInTitles(view)]));
      assert.deepEqual(titles, { msra: true, cluener: false, gsd: false });
      assert.equal(labelsNamesInTitles(model), true);
      for (const view of model.conventions.values()) assert.equal(view.header.temperature, model.header.temperature);
      assert.notDeepEqual([...model.conventions.get('msra')!.transitions], [...model.conventions.get('cluener')!.transitions]);
      // MSRA's own copies of the sparse templates are in the shared rows; an overlay takes their strongest rows out
      // again for CLUENER and GSD, and MSRA's view and the base tables read none (overlay.ts, session 18).
      const overlay = about.overlay as { copiesOf: string; readBy: string[]; rows: number };
      assert.deepEqual({ copiesOf: overlay.copiesOf, readBy: overlay.readBy }, { copiesOf: 'msra', readBy: ['cluener', 'gsd'] });
      const rows = (view: TaggerModel) => overlayFeatures(view.fileBytes, view.header.layout.overlay).length;
      assert.deepEqual([rows(model), ...[...model.conventions.values()].map(rows)], [0, 0, overlay.rows, overlay.rows]);
      assert.ok(overlay.rows >= 10_000, String(overlay.rows));
    });

    it('has weights for the features of ordinary news text', () => {
      const text = '国务院总理在北京会见了来访的美国国务卿。';
      const keys = keysOf(text, model.words);
      let present = 0;
      let total = 0;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] === ABSENT) continue;
        total++;
        if (featureRow(model, (i % F) as Template, keys[i]) >= 0) present++;
      }
      assert.ok(present / total > 0.6, `${present} of ${total} features known`);
    });

    it('scores sentences by its grouped lookups exactly as by one lookup per feature, in every view', () => {
      const p = new Positions();
      for (const view of [model, ...model.conventions.values()]) {
        for (const text of ['新华社北京十月一日电，国家主席在人民大会堂会见了俄罗斯总统普京。', '據報道，台北市長柯文哲昨日出席了活動。', 'Apple公司CEO库克访问上海浦东，ＸＹＺ１２３。']) {
          readPositions(p, text, tagTokens(text), model.words, 0, text.length);
          const fast = emissionsOf(view, p).slice(0, text.length * L);
          const reference = referenceEmissions(view, p);
          for (let k = 0; k < reference.length; k++) assert.ok(Math.abs(fast[k] - reference[k]) < 1e-4, `${view.convention} ${text} at ${Math.floor(k / L)}: ${fast[k]} vs ${reference[k]}`);
        }
      }
    });

    it('refuses a file that is not a model, or is truncated', () => {
      assert.throws(() => parseModel(new TextEncoder().encode('hello, world')), /not a News Lens entity model/);
      const bytes = readFileSync(modelPath()!);
      assert.throws(() => parseModel(bytes.subarray(0, bytes.length - 100)), /truncated/);
    });
  });

  describe('packed tokens (what the tagger reads of jieba)', () => {
    it('are the same tokens and tags as tagText, astral characters and Latin words included', () => {
      for (const text of ['新华社北京十月一日电，国家主席会见了俄罗斯总统普京。', 'Apple公司CEO库克😀访问上海𠮷野家，ＸＹＺ１２３。', '據報道', '']) {
        const packed = tagTokens(text);
        const plain = tagText(text);
        assert.equal(packed.count, plain.words.length, text);
        assert.deepEqual([...packed.starts.subarray(0, packed.count + 1)], plain.starts, text);
        assert.deepEqual([...packed.tags.subarray(0, packed.count)], plain.tags.map(tagId), text);
      }
    });

    it('numbers every jieba tag, and an unknown tag as 0', () => {
      for (const [id, name] of TAG_NAMES.entries()) if (id > 0) assert.equal(tagId(name), id, name);
      assert.deepEqual([tagId(''), tagId('zzz'), tagId('N'), tagId('nrfgx')], [0, 0, 0, 0]);
    });
  });

  describe('file format', () => {
    const texts = ['国家主席在人民大会堂会见了俄罗斯总统普京。', '上海浦东新区的张晓明说：“好！”', 'CEO库克访问ＡＢＣ123。'];

    it('round-trips a model through bytes: every feature of every table finds its own row', () => {
      const { model: small, features } = syntheticModel(texts, 7);
      const copy = parseModel(serializeModel(small));
      assert.deepEqual(copy.header, small.header);
      assert.deepEqual([...copy.transitions], [...small.transitions]);
      assert.deepEqual([...copy.codebook], [...small.codebook]);
      const templates = new Set<number>();
      for (const f of features) {
        const at = featureRow(copy, f.template, f.key);
        assert.ok(at >= 0, `template ${f.template} key ${f.key} not found`);
        assert.deepEqual([...copy.bytes.subarray(at, at + L)], [...f.codes], `template ${f.template} key ${f.key}`);
        templates.add(f.template);
      }
      assert.equal(templates.size, TEMPLATE_COUNT, 'every template is exercised');
      // Keys the model was not given: nothing (or a zero row of a shared record).
      for (const [t, key] of [[Template.BigramM1C0, 0x12345678], [Template.Word, 0x3ffffff0 << 2], [Template.CharTag, 99_999], [Template.Char0, 0x4e01]] as [Template, number][]) {
        const at = featureRow(copy, t, key);
        if (at >= 0) assert.deepEqual([...copy.bytes.subarray(at, at + L)], new Array(L).fill(ZERO_CODE), `template ${t} key ${key}`);
      }
      assert.deepEqual([copy.words.lookup(77), copy.words.lookup(78), copy.words.lookup(79), copy.words.lookup(80)], [1, 0, 3, -1]);
    });

    it('tags a sentence as the unquantized weights decoded by trying every label sequence', () => {
      for (const [k, text] of ['会见普京。', '上海浦东。', '库克访问京'].entries()) {
        const { model: small, weights } = syntheticModel([text], 100 + k);
        const copy = parseModel(serializeModel(small));
        const expected = floatEmissions(weights, text, copy.words);
        const p = new Positions();
        readPositions(p, text, tagTokens(text), copy.words, 0, text.length);
        const e = emissionsOf(copy, p);
        for (let i = 0; i < text.length; i++) for (let l = 0; l < L; l++) assert.ok(Math.abs(e[i * L + l] - expected[i][l]) < 1e-4, `${text} ${i} ${l}`);
        const labels = new Uint8Array(text.length);
        viterbi(copy, e, text.length, labels);
        const best = bruteForceDecode(copy, expected);
        assert.deepEqual([...labels], best, text);
        const spans = tagEntities(copy, text, tagTokens(text)).map(({ start, end, type }) => ({ start, end, type }));
        const types = ['PER', 'LOC', 'ORG'];
        assert.deepEqual(spans, spansOf(Uint8Array.from(best), best.length).map((s) => ({ start: s.start, end: s.end, type: types[s.type] })), text);
      }
    });
  });

  describe('decoding', () => {
    it('allows I only after B or I of the same type', () => {
      const per = 0;
      const loc = 1;
      assert.ok(allowedTransition(labelOf(per, 'B'), labelOf(per, 'I')));
      assert.ok(allowedTransition(labelOf(per, 'I'), labelOf(per, 'I')));
      assert.ok(!allowedTransition(0, labelOf(per, 'I')));
      assert.ok(!allowedTransition(labelOf(loc, 'B'), labelOf(per, 'I')));
      assert.ok(allowedTransition(labelOf(loc, 'I'), labelOf(per, 'B')));
    });

    it('reads spans off BIO labels', () => {
      const B = (t: number): number => labelOf(t, 'B');
      const I = (t: number): number => labelOf(t, 'I');
      const labels = Uint8Array.from([0, B(0), I(0), B(0), B(1), I(1), I(1), 0, B(2)]);
      assert.deepEqual(spansOf(labels, labels.length), [
        { start: 1, end: 3, type: 0 },
        { start: 3, end: 4, type: 0 },
        { start: 4, end: 7, type: 1 },
        { start: 8, end: 9, type: 2 },
      ]);
    });

    it('finds the best path of given scores', () => {
      // Emissions that favour B-PER I-PER O, with all transitions allowed by the model's own weights.
      const e = new Float32Array(3 * L);
      e[labelOf(0, 'B')] = 50;
      e[L + labelOf(0, 'I')] = 50;
      e[2 * L] = 50;
      const out = new Uint8Array(3);
      viterbi(model, e, 3, out);
      assert.deepEqual([...out], [labelOf(0, 'B'), labelOf(0, 'I'), 0]);
    });

    it('gives every entity a probability in (0, 1], higher for clearer cases', () => {
      const text = '新华社记者报道，国家主席在人民大会堂会见了俄罗斯总统普京。';
      const spans = tagEntities(model, text, tagTokens(text));
      assert.ok(spans.length >= 3, JSON.stringify(spans));
      for (const s of spans) assert.ok(s.confidence > 0 && s.confidence <= 1, JSON.stringify(s));
      const agency = spans.find((s) => text.slice(s.start, s.end) === '新华社');
      assert.ok(agency && agency.type === 'ORG' && agency.confidence > 0.9, JSON.stringify(agency));
      const putin = spans.find((s) => text.slice(s.start, s.end) === '普京');
      // A foreign name the 1998 People's Daily never saw is a less clear case than Xinhua.
      assert.ok(putin && putin.type === 'PER' && putin.confidence > 0.3 && putin.confidence < agency.confidence, JSON.stringify(putin));
    });

    it('tags a range of a longer text exactly as the same sentence on its own', () => {
      const sentence = '国务院副总理钱其琛在北京会见了日本外务大臣。';
      const text = `他说：“好。”${sentence}随后双方举行了会谈。`;
      const from = text.indexOf(sentence);
      const inRange = tagEntities(model, text, tagTokens(text), from, from + sentence.length).map((s) => ({ ...s, start: s.start - from, end: s.end - from }));
      const alone = tagEntities(model, sentence, tagTokens(sentence));
      assert.ok(alone.length >= 2);
      assert.deepEqual(inRange, alone);
    });
  });

  describe('confidence on annotations', () => {
    it('is carried by every entity, and minEntityConfidence hides the less certain ones', () => {
      const line = '据悉，来自云南的青年画家葛晓楠和同事们上周抵达了巴黎，参加法国文化部举办的展览。';
      const all = findEntities(line, { script: 'simplified', options: {} });
      assert.ok(all.length >= 3);
      for (const a of all) assert.ok(typeof a.confidence === 'number' && a.confidence > 0 && a.confidence <= 1);
      const confidences = all.map((a) => a.confidence!).sort((a, b) => a - b);
      const threshold = (confidences[0] + confidences[confidences.length - 1]) / 2;
      if (confidences[0] < confidences[confidences.length - 1]) {
        const shown = findEntities(line, { script: 'simplified', options: { minEntityConfidence: threshold } });
        assert.ok(shown.length < all.length && shown.length > 0);
        for (const a of shown) assert.ok(a.confidence! >= threshold);
      }
    });
  });
});
