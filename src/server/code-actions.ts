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

/**
 * What a document-wide action needs to compute its edit later (codeAction/resolve): VS Code asks
 * for code actions at every cursor move, and "remove all" on a large document is tens of
 * thousands of edits — megabytes of JSON per request that nobody applies.
 */
export interface LazyEditData {
  uri: string;
  version: number;
  /** Junk kinds to remove; all junk when absent. */
  kinds?: JunkKind[];
}

function lazyAction(title: string, document: TextDocument, kinds: JunkKind[] | undefined, diagnostics?: Diagnostic[]): CodeAction {
  const action = CodeAction.create(title, CodeActionKind.QuickFix);
  const data: LazyEditData = { uri: document.uri, version: document.version, ...(kinds ? { kinds } : {}) };
  action.data = data;
  if (diagnostics) action.diagnostics = diagnostics;
  return action;
}

/**
 * Fills in the edit of a document-wide action from the current annotations; leaves it without an
 * edit when the document changed since the action was offered (nothing stale is ever applied).
 */
export function resolveLazyAction(action: CodeAction, document: TextDocument | undefined, annotations: readonly Annotation[] | undefined, version: number | undefined): CodeAction {
  const data = action.data as LazyEditData | undefined;
  if (!data || !document || !annotations || document.uri !== data.uri || document.version !== data.version || version !== data.version) return action;
  const kinds = data.kinds ? new Set<string>(data.kinds) : undefined;
  const junk = annotations.filter((a) => a.kind === 'junk' && (!kinds || kinds.has(a.label)));
  const resolved = editAction(action.title, action.kind ?? CodeActionKind.QuickFix, document, junkEdits(junk), action.diagnostics);
  resolved.data = action.data;
  return resolved;
}

/** Quick fixes for the News Lens diagnostics under the cursor; the document-wide ones get their edits on resolve. */
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
    // Mojibake that decodes back is replaced by its text, not removed: say so.
    const repairs = covered.every((a) => a.replacement !== undefined && a.label === 'encoding');
    const title = repairs
      ? t('fix.repairEncoding')
      : covered.length === 1 ? t('fix.removeOne', labelName(kind)) : t('fix.removeSome', covered.length, labelName(kind));
    const one = editAction(title, CodeActionKind.QuickFix, document, junkEdits(covered), [diagnostic]);
    one.isPreferred = true;
    actions.push(one);
    if (!kindsSeen.has(kind)) {
      kindsSeen.add(kind);
      const sameKind = junk.filter((a) => a.label === kind);
      if (sameKind.length > 1) {
        actions.push(lazyAction(t('fix.removeAll', labelName(kind), sameKind.length), document, [kind], [diagnostic]));
      }
    }
  }
  if (actions.length > 0) {
    actions.push(lazyAction(t('fix.cleanDocument', junk.length), document, undefined));
  }
  return actions;
}

/** The source.fixAll.newsLens action used by editor.codeActionsOnSave; none when there is nothing to clean. */
export function fixAllAction(document: TextDocument, annotations: readonly Annotation[]): CodeAction[] {
  const edits = junkEdits(annotations);
  return edits.length ? [editAction(t('fix.fixAll'), FIX_ALL_KIND, document, edits)] : [];
}
