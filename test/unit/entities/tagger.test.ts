// The trained tagger: the shipped model file, its format, the decoder and the confidences it gives.
import { strict as assert } from 'node:assert';
import { readFileSync, statSync } from 'node:fs';
import { findEntities, taggerError, warmUpEntities } from '../../../src/core/entities';
import { extractFeatures, TEMPLATE_COUNT } from '../../../src/core/entities/features';
import { loadTagger, modelPath } from '../../../src/core/entities/model-file';
import { tagText } from '../../../src/core/entities/segmenter';
import {
  allowedTransition,
  buildLexicon,
  buildTables,
  HashLexicon,
  featureCodes,
  LABEL_COUNT,
  labelOf,
  parseModel,
  serializeModel,
  spansOf,
  tagEntities,
  viterbi,
  type TaggerModel,
} from '../../../src/core/entities/tagger';

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
      assert.ok(model.header.features > 50_000, `${model.header.features} features`);
      const about = model.header.about as Record<string, unknown>;
      assert.ok(about && typeof about.trained === 'string' && typeof about.devF1 === 'string');
      assert.ok(model.header.temperature > 0);
    });

    it('has weights for the features of ordinary news text', () => {
      const text = '国务院总理在北京会见了来访的美国国务卿。';
      const features = extractFeatures(text, tagText(text), model.words);
      let present = 0;
      let total = 0;
      for (let i = 0; i < text.length * TEMPLATE_COUNT; i++) {
        if (!features[i]) continue;
        total++;
        if (featureCodes(model, features[i])) present++;
      }
      assert.ok(present / total > 0.6, `${present} of ${total} features known`);
    });

    it('refuses a file that is not a model, or is truncated', () => {
      assert.throws(() => parseModel(new TextEncoder().encode('hello, world')), /not a News Lens entity model/);
      const bytes = readFileSync(modelPath()!);
      assert.throws(() => parseModel(bytes.subarray(0, bytes.length - 100)), /truncated/);
    });
  });

  describe('file format', () => {
    it('round-trips a model through bytes, features in both tables', () => {
      const L = LABEL_COUNT;
      const hashes = Uint32Array.from({ length: 40 }, (_, k) => 1000 + k * 7919);
      const codes = Uint8Array.from({ length: 40 * L }, (_, k) => (k * 37) % 256);
      const counts = Array.from({ length: 40 }, (_, k) => 40 - k);
      const tables = buildTables(hashes, codes, counts, L, 10);
      const lexicon = buildLexicon(
        new Map([
          [77, 1],
          [78, 0],
        ]),
      );
      const small: TaggerModel = {
        header: {
          ...model.header,
          features: 40,
          hotSlots: tables.hotSlots,
          filterBits: tables.filterBits,
          slots: tables.slots,
          lexiconSlots: lexicon.length / 2,
          about: { test: true },
        },
        lexicon,
        words: new HashLexicon(lexicon),
        transitions: new Float32Array(L * L).fill(0.5),
        start: new Float32Array(L),
        end: new Float32Array(L),
        codebook: Float32Array.from({ length: 256 }, (_, k) => k / 10),
        ...tables,
      };
      const copy = parseModel(serializeModel(small));
      assert.deepEqual(copy.header, small.header);
      for (let f = 0; f < 40; f++) {
        const found = featureCodes(copy, hashes[f]);
        assert.ok(found, `feature ${f}`);
        assert.equal(found[0] === copy.hotCodes, f < 10, `feature ${f} in the right table`);
        assert.deepEqual([...found[0].subarray(found[1], found[1] + L)], [...codes.subarray(f * L, f * L + L)]);
      }
      assert.equal(featureCodes(copy, 999), undefined);
      assert.deepEqual([copy.words.lookup(77), copy.words.lookup(78), copy.words.lookup(79)], [1, 0, -1]);
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
      const L = LABEL_COUNT;
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
      const spans = tagEntities(model, text, tagText(text));
      assert.ok(spans.length >= 3, JSON.stringify(spans));
      for (const s of spans) assert.ok(s.confidence > 0 && s.confidence <= 1, JSON.stringify(s));
      const agency = spans.find((s) => text.slice(s.start, s.end) === '新华社');
      assert.ok(agency && agency.type === 'ORG' && agency.confidence > 0.9, JSON.stringify(agency));
      const putin = spans.find((s) => text.slice(s.start, s.end) === '普京');
      assert.ok(putin && putin.type === 'PER' && putin.confidence > 0.5, JSON.stringify(putin));
    });

    it('tags a range of a longer text exactly as the same sentence on its own', () => {
      const sentence = '国务院副总理钱其琛在北京会见了日本外务大臣。';
      const text = `他说：“好。”${sentence}随后双方举行了会谈。`;
      const from = text.indexOf(sentence);
      const inRange = tagEntities(model, text, tagText(text), from, from + sentence.length).map((s) => ({ ...s, start: s.start - from, end: s.end - from }));
      const alone = tagEntities(model, sentence, tagText(sentence));
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
