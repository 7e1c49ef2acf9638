// Integration: hovers show a figure's normalized value, an entity's type, pinyin and frequency, and why junk was flagged.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, fullAnnotations, openSampleCopy } from './helpers';

async function hoverText(document: vscode.TextDocument, needle: string, offsetInNeedle = 1): Promise<string> {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in document`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset + offsetInNeedle));
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hovers', function () {
  this.timeout(60000);
  let document: vscode.TextDocument;
  before(async () => {
    document = (await openSampleCopy()).document;
    await fullAnnotations(document);
  });
  after(closeAll);

  it('shows the normalized value of 102.54億元', async () => {
    const text = await hoverText(document, '102.54億元');
    assert.match(text, /Money/);
    assert.match(text, /10,254,000,000/);
    assert.match(text, /CNY/);
  });

  it('shows 138% as a percentage with its fraction', async () => {
    const text = await hoverText(document, '138%');
    assert.match(text, /Percentage/);
    assert.match(text, /1\.38/);
  });

  it('shows type, Simplified form, pinyin and frequency for 楊克建', async () => {
    const text = await hoverText(document, '楊克建');
    assert.match(text, /Person/);
    assert.match(text, /杨克建/);
    assert.match(text, /yáng kè jiàn/);
    assert.match(text, /Occurrences in this document: 1/);
  });

  it('explains why a pinyin gloss was flagged', async () => {
    const text = await hoverText(document, '(wǎng)', 2);
    assert.match(text, /Pinyin gloss/);
    assert.match(text, /wǎng/);
  });
});
