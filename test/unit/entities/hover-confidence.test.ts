// The entity hover shows the tagger's confidence; the setting newsLens.entities.minConfidence reaches the engine.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core/analyze';
import { findEntities, warmUpEntities } from '../../../src/core/entities';
import { hoverAnnotations, hoverMarkdown } from '../../../src/server/hover';
import { readSettings, toAnalyzeOptions } from '../../../src/server/settings';

describe('entity confidence in the editor', function () {
  this.timeout(60000);
  before(async () => {
    await warmUpEntities();
  });

  it('shows the confidence on the hover of an entity', () => {
    const found = findEntities('市长张伟在会上说，杭州将继续推进城市更新。', { script: 'simplified', options: {} });
    const name = found.find((a) => a.text === '张伟');
    assert.ok(name && name.confidence !== undefined);
    const markdown = hoverMarkdown(name, found);
    assert.match(markdown, new RegExp(`Confidence: ${Math.round(name.confidence * 100)}%`));
  });

  it('names on the hover the labelling convention the tagger followed, the one asked for or the gate’s', () => {
    const line = '市长张伟在会上说，杭州将继续推进城市更新。';
    for (const convention of ['msra', 'cluener', 'gsd'] as const) {
      const name = findEntities(line, { script: 'simplified', options: { entityConvention: convention } }).find((a) => a.label === 'PER');
      assert.ok(name, convention);
      assert.equal(name.convention, convention);
    }
    // Through analyze(), as the server and the CLI run it: the field survives the move to document offsets.
    const found = analyze(`标题\n${line}`, {}).annotations;
    const name = found.find((a) => a.text === '张伟');
    assert.ok(name && ['msra', 'cluener', 'gsd'].includes(String(name.convention)), JSON.stringify(name));
    assert.match(hoverMarkdown({ ...name, convention: 'cluener' }, found), /Labelled as in: CLUENER \(Sina news\)/);
    // User words are not the tagger's: no convention.
    const word = findEntities(line, { script: 'simplified', options: { userWords: [{ word: '张伟', type: 'PER' }] } }).find((a) => a.text === '张伟');
    assert.equal(word?.convention, undefined);
  });

  it('shows on the hover of a name nested in a title both the name and the title (analyze(), MSRA convention)', () => {
    const text = '新华社北京电 国务院总理今天在人民大会堂会见了日本客人。\n会议审议了《中华人民共和国香港特别行政区基本法》。';
    const found = analyze(text, { entityConvention: 'msra' }).annotations;
    const place = found.find((a) => a.kind === 'entity' && a.text === '香港特别行政区');
    const title = found.find((a) => a.label === 'WORK');
    assert.ok(place && title && title.start < place.start && place.end < title.end, found.map((a) => `${a.label}:${a.text}`).join(' '));
    assert.deepEqual(hoverAnnotations(found, place.start + 1).map((a) => a.label), [place.label, 'WORK']);
    assert.deepEqual(hoverAnnotations(found, title.start).map((a) => a.label), ['WORK']);
    // In CLUENER's convention the title covers the names: the hover shows the title alone.
    const covered = analyze(text, { entityConvention: 'cluener' }).annotations;
    const offset = text.indexOf('香港特别行政区') + 1;
    assert.deepEqual(hoverAnnotations(covered, offset).map((a) => a.label), ['WORK']);
  });

  it('reads newsLens.entities.minConfidence, rejecting values outside 0..1', () => {
    const ok = readSettings({ entities: { minConfidence: 0.6 } });
    assert.deepEqual(ok.problems, []);
    assert.equal(toAnalyzeOptions(ok.settings, false).minEntityConfidence, 0.6);
    for (const bad of [1.5, -0.1, 'high']) {
      const read = readSettings({ entities: { minConfidence: bad } });
      assert.equal(read.settings.entityMinConfidence, 0);
      assert.ok(read.problems.some((p) => p.startsWith('newsLens.entities.minConfidence')), JSON.stringify(read.problems));
    }
    assert.equal(toAnalyzeOptions(readSettings({}).settings, false).minEntityConfidence, 0);
  });
});
