// Integration: a killed language server is restarted with diagnostics back and no text lost; stale edits are refused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyVersionedEdits } from '../../src/client/commands';
import { api, closeAll, fullAnnotations, newsLensDiagnostics, openSampleCopy, waitFor } from './helpers';

/** Asks the (restarted) server for its pid until a process other than `pid` answers. */
async function serverInfoOtherThan(pid: number, timeoutMs: number): Promise<{ pid: number }> {
  const newsLens = await api();
  const started = Date.now();
  for (;;) {
    try {
      const info = await newsLens.serverInfo();
      if (info.pid !== pid) return info;
    } catch {
      // the old connection is gone; the restart is under way
    }
    if (Date.now() - started > timeoutMs) throw new Error(`server did not restart within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('resilience', function () {
  this.timeout(90000);
  afterEach(closeAll);

  it('restarts a killed server; diagnostics come back and typed text is kept', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const newsLens = await api();
    const { pid } = await newsLens.serverInfo();
    process.kill(pid, 'SIGKILL');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '測試'));
    const restarted = await serverInfoOtherThan(pid, 30000);
    assert.notEqual(restarted.pid, pid);
    assert.ok(editor.document.getText().startsWith('測試'));
    await waitFor('diagnostics after restart', () => newsLensDiagnostics(editor.document.uri).length > 0, 30000);
  });

  it('refuses edits computed for an older version of the document', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    const stale = { version: editor.document.version, edits: [{ start: 0, end: 5, newText: '' }] };
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
    const before = editor.document.getText();
    assert.equal(await applyVersionedEdits(editor.document, stale), false);
    assert.equal(editor.document.getText(), before);
  });
});
