// Integration: the gold layer on a JSONL corpus — a name annotated inside a record written with \u escapes, the sidecar on disk, an edit before it, re-opening, and `news-lens export --gold` of the same span.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, openSampleCopy, repoRoot, waitFor } from './helpers';
import { asciiOnly } from './jsonl-corpus';

const NAME = '王海涛';
const TEXT = '記者報道："王海涛"表示，😀特斯拉將在上海建廠。';

/** Three records: raw UTF-8 with an id, ASCII-only (\u escapes, \" quotes) with an id, and one without an id. */
function corpus(): string {
  return [
    JSON.stringify({ id: 'a1', text: '特斯拉發布財報。' }),
    asciiOnly(JSON.stringify({ id: 'b2', url: 'https://example.com/?q="x"', text: TEXT })),
    JSON.stringify({ text: '沒有編號的記錄。' }),
  ].join('\n') + '\n';
}

interface SidecarLine {
  id: string;
  sha256: string;
  spans: { start: number; end: number; label: string; text: string }[];
}

async function sidecarOnDisk(corpusPath: string, ok: (lines: SidecarLine[]) => boolean, what: string): Promise<SidecarLine[]> {
  const read = () => (fs.existsSync(`${corpusPath}.gold`) ? fs.readFileSync(`${corpusPath}.gold`, 'utf8') : '(no sidecar)');
  return waitFor(`${what} in ${path.basename(corpusPath)}.gold`, () => {
    const file = `${corpusPath}.gold`;
    if (!fs.existsSync(file)) return undefined;
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as SidecarLine);
    return ok(lines) && lines;
  }, 10000).catch((error: Error) => {
    throw new Error(`${error.message}; the sidecar holds ${read()}; the corpus: ${fs.readFileSync(corpusPath, 'utf8')}`);
  });
}

/** Code points of `text` before UTF-16 offset `offset`. */
function codePoints(text: string, offset: number): number {
  return [...text.slice(0, offset)].length;
}

describe('gold JSONL corpora', function () {
  this.timeout(120000);
  afterEach(closeAll);

  it('annotates a name inside an escaped record, keeps it per record in the sidecar through an edit, re-opens it, and exports the same span', async () => {
    // Auto save would save the text under the test's feet.
    const files = () => vscode.workspace.getConfiguration('files');
    const previous = files().inspect('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openSampleCopy('corpus.jsonl', corpus());
      assert.equal(editor.document.languageId, 'jsonl');
      const { gold: goldApi } = await api();
      const state = await goldApi.store.ready(editor.document);
      const file = editor.document.uri.fsPath;
      const raw = asciiOnly(NAME);
      const selectRaw = (needle: string) => {
        const at = editor.document.getText().indexOf(needle);
        assert.ok(at >= 0, `${needle} not in the document`);
        editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + needle.length));
        return at;
      };

      // A selection on a key is no record text: refused.
      selectRaw('"url"');
      assert.equal(await vscode.commands.executeCommand('newsLens.gold.annotateAs.PER'), false);
      // The name, written as \u escapes: the decision covers exactly those characters of the line.
      const at = selectRaw(raw);
      assert.equal(await vscode.commands.executeCommand('newsLens.gold.annotateAs.PER'), true);
      assert.deepEqual(state.set.all.map((a) => [a.label, a.start, a.end, a.text]), [['PER', at, at + raw.length, raw]]);
      // On disk: keyed by the record's id, offsets in code points of the decoded text (the 😀 comes after the name).
      const start = codePoints(TEXT, TEXT.indexOf(NAME));
      const first = await sidecarOnDisk(file, (lines) => lines.length === 1, 'the PER');
      assert.equal(first[0].id, 'b2');
      assert.deepEqual(first[0].spans.map((s) => [s.start, s.end, s.label, s.text]), [[start, start + 3, 'PER', NAME]]);

      // Text typed before it in the same record (raw, in an ASCII-only literal) moves it; saving writes the new offsets.
      const textStart = editor.document.getText().indexOf('"text":"', editor.document.getText().indexOf('"id":"b2"')) + '"text":"'.length;
      await editor.edit((b) => b.insert(editor.document.positionAt(textStart), '新華社電 '));
      const moved = editor.document.getText().indexOf(raw);
      assert.equal(moved, at + 5);
      assert.deepEqual(state.set.all.map((a) => [a.start, a.end, editor.document.getText().slice(a.start, a.end)]), [[moved, moved + raw.length, raw]]);
      await editor.document.save();
      const second = await sidecarOnDisk(file, (lines) => lines[0]?.spans[0]?.start === start + 5, 'the moved PER');
      assert.deepEqual(second[0].spans.map((s) => [s.start, s.end, s.text]), [[start + 5, start + 8, NAME]]);

      // Re-opened (a copy of the corpus and its sidecar, which the editor has not seen): the same place in the line.
      const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-gold-jsonl-')), 'reopened.jsonl');
      fs.copyFileSync(file, copy);
      fs.copyFileSync(`${file}.gold`, `${copy}.gold`);
      const reopened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
      const again = await goldApi.store.ready(reopened.document);
      assert.deepEqual(again.set.all.map((a) => [a.label, a.start, a.end, a.text]), [['PER', moved, moved + raw.length, raw]]);
      assert.deepEqual(again.conflicts, []);

      // The command line reads the same sidecar: the same span, in code points of the record's text. With
      // --with-accepted, whether the engine happened to suggest the name (then annotating it accepts the suggestion).
      const cli = path.join(repoRoot(), 'dist', 'cli.js');
      const result = spawnSync('node', [cli, 'export', '--gold', '--with-accepted', '--input', 'jsonl', '--format', 'doccano', copy], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr || String(result.error));
      const exported = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string; labels: [number, number, string][] });
      assert.deepEqual(exported, [{ text: `新華社電 ${TEXT}`, labels: [[start + 5, start + 8, 'PER']] }]);

      // Changed on disk while open: a record added above keeps the decision on its text; the name renamed makes it a
      // conflict, kept in that record's line of the sidecar.
      const onDisk = fs.readFileSync(copy, 'utf8');
      fs.writeFileSync(copy, JSON.stringify({ id: 'new', text: '新增的記錄' }) + '\n' + onDisk);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor('the reload', () => reopened.document.getText().startsWith('{"id":"new"'));
      const shifted = reopened.document.getText().indexOf(raw);
      await waitFor('the decision to follow its text', () => again.set.all.length === 1 && again.set.all[0].start === shifted);
      await sidecarOnDisk(copy, (lines) => lines.length === 1 && lines[0].id === 'b2' && lines[0].spans[0]?.start === start + 5, 'the unchanged record gold');
      fs.writeFileSync(copy, fs.readFileSync(copy, 'utf8').replace(raw, asciiOnly('王海洋')));
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor('the conflict', () => again.conflicts.length === 1 && again.set.all.length === 0);
      const withConflict = await sidecarOnDisk(copy, (lines) => lines.length === 1 && lines[0].spans.length === 0, 'the conflict');
      assert.equal(withConflict[0].id, 'b2');
      assert.deepEqual((withConflict[0] as SidecarLine & { conflicts: { text: string; label: string }[] }).conflicts.map((c) => [c.label, c.text]), [['PER', NAME]]);
    } finally {
      await files().update('autoSave', previous, vscode.ConfigurationTarget.Global);
    }
  });
});
