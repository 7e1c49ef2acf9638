// Unit tests of the server's analysis service on documents it must not fully analyze: large, huge and binary ones.
import { strict as assert } from 'node:assert';
import { AnalysisService, NO_ANALYSIS_FACTOR, type AnalysisOutcome } from '../../../src/server/analysis-service';
import { DEFAULT_SETTINGS, type NewsLensSettings } from '../../../src/server/settings';
import type { Analyzer } from '../../../src/core/analyze';
import { warmUpEntities } from '../../../src/core/entities';
import { ErrorBoundary } from '../../../src/server/error-boundary';
import { createAnalyzer } from '../../../src/server/fault-injection';

const LINE = '中國西藏網(wǎng)報道,嘉興市委書記楊克建表示,2023年投資102.54億元。\n';

async function analyze(text: string, settings: Partial<NewsLensSettings> = {}): Promise<AnalysisOutcome> {
  const published: AnalysisOutcome[] = [];
  const service = new AnalysisService(
    (uri) => ({ uri, version: 1, text }),
    async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    (outcome) => published.push(outcome),
  );
  const outcome = await service.run('file:///doc.txt');
  assert.ok(outcome);
  assert.deepEqual(published, [outcome], 'what is analyzed is published');
  return outcome;
}

describe('analysis service on large and binary documents', () => {
  it('runs only the cheap layers above maxDocumentSizeKB, and says so', async () => {
    const text = LINE.repeat(Math.ceil(3000 / LINE.length));
    const outcome = await analyze(text, { maxDocumentSizeKB: 1 });
    assert.match(outcome.degraded ?? '', /maxDocumentSizeKB \(1 KiB\): only junk and figures/);
    assert.equal(outcome.entitiesPending, false, 'nothing is pending: entities are off for this document');
    assert.ok(outcome.annotations.some((a) => a.label === 'pinyin-gloss'));
    assert.ok(outcome.annotations.some((a) => a.kind === 'figure'));
    assert.ok(!outcome.annotations.some((a) => a.kind === 'entity'));
  });

  it(`does not analyze a document above ${NO_ANALYSIS_FACTOR} × maxDocumentSizeKB, and points to the command line`, async () => {
    const text = LINE.repeat(Math.ceil((NO_ANALYSIS_FACTOR * 1024 + 100) / LINE.length));
    const outcome = await analyze(text, { maxDocumentSizeKB: 1 });
    assert.deepEqual(outcome.annotations, []);
    assert.match(outcome.degraded ?? '', /does not analyze it in the editor.*command line/);
  });

  it('shows only a message for a binary-looking file', async () => {
    const outcome = await analyze(`PK\u0003\u0004\u0000\u0000${LINE}`);
    assert.deepEqual(outcome.annotations, []);
    assert.match(outcome.degraded ?? '', /looks binary/);
  });
});

describe('analysis service error boundary', () => {
  it('contains a failing analysis: logs the URI and stack, publishes the cheap layers, and keeps serving others', async () => {
    const texts: Record<string, string> = { 'file:///bad.txt': `BOOM\n${LINE}`, 'file:///good.txt': LINE };
    const published: AnalysisOutcome[] = [];
    const logged: string[] = [];
    const service = new AnalysisService(
      (uri) => ({ uri, version: 1, text: texts[uri] }),
      async () => DEFAULT_SETTINGS,
      (outcome) => published.push(outcome),
      { boundary: new ErrorBoundary((m) => logged.push(m)), createAnalyzer: () => createAnalyzer('BOOM') },
    );
    await warmUpEntities();
    const bad = await service.run('file:///bad.txt');
    assert.ok(bad);
    assert.match(bad.degraded ?? '', /could not analyze this document fully/);
    assert.ok(bad.annotations.some((a) => a.label === 'pinyin-gloss'), 'junk from the cheap layers is still published');
    assert.ok(!bad.annotations.some((a) => a.kind === 'entity'));
    assert.equal(logged.length, 1);
    assert.match(logged[0], /analysis failed for file:\/\/\/bad\.txt/);
    assert.match(logged[0], /injected failure[\s\S]*at /, 'the stack is logged');
    const good = await service.run('file:///good.txt');
    assert.ok(good && good.degraded === undefined);
    assert.ok(good.annotations.some((a) => a.kind === 'entity'), 'the other document is fully analyzed');
    assert.deepEqual(published.map((o) => o.uri), ['file:///bad.txt', 'file:///good.txt']);
  });

  it('publishes nothing but a message when even the cheap layers fail', async () => {
    const logged: string[] = [];
    const failing = { analyze: () => { throw new Error('broken engine'); } } as unknown as Analyzer;
    const service = new AnalysisService(
      (uri) => ({ uri, version: 1, text: LINE }),
      async () => DEFAULT_SETTINGS,
      () => undefined,
      { boundary: new ErrorBoundary((m) => logged.push(m)), createAnalyzer: () => failing },
    );
    const outcome = await service.run('file:///x.txt');
    assert.deepEqual(outcome?.annotations, []);
    assert.match(outcome?.degraded ?? '', /could not analyze this document \(/);
    assert.equal(logged.length, 2);
  });
});
