// Source-conditioned training: the source copies of the features are laid out per position, and folded into general weights at export with the chosen convention.
import { strict as assert } from 'node:assert';
import { effectiveTransitions, foldSources, parseBySource, parseConvention, parseSourceOnly, slotsPerPosition, slotTemplate, sourceTemplate, takeCopies, transitionBlocks, TRANSITIONS, withSourceSlots } from '../../../scripts/ner/by-source';
import { ABSENT } from '../../../src/core/entities/features';
import { TEMPLATE_COUNT, TEMPLATE_NAMES } from '../../../src/core/entities/features';
import { LABEL_COUNT } from '../../../src/core/entities/tagger';

const F = TEMPLATE_COUNT;
const L = LABEL_COUNT;
const Place = TEMPLATE_NAMES.indexOf('Place');
const Char0 = TEMPLATE_NAMES.indexOf('Char0');
const Word = TEMPLATE_NAMES.indexOf('Word');

describe('by-source: a copy of chosen templates per training source', () => {
  it('parses the template list and the convention, and rejects what it does not know', () => {
    assert.deepEqual(parseBySource(undefined), []);
    assert.deepEqual(parseBySource('none'), []);
    assert.equal(parseBySource('all').length, F);
    assert.deepEqual(parseBySource('Char0,Place'), [Char0, Place]);
    assert.throws(() => parseBySource('Char0,Nope'), /unknown template Nope/);
    assert.deepEqual(parseConvention('msra=0.75,gsd=0.25'), { msra: 0.75, cluener: 0, gsd: 0.25 });
    assert.throws(() => parseConvention('weibo=1'), /source=weight/);
    assert.throws(() => parseConvention('msra=x'), /source=weight/);
  });

  it('appends the chosen templates’ keys to each position, read with the source’s template id', () => {
    const n = 2;
    const keys = Uint32Array.from({ length: n * F }, (_, i) => 1000 + i);
    const slots = withSourceSlots(keys, n, [Place, Char0]);
    const stride = F + 2;
    assert.equal(slots.length, n * stride);
    for (let i = 0; i < n; i++) {
      assert.deepEqual([...slots.subarray(i * stride, i * stride + F)], [...keys.subarray(i * F, i * F + F)]);
      assert.equal(slots[i * stride + F], keys[i * F + Place]);
      assert.equal(slots[i * stride + F + 1], keys[i * F + Char0]);
    }
    assert.equal(slotTemplate(3, 'gsd', [Place, Char0]), 3);
    assert.equal(slotTemplate(F + 1, 'gsd', [Place, Char0]), sourceTemplate(Char0, 'gsd'));
    assert.notEqual(sourceTemplate(Char0, 'gsd'), sourceTemplate(Char0, 'msra'));
    // Without source copies the layout is the plain one.
    assert.deepEqual([...withSourceSlots(keys, n, [])], [...keys]);
    assert.equal(transitionBlocks([]), 1);
    assert.equal(transitionBlocks([Place]), 4);
  });

  it('folds each source copy into its general feature with the convention’s weight, and drops the copies', () => {
    // Features: Char0 key 7 (general), its msra copy and its cluener copy; Place key 2 (general only).
    const templates = Uint8Array.from([Char0, sourceTemplate(Char0, 'msra'), sourceTemplate(Char0, 'cluener'), Place]);
    const keys = Uint32Array.from([7, 7, 7, 2]);
    const w = new Float32Array(4 * L);
    w[0 * L + 1] = 1; // general
    w[1 * L + 1] = 2; // msra copy
    w[2 * L + 1] = -4; // cluener copy
    w[3 * L + 2] = 0.5;
    const t = new Float64Array(4 * TRANSITIONS);
    t[5] = 1;
    t[TRANSITIONS + 5] = 0.5; // msra block
    t[2 * TRANSITIONS + 5] = -1; // cluener block
    const folded = foldSources(w, t, templates, keys, parseConvention('msra=0.5,cluener=0.25'));
    assert.deepEqual([...folded.templates], [Char0, Place]);
    assert.deepEqual([...folded.keys], [7, 2]);
    assert.equal(folded.w[0 * L + 1], 1 + 0.5 * 2 + 0.25 * -4);
    assert.equal(folded.w[1 * L + 2], 0.5);
    assert.equal(folded.t.length, TRANSITIONS);
    assert.equal(folded.t[5], 1 + 0.5 * 0.5 + 0.25 * -1);
    // Decoding a source's own sentences reads the general block plus that source's block.
    assert.equal(effectiveTransitions(t, 'cluener')[5], 0);
    assert.equal(effectiveTransitions(t, 'msra')[5], 1.5);
    // A copy whose general feature is missing (a training-id collision) is left out and counted.
    const orphaned = foldSources(w.subarray(L), t, templates.subarray(1), keys.subarray(1), parseConvention('msra=1'));
    assert.equal(orphaned.orphans, 2);
    assert.deepEqual([...orphaned.templates], [Place]);
  });

  it('gives templates a copy for one source only: absent in the other sources’ sentences', () => {
    assert.equal(parseSourceOnly(undefined), undefined);
    assert.deepEqual(parseSourceOnly('msra:Word,Char0'), { source: 'msra', templates: [Word, Char0] });
    assert.throws(() => parseSourceOnly('weibo:Word'), /source:T/);
    assert.throws(() => parseSourceOnly('msra'), /source:T/);
    const n = 2;
    const keys = Uint32Array.from({ length: n * F }, (_, i) => 1000 + i);
    const only = { source: 'msra' as const, templates: [Word] };
    const stride = slotsPerPosition([Place], only);
    assert.equal(stride, F + 2);
    const msra = withSourceSlots(keys, n, [Place], only, 'msra');
    const gsd = withSourceSlots(keys, n, [Place], only, 'gsd');
    for (let i = 0; i < n; i++) {
      assert.equal(msra[i * stride + F], keys[i * F + Place]);
      assert.equal(gsd[i * stride + F], keys[i * F + Place]);
      assert.equal(msra[i * stride + F + 1], keys[i * F + Word]);
      assert.equal(gsd[i * stride + F + 1], ABSENT);
    }
    // The one-source slot is that source's copy whatever the sentence's source (only its own sentences have a key there).
    assert.equal(slotTemplate(F + 1, 'gsd', [Place], only), sourceTemplate(Word, 'msra'));
    assert.equal(slotTemplate(F, 'gsd', [Place], only), sourceTemplate(Place, 'gsd'));
  });

  it('takes chosen copies out of the weights, to be shipped apart, and leaves the rest to be folded', () => {
    const templates = Uint8Array.from([Word, sourceTemplate(Word, 'msra'), Place, sourceTemplate(Place, 'msra')]);
    const keys = Uint32Array.from([9, 9, 2, 2]);
    const w = Float32Array.from({ length: 4 * L }, (_, k) => k);
    const { rest, copies } = takeCopies(w, templates, keys, (t) => t === Word);
    assert.deepEqual([...rest.templates], [Word, Place, sourceTemplate(Place, 'msra')]);
    assert.deepEqual([...rest.keys], [9, 2, 2]);
    assert.deepEqual([...rest.w.subarray(L, 2 * L)], [...w.subarray(2 * L, 3 * L)]);
    assert.equal(copies.length, 1);
    assert.deepEqual({ ...copies[0], w: [...copies[0].w] }, { source: 'msra', template: Word, key: 9, w: [...w.subarray(L, 2 * L)] });
  });
});
