// Messages between the Corpus Report webview and the extension (no vscode import: the webview bundle uses it too).
import type { CorpusReport, DocRef } from '../../core/corpus-report';

export type ToWebview = { type: 'report'; report: CorpusReport };

export type FromWebview =
  | { type: 'ready' }
  /** A bar was clicked: open its documents. */
  | { type: 'open'; docs: DocRef[]; title: string }
  | { type: 'export'; format: 'html' | 'json' };
