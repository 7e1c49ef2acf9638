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
 * Above this many junk findings, findings of one kind on one line (or block of lines) share a diagnostic: a crawl
 * with 20,000 glosses would otherwise send megabytes of diagnostics per keystroke and flood the Problems panel.
 * It is also VS Code's limit of diagnostics per file.
 */
export const GROUP_DIAGNOSTICS_ABOVE = 1000;

export function junkDiagnostics(document: TextDocument, annotations: readonly Annotation[], settings: NewsLensSettings): Diagnostic[] {
  const junk = annotations.filter((a) => a.kind === 'junk');
  const diagnostic = (first: Annotation, last: Annotation, count: number): Diagnostic => {
    const name = labelName(first.label);
    const lines = document.positionAt(last.end).line - document.positionAt(first.start).line + 1;
    const where = lines > 1 ? `on these ${lines} lines` : 'on this line';
    const detail = count > 1 ? `${count}× ${where}, e.g. ${first.reason ?? first.text}` : first.reason;
    return {
      range: { start: document.positionAt(first.start), end: document.positionAt(last.end) },
      severity: SEVERITY[settings.severity[first.label as JunkKind] ?? 'warning'],
      source: 'news-lens',
      code: first.label,
      message: detail ? `${name}: ${detail}` : name,
    };
  };
  if (junk.length <= GROUP_DIAGNOSTICS_ABOVE) return junk.map((a) => diagnostic(a, a, 1));
  const lineOf = junk.map((a) => document.positionAt(a.start).line);
  // One group per kind and line; if that is still too many (VS Code keeps at most 1,000 per file and
  // drops the rest), per kind and block of 2, 4, 8 … lines, so that every finding stays covered.
  for (let linesPerGroup = 1; ; linesPerGroup *= 2) {
    const groups = groupRuns(junk, lineOf, linesPerGroup);
    if (groups.length <= GROUP_DIAGNOSTICS_ABOVE || linesPerGroup >= document.lineCount) {
      return groups.map(([first, last]) => diagnostic(junk[first], junk[last], last - first + 1));
    }
  }
}

/** Runs [first, last] of consecutive findings of one kind within one block of `linesPerGroup` lines. */
function groupRuns(junk: readonly Annotation[], lineOf: readonly number[], linesPerGroup: number): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < junk.length) {
    const block = Math.floor(lineOf[i] / linesPerGroup);
    let j = i + 1;
    while (j < junk.length && junk[j].label === junk[i].label && junk[j].start >= junk[j - 1].end && Math.floor(lineOf[j] / linesPerGroup) === block) j++;
    runs.push([i, j - 1]);
    i = j;
  }
  return runs;
}
