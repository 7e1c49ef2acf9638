// The worker pool of --jobs N: each worker loads the engine as soon as it starts, before any batch is posted.
import * as assert from 'node:assert/strict';
import { createRunner } from '../../../src/cli/pool';
import { outputPiece, type WorkConfig } from '../../../src/cli/work';

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

  it('workers send the output of a batch as one transferred UTF-8 buffer (no structured clone of output strings), byte for byte that of one job', async () => {
    const runner = createRunner(2, { ...config('annotate'), outputBytes: true });
    const items = ['北京市政府今天宣布，營收增長百分之五。', 'English text, and 上海 too.', '《紅樓夢》的作者是曹雪芹。'].map((text, i) => ({
      source: 'c.jsonl',
      line: i + 1,
      raw: JSON.stringify({ id: i, text }),
    }));
    try {
      const [viaWorker, inline] = [await runner.run(items), await createRunner(1, config('annotate')).run(items)];
      assert.deepEqual(viaWorker.pieces, [], 'the worker also sent the output as strings');
      assert.ok(viaWorker.output && viaWorker.output.bytes instanceof Uint8Array, 'the worker sent no output bytes');
      assert.deepEqual(viaWorker.output.lengths, inline.pieces.map((p) => Buffer.byteLength(p)));
      assert.equal(Buffer.from(viaWorker.output.bytes).toString('utf8'), inline.pieces.join(''));
      assert.equal(outputPiece(viaWorker, 1, viaWorker.output.lengths[0]).length, viaWorker.output.lengths[1]);
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
