// Degraded mode: when nodejieba cannot be loaded, the server still shows junk and figures, says why, and waits for nothing.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

describe('analysis service without nodejieba', function () {
  this.timeout(60_000);

  it('publishes junk and figures, then says entity recognition is unavailable and why, and leaves nothing pending', () => {
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '--require', path.join(__dirname, 'without-nodejieba.cjs'), path.join(__dirname, 'degraded-segmenter-child.ts')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const outcomes = JSON.parse(r.stdout) as { degraded?: string; entitiesPending: boolean; junk: number; entities: number; figures: number }[];
    // First the cheap layers while the segmenter loads; once it failed to load, one more publication that says so.
    assert.equal(outcomes.length, 2, JSON.stringify(outcomes));
    assert.equal(outcomes[0].entitiesPending, true);
    const outcome = outcomes[1];
    assert.match(outcome.degraded ?? '', /Entity recognition is unavailable \(nodejieba could not be loaded: Cannot find module 'nodejieba'/);
    assert.equal(outcome.entitiesPending, false);
    assert.ok(outcome.junk > 100, `junk ${outcome.junk}`);
    assert.ok(outcome.figures > 5, `figures ${outcome.figures}`);
    assert.equal(outcome.entities, 0);
  });
});
