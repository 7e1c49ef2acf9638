// Integration: every News Lens command runs; export writes files, the entity tree and symbols list entities, decorations draw.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, fullAnnotations, openSampleCopy, waitFor, withSetting } from './helpers';

describe('commands, views and decorations', function () {
  this.timeout(60000);
  let editor: vscode.TextEditor;
  beforeEach(async () => {
    editor = await openSampleCopy();
    await fullAnnotations(editor.document);
  });
  afterEach(closeAll);

  it('contributes every command it registers', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = (vscode.extensions.getExtension('news-lens.news-lens')!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 10);
    for (const command of contributed) assert.ok(registered.includes(command), `${command} is not registered`);
  });

  it('Annotate refreshes the current version', async () => {
    const result = await vscode.commands.executeCommand<{ version: number }>('newsLens.annotate');
    assert.equal(result.version, editor.document.version);
  });

  it('draws decorations for entities, figures and the spam line, and toggles them', async () => {
    const { decorations } = await api();
    const counts = await waitFor('decorations', () => {
      const c = decorations.appliedCounts(editor.document.uri);
      return c.entities > 0 && c;
    });
    assert.ok(counts.figures > 0);
    assert.equal(counts.junk, 1);
    await vscode.commands.executeCommand('newsLens.toggleEntities');
    assert.equal(decorations.appliedCounts(editor.document.uri).entities, 0);
    assert.ok(decorations.appliedCounts(editor.document.uri).figures > 0);
    // With one layer hidden, Toggle Highlights shows all layers; again, it hides all of them.
    await vscode.commands.executeCommand('newsLens.toggleHighlights');
    assert.ok(decorations.appliedCounts(editor.document.uri).entities > 0);
    await vscode.commands.executeCommand('newsLens.toggleHighlights');
    assert.deepEqual(decorations.appliedCounts(editor.document.uri), { entities: 0, figures: 0, junk: 0 });
    await vscode.commands.executeCommand('newsLens.toggleHighlights');
    assert.equal(decorations.appliedCounts(editor.document.uri).junk, 1);
  });

  it('the status bar shows the counts', async () => {
    const { statusBar, store } = await api();
    const counts = store.get(editor.document.uri)!.counts;
    assert.ok(statusBar.item.text.includes(`Junk ${counts.junk}`), statusBar.item.text);
    assert.ok(statusBar.item.text.includes(`Entities ${counts.entities}`));
    assert.equal(statusBar.item.command, 'newsLens.showEntities');
  });

  it('the entity tree lists entities grouped by type, and a click reveals one', async () => {
    const { entityTree } = await api();
    await vscode.commands.executeCommand('newsLens.showEntities');
    // The view must actually open (its `when` clause once kept it hidden for good).
    for (const started = Date.now(); !entityTree.visible && Date.now() - started < 5000; ) await new Promise((r) => setTimeout(r, 50));
    assert.ok(entityTree.visible, 'the entity view is on screen');
    const groups = entityTree.getChildren();
    const people = groups.find((g) => g.kind === 'type' && g.type === 'PER');
    assert.ok(people && people.kind === 'type');
    const names = entityTree.getChildren(people).map((n) => (n.kind === 'entity' ? n.group.text : ''));
    assert.ok(names.includes('楊克建'), names.join(','));
    const item = entityTree.getTreeItem(entityTree.getChildren(people)[0]);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    assert.ok(!vscode.window.activeTextEditor!.selection.isEmpty);
  });

  it('provides entities as document symbols', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols.some((s) => s.name === '嘉興日報'));
    assert.ok(symbols.some((s) => s.name === '《長江三角洲區域一體化發展規劃綱要》'));
  });

  for (const format of ['brat', 'doccano', 'conll', 'label-studio'] as const) {
    it(`exports ${format}`, async () => {
      const target = vscode.Uri.file(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-export-')), `out.${format}`));
      const written = await vscode.commands.executeCommand<vscode.Uri>('newsLens.export', format, target);
      assert.equal(written?.toString(), target.toString());
      const content = fs.readFileSync(target.fsPath, 'utf8');
      assert.ok(content.includes(format === 'conll' ? '楊\tB-PER' : 'PER'), content.slice(0, 200));
    });
  }

  it('adds a selection to the user dictionary and it becomes an entity', async () => {
    const restore = await withSetting('userDictionary', []);
    try {
      const offset = editor.document.getText().indexOf('湘家蕩');
      editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + 3));
      assert.equal(await vscode.commands.executeCommand('newsLens.addToDictionary', 'LOC', 'user'), true);
      const dictionary = vscode.workspace.getConfiguration('newsLens').get<{ word: string; type: string }[]>('userDictionary')!;
      assert.deepEqual(dictionary, [{ word: '湘家蕩', type: 'LOC' }]);
      const { store } = await api();
      await store.when(editor.document.uri, (p) => p.spans.some((s) => s[2] === 'entity' && s[3] === 'LOC' && s[4] === '湘家蕩'));
    } finally {
      await restore();
    }
  });

  it('ignores a line so its junk is no longer reported', async () => {
    // With a folder open the command writes workspace settings: restore those too.
    const restoreWorkspace = () => vscode.workspace.getConfiguration('newsLens').update('ignore', undefined, vscode.ConfigurationTarget.Workspace);
    const restoreGlobal = await withSetting('ignore', []);
    const restore = async () => {
      await restoreWorkspace();
      await restoreGlobal();
    };
    try {
      const line = editor.document.lineAt(editor.document.lineCount - 1);
      editor.selection = new vscode.Selection(line.range.start, line.range.start);
      assert.equal(await vscode.commands.executeCommand('newsLens.ignore'), true);
      const { store } = await api();
      await store.when(editor.document.uri, (p) => !p.spans.some((s) => s[2] === 'junk' && s[3] === 'spam'));
    } finally {
      await restore();
    }
  });
});
