// Integration: quick fixes for a gloss and the spam line, fix-all and clean-on-save produce exactly the cleaned text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cleanText } from '../../src/core';
import { closeAll, codeOf, fullAnnotations, newsLensDiagnostics, openSampleCopy, sampleText, waitFor, withSetting } from './helpers';

async function quickFixTitles(document: vscode.TextDocument, range: vscode.Range): Promise<string[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((a) => a.title).map((a) => a.title);
}

describe('quick fixes and fix-all', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('offers remove-this, remove-all-glosses and clean-document on a gloss', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    // Diagnostics reach VS Code in a task of their own, after the annotations: wait for them.
    const gloss = await waitFor('a gloss diagnostic', () => newsLensDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'pinyin-gloss'));
    const titles = await quickFixTitles(editor.document, gloss.range);
    assert.ok(titles.some((t) => /^Remove this Pinyin gloss/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /^Remove all Pinyin gloss in this document \(160\)/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /^Clean document/.test(t)), titles.join(' | '));
  });

  it('sends the document-wide fixes without their edits, which VS Code resolves when one is chosen', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const before = editor.document.getText();
    // Diagnostics reach VS Code in a task of their own, after the annotations: wait for them.
    const gloss = await waitFor('a gloss diagnostic', () => newsLensDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'pinyin-gloss'));
    const isRemoveAll = (a: vscode.CodeAction) => /^Remove all Pinyin gloss/.test(a.title);
    const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, gloss.range, vscode.CodeActionKind.QuickFix.value);
    assert.equal(offered.find(isRemoveAll)?.edit, undefined, 'listing the actions must not carry 160 edits');
    // The fourth argument asks VS Code to resolve that many actions, as it does for the one a user picks.
    const resolved = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, gloss.range, vscode.CodeActionKind.QuickFix.value, 10);
    const removeAll = resolved.find(isRemoveAll)!;
    assert.ok(removeAll.edit, 'resolved with its edit');
    assert.ok(await vscode.workspace.applyEdit(removeAll.edit));
    assert.equal(editor.document.getText(), cleanText(before, {}, ['pinyin-gloss']).text);
  });

  it('offers remove-this and clean-document on the spam line, and removing it deletes only that line', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const before = editor.document.getText();
    const spam = await waitFor('the spam diagnostic', () => newsLensDiagnostics(editor.document.uri).find((d) => codeOf(d) === 'spam'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, spam.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /^Remove this SEO spam/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /^Clean document/.test(t)));
    const removeThis = actions.find((a) => /^Remove this SEO spam/.test(a.title))!;
    assert.ok(await vscode.workspace.applyEdit(removeThis.edit!));
    const after = editor.document.getText();
    const expected = before.split('\n').filter((l) => !l.includes('久久国产精品')).join('\n');
    assert.equal(after, expected);
  });

  it('source.fixAll.newsLens yields exactly the cleaned text', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.newsLens');
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    const cleaned = editor.document.getText();
    assert.equal(cleaned, cleanText(sampleText()).text);
    assert.ok(!/\((wǎng|fā|qū)\)/.test(cleaned));
    assert.ok(cleaned.includes('(擴大)') && cleaned.includes('接軌大上海,融入長三角。'));
  });

  it('cleans on save through editor.codeActionsOnSave', async () => {
    const restore = await vscode.workspace
      .getConfiguration('editor', { languageId: 'plaintext' })
      .update('codeActionsOnSave', { 'source.fixAll.newsLens': 'explicit' }, vscode.ConfigurationTarget.Global, true)
      .then(() => () => vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true));
    try {
      const editor = await openSampleCopy();
      await fullAnnotations(editor.document);
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), ' '));
      // The fix-all on save answers from the analysis of the version being saved (stale edits are refused): on a busy
      // machine, let it arrive first, so the test checks the wiring and not the race with VS Code's save timeout.
      await fullAnnotations(editor.document);
      await editor.document.save();
      const onDisk = (await vscode.workspace.fs.readFile(editor.document.uri)).toString();
      assert.ok(!onDisk.includes('(wǎng)'), 'saved file still has glosses');
      assert.ok(!onDisk.includes('久久国产精品'), 'saved file still has the spam line');
    } finally {
      await restore();
    }
  });

  it('the Clean Document command removes only the selected kinds', async () => {
    const restore = await withSetting('debounceMs', 0);
    try {
      const editor = await openSampleCopy();
      await fullAnnotations(editor.document);
      assert.equal(await vscode.commands.executeCommand('newsLens.clean', ['pinyin-gloss']), true);
      const text = editor.document.getText();
      assert.ok(!text.includes('(wǎng)'));
      assert.ok(text.includes('久久国产精品'), 'spam must stay when only glosses are cleaned');
    } finally {
      await restore();
    }
  });
});
