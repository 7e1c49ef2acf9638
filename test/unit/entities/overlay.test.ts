// A convention's overlay: its own rows for the sparse templates, read only by that convention's view (and the base tables when they are its).
import { strict as assert } from 'node:assert';
import { ABSENT, DENSE_ROWS, featureKeys, Positions, readPositions, Template, TEMPLATE_COUNT } from '../../../src/core/entities/features';
import { buildLexicon, buildModel, featureRow, parseModel, serializeModel, ZERO_CODE, type ConventionWeights, type TaggerModel, type TrainedFeature } from '../../../src/core/entities/model-format';
import { OVERLAY_RECORD, OVERLAY_TEMPLATES, overlayFeatures, packOverlay } from '../../../src/core/entities/overlay';
import { tagTokens } from '../../../src/core/entities/segmenter';
import { allowedEnd, allowedStart, allowedTransition, emissionsOf, LABEL_COUNT, referenceEmissions } from '../../../src/core/entities/tagger';

const L = LABEL_COUNT;
const F = TEMPLATE_COUNT;
const TEXT = '上海浦东新区的张晓明在北京会见了俄罗斯总统普京。';

/** Codes of the shared rows: values within ±2.8, so that a shared row plus an overlay row stays within the codebook. */
function codes(seed: number): Uint8Array {
  return Uint8Array.from({ length: L }, (_, l) => 37 + ((seed * 31 + l * 17) % 180));
}

/** Codes of overlay rows: small values (±0.3). */
function small(seed: number): Uint8Array {
  return Uint8Array.from({ length: L }, (_, l) => ZERO_CODE - 10 + ((seed * 7 + l * 3) % 21));
}

/** Base rows for every feature of TEXT; conventions msra and cluener; msra's overlay holds every third sparse feature of TEXT and one feature TEXT lacks. */
function modelWithOverlay(base: boolean) {
  const p = new Positions();
  readPositions(p, TEXT, tagTokens(TEXT), undefined, 0, TEXT.length);
  const keys = featureKeys(p).slice(0, TEXT.length * F);
  const features: TrainedFeature[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i++) {
    const t = (i % F) as Template;
    if (keys[i] === ABSENT || seen.has(`${t}:${keys[i]}`)) continue;
    seen.add(`${t}:${keys[i]}`);
    features.push({ template: t, key: keys[i], codes: codes(features.length) });
  }
  const sparse = features.filter((f) => OVERLAY_TEMPLATES.includes(f.template));
  const overlay = sparse.filter((_, k) => k % 3 === 0).map((f, k) => ({ ...f, codes: small(k) }));
  // A row of a feature the shared tables lack: the export leaves such rows out; a view ignores one.
  overlay.push({ template: Template.Char0, key: '鑫'.charCodeAt(0), codes: small(7) });
  const dense = features.filter((f) => DENSE_ROWS[f.template] !== undefined);
  const transitions = Float32Array.from({ length: L * L }, (_, k) => (allowedTransition(Math.floor(k / L), k % L) ? (k % 5) / 5 : -Infinity));
  const start = Float32Array.from({ length: L }, (_, l) => (allowedStart(l) ? 0 : -Infinity));
  const end = Float32Array.from({ length: L }, (_, l) => (allowedEnd(l) ? 0 : -Infinity));
  const convention = (name: string): ConventionWeights => ({ name, transitions, start, end, dense });
  const codebook = Float32Array.from({ length: 256 }, (_, k) => (k - ZERO_CODE) / 32);
  const model = buildModel(
    features,
    { transitions, start, end, codebook },
    buildLexicon(new Map()),
    { temperature: 1 },
    { conventions: [convention('msra'), convention('cluener')], overlay: { conventions: ['msra'], base, features: overlay } },
  );
  return { model: parseModel(serializeModel(model)), overlay, p };
}

const overlayOf = (view: TaggerModel) => overlayFeatures(view.fileBytes, view.header.layout.overlay);

describe('a convention’s overlay of sparse-template rows', () => {
  it('round-trips in the file, read by the conventions that name it (and the base tables when they do)', () => {
    const { model, overlay } = modelWithOverlay(false);
    const sorted = (fs: TrainedFeature[]) => fs.map((f) => `${f.template}:${f.key}:${[...f.codes]}`).sort();
    assert.deepEqual(sorted(overlayOf(model.conventions.get('msra')!)), sorted(overlay));
    assert.deepEqual(overlayOf(model.conventions.get('cluener')!), []);
    assert.deepEqual(overlayOf(model), []);
    const withBase = modelWithOverlay(true).model;
    assert.equal(overlayOf(withBase).length, overlay.length);
    // Written out again (the file's bytes, not a view's), the base still reads it.
    assert.equal(overlayOf(parseModel(serializeModel(withBase))).length, overlay.length);
  });

  it('adds its rows to the shared rows of its views, and the grouped lookups read them as one lookup per feature does', () => {
    const { model, overlay, p } = modelWithOverlay(false);
    const msra = model.conventions.get('msra')!;
    const cluener = model.conventions.get('cluener')!;
    // The views read the same rows but for the overlay's: each overlay row is added to its feature's shared row.
    const keys = featureKeys(p);
    const inOverlay = new Map(overlay.map((f) => [`${f.template}:${f.key}`, f.codes]));
    let changed = 0;
    for (let i = 0; i < TEXT.length; i++) {
      for (const t of OVERLAY_TEMPLATES) {
        const c = inOverlay.get(`${t}:${keys[i * F + t]}`);
        const at = featureRow(cluener, t, keys[i * F + t]);
        if (at < 0) continue;
        for (let l = 0; l < L; l++) {
          const expected = model.codebook[cluener.bytes[at + l]] + (c ? model.codebook[c[l]] : 0);
          assert.equal(model.codebook[msra.bytes[at + l]], expected, `position ${i} template ${t} label ${l}`);
          if (c && c[l] !== ZERO_CODE) changed++;
        }
      }
    }
    assert.ok(changed > TEXT.length, `${changed} weights changed`);
    const withOverlay = emissionsOf(msra, p).slice(0, TEXT.length * L);
    const reference = referenceEmissions(msra, p);
    for (let k = 0; k < reference.length; k++) assert.ok(Math.abs(withOverlay[k] - reference[k]) < 1e-4, `at ${k}: ${withOverlay[k]} vs ${reference[k]}`);
    assert.notDeepEqual([...withOverlay], [...emissionsOf(cluener, p).slice(0, TEXT.length * L)]);
    // The file's own bytes are not touched.
    assert.deepEqual([...msra.fileBytes], [...cluener.bytes]);
  });

  it('packs its records in template and key order, and refuses a template it cannot hold or a feature twice', () => {
    const features = [
      { template: Template.Word, key: 0xfffffff0, codes: small(1) },
      { template: Template.CharM2, key: 12, codes: small(2) },
      { template: Template.Word, key: 3, codes: small(3) },
    ];
    const packed = packOverlay(features);
    assert.equal(packed.length, 3 * OVERLAY_RECORD);
    const read = overlayFeatures(packed, { at: 0, rows: 3 });
    assert.deepEqual(
      read.map((f) => [f.template, f.key, [...f.codes]]),
      [features[1], features[2], features[0]].map((f) => [f.template, f.key, [...f.codes]]),
    );
    assert.throws(() => packOverlay([{ template: Template.PosTag, key: 1, codes: small(3) }]), /cannot be in an overlay/);
    assert.throws(() => packOverlay([features[0], { ...features[0] }]), /twice/);
  });
});
