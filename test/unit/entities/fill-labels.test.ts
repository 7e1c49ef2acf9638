// The training step that fills CLUENER's unlabelled mentions adds only what overlaps no label, and only to CLUENER train rows.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FILL_FILE, readFillRecord, type CorpusSentence, type FillRecord } from '../../../src/cli/ner-corpus';
import { filledRow, verdictOf, type Predicted } from '../../../scripts/ner/fill-labels';

const row = (over: Partial<CorpusSentence> = {}): CorpusSentence => ({
  source: 'cluener',
  split: 'train',
  id: '7',
  text: '中国队在北京战胜了美国队，张伟进了两球。',
  spans: [{ start: 13, end: 15, type: 'PER' }],
  ...over,
});

describe('fill-labels: teacher entities added to CLUENER train rows', () => {
  it('keeps a prediction only when it overlaps no gold entity and no other CLUENER label', () => {
    const gold = row().spans;
    assert.deepEqual(verdictOf({ start: 4, end: 6, type: 'LOC' }, gold, []), { verdict: 'new' });
    // Overlapping a gold span (even partly, even of another type) is never added.
    assert.deepEqual(verdictOf({ start: 12, end: 14, type: 'LOC' }, gold, []), { verdict: 'gold' });
    // A book/movie/game/position label counts as labelled.
    assert.deepEqual(verdictOf({ start: 0, end: 2, type: 'LOC' }, gold, [{ start: 0, end: 3, kind: 'position' }]), { verdict: 'other', kind: 'position' });
    // Touching is not overlapping.
    assert.deepEqual(verdictOf({ start: 11, end: 13, type: 'LOC' }, gold, [{ start: 9, end: 11, kind: 'game' }]), { verdict: 'new' });
  });

  it('adds the entities at or above τ, sorted, and leaves the rest of the row as it was', () => {
    const extras: Predicted[] = [
      { start: 9, end: 11, type: 'LOC', confidence: 0.95 },
      { start: 0, end: 2, type: 'LOC', confidence: 0.5 },
      { start: 4, end: 6, type: 'LOC', confidence: 0.49 },
    ];
    const before = row();
    const filled = filledRow(before, extras, 0.5);
    assert.ok(filled);
    assert.deepEqual(filled.spans, [
      { start: 0, end: 2, type: 'LOC' },
      { start: 9, end: 11, type: 'LOC' },
      { start: 13, end: 15, type: 'PER' },
    ]);
    assert.deepEqual(Object.keys(filled), Object.keys(before), 'the corpus line keeps its field order');
    assert.equal(before.spans.length, 1, 'the input row is not changed');
    assert.equal(filledRow(before, extras, 0.99), undefined, 'nothing at or above τ: no new row');
  });

  it('never fills dev or test rows, nor other sources', () => {
    const extras: Predicted[] = [{ start: 0, end: 2, type: 'LOC', confidence: 1 }];
    assert.equal(filledRow(row({ split: 'dev' }), extras, 0.5), undefined);
    assert.equal(filledRow(row({ split: 'test' }), extras, 0.5), undefined);
    assert.equal(filledRow(row({ source: 'msra' }), extras, 0.5), undefined);
  });

  it('the fill record beside a corpus is read back for the model card; a corpus no teacher filled has none', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'news-lens-fill-'));
    try {
      assert.equal(readFillRecord(dir), null);
      const record: FillRecord = { teacher: 't.bin', teacherSha256: 'ab'.repeat(32), tau: 0.5, entitiesAdded: 3, sentencesGained: 2 };
      writeFileSync(path.join(dir, FILL_FILE), JSON.stringify(record));
      assert.deepEqual(readFillRecord(dir), record);
      writeFileSync(path.join(dir, FILL_FILE), '{ not json');
      assert.throws(() => readFillRecord(dir), SyntaxError, 'a damaged record is an error, not "unfilled"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
