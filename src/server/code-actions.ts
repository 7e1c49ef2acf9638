// Quick fixes and fix-all for junk: remove one item, all of its kind, or all junk — as versioned edits.
import { CodeAction, CodeActionKind, TextDocumentEdit, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { junkEdits } from '../core/edits';
import type { Annotation, JunkKind, TextEdit } from '../core/types';
import { labelName, t } from './messages';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.newsLens`;

export function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.newText,
  }));
}

/** A code action whose edit only applies to the document version it was computed for. */
function editAction(title: string, kind: string, document: TextDocument, edits: TextEdit[], diagnostics?: Diagnostic[]): CodeAction {
  const action = CodeAction.create(title, kind);
  action.edit = { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, toLspEdits(document, edits))] };
  if (diagnostics) action.diagnostics = diagnostics;
  return action;
}

/** Quick fixes for the News Lens diagnostics under the cursor. */
export function quickFixes(document: TextDocument, annotations: readonly Annotation[], diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const junk = annotations.filter((a) => a.kind === 'junk');
  const kindsSeen = new Set<JunkKind>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'news-lens') continue;
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    // A diagnostic stands for one finding, or (in documents with very many) for all of its kind on its line.
    const covered = junk.filter((a) => a.label === diagnostic.code && a.start >= start && a.end <= end);
    if (covered.length === 0) continue;
    const kind = covered[0].label as JunkKind;
    const title = covered.length === 1 ? t('fix.removeOne', labelName(kind)) : t('fix.removeSome', covered.length, labelName(kind));
    const one = editAction(title, CodeActionKind.QuickFix, document, junkEdits(covered), [diagnostic]);
    one.isPreferred = true;
    actions.push(one);
    if (!kindsSeen.has(kind)) {
      kindsSeen.add(kind);
      const sameKind = junk.filter((a) => a.label === kind);
      if (sameKind.length > 1) {
        actions.push(editAction(t('fix.removeAll', labelName(kind), sameKind.length), CodeActionKind.QuickFix, document, junkEdits(sameKind), [diagnostic]));
      }
    }
  }
  if (actions.length > 0) {
    actions.push(editAction(t('fix.cleanDocument', junk.length), CodeActionKind.QuickFix, document, junkEdits(junk)));
  }
  return actions;
}

/** The source.fixAll.newsLens action used by editor.codeActionsOnSave; none when there is nothing to clean. */
export function fixAllAction(document: TextDocument, annotations: readonly Annotation[]): CodeAction[] {
  const edits = junkEdits(annotations);
  return edits.length ? [editAction(t('fix.fixAll'), FIX_ALL_KIND, document, edits)] : [];
}
