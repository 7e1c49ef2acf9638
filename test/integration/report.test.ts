// Integration: News Lens: Corpus Report — a webview for the workspace or one JSONL file, with the statistics the charts show;
// a bar opens its documents; export as JSON and as an offline HTML page.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CorpusReportPanel } from '../../src/client/corpus-report/panel';
import type { CorpusReport } from '../../src/core/corpus-report';
import { closeAll, sampleText, waitFor } from './helpers';
import { corpusLines } from './jsonl-corpus';

describe('corpus report', function () {
  this.timeout(180000);
  let dir: string;
  /** The extension's panel (the tests' bundle has its own copy of the module, so the command's answer is the way to it). */
  let shown: CorpusReportPanel | undefined;
  before(() => {
    dir = path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'report-test');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'article.txt'), sampleText());
    fs.writeFileSync(path.join(dir, 'mirror.txt'), sampleText().replace(/。/g, '.'));
    const lines = corpusLines();
    fs.writeFileSync(path.join(dir, 'corpus.jsonl'), [...lines, lines[2]].join('\n') + '\n');
  });
  after(async () => {
    shown?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
    await closeAll();
  });

  it('of one JSONL file: records by script, junk by kind, entities by type, lengths and the duplicate cluster', async () => {
    const uri = vscode.Uri.file(path.join(dir, 'corpus.jsonl'));
    const panel = await vscode.commands.executeCommand<CorpusReportPanel>('newsLens.corpusReport', uri);
    assert.ok(panel, 'no report panel');
    const report: CorpusReport = panel.report;
    const records = corpusLines().length + 1;
    assert.equal(report.records, records);
    assert.equal(report.documents, records);
    assert.equal(report.scripts.reduce((n, b) => n + b.count, 0), records);
    assert.ok(report.scripts.find((b) => b.label === 'Traditional')!.count > 0 && report.scripts.find((b) => b.label === 'Simplified')!.count > 0);
    assert.equal(report.lengths.reduce((n, b) => n + b.count, 0), records);
    const glosses = report.junkByKind.find((b) => b.label === 'pinyin-gloss')!;
    assert.ok(glosses.count > 0 && glosses.docs.every((d) => d.uri === uri.toString() && d.line !== undefined));
    assert.ok(report.entities.some((e) => e.type === 'PER' && e.bars.length > 0));
    assert.ok(report.spamTerms.length > 0, 'the spam line of the mirror article has keywords');
    assert.equal(report.duplicates.length, 1);
    assert.deepEqual(report.duplicates[0].docs.map((d) => d.line), [2, records - 1]);
    // The webview renders it (its script posts "ready", then gets the report).
    assert.equal(panel.panel.visible, true);
  });

  it('of the workspace (scanning it), and a click on a bar opens its documents', async () => {
    const panel = await vscode.commands.executeCommand<CorpusReportPanel>('newsLens.corpusReport', 'workspace', { rescan: true });
    shown = panel;
    const report = panel.report;
    assert.ok(report.files >= 3, JSON.stringify({ files: report.files }));
    const cluster = report.duplicates.find((c) => c.docs.some((d) => d.label.endsWith('mirror.txt')));
    assert.ok(cluster, report.duplicates.map((c) => c.docs.map((d) => d.label).join(' + ')).join(' | '));
    assert.ok(cluster.docs[0].label.endsWith('article.txt'));
    // A bar with one document opens it at its line, as the webview asks when the bar is clicked.
    const record = report.junkByKind.find((b) => b.label === 'pinyin-gloss')!.docs.find((d) => d.line !== undefined && d.line > 0)!;
    await panel.handle({ type: 'open', docs: [record], title: 'Pinyin gloss' });
    const editor = await waitFor('the record open', () => vscode.window.activeTextEditor?.document.uri.toString() === record.uri && vscode.window.activeTextEditor);
    assert.equal(editor.selection.active.line, record.line);
  });

  it('exports JSON and a self-contained HTML page', async () => {
    const panel = shown!;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-report-'));
    try {
      const json = await panel.export('json', vscode.Uri.file(path.join(out, 'report.json')));
      assert.deepEqual(JSON.parse(fs.readFileSync(json!.fsPath, 'utf8')), panel.report);
      const html = fs.readFileSync((await panel.export('html', vscode.Uri.file(path.join(out, 'report.html'))))!.fsPath, 'utf8');
      assert.match(html, /<script type="application\/json" id="report-data">/);
      assert.ok(html.includes('Chart'), 'the chart library is inside the page');
      assert.ok(!/<(script|link)[^>]+(src|href)=/i.test(html), 'the page loads nothing from elsewhere');
      const embedded = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1];
      assert.deepEqual(JSON.parse(embedded.replace(/<\\\//g, '</')), panel.report);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
