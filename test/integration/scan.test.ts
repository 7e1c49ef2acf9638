// Integration: News Lens: Scan Workspace — text, Markdown and JSONL files analyzed in the server's background, results in the
// Problems panel, files.exclude / .gitignore / size cap respected, Cancel, the start-up setting, and 10,000 files.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startupScan } from '../../src/client/scan';
import { SCAN_PROGRESS_NOTIFICATION, SCAN_REQUEST, type ScanSummary } from '../../src/server/workspace-scan';
import { api, closeAll, codeOf, newsLensDiagnostics, sampleText, waitFor, withSetting } from './helpers';
import { corpusLines } from './jsonl-corpus';
import { threadCpuClock, timingRows } from './measure';

const GLOSSED = '中國西藏網(wǎng)報道，嘉興持續(xù)發(fā)力全面融入長三角一體化發(fā)展。\n';

function workspaceRoot(): string {
  return vscode.workspace.workspaceFolders![0].uri.fsPath;
}

function write(file: string, content: string | Buffer): vscode.Uri {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

describe('workspace scan', function () {
  this.timeout(180000);
  const dir = () => path.join(workspaceRoot(), 'scan-test');
  after(async () => {
    fs.rmSync(dir(), { recursive: true, force: true });
    fs.rmSync(path.join(workspaceRoot(), '.gitignore'), { force: true });
    await closeAll();
  });

  it('analyzes text, Markdown and JSONL files without opening them, and respects files.exclude, .gitignore and the size cap', async () => {
    const article = write(path.join(dir(), 'news', 'article.txt'), sampleText());
    const markdown = write(path.join(dir(), 'news', 'notes.md'), `# 筆記\n\n${GLOSSED}`);
    const corpus = write(path.join(dir(), 'corpus.jsonl'), [...corpusLines().slice(0, 4), '{"text": "broken'].join('\n') + '\n');
    const ignored = write(path.join(dir(), 'build', 'ignored.txt'), GLOSSED);
    write(path.join(workspaceRoot(), '.gitignore'), 'scan-test/build/\n');
    const excluded = write(path.join(dir(), 'drafts', 'excluded.txt'), GLOSSED);
    const large = write(path.join(dir(), 'large.txt'), GLOSSED.repeat(2000));
    const binary = write(path.join(dir(), 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    const restoreExclude = await vscode.workspace.getConfiguration('files').update('exclude', { '**/drafts': true }, vscode.ConfigurationTarget.Global).then(
      () => () => vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Global),
    );
    const restoreCap = await withSetting('scan.maxSizeKB', 64);
    try {
      const summary = await vscode.commands.executeCommand<ScanSummary>('newsLens.scanWorkspace');
      assert.ok(summary && !summary.cancelled, JSON.stringify(summary));
      assert.ok(summary.tooLarge >= 1 && summary.unreadable >= 1, JSON.stringify(summary));
      assert.equal(newsLensDiagnostics(article).filter((d) => codeOf(d) === 'pinyin-gloss').length, 160);
      assert.ok(newsLensDiagnostics(markdown).some((d) => codeOf(d) === 'pinyin-gloss'));
      const records = newsLensDiagnostics(corpus);
      assert.ok(records.some((d) => codeOf(d) === 'pinyin-gloss' && d.range.start.line === 0));
      assert.deepEqual(records.filter((d) => codeOf(d) === 'jsonl-invalid').map((d) => d.range.start.line), [4]);
      for (const skipped of [ignored, excluded, large, binary]) assert.deepEqual(newsLensDiagnostics(skipped), [], skipped.fsPath);
      // Opening a scanned file: its live diagnostics take over (VS Code closes documents lazily, so closing is not checked here).
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(markdown));
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<b>x</b>'));
      await waitFor('live markup diagnostic', () => newsLensDiagnostics(markdown).some((d) => codeOf(d) === 'markup'));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    } finally {
      await restoreCap();
      await restoreExclude();
    }
  });

  it('runs at start-up when newsLens.scan.onStartup is on', async () => {
    const late = write(path.join(dir(), 'startup.txt'), GLOSSED);
    const restore = await withSetting('scan.onStartup', true);
    const newsLens = await api();
    try {
      const summary = await startupScan(newsLens.client(), newsLens.hostTiming);
      assert.ok(summary && summary.files > 0);
      await waitFor('diagnostics of the new file from the start-up scan', () => newsLensDiagnostics(late).length > 0, 60000);
      await vscode.workspace.getConfiguration('newsLens').update('scan.onStartup', false, vscode.ConfigurationTarget.Global);
      assert.equal(await startupScan(newsLens.client(), newsLens.hostTiming), undefined, 'no scan with the setting off');
    } finally {
      await restore();
    }
  });

  it('is cancelled from the progress notification (its token), keeping what it found', async () => {
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-cancel-'));
    for (let i = 0; i < 400; i++) write(path.join(many, `${String(i).padStart(4, '0')}.txt`), `${GLOSSED}#${i}\n`);
    const { client } = await api();
    const source = new vscode.CancellationTokenSource();
    const progress = client().onNotification(SCAN_PROGRESS_NOTIFICATION, ({ done }: { done: number }) => {
      if (done >= 20) source.cancel();
    });
    try {
      const summary = await client().sendRequest<ScanSummary>(SCAN_REQUEST, { folders: [{ uri: vscode.Uri.file(many).toString(), exclude: [] }] }, source.token).catch((e) => e);
      // A cancelled request answers with a cancellation error (or a summary that says so).
      assert.ok(summary instanceof Error ? /cancel/i.test(String(summary)) : summary.cancelled, String(summary));
      await waitFor('the first files published', () => newsLensDiagnostics(vscode.Uri.file(path.join(many, '0000.txt'))).length > 0);
      assert.deepEqual(newsLensDiagnostics(vscode.Uri.file(path.join(many, '0399.txt'))), [], 'the last file was scanned after Cancel');
    } finally {
      progress.dispose();
      fs.rmSync(many, { recursive: true, force: true });
    }
  });

  it('scans 10,000 files while News Lens\'s tasks in the extension host stay short', async () => {
    const many = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-10k-'));
    for (let i = 0; i < 10000; i++) write(path.join(many, `d${Math.floor(i / 500)}`, `${i}.txt`), i % 2 ? `${GLOSSED}#${i}\n` : `平靜的一天，沒有新聞。#${i}\n`);
    const newsLens = await api();
    newsLens.hostTiming.reset();
    newsLens.hostTiming.setCpuClock(threadCpuClock());
    const started = Date.now();
    try {
      const summary = await newsLens.client().sendRequest<ScanSummary>(SCAN_REQUEST, { folders: [{ uri: vscode.Uri.file(many).toString(), exclude: [] }] });
      assert.equal(summary.files, 10000);
      assert.ok(summary.filesWithFindings >= 5000, JSON.stringify(summary));
      await waitFor('the last file\'s diagnostics', () => newsLensDiagnostics(vscode.Uri.file(path.join(many, 'd19', '9999.txt'))).length > 0, 60000);
      const timings = newsLens.hostTiming.snapshot();
      console.log(`      10,000 files in ${((Date.now() - started) / 1000).toFixed(1)} s (server ${summary.elapsedMs} ms); host tasks:\n        ${timingRows(timings).join('\n        ')}`);
      assert.ok(timings['diagnostics.set']?.count >= 5000, 'each file\'s diagnostics went through the timed task');
    } finally {
      newsLens.hostTiming.setCpuClock(undefined);
      fs.rmSync(many, { recursive: true, force: true });
    }
  });
});
