// Unit tests of the server's diagnostics and quick fixes: one per finding, grouped per line in documents with very many.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../src/core/analyze';
import { applyEdits } from '../../../src/core/edits';
import { quickFixes, resolveLazyAction } from '../../../src/server/code-actions';
import { GROUP_DIAGNOSTICS_ABOVE, junkDiagnostics } from '../../../src/server/diagnostics';
import { DEFAULT_SETTINGS } from '../../../src/server/settings';

const GLOSSED = '嘉興持續(xù)發(fā)力全面融入長三角一體化發(fā)展。';

function documentOf(text: string) {
  const document = TextDocument.create('file:///a.txt', 'plaintext', 1, text);
  const annotations = analyze(text, { entityTypes: [], figures: false }).annotations;
  return { document, annotations, diagnostics: junkDiagnostics(document, annotations, DEFAULT_SETTINGS) };
}

function applyAction(document: TextDocument, action: { edit?: { documentChanges?: unknown[] } }): string {
  const change = action.edit!.documentChanges![0] as { textDocument: { version: number }; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] };
  assert.equal(change.textDocument.version, document.version, 'edits are tied to the version they were computed for');
  return applyEdits(document.getText(), change.edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText })));
}

describe('server diagnostics and quick fixes', () => {
  it('gives one diagnostic per finding in an ordinary document, with a fix for it and for all of its kind', () => {
    const { document, annotations, diagnostics } = documentOf(`${GLOSSED}\n甲、${GLOSSED}\n`);
    assert.equal(diagnostics.length, 6);
    assert.ok(diagnostics.every((d) => d.source === 'news-lens' && d.code === 'pinyin-gloss'));
    const actions = quickFixes(document, annotations, [diagnostics[0]]);
    assert.deepEqual(actions.map((a) => a.title), ['Remove this Pinyin gloss', 'Remove all Pinyin gloss in this document (6)', 'Clean document: remove all junk (6)']);
    assert.equal(applyAction(document, actions[0]), document.getText().replace('(xù)', ''));
    // The document-wide actions carry no edit until resolved (codeAction/resolve), then the right one.
    assert.equal(actions[1].edit, undefined);
    assert.equal(actions[2].edit, undefined);
    const cleaned = '嘉興持續發力全面融入長三角一體化發展。\n甲、嘉興持續發力全面融入長三角一體化發展。\n';
    assert.equal(applyAction(document, resolveLazyAction(actions[1], document, annotations, document.version)), cleaned);
    assert.equal(applyAction(document, resolveLazyAction(actions[2], document, annotations, document.version)), cleaned);
  });

  it('resolves a document-wide fix only for the version it was offered on, and only for its kinds', () => {
    const { document, annotations, diagnostics } = documentOf(`<b>${GLOSSED}</b>\n`);
    const gloss = diagnostics.find((d) => d.code === 'pinyin-gloss')!;
    const [, removeAllGlosses, clean] = quickFixes(document, annotations, [gloss]);
    assert.match(removeAllGlosses.title, /Remove all Pinyin gloss/);
    assert.equal(applyAction(document, resolveLazyAction(removeAllGlosses, document, annotations, document.version)), '<b>嘉興持續發力全面融入長三角一體化發展。</b>\n');
    assert.equal(applyAction(document, resolveLazyAction(clean, document, annotations, document.version)), '嘉興持續發力全面融入長三角一體化發展。\n');
    const edited = TextDocument.update(document, [{ text: '新' }], document.version + 1);
    assert.equal(resolveLazyAction(clean, edited, annotations, edited.version).edit, undefined, 'stale: no edit');
    assert.equal(resolveLazyAction(clean, document, annotations, document.version + 1).edit, undefined, 'analysis of another version: no edit');
  });

  it('groups findings of one kind per line above the threshold, and the fix removes the whole group', () => {
    const lines = Math.ceil(GROUP_DIAGNOSTICS_ABOVE / 3) + 1;
    const text = Array.from({ length: lines }, (_, i) => `第${i}段：${GLOSSED}\n`).join('');
    const { document, annotations, diagnostics } = documentOf(text);
    assert.equal(annotations.filter((a) => a.kind === 'junk').length, lines * 3);
    assert.equal(diagnostics.length, lines);
    assert.match(diagnostics[0].message, /3× on this line/);
    const [removeThese] = quickFixes(document, annotations, [diagnostics[1]]);
    assert.equal(removeThese.title, 'Remove these 3 × Pinyin gloss');
    const after = applyAction(document, removeThese).split('\n');
    assert.equal(after[1], '第1段：嘉興持續發力全面融入長三角一體化發展。');
    assert.equal(after[0], `第0段：${GLOSSED}`);
  });

  it('never sends more than the per-file limit: blocks of lines share a diagnostic, and every finding stays covered', () => {
    const lines = GROUP_DIAGNOSTICS_ABOVE * 2 + 37;
    const text = Array.from({ length: lines }, (_, i) => `第${i}段：${GLOSSED}\n`).join('');
    const { document, annotations, diagnostics } = documentOf(text);
    const junk = annotations.filter((a) => a.kind === 'junk');
    assert.equal(junk.length, lines * 3);
    assert.ok(diagnostics.length <= GROUP_DIAGNOSTICS_ABOVE, `${diagnostics.length} diagnostics`);
    assert.ok(diagnostics.length > GROUP_DIAGNOSTICS_ABOVE / 4);
    const ranges = diagnostics.map((d) => [document.offsetAt(d.range.start), document.offsetAt(d.range.end)]);
    for (const a of junk) assert.equal(ranges.filter(([s, e]) => a.start >= s && a.end <= e).length, 1, `finding at ${a.start}`);
    assert.match(diagnostics[0].message, /12× on these 4 lines/);
    const [removeThese] = quickFixes(document, annotations, [diagnostics[0]]);
    assert.equal(removeThese.title, 'Remove these 12 × Pinyin gloss');
    const after = applyAction(document, removeThese).split('\n');
    assert.deepEqual(after.slice(0, 5), [0, 1, 2, 3].map((i) => `第${i}段：嘉興持續發力全面融入長三角一體化發展。`).concat(`第4段：${GLOSSED}`));
  });
});
