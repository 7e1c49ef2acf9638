// Integration: the team's .newslens.json — it wins over the settings, a broken one gets diagnostics on itself while the settings
// stay in force, the contributed schema validates it, and Add to Dictionary / Ignore write into it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, fullAnnotations, newsLensDiagnostics, sampleText, waitFor, withSetting } from './helpers';

function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests open a workspace folder');
  return folder.uri.fsPath;
}

describe('team configuration (.newslens.json)', function () {
  this.timeout(90000);
  let configFile: string;
  let article: vscode.TextEditor;
  const spamSeverity = () => newsLensDiagnostics(article.document.uri).find((d) => codeOf(d) === 'spam')?.severity;
  const writeConfig = (value: unknown) => fs.writeFileSync(configFile, typeof value === 'string' ? value : JSON.stringify(value, null, 2));

  before(async () => {
    configFile = path.join(workspaceRoot(), '.newslens.json');
    const file = path.join(workspaceRoot(), 'team-article.txt');
    fs.writeFileSync(file, sampleText());
    article = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    await fullAnnotations(article.document);
  });
  after(async () => {
    fs.rmSync(configFile, { force: true });
    await closeAll();
  });

  it('wins over the settings where both set a value, and a broken file leaves the settings in force', async () => {
    const restore = await withSetting('junk.severity', { spam: 'hint' });
    try {
      await waitFor('spam as a hint (the setting)', () => spamSeverity() === vscode.DiagnosticSeverity.Hint);
      writeConfig({ junk: { severity: { spam: 'error' } } });
      await waitFor('spam as an error (the file)', () => spamSeverity() === vscode.DiagnosticSeverity.Error, 30000);
      // Broken: a diagnostic on the file itself, at the bad value; the setting applies again.
      writeConfig('{\n  "junk": { "severity": { "spam": "loud" } }\n}\n');
      const uri = vscode.Uri.file(configFile);
      const [problem] = await waitFor('a diagnostic on .newslens.json', () => {
        const found = newsLensDiagnostics(uri);
        return found.length > 0 && found;
      }, 30000);
      assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual([problem.range.start.line, problem.range.start.character], [1, 34]);
      assert.match(problem.message, /the settings stay in force/);
      await waitFor('spam as a hint again (the setting)', () => spamSeverity() === vscode.DiagnosticSeverity.Hint, 30000);
      writeConfig({});
      await waitFor('the diagnostic on the file to go', () => newsLensDiagnostics(uri).length === 0, 30000);
    } finally {
      await restore();
    }
  });

  it('is validated and completed through the contributed JSON schema', async () => {
    writeConfig({ junk: { kinds: ['spam', 'gloss'] } });
    const document = await vscode.workspace.openTextDocument(configFile);
    assert.equal(document.languageId, 'json');
    await vscode.window.showTextDocument(document);
    const fromSchema = await waitFor('a schema diagnostic from the JSON language service', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source !== 'news-lens');
      return found.length > 0 && found;
    }, 30000);
    assert.ok(fromSchema.some((d) => document.getText(d.range).includes('gloss')), fromSchema.map((d) => d.message).join(' | '));
    const offset = document.getText().indexOf('"spam"');
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, document.positionAt(offset + 1));
    const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.includes('pinyin-gloss')), labels.join(', '));
    writeConfig({});
    await closeAll();
    article = await vscode.window.showTextDocument(article.document);
  });

  it('Add to Dictionary and Ignore write into the file when it exists', async () => {
    writeConfig({ ignore: ['already'] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const offset = article.document.getText().indexOf('湘家蕩');
    article.selection = new vscode.Selection(article.document.positionAt(offset), article.document.positionAt(offset + 3));
    assert.equal(await vscode.commands.executeCommand('newsLens.addToDictionary', 'LOC'), true);
    const written = JSON.parse(fs.readFileSync(configFile, 'utf8'));
    assert.deepEqual(written, { ignore: ['already'], userDictionary: [{ word: '湘家蕩', type: 'LOC' }] });
    assert.deepEqual(vscode.workspace.getConfiguration('newsLens').inspect('userDictionary')?.workspaceValue, undefined, 'the settings were not touched');
    const { store } = await api();
    await store.when(article.document.uri, (p) => p.spans.some((s) => s[2] === 'entity' && s[3] === 'LOC' && s[4] === '湘家蕩'), 30000);
    // Ignore the spam line (the last line): it goes into the file, and its junk is no longer reported.
    const last = article.document.lineAt(article.document.lineCount - 1);
    article.selection = new vscode.Selection(last.range.start, last.range.start);
    assert.equal(await vscode.commands.executeCommand('newsLens.ignore'), true);
    assert.deepEqual(JSON.parse(fs.readFileSync(configFile, 'utf8')).ignore, ['already', last.text.trim()]);
    await store.when(article.document.uri, (p) => !p.spans.some((s) => s[2] === 'junk' && s[3] === 'spam'), 30000);
  });

  it('is created when the user chooses to save a word in it', async () => {
    fs.rmSync(configFile, { force: true });
    assert.equal(await vscode.commands.executeCommand('newsLens.addToDictionary', 'PER', 'team', '張三'), true);
    assert.deepEqual(JSON.parse(fs.readFileSync(configFile, 'utf8')), { userDictionary: [{ word: '張三', type: 'PER' }] });
  });
});
