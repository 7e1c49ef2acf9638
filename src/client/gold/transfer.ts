// Import of existing annotations as gold (brat, doccano, Label Studio, CoNLL/BIO), export of gold, and the conflicts list.
import * as vscode from 'vscode';
import type { ExportFormat } from '../../core/export';
import { goldForExport, renderExport, type GoldSelection } from '../../core/gold/export';
import { importAnnotations, importFormatOf } from '../../core/gold/import-file';
import { GoldFormatError, toGold, type ImportedDocument } from '../../core/gold/imported';
import { isGold, layerOf, overlaps, type GoldAnnotation, type GoldDiff } from '../../core/gold/model';
import { snapToRecord } from '../../core/gold/jsonl-records';
import { corpusTextFields, type GoldStore } from './store';

const EXPORTS: { format: ExportFormat; extension: string; label: string }[] = [
  { format: 'brat', extension: 'ann', label: 'brat standoff (.ann)' },
  { format: 'doccano', extension: 'jsonl', label: 'doccano JSONL' },
  { format: 'conll', extension: 'conll', label: 'CoNLL / BIO' },
  { format: 'label-studio', extension: 'json', label: 'Label Studio JSON' },
];

function activeEditor(serves: (document: vscode.TextDocument) => boolean): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !serves(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text or Markdown document first.'));
    return undefined;
  }
  return editor;
}

/**
 * A corpus holds many texts: its gold is imported and exported per record by the command line, which reads the same
 * sidecar (one document's offsets would be those of the raw JSON lines).
 */
function refuseCorpus(store: GoldStore, document: vscode.TextDocument, what: 'import' | 'export'): boolean {
  if (!store.peek(document.uri)?.corpus && !/\.jsonl$/i.test(document.uri.path)) return false;
  void vscode.window.showInformationMessage(
    what === 'export'
      ? vscode.l10n.t('A JSONL corpus is exported per record by the command line, from the same sidecar: save it and run news-lens export --gold --input jsonl {0}', vscode.workspace.asRelativePath(document.uri))
      : vscode.l10n.t('Annotations are imported into single texts; a JSONL corpus keeps its gold per record in its .gold sidecar.'),
  );
  return true;
}

/** The imported document made on this text: the same text, or the same text with other line breaks. */
function documentFor(documents: readonly ImportedDocument[], text: string): ImportedDocument | undefined {
  const flat = (s: string) => s.replace(/\r\n?/g, '\n');
  return documents.find((d) => d.text === text) ?? (text.includes('\r') ? undefined : documents.find((d) => flat(d.text) === text));
}

export class GoldTransfer {
  constructor(private readonly store: GoldStore, private readonly serves: (document: vscode.TextDocument) => boolean) {}

