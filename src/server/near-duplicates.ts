// Near-duplicate findings: the later copy's diagnostic points to the earlier copy, with the estimated similarity; in JSONL a fix removes the later record.
import { CodeAction, CodeActionKind, DiagnosticSeverity, TextDocumentEdit, type Diagnostic, type Range } from 'vscode-languageserver';
import type { DocRef } from '../core/corpus-report';

export const NEAR_DUPLICATE_CODE = 'near-duplicate';

function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}

/** The diagnostic of a later copy: on `range` (its first line, or its record), related to the earlier copy. */
export function nearDuplicateDiagnostic(range: Range, earlier: DocRef & { range: Range }, similarity: number, exact: boolean): Diagnostic {
  const what = exact ? `an exact copy of ${earlier.label}` : `a near-duplicate of ${earlier.label} (estimated similarity ${percent(similarity)})`;
  return {
    range,
    severity: DiagnosticSeverity.Information,
    source: 'news-lens',
    code: NEAR_DUPLICATE_CODE,
    message: `Duplicate: this ${earlier.line !== undefined ? 'record' : 'document'} is ${what}.`,
    relatedInformation: [{ location: { uri: earlier.uri, range: earlier.range }, message: `the earlier copy (similarity ${percent(similarity)})` }],
    data: { similarity, earlier: earlier.label },
  };
}

/** JSONL: removes the later record's whole line (with its line break), for the document version the diagnostic belongs to. */
export function removeRecordAction(uri: string, version: number, diagnostic: Diagnostic): CodeAction {
  const line = diagnostic.range.start.line;
  const action = CodeAction.create(`Remove this duplicate record (line ${line + 1})`, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  action.edit = {
    documentChanges: [TextDocumentEdit.create({ uri, version }, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }])],
  };
  return action;
}
