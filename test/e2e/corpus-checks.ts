// End-to-end checks of the corpus features: a quick fix inside a JSONL record (then the saved file parsed line by line),
// and the Corpus Report webview drawn (with a screenshot).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Test } from './runner';
import type { Context } from './checks';
import * as E from './editor';
import { addCorpus, CORPUS_GLOSS, reportFrame, showCorpus, showCorpusReport } from './corpus-scenes';

export function corpusChecks(shot: (ctx: Context, name: string) => Promise<string>): Test<Context>[] {
  return [
    {
      title: 'JSONL corpus: a quick fix inside a record, saved, leaves every line valid JSON with only that text changed',
      timeoutMs: 150000,
      async run(ctx) {
        const { page } = ctx.session;
        const file = addCorpus(ctx.session);
        const original = fs.readFileSync(file, 'utf8').split('\n');
        const counts = await showCorpus(page, ctx.session);
        await shot(ctx, 'jsonl-corpus');
        const items = await E.openQuickFixes(page, CORPUS_GLOSS.text, CORPUS_GLOSS.nth);
        assert.ok(items.some((i) => /^Remove this Pinyin gloss$/.test(i)), `quick fixes: ${JSON.stringify(items)}`);
        await E.chooseQuickFix(page, /^Remove this Pinyin gloss$/);
        await E.waitForCounts(page, (c) => c.junk === counts.junk - 1);
        await E.save(page);
        const saved = fs.readFileSync(file, 'utf8').split('\n');
        assert.equal(saved.length, original.length);
        let changed = 0;
        for (let i = 0; i < saved.length; i++) {
          if (!saved[i].trim()) continue;
          const after = JSON.parse(saved[i]);
          const before = JSON.parse(original[i]);
          if (saved[i] === original[i]) continue;
          changed++;
          assert.deepEqual({ ...after, text: undefined }, { ...before, text: undefined }, `line ${i + 1}: other fields changed`);
          assert.equal(after.text, before.text.replace(CORPUS_GLOSS.text, ''), `line ${i + 1}: not exactly the gloss removed`);
        }
        assert.equal(changed, 1, 'exactly one record changed');
      },
    },
    {
      title: 'the Corpus Report of the JSONL file draws its charts in a webview',
      timeoutMs: 150000,
      async run(ctx) {
        const { page } = ctx.session;
        const canvases = await showCorpusReport(page);
        await shot(ctx, 'corpus-report');
        assert.ok(canvases >= 6, `${canvases} charts`);
        const frame = reportFrame(page);
        const title = await frame.locator('h1').innerText();
        assert.match(title, /news-corpus\.jsonl/);
        // Each chart drew something: non-transparent pixels on its canvas.
        const drawn = await frame.locator('canvas').evaluateAll((canvases) => canvases.map((c) => {
          const canvas = c as HTMLCanvasElement;
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
          return painted;
        }));
        assert.ok(drawn.every((n) => n > 100), `blank charts: ${drawn.join(', ')}`);
        const csp = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
        assert.match(csp ?? '', /default-src 'none'/);
        assert.ok(!/unsafe-(inline|eval)/.test(csp ?? ''), csp ?? '');
      },
    },
  ];
}
