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

/**
 * Above this many junk findings, findings of one kind on one line share a diagnostic: a crawl with 20,000 glosses
 * would otherwise send megabytes of diagnostics per keystroke and flood the Problems panel.
 */
export const GROUP_DIAGNOSTICS_ABOVE = 1000;

export function junkDiagnostics(document: TextDocument, annotations: readonly Annotation[], settings: NewsLensSettings): Diagnostic[] {
  const junk = annotations.filter((a) => a.kind === 'junk');
  const diagnostic = (first: Annotation, last: Annotation, count: number): Diagnostic => {
    const name = labelName(first.label);
    const detail = count > 1 ? `${count}× on this line, e.g. ${first.reason ?? first.text}` : first.reason;
    return {
      range: { start: document.positionAt(first.start), end: document.positionAt(last.end) },
      severity: SEVERITY[settings.severity[first.label as JunkKind] ?? 'warning'],
      source: 'news-lens',
      code: first.label,
      message: detail ? `${name}: ${detail}` : name,
    };
  };
  if (junk.length <= GROUP_DIAGNOSTICS_ABOVE) return junk.map((a) => diagnostic(a, a, 1));
  const grouped: Diagnostic[] = [];
  let i = 0;
  while (i < junk.length) {
    const first = junk[i];
    const line = document.positionAt(first.start).line;
    let j = i + 1;
    let last = first;
    while (j < junk.length && junk[j].label === first.label && junk[j].start >= last.end && document.positionAt(junk[j].start).line === line) {
      last = junk[j];
      j++;
    }
    grouped.push(diagnostic(first, last, j - i));
    i = j;
  }
  return grouped;
}
