// Integration: a killed language server is restarted with diagnostics back and no text lost; stale edits are refused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyVersionedEdits } from '../../src/client/commands';
import { INJECTED_FAILURE_MARKER } from './fault-marker';
import { api, closeAll, fullAnnotations, newsLensDiagnostics, openSampleCopy, sampleText, waitFor } from './helpers';

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

  it('keeps serving other documents, in the same process, when the analysis of one fails', async () => {
    const newsLens = await api();
    const { pid } = await newsLens.serverInfo();
    const failing = await openSampleCopy('failing.txt', `${INJECTED_FAILURE_MARKER}\n${sampleText()}`);
    // What it could: the cheap layers' junk diagnostics, and a message saying the analysis failed.
    const degraded = await newsLens.store.when(failing.document.uri, (p) => /could not analyze this document fully/.test(p.degraded ?? ''), 30000);
    assert.ok(degraded.counts.junk > 0, 'junk found by the cheap layers is still published');
    await waitFor('junk diagnostics on the failing document', () => newsLensDiagnostics(failing.document.uri).length > 0, 30000);
    const other = await openSampleCopy();
    const full = await fullAnnotations(other.document);
    assert.ok(full.counts.entities > 0, 'the other document is fully analyzed');
    await waitFor('diagnostics on the other document', () => newsLensDiagnostics(other.document.uri).length > 0, 30000);
    assert.equal((await newsLens.serverInfo()).pid, pid, 'the server did not restart');
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
