// Unit tests of the server's JSONL corpora: the line mirror kept in step with edits, per-record analysis, publishing and symbols.
import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { warmUpEntities } from '../../../src/core/entities';
import { readJsonlLine } from '../../../src/core/jsonl';
import { ErrorBoundary } from '../../../src/server/error-boundary';
import { JsonlDocument } from '../../../src/server/jsonl-document';
import { applyLineChanges, lineChangeOf } from '../../../src/server/jsonl-protocol';
import { JsonlService, type JsonlOutcome } from '../../../src/server/jsonl-service';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';
import { recordSymbols } from '../../../src/server/symbols';

const RECORD = (id: number) => JSON.stringify({ id, text: `中國西藏網(wǎng)報道，嘉興市委書記楊克建表示，2023年投資102.54億元。#${id}` });

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

describe('JSONL line mirror', () => {
  it('renumbers and moves known lines after a change, and forgets the lines it touched', () => {
    const text = 'a\nbb\nccc\ndddd\n';
    const starts = lineStarts(text);
    const known = new Map(starts.map((start, line) => [line, { start }]));
    // Replace "bb\nc" (line 1 to line 2) with "X\nY\nZ": two lines become three.
    const change = lineChangeOf(1, 2, 'X\nY\nZ', 4);
    const after = applyLineChanges(known, [change]);
    const newText = 'a\nX\nY\nZcc\ndddd\n';
    const newStarts = lineStarts(newText);
    assert.deepEqual([...after.keys()].sort(), [0, 4, 5]);
    for (const [line, { start }] of after) assert.equal(start, newStarts[line], `line ${line}`);
    assert.deepEqual(lineChangeOf(0, 0, 'a\r\nb\rc', 0), [0, 0, 2, 6]);
  });
});

describe('JSONL service', () => {
  before(() => warmUpEntities());

  async function analyzeLines(lines: string[]) {
    const published: { outcome: JsonlOutcome; diagnostics: Diagnostic[] }[] = [];
    const service = new JsonlService(async () => DEFAULT_SETTINGS, {
      publish: (_doc, outcome, diagnostics) => published.push({ outcome, diagnostics }),
      clear: () => undefined,
    }, new ErrorBoundary(() => undefined));
    const text = lines.join('\n');
    const starts = lineStarts(text);
    await service.sync({ uri: 'file:///c.jsonl', version: 1, lineCount: lines.length, length: text.length, whole: true, lines: lines.map((l, i) => [i, starts[i], l]) });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await service.run('file:///c.jsonl');
    return { service, published, text };
  }

  it('analyzes every record, places findings inside its string, and flags an invalid line once', async () => {
    const lines = [RECORD(1), '{"text": "broken', RECORD(3)];
    const { published, text } = await analyzeLines(lines);
    const last = published.at(-1)!;
    assert.equal(last.outcome.entitiesPending, false);
    const glosses = last.outcome.annotations.filter((a) => a.label === 'pinyin-gloss');
    assert.equal(glosses.length, 2);
    for (const g of glosses) assert.equal(text.slice(g.start, g.end), '(wǎng)');
    assert.ok(last.outcome.annotations.some((a) => a.kind === 'entity' && a.text === '楊克建'));
    const invalid = last.diagnostics.filter((d) => d.code === 'jsonl-invalid');
    assert.equal(invalid.length, 1);
    assert.equal(invalid[0].range.start.line, 1);
  });

  it('lists one symbol per record with its entities', async () => {
    const lines = [RECORD(1), RECORD(2)];
    const { service } = await analyzeLines(lines);
    const current = (await service.current('file:///c.jsonl'))!;
    const records = current.outcome.records.map(({ line, result, annotations }) => ({
      line, annotations, lineLength: lines[line].length, id: result.parsed.kind === 'record' ? result.parsed.id : undefined,
    }));
    const symbols = recordSymbols(current.document, records);
    assert.deepEqual(symbols.map((s) => s.name), ['#1 1', '#2 2']);
    for (const symbol of symbols) {
      assert.ok(symbol.children!.some((c) => c.name === '楊克建'), JSON.stringify(symbol.children));
      for (const child of symbol.children!) assert.equal(child.range.start.line, symbol.range.start.line);
    }
  });

  it('a document mirror answers positions of known lines', () => {
    const doc = new JsonlDocument('file:///d.jsonl');
    doc.apply({ uri: doc.uri, version: 1, lineCount: 100, length: 5000, whole: false, lines: [[10, 400, RECORD(1)], [11, 400 + RECORD(1).length + 1, RECORD(2)]] });
    assert.deepEqual(doc.positionAt(405), { line: 10, character: 5 });
    assert.equal(doc.offsetAt({ line: 11, character: 3 }), 400 + RECORD(1).length + 4);
    assert.deepEqual(doc.positionAt(400 + RECORD(1).length + 1), { line: 11, character: 0 });
    const record = readJsonlLine(RECORD(2));
    assert.ok(record.kind === 'record');
  });
});
