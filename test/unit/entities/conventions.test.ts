// Labelling conventions in the model file: per-convention transitions and dense tables, the gate that picks one per line, and the setting that fixes one.
import { strict as assert } from 'node:assert';
import { bestGateScore, forEachGateFeature, gateChoice, gateLogProbs, gatePriors, GATE_BUCKETS, GATE_MIN_HAN, modelForLine } from '../../../src/core/entities/convention-gate';
import { choosesDocumentConvention, documentConvention, lineGateScores } from '../../../src/core/entities/document-convention';
import { analyze, Analyzer } from '../../../src/core/analyze';
import { labelsNamesInTitles } from '../../../src/core/entities/works';
import { findEntities } from '../../../src/core/entities';
import { ABSENT, DENSE_ROWS, featureKeys, Positions, readPositions, Template, TEMPLATE_COUNT } from '../../../src/core/entities/features';
import { buildLexicon, buildModel, featureRow, parseModel, serializeModel, ZERO_CODE, type ConventionWeights, type TrainedFeature } from '../../../src/core/entities/model-format';
import { tagTokens } from '../../../src/core/entities/segmenter';
import { allowedEnd, allowedStart, allowedTransition, emissionsOf, LABEL_COUNT, referenceEmissions, tagEntities } from '../../../src/core/entities/tagger';

const L = LABEL_COUNT;
const F = TEMPLATE_COUNT;
const SPORTS = '国足在世界杯预选赛中以二比一战胜对手，球迷在球场为球队欢呼。';
const FINANCE = '央行宣布下调存款准备金率，股市指数上涨，银行贷款利率下降。';

function counter(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) % 256);
}

/** Bucket counts of a text, as the trainer counts a source's sentences. */
function countsOf(text: string): Float64Array {
  const c = new Float64Array(GATE_BUCKETS);
  forEachGateFeature(text, 0, text.length, (b) => c[b]++);
  return c;
}

/** A small model: base rows for the features of `text` and every 50th dense row; two conventions with their own dense codes and transitions; a gate trained on SPORTS (msra) and FINANCE (cluener). */
function modelWithConventions(text: string) {
  const next = counter(11);
  const codebook = Float32Array.from({ length: 256 }, (_, k) => (k - ZERO_CODE) / 32);
  const features: TrainedFeature[] = [];
  const seen = new Set<string>();
  const add = (template: Template, key: number): void => {
    if (seen.has(`${template}:${key}`)) return;
    seen.add(`${template}:${key}`);
    features.push({ template, key, codes: Uint8Array.from({ length: L }, next) });
  };
  const p = new Positions();
  readPositions(p, text, tagTokens(text), undefined, 0, text.length);
  const keys = featureKeys(p).slice(0, text.length * F);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== ABSENT) add((i % F) as Template, keys[i]);
  for (const [t, rows] of Object.entries(DENSE_ROWS)) for (let key = 0; key < rows!; key += 50) add(Number(t) as Template, key);
  const transitions = (shift: number) => Float32Array.from({ length: L * L }, (_, k) => (allowedTransition(Math.floor(k / L), k % L) ? ((k * 7 + shift) % 11) / 5 - 1 : -Infinity));
  const edge = (ok: (l: number) => boolean, shift: number) => Float32Array.from({ length: L }, (_, l) => (ok(l) ? ((l + shift) % 5) / 5 - 0.5 : -Infinity));
  const dense = features.filter((f) => DENSE_ROWS[f.template] !== undefined);
  const convention = (name: string, shift: number): ConventionWeights => ({
    name,
    namesInsideTitles: shift === 1 ? 0.4 : 0,
    transitions: transitions(shift),
    start: edge(allowedStart, shift),
    end: edge(allowedEnd, shift),
    dense: dense.map((f) => ({ ...f, codes: f.codes.map((c) => (c + shift * 37) % 255) })),
  });
  const conventions = [convention('msra', 1), convention('cluener', 2)];
  const gate = { buckets: GATE_BUCKETS, logProbs: gateLogProbs([countsOf(SPORTS.repeat(3)), countsOf(FINANCE.repeat(3))]) };
  const model = buildModel(features, { transitions: transitions(0), start: edge(allowedStart, 0), end: edge(allowedEnd, 0), codebook }, buildLexicon(new Map()), { temperature: 1, namesInsideTitles: 0.4 }, { conventions, gate });
  return { model: parseModel(serializeModel(model)), features, conventions };
}

