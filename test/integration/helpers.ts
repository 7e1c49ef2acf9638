// Shared helpers of the integration tests: the extension's API, opening samples, waiting for diagnostics and annotations.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NewsLensApi } from '../../src/client/extension';
import type { AnnotationsParams } from '../../src/server/protocol';

export const EXTENSION_ID = 'news-lens.news-lens';
/** The repository root: the extension's own folder. */
export function repoRoot(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test editor`);
  return extension.extensionPath;
}

export function sampleText(name = 'mirror-article-zh-hant.txt'): string {
  return fs.readFileSync(path.join(repoRoot(), 'samples', name), 'utf8');
}

export async function api(): Promise<NewsLensApi> {
  const extension = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID)!;
  return extension.isActive ? extension.exports : extension.activate();
}

/** Copies a sample into a fresh temporary file (tests may change it) and opens it in an editor. */
export async function openSampleCopy(name = 'mirror-article-zh-hant.txt', content?: string): Promise<vscode.TextEditor> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-it-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content ?? sampleText(name));
  const document = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(document);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function newsLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'news-lens');
}

/** Waits until the server's annotations for the document's current version include entities (the full analysis). */
export async function fullAnnotations(document: vscode.TextDocument, timeoutMs = 30000): Promise<AnnotationsParams> {
  const { store } = await api();
  return store.when(document.uri, (p) => p.version === document.version && !p.entitiesPending, timeoutMs);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets a global News Lens setting for the duration of a test; the returned function restores it. */
export async function withSetting(key: string, value: unknown): Promise<() => Thenable<void>> {
  const config = vscode.workspace.getConfiguration('newsLens');
  const previous = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration('newsLens').update(key, previous, vscode.ConfigurationTarget.Global);
}
