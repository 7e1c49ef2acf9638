// Sends a document's diagnostics only when they differ from the set last sent for it: VS Code serializes every set it is given.
import { createHash } from 'node:crypto';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * The one way the server publishes diagnostics. After a keystroke in a large document the junk diagnostics are
 * usually unchanged (the edited line has none), and each document is published twice per edit (junk first, then
 * with entities); re-sending 1,000 identical diagnostics cost the extension host about 15 ms of serialization each
 * time. Only a digest of the last set per document is kept.
 */
export class DiagnosticsPublisher {
  private readonly lastSent = new Map<string, string>();

  constructor(private readonly send: (params: PublishDiagnosticsParams) => void) {}

  /** Sends the set unless it equals the last one sent for `uri`; returns whether it was sent. */
  publish(uri: string, diagnostics: Diagnostic[], version?: number): boolean {
    const digest = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64');
    if (this.lastSent.get(uri) === digest) return false;
    this.lastSent.set(uri, digest);
    this.send(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    return true;
  }
}
