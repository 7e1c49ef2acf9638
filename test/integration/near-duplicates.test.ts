// Integration: near-duplicates — the later copy (a file, or a JSONL record) gets a diagnostic related to the earlier copy with
// the estimated similarity; in JSONL a quick fix removes the later record.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SCAN_REQUEST, type ScanSummary } from '../../src/server/workspace-scan';
import { api, closeAll, codeOf, newsLensDiagnostics, openSampleCopy, sampleText, waitFor } from './helpers';
import { corpusLines } from './jsonl-corpus';

describe('near-duplicates', function () {
  this.timeout(120000);
  afterEach(closeAll);

  it('in a JSONL corpus: the later record points to the earlier one, and a quick fix removes it', async () => {
    const lines = corpusLines().slice(0, 5);
    // Record 2 again later, with a few characters changed and another id.
    const copy = JSON.parse(lines[1]);
    copy.id = 'copy-of-2';
    copy.text = copy.text.replace(/。/, '！').replace(/#\d+$/, '#copy');
    const corpus = [...lines, JSON.stringify(copy), lines[3]];
    const editor = await openSampleCopy('dups.jsonl', corpus.join('\n') + '\n');
    const near = await waitFor('two duplicate diagnostics', () => {
      const found = newsLensDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'near-duplicate');
      return found.length === 2 && found;
    }, 60000);
    near.sort((a, b) => a.range.start.line - b.range.start.line);
    assert.equal(near[0].range.start.line, 5);
    assert.match(near[0].message, /near-duplicate of line 2 \(estimated similarity \d+%\)/);
    assert.equal(near[0].relatedInformation?.[0].location.uri.toString(), editor.document.uri.toString());
    assert.equal(near[0].relatedInformation?.[0].location.range.start.line, 1);
    assert.match(near[0].relatedInformation![0].message, /earlier copy \(similarity \d+%\)/);
    assert.equal(near[1].range.start.line, 6);
    assert.match(near[1].message, /exact copy of line 4/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, near[0].range, vscode.CodeActionKind.QuickFix.value);
    const remove = actions.find((a) => /^Remove this duplicate record/.test(a.title));
    assert.ok(remove?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(remove.edit));
    const after = editor.document.getText().split('\n').filter((l) => l.trim());
    assert.deepEqual(after, [...lines, lines[3]]);
    for (const line of after) JSON.parse(line);
    await waitFor('one duplicate diagnostic left', () => newsLensDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'near-duplicate').length === 1, 30000);
  });

  it('across files in a scan: the later file points to the earlier one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-dups-'));
    const article = sampleText('simplified-business-news.txt');
    fs.writeFileSync(path.join(dir, 'a-original.txt'), article);
    fs.writeFileSync(path.join(dir, 'b-mirror.txt'), article.replace('记者', '記者').replace(/。/g, '.'));
    fs.writeFileSync(path.join(dir, 'c-other.txt'), sampleText('english-wire-story.txt'));
    try {
      const { client } = await api();
      const summary = await client().sendRequest<ScanSummary>(SCAN_REQUEST, { folders: [{ uri: vscode.Uri.file(dir).toString(), exclude: [] }] });
      assert.equal(summary.duplicates, 1);
      const later = vscode.Uri.file(path.join(dir, 'b-mirror.txt'));
      const [near] = newsLensDiagnostics(later).filter((d) => codeOf(d) === 'near-duplicate');
      assert.ok(near, 'no duplicate diagnostic on the later file');
      assert.match(near.message, /near-duplicate of a-original\.txt \(estimated similarity \d+%\)|exact copy of a-original\.txt/);
      assert.equal(near.relatedInformation?.[0].location.uri.fsPath, path.join(dir, 'a-original.txt'));
      assert.deepEqual(newsLensDiagnostics(vscode.Uri.file(path.join(dir, 'a-original.txt'))).filter((d) => codeOf(d) === 'near-duplicate'), []);
      assert.deepEqual(newsLensDiagnostics(vscode.Uri.file(path.join(dir, 'c-other.txt'))).filter((d) => codeOf(d) === 'near-duplicate'), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
