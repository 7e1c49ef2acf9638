// The server stays responsive while the entity layer loads: nodejieba's dictionaries load on another thread (the patched addon's preload).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { segmenterLeanLoad } from '../../../src/core/entities/segmenter';

describe('analysis service warm-up', function () {
  this.timeout(60_000);

  it('keeps the event loop turning while the segmenter loads, then publishes the entities', function () {
    // The stock addon (no C++ toolchain at install) has no preload: it loads synchronously, as it always did.
    if (segmenterLeanLoad() !== true) this.skip();
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'warm-up-child.ts')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const published = JSON.parse(r.stdout) as { turns: number; entitiesPending: boolean; entities: number }[];
    assert.equal(published.length, 2, r.stdout);
    assert.equal(published[0].entitiesPending, true, 'the cheap layers go out first');
    const last = published[published.length - 1];
    assert.ok(last.entities > 10, `entities ${last.entities}`);
    // Loading the dictionaries takes a second or more; a synchronous load would let the loop turn only a few times.
    const turnsWhileLoading = last.turns - published[0].turns;
    assert.ok(turnsWhileLoading >= 100, `the event loop turned ${turnsWhileLoading} times while the entity layer loaded`);
  });
});
