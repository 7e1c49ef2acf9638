// The worker pool of --jobs N: each worker loads the engine as soon as it starts, before any batch is posted.
import * as assert from 'node:assert/strict';
import { createRunner } from '../../../src/cli/pool';
import type { WorkConfig } from '../../../src/cli/work';

const config = (command: WorkConfig['command']): WorkConfig => ({ command, textField: 'text', analyze: {}, stats: false });

describe('CLI worker pool', function () {
  this.timeout(120_000);

  it('starts loading the engine in every worker at once, without waiting for a batch (it overlaps the check of the inputs)', async () => {
    const runner = createRunner(2, config('annotate'));
    try {
      const ready = await runner.ready;
      assert.equal(ready.length, 2);
      for (const worker of ready) {
        assert.equal(worker.segmenterLoaded, true, 'a worker reported ready before loading nodejieba and the entity model');
        assert.ok(worker.warmUpMs > 0);
      }
      // The warm-up leaves nothing behind: the first batch's output is that of the same work in this thread.
      const items = [{ source: 'a.jsonl', line: 1, raw: JSON.stringify({ id: 'x', text: '新華社北京電 記者王小明報導，營收增長5%。' }) }];
      const [viaWorker, inline] = [await runner.run(items), await createRunner(1, config('annotate')).run(items)];
      assert.deepEqual(viaWorker.pieces, inline.pieces);
    } finally {
      await runner.close();
    }
  });

  it('dedup workers load no engine (they only compute signatures)', async () => {
    const runner = createRunner(2, config('dedup'));
    try {
      const ready = await runner.ready;
      assert.deepEqual(
        ready.map((w) => w.segmenterLoaded),
        [false, false],
      );
    } finally {
      await runner.close();
    }
  });
});