describe('labelling conventions', () => {
  const text = '上海浦东新区的张晓明在北京会见了俄罗斯总统普京。';

  it('round-trips each convention’s transitions and dense tables; the other tables are shared', () => {
    const { model, features, conventions } = modelWithConventions(text);
    assert.deepEqual([...model.conventions.keys()], ['msra', 'cluener']);
    for (const c of conventions) {
      const view = model.conventions.get(c.name)!;
      assert.equal(view.convention, c.name);
      assert.deepEqual([...view.transitions], [...c.transitions]);
      assert.deepEqual([...view.start], [...c.start]);
      assert.deepEqual([...view.end], [...c.end]);
      for (const f of c.dense) {
        const at = featureRow(view, f.template, f.key);
        assert.deepEqual([...view.bytes.subarray(at, at + L)], [...f.codes], `${c.name} template ${f.template} key ${f.key}`);
      }
      // Rows that are not dense are the base model's.
      for (const f of features.filter((g) => DENSE_ROWS[g.template] === undefined)) assert.equal(featureRow(view, f.template, f.key), featureRow(model, f.template, f.key));
    }
    // Each view reads its own set's share of titles with a name inside (works.ts); the base has its own.
    assert.equal(model.header.namesInsideTitles, 0.4);
    assert.equal(model.conventions.get('msra')!.header.namesInsideTitles, 0.4);
    assert.equal(model.conventions.get('cluener')!.header.namesInsideTitles, 0);
    assert.equal(labelsNamesInTitles(model.conventions.get('msra')!), true);
    assert.equal(labelsNamesInTitles(model.conventions.get('cluener')!), false);
    // The base tables are not any convention's.
    const bias = features.find((f) => f.template === Template.Bias)!;
    const at = featureRow(model, Template.Bias, 0);
    assert.deepEqual([...model.bytes.subarray(at, at + L)], [...bias.codes]);
    assert.notDeepEqual([...model.transitions], [...conventions[0].transitions]);
  });

  it('scores a line with the convention’s tables exactly as one lookup per feature would', () => {
    const { model } = modelWithConventions(text);
    const p = new Positions();
    readPositions(p, text, tagTokens(text), model.words, 0, text.length);
    const emissions = [model, ...model.conventions.values()].map((view) => {
      const grouped = emissionsOf(view, p).slice(0, text.length * L);
      const reference = referenceEmissions(view, p);
      for (let k = 0; k < text.length * L; k++) assert.ok(Math.abs(grouped[k] - reference[k]) < 1e-4, `${view.convention} ${k}`);
      return [...grouped];
    });
    assert.notDeepEqual(emissions[1], emissions[0]);
    assert.notDeepEqual(emissions[2], emissions[1]);
    // Each view decodes (its own transitions) without error.
    for (const view of model.conventions.values()) assert.ok(Array.isArray(tagEntities(view, text, tagTokens(text))));
  });

  it('picks a convention per line: the one named, or with auto the gate’s, or the base tables when a line is too short', () => {
    const { model } = modelWithConventions(text);
    assert.equal(modelForLine(model, FINANCE, 'msra').convention, 'msra');
    assert.equal(modelForLine(model, SPORTS, 'cluener').convention, 'cluener');
    // A convention the model does not have: the base tables.
    assert.equal(modelForLine(model, SPORTS, 'gsd'), model);
    assert.equal(modelForLine(model, '球迷为国足欢呼，对手输了比赛。', 'auto').convention, 'msra');
    assert.equal(modelForLine(model, '银行下调贷款利率，股市上涨。', 'auto').convention, 'cluener');
    assert.equal(modelForLine(model, '球迷欢呼', 'auto'), model);
    // The gate reads the Simplified view: a model without a gate or conventions always gives its base tables.
    const plain = parseModel(serializeModel(buildModel([], { transitions: model.transitions, start: model.start, end: model.end, codebook: model.codebook }, buildLexicon(new Map()), { temperature: 1 })));
    assert.equal(modelForLine(plain, SPORTS), plain);
    assert.equal(plain.conventions.size, 0);
  });

  it('reads every code unit and pair, counts the Han characters; fewer than GATE_MIN_HAN leave the choice open', () => {
    const buckets: number[] = [];
    assert.equal(forEachGateFeature('AB国足x', 0, 4, (b) => buckets.push(b)), 2);
    // A, B, 国, 足 and the pairs AB, B国, 国足: seven features (x is outside the range).
    assert.equal(buckets.length, 7);
    assert.ok(buckets.every((b) => b >= 0 && b < GATE_BUCKETS));
    const logProbs = gateLogProbs([countsOf(SPORTS), countsOf(FINANCE)]);
    assert.equal(gateChoice(logProbs, 2, '国足战胜对手'.slice(0, GATE_MIN_HAN - 1)), -1);
    assert.equal(gateChoice(logProbs, 2, '国足战胜对手球迷'), 0);
    assert.throws(() => buildModel([], { transitions: new Float32Array(L * L), start: new Float32Array(L), end: new Float32Array(L), codebook: new Float32Array(256) }, buildLexicon(new Map()), { temperature: 1 }, { gate: { buckets: GATE_BUCKETS, logProbs: new Float32Array(GATE_BUCKETS) } }), /one row of buckets per convention/);
  });

  it('weighs the gate’s evidence with priors: each set’s share of the train sentences, kept in the model file', () => {
    const priors = gatePriors([30, 10]);
    assert.deepEqual(priors.map((p) => Math.round(Math.exp(p) * 100)), [75, 25]);
    // Evidence of 1 nat for the second convention loses to a prior of ln 3 for the first; 2 nats win.
    assert.equal(bestGateScore(Float64Array.of(0, 1), GATE_MIN_HAN), 1);
    assert.equal(bestGateScore(Float64Array.of(0, 1), GATE_MIN_HAN, priors), 0);
    assert.equal(bestGateScore(Float64Array.of(0, 2), GATE_MIN_HAN, priors), 1);
    // A line's and a document's choice both read the priors in the file.
    const { model } = modelWithConventions(text);
    const line = '银行下调贷款利率';
    assert.equal(modelForLine(model, line).convention, 'cluener');
    const logProbs = model.gate!;
    const scores = new Float64Array(2);
    const han = forEachGateFeature(line, 0, line.length, (b) => { scores[0] += logProbs[b]; scores[1] += logProbs[GATE_BUCKETS + b]; });
    const margin = scores[1] - scores[0];
    assert.ok(margin > 0 && han >= GATE_MIN_HAN);
    const tilted = gatePriors([Math.exp(margin + 1), 1]);
    const withPriors = parseModel(serializeModel(buildModel([], { transitions: model.transitions, start: model.start, end: model.end, codebook: model.codebook }, buildLexicon(new Map()), { temperature: 1 }, {
      conventions: [...model.conventions.keys()].map((name) => ({ name, transitions: model.transitions, start: model.start, end: model.end, dense: [] })),
      gate: { buckets: GATE_BUCKETS, logProbs: Float32Array.from(logProbs), priors: tilted },
    })));
    assert.deepEqual(withPriors.header.layout.gate?.priors, tilted);
    assert.equal(modelForLine(withPriors, line).convention, 'msra');
    assert.equal(documentConvention(withPriors, [lineGateScores(withPriors, line)]), 'msra');
    assert.throws(() => buildModel([], { transitions: model.transitions, start: model.start, end: model.end, codebook: model.codebook }, buildLexicon(new Map()), { temperature: 1 }, {
      conventions: [{ name: 'msra', transitions: model.transitions, start: model.start, end: model.end, dense: [] }],
      gate: { buckets: GATE_BUCKETS, logProbs: new Float32Array(GATE_BUCKETS), priors: [0, 0] },
    }), /one prior per convention/);
  });

  it('picks one convention for a whole document: the gate summed over its lines, so lines too short or too unlike alone follow the rest', () => {
    const { model } = modelWithConventions(text);
    const sports = lineGateScores(model, '球迷为国足欢呼，对手输了比赛。')!;
    const finance = lineGateScores(model, '银行下调利率')!;
    // Per convention, then the Han count.
    assert.equal(sports.length, 3);
    assert.equal(sports[2], 13);
    assert.ok(finance[1] > finance[0], 'the short line alone reads like the cluener text');
    assert.equal(documentConvention(model, [sports, finance, undefined]), 'msra');
    assert.equal(documentConvention(model, [finance]), 'cluener');
    // Too little Han in the whole document: no choice (each line is then tagged with the base tables).
    assert.equal(documentConvention(model, [lineGateScores(model, '球迷欢呼')!]), undefined);
    // Traditional lines are read in their Simplified form.
    assert.deepEqual(lineGateScores(model, '銀行下調利率'), finance);
    const plain = parseModel(serializeModel(buildModel([], { transitions: model.transitions, start: model.start, end: model.end, codebook: model.codebook }, buildLexicon(new Map()), { temperature: 1 })));
    assert.equal(lineGateScores(plain, SPORTS), undefined);
    assert.equal(documentConvention(plain, [sports]), undefined);
    // Only when the tagger runs and no convention is named.
    assert.equal(choosesDocumentConvention({}), true);
    assert.equal(choosesDocumentConvention({ entityConvention: 'auto' }), true);
    assert.equal(choosesDocumentConvention({ entityConvention: 'gsd' }), false);
    assert.equal(choosesDocumentConvention({ cheapOnly: true }), false);
    assert.equal(choosesDocumentConvention({ entityTypes: [] }), false);
  });

  it('analyze() labels every line of a document in the document’s convention (shipped model); a named convention still wins', function () {
    this.timeout(60_000);
    const lines = ['新华社北京十二月一日电 国务院总理李鹏今天在人民大会堂会见了日本客人。', '他说，两国人民的友谊源远流长。', '据了解，腾讯公司的股价上涨了百分之五。'];
    // Alone, the last line reads like CLUENER's Sina finance news.
    const alone = findEntities(lines[2], { script: 'simplified', options: {} }).find((a) => a.text === '腾讯公司');
    assert.equal(alone?.convention, 'cluener');
    const conventionsOf = (options: Parameters<typeof analyze>[1]) => new Set(analyze(lines.join('\n'), options).annotations.filter((a) => a.kind === 'entity').map((a) => `${a.text}:${a.convention}`));
    const auto = conventionsOf({});
    assert.ok(auto.has('腾讯公司:msra') && auto.has('李鹏:msra'), [...auto].join(' '));
    assert.ok([...auto].every((a) => a.endsWith(':msra')), [...auto].join(' '));
    // An Analyzer keeps line results across edits: a line analyzed alone (cluener) is analyzed again once the document is msra.
    const analyzer = new Analyzer();
    const tencent = (text: string) => analyzer.analyze(text).annotations.find((a) => a.text === '腾讯公司')?.convention;
    assert.equal(tencent(lines[2]), 'cluener');
    assert.equal(tencent(lines.join('\n')), 'msra');
    assert.equal(tencent(lines[2]), 'cluener');
    // A line keeps one convention's analysis. The document grows to read like CLUENER's: its lines are analyzed again
    // in that convention; back to the first text, their msra analyses are made again, not kept beside the others.
    const document = lines.join('\n');
    assert.equal(tencent(document), 'msra');
    const grown = [document, ...Array.from({ length: 16 }, () => lines[2])].join('\n');
    assert.equal(tencent(grown), 'cluener');
    assert.equal(analyzer.analyze(document).linesAnalyzed, lines.length);
    assert.equal(analyzer.analyze(document).linesAnalyzed, 0);
    const named = conventionsOf({ entityConvention: 'cluener' });
    assert.ok(named.size > 0 && [...named].every((a) => a.endsWith(':cluener')), [...named].join(' '));
  });
});
