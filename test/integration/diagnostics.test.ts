// Integration: opening the sample article shows junk diagnostics of each kind at the right ranges, quickly.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, fullAnnotations, newsLensDiagnostics, openSampleCopy, waitFor } from './helpers';

describe('diagnostics on the sample article', function () {
  this.timeout(60000);
  let editor: vscode.TextEditor;
  let diagnostics: vscode.Diagnostic[];

  before(async () => {
    const started = Date.now();
    editor = await openSampleCopy();
    diagnostics = await waitFor('News Lens diagnostics', () => {
      const found = newsLensDiagnostics(editor.document.uri);
      return found.length > 0 && found;
    });
    console.log(`      first diagnostics ${Date.now() - started} ms after opening`);
    await fullAnnotations(editor.document);
    diagnostics = newsLensDiagnostics(editor.document.uri);
  });
  after(closeAll);

  const textOf = (d: vscode.Diagnostic) => editor.document.getText(d.range);
  const ofKind = (kind: string) => diagnostics.filter((d) => codeOf(d) === kind);

  it('flags all 160 pinyin glosses, each a parenthesised reading', () => {
    const glosses = ofKind('pinyin-gloss');
    assert.equal(glosses.length, 160);
    for (const gloss of glosses) assert.match(textOf(gloss), /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
    assert.ok(glosses.some((g) => textOf(g) === '(wǎng)'));
  });

  it('leaves legitimate parentheticals alone', () => {
    for (const kept of ['(擴大)', '(海寧)', '(一期)', '(事項)']) {
      assert.ok(!diagnostics.some((d) => textOf(d).includes(kept)), `${kept} must not be flagged`);
    }
  });

  it('flags the spam line at the bottom as spam', () => {
    const spam = ofKind('spam');
    assert.equal(spam.length, 1);
    assert.equal(spam[0].range.start.line, editor.document.lineCount - 1);
    assert.ok(textOf(spam[0]).includes('久久国产精品'));
  });

  it('flags the markup at the top', () => {
    const markup = ofKind('markup');
    assert.ok(markup.length >= 3);
    assert.ok(markup.some((d) => textOf(d).includes('<strike')));
    assert.ok(markup.every((d) => d.range.start.line <= 2));
  });

  it('flags the editor credit and the copyright notice as boilerplate', () => {
    const boilerplate = ofKind('boilerplate').map(textOf);
    assert.ok(boilerplate.some((t) => t.includes('責編:李文治')));
    assert.ok(boilerplate.some((t) => t.startsWith('版權聲明')));
  });

  it('uses the configured severities and the news-lens source', () => {
    assert.ok(ofKind('pinyin-gloss').every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.ok(ofKind('boilerplate').every((d) => d.severity === vscode.DiagnosticSeverity.Information));
  });

  it('does not flag any body paragraph except for its glosses', () => {
    for (const d of diagnostics) {
      const line = editor.document.lineAt(d.range.start.line).text;
      if (line.includes('接軌大上海')) assert.equal(codeOf(d), 'pinyin-gloss');
    }
  });
});
