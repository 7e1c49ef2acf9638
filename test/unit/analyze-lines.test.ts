// Unit tests of block analysis: a block's sentences are segmented before any is tagged, with the same result as line by line.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeLines } from '../../src/core/analyze-line';
import { findEntities, segmentLines } from '../../src/core/entities';
import { toSimplified } from '../../src/core/script';
import type { Annotation, LineContext } from '../../src/core/types';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jieba = require('nodejieba') as { tagPacked?: (text: string) => unknown };

/** Runs `body` while counting the segmenter's calls. */
function countingSegmenterCalls<T>(body: () => T): { result: T; calls: number } {
  const original = jieba.tagPacked;
  assert.ok(original, 'node_modules/nodejieba is not the patched build: run npm run patch:nodejieba');
  let calls = 0;
  jieba.tagPacked = (text: string) => {
    calls++;
    return original(text);
  };
  try {
    return { result: body(), calls };
  } finally {
    jieba.tagPacked = original;
  }
}

const samples = join(__dirname, '../../samples');
const LINES = [
  ...readFileSync(join(samples, 'simplified-business-news.txt'), 'utf8').split('\n'),
  ...readFileSync(join(samples, 'mirror-article-zh-hant.txt'), 'utf8').split('\n'),
  '中國西藏網(wǎng)報道,長三角一體化發(fā)展取得新進展。',
  // Longer than a piece (2,000 units): segmented in several pieces.
  '新华社北京3月8日电，国务院总理李强在人民大会堂会见了来访的德国总理朔尔茨。'.repeat(80),
];
const ctx: LineContext = { script: 'simplified', options: {} };

describe('block analysis', () => {
  it('segments every piece findEntities tags, so that it calls the segmenter no more', () => {
    const segmented = segmentLines(LINES, ctx);
    assert.ok(segmented);
    const long = segmented.get(LINES[LINES.length - 1]);
    assert.ok(long && long.pieces.length > 1, 'the long line was not cut into pieces');
    for (const line of LINES) {
      const ready = segmented;
      const counted = countingSegmenterCalls((): Annotation[] => findEntities(line, ctx, ready));
      assert.equal(counted.calls, 0, line);
      assert.deepEqual(counted.result, findEntities(line, ctx), line);
    }
    const some = LINES.filter((line) => findEntities(line, ctx).some((a) => a.label === 'PER'));
    assert.ok(some.length >= 3, 'the sample lines have names');
  });

  it('segments a whole block before tagging: the same annotations as line by line', () => {
    const { result: together, calls } = countingSegmenterCalls(() => analyzeLines(LINES, ctx, false));
    const pieces = [...(segmentLines(LINES, ctx)?.values() ?? [])].reduce((n, p) => n + p.pieces.length, 0);
    // Spam and markup lines are never tagged, so at most one call per piece.
    assert.ok(calls > 0 && calls <= pieces, `${calls} calls for ${pieces} pieces`);
    const alone = LINES.map((line) => analyzeLines([line], ctx, false)[0]);
    assert.deepEqual(together, alone);
    assert.ok(together.some((a) => a.annotations.some((x) => x.kind === 'entity')));
  });

  it('segments all of a block before it looks for the first entity', () => {
    const events: string[] = [];
    // findEntities reads the user's dictionary once per line it searches: the getter marks when it does.
    const options = {
      get userWords() {
        events.push('entities');
        return undefined;
      },
    };
    const original = jieba.tagPacked!;
    jieba.tagPacked = (text: string) => {
      events.push('segment');
      return original(text);
    };
    try {
      analyzeLines(LINES, { script: 'simplified', options }, false);
    } finally {
      jieba.tagPacked = original;
    }
    const firstSearch = events.indexOf('entities');
    assert.ok(firstSearch > 0 && events.includes('segment'));
    assert.equal(events.lastIndexOf('segment') < firstSearch, true, events.join(' '));
  });

  it('gives the same result across block boundaries (more than 65,536 units)', () => {
    const many = Array.from({ length: 40 }, () => LINES).flat();
    assert.ok(many.join('').length > 1 << 16);
    const together = analyzeLines(many, ctx, false);
    assert.equal(together.length, many.length);
    for (let i = 0; i < many.length; i += 97) assert.deepEqual(together[i], analyzeLines([many[i]], ctx, false)[0], `line ${i}`);
  });

  it('leaves Traditional text to the Simplified view, offsets unchanged', () => {
    const line = '國務院總理李強在人民大會堂會見了來訪的德國總理朔爾茨。';
    const segmented = segmentLines([line], ctx);
    assert.equal(segmented?.get(line)?.simplified, toSimplified(line));
    assert.equal(segmented?.get(line)?.pieces[0].piece, toSimplified(line));
    assert.deepEqual(findEntities(line, ctx, segmented), findEntities(line, ctx));
  });
});
