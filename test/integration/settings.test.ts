// Integration: changing News Lens settings changes the results without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, fullAnnotations, newsLensDiagnostics, openSampleCopy, waitFor, withSetting } from './helpers';

describe('settings', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('junk.kinds without pinyin-gloss drops the gloss diagnostics', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    assert.ok(newsLensDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'pinyin-gloss'));
    const restore = await withSetting('junk.kinds', ['spam', 'markup', 'boilerplate', 'encoding', 'duplicate']);
    try {
      await waitFor('gloss diagnostics to disappear', () => !newsLensDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'pinyin-gloss'));
      assert.ok(newsLensDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'spam'));
    } finally {
      await restore();
    }
    await waitFor('gloss diagnostics to return', () => newsLensDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'pinyin-gloss'));
  });

  it('junk.severity changes a diagnostic severity', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const restore = await withSetting('junk.severity', { spam: 'error' });
    try {
      await waitFor('spam as error', () =>
        newsLensDiagnostics(editor.document.uri).some((d) => codeOf(d) === 'spam' && d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await restore();
    }
  });

  it('entities.types limits the entity types', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const restore = await withSetting('entities.types', ['PER']);
    try {
      const { store } = await api();
      const params = await store.when(editor.document.uri, (p) => !p.entitiesPending && p.spans.some((s) => s[2] === 'entity') && p.spans.every((s) => s[2] !== 'entity' || s[3] === 'PER'));
      assert.ok(params.counts.entities > 0);
    } finally {
      await restore();
    }
  });

  it('enable=false clears everything', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const restore = await withSetting('enable', false);
    try {
      await waitFor('diagnostics to clear', () => newsLensDiagnostics(editor.document.uri).length === 0);
    } finally {
      await restore();
    }
  });
});
