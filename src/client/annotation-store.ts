// Holds the latest annotations the server sent for each document and tells listeners when they change.
import * as vscode from 'vscode';
import type { AnnotationsParams } from '../server/protocol';

export class AnnotationStore implements vscode.Disposable {
  private readonly byUri = new Map<string, AnnotationsParams>();
  private readonly emitter = new vscode.EventEmitter<AnnotationsParams>();
  readonly onDidChange = this.emitter.event;

  update(params: AnnotationsParams): void {
    this.byUri.set(params.uri, params);
    this.emitter.fire(params);
  }

  get(uri: vscode.Uri | string): AnnotationsParams | undefined {
    return this.byUri.get(typeof uri === 'string' ? uri : uri.toString());
  }

  delete(uri: vscode.Uri): void {
    this.byUri.delete(uri.toString());
  }

  /** Resolves with the first annotations for the document that match a predicate (e.g. its current version with entities). */
  when(uri: vscode.Uri, predicate: (p: AnnotationsParams) => boolean, timeoutMs = 30000): Promise<AnnotationsParams> {
    const existing = this.get(uri);
    if (existing && predicate(existing)) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error(`No matching News Lens annotations for ${uri.toString()} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = this.onDidChange((p) => {
        if (p.uri === uri.toString() && predicate(p)) {
          clearTimeout(timer);
          listener.dispose();
          resolve(p);
        }
      });
    });
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
