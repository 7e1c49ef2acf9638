// Turns junk annotations into LSP diagnostics (source news-lens, code = junk kind, severity from settings).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Annotation, JunkKind } from '../core/types';
import { labelName } from './messages';
import type { NewsLensSettings, SeverityName } from './settings';

const SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function junkDiagnostics(document: TextDocument, annotations: readonly Annotation[], settings: NewsLensSettings): Diagnostic[] {
  return annotations
    .filter((a) => a.kind === 'junk')
    .map((a) => ({
      range: { start: document.positionAt(a.start), end: document.positionAt(a.end) },
      severity: SEVERITY[settings.severity[a.label as JunkKind] ?? 'warning'],
      source: 'news-lens',
      code: a.label,
      message: a.reason ? `${labelName(a.label)}: ${a.reason}` : labelName(a.label),
    }));
}