  /**
   * Imports a file's annotations of the active document's text as gold, in one action (undo takes it back). `mode`:
   * replace the document's gold, or add (what overlaps an imported span in its layer is replaced).
   */
  async import(file?: vscode.Uri, mode?: 'replace' | 'add'): Promise<number | undefined> {
    const editor = activeEditor(this.serves);
    if (!editor) return undefined;
    const document = editor.document;
    if (refuseCorpus(this.store, document, 'import')) return undefined;
    const source =
      file ??
      (
        await vscode.window.showOpenDialog({
          title: vscode.l10n.t('Import annotations of this text as gold'),
          canSelectMany: false,
          filters: { [vscode.l10n.t('Annotations')]: ['ann', 'jsonl', 'json', 'conll', 'bio', 'iob', 'tsv'] },
        })
      )?.[0];
    if (!source) return undefined;
    const name = vscode.workspace.asRelativePath(source);
    const text = document.getText();
    let imported: ImportedDocument | undefined;
    let problems: string[] = [];
    try {
      const content = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source)).replace(/^\uFEFF/, '');
      const format = importFormatOf(source.path);
      const result = importAnnotations(name, content, format === 'brat' || format === 'conll' ? text : undefined, format);
      problems = result.problems;
      imported = documentFor(result.documents, text);
      if (!imported) {
        void vscode.window.showErrorMessage(vscode.l10n.t('None of the {0} text(s) in {1} is the text of this document; nothing was imported.', result.documents.length, name));
        return undefined;
      }
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof GoldFormatError ? error.message : vscode.l10n.t('Could not read {0}: {1}', name, String(error)));
      return undefined;
    }
    const gold = await this.store.ready(document);
    const incoming = toGold({ ...imported, text }, () => gold.set.newId());
    const existing = gold.set.all.filter(isGold);
    let chosen = mode;
    if (!chosen && existing.length) {
      chosen = (
        await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('Replace the gold of this document ({0})', existing.length), mode: 'replace' as const },
            { label: vscode.l10n.t('Add to it (imported spans replace what they overlap)'), mode: 'add' as const },
          ],
          { placeHolder: vscode.l10n.t('{0} annotation(s) to import', incoming.length) },
        )
      )?.mode;
      if (!chosen) return undefined;
    }
    const removed: GoldAnnotation[] =
      chosen === 'replace' ? existing : gold.set.all.filter((a) => incoming.some((b) => layerOf(a) === layerOf(b) && overlaps(a, b)));
    const diff: GoldDiff = { removed, added: incoming };
    this.store.apply(document, diff);
    const message = vscode.l10n.t('News Lens imported {0} gold annotation(s) from {1}.', incoming.length, name);
    if (problems.length) void vscode.window.showWarningMessage(`${message} ${vscode.l10n.t('{0} problem(s): {1}', problems.length, problems.slice(0, 3).join('; '))}`);
    else void vscode.window.setStatusBarMessage(message, 5000);
    return incoming.length;
  }

  /** Exports the active document's gold (or gold plus accepted suggestions) in an interchange format, as the CLI does. */
  async export(format?: ExportFormat, selection?: GoldSelection, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const editor = activeEditor(this.serves);
    if (!editor) return undefined;
    const document = editor.document;
    if (refuseCorpus(this.store, document, 'export')) return undefined;
    const choice = format ? EXPORTS.find((e) => e.format === format) : await vscode.window.showQuickPick(EXPORTS, { placeHolder: vscode.l10n.t('Export gold annotations as…') });
    if (!choice) return undefined;
    const what =
      selection ??
      (
        await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('Gold plus accepted suggestions'), selection: 'gold+accepted' as const },
            { label: vscode.l10n.t('Gold only (without suggestions accepted unchanged)'), selection: 'gold' as const },
          ],
          { placeHolder: vscode.l10n.t('What to export') },
        )
      )?.selection;
    if (!what) return undefined;
    const suffix = choice.format === 'brat' ? '.gold.ann' : `.gold.${choice.extension}`;
    const defaultUri = document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, suffix) });
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri, saveLabel: vscode.l10n.t('Export') }));
    if (!uri) return undefined;
    const gold = await this.store.ready(document);
    const content = renderExport(choice.format, document.getText(), goldForExport(gold.set.all, what));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    void vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens exported gold annotations to {0}', vscode.workspace.asRelativePath(uri)), 4000);
    return uri;
  }

  /**
   * Lists the active document's conflicts (decisions that could not be re-anchored). Each can be placed on one of the
   * places its text occurs, on the current selection, or discarded. Scripts pass the conflict's index and the choice.
   */
  async showConflicts(index?: number, choice?: 'discard' | 'selection' | number): Promise<boolean> {
    const editor = activeEditor(this.serves);
    if (!editor) return false;
    const document = editor.document;
    const gold = await this.store.ready(document);
    if (gold.conflicts.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no gold conflicts.'));
      return false;
    }
    const reasons = { 'not-found': vscode.l10n.t('its text is no longer in the document'), ambiguous: vscode.l10n.t('its text occurs in several places equally near') };
    const picked =
      index ??
      (
        await vscode.window.showQuickPick(
          gold.conflicts.map((c, i) => ({ label: `${c.annotation.label} “${c.annotation.text}”`, description: reasons[c.reason], i })),
          { placeHolder: vscode.l10n.t('Gold annotations that could not be placed after the text changed') },
        )
      )?.i;
    if (picked === undefined || !gold.conflicts[picked]) return false;
    const conflict = gold.conflicts[picked];
    const text = document.getText();
    const occurrences: number[] = [];
    for (let i = text.indexOf(conflict.annotation.text); i >= 0 && occurrences.length < 20; i = text.indexOf(conflict.annotation.text, i + 1)) occurrences.push(i);
    let decision = choice;
    if (decision === undefined) {
      const items: { label: string; choice: 'discard' | 'selection' | number }[] = occurrences.map((offset) => {
        const position = document.positionAt(offset);
        return { label: vscode.l10n.t('Place it at line {0}, column {1}', position.line + 1, position.character + 1), choice: offset };
      });
      if (!editor.selection.isEmpty) items.push({ label: vscode.l10n.t('Place it on the selection'), choice: 'selection' });
      items.push({ label: vscode.l10n.t('Discard it'), choice: 'discard' });
      decision = (await vscode.window.showQuickPick(items, { placeHolder: `${conflict.annotation.label} “${conflict.annotation.text}”` }))?.choice;
      if (decision === undefined) return false;
    }
    const remaining = gold.conflicts.filter((_, i) => i !== picked);
    if (decision !== 'discard') {
      let start = decision === 'selection' ? document.offsetAt(editor.selection.start) : decision;
      let end = decision === 'selection' ? document.offsetAt(editor.selection.end) : decision + conflict.annotation.text.length;
      if (gold.corpus) {
        // In a corpus, a decision lies inside one record's text, with whole escapes.
        const snapped = snapToRecord(text, start, end, corpusTextFields(document.uri));
        if (!snapped) {
          void vscode.window.showWarningMessage(vscode.l10n.t("Select text inside one record's text field to place it; nothing was changed."));
          return false;
        }
        ({ start, end } = snapped);
      }
      if (end <= start) return false;
      const placed: GoldAnnotation = { ...conflict.annotation, id: gold.set.newId(), start, end, text: text.slice(start, end) };
      const displaced = gold.set.all.filter((a) => layerOf(a) === layerOf(placed) && overlaps(a, placed));
      this.store.setConflicts(document, remaining);
      this.store.apply(document, { removed: displaced, added: [placed] });
    } else {
      this.store.setConflicts(document, remaining);
    }
    return true;
  }
}
