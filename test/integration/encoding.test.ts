// Integration: a GB18030 file opened with files.encoding = gb18030 is decoded by the editor and analyzed like its UTF-8 copy.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as iconv from 'iconv-lite';
import * as vscode from 'vscode';
import { closeAll, fullAnnotations, newsLensDiagnostics, sampleText, waitFor } from './helpers';

describe('files in legacy Chinese encodings', function () {
  this.timeout(90000);
  let restore: (() => Thenable<void>) | undefined;
  afterEach(async () => {
    await closeAll();
    await restore?.();
    restore = undefined;
  });

  it('analyzes a GB18030 file opened with files.encoding set to gb18030 exactly as its UTF-8 copy', async () => {
    // The sample article saved twice: GB18030 encodes all of Unicode, so both files hold the same text.
    const article = sampleText();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-it-enc-'));
    const utf8File = path.join(dir, 'article-utf8.txt');
    const gbFile = path.join(dir, 'article-gb18030.txt');
    fs.writeFileSync(utf8File, article);
    fs.writeFileSync(gbFile, iconv.encode(article, 'gb18030'));
    assert.notDeepEqual(fs.readFileSync(gbFile), fs.readFileSync(utf8File));

    const utf8Doc = await vscode.workspace.openTextDocument(utf8File);
    await vscode.window.showTextDocument(utf8Doc);
    const expected = await fullAnnotations(utf8Doc);
    const diagnosticsOf = (doc: vscode.TextDocument) =>
      waitFor('diagnostics', () => {
        const found = newsLensDiagnostics(doc.uri);
        return found.length > 0 && found.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
      });
    const expectedDiagnostics = await diagnosticsOf(utf8Doc);
    await closeAll();

    const files = vscode.workspace.getConfiguration('files');
    const previous = files.inspect('encoding')?.globalValue;
    await files.update('encoding', 'gb18030', vscode.ConfigurationTarget.Global);
    restore = () => vscode.workspace.getConfiguration('files').update('encoding', previous, vscode.ConfigurationTarget.Global);

    const gbDoc = await vscode.workspace.openTextDocument(gbFile);
    await vscode.window.showTextDocument(gbDoc);
    assert.equal(gbDoc.getText(), utf8Doc.getText(), 'the editor decoded the GB18030 bytes');
    const actual = await fullAnnotations(gbDoc);
    assert.ok(expected.spans.length > 20);
    assert.deepEqual(actual.spans, expected.spans, 'the same spans as the UTF-8 copy');
    assert.deepEqual(actual.counts, expected.counts);
    assert.deepEqual(await diagnosticsOf(gbDoc), expectedDiagnostics, 'the same diagnostics');
  });
});
