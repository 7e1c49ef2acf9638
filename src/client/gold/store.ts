// Keeps each open document's gold: loads it from the standoff file, moves it with edits, undoes actions, and saves it.
import * as vscode from 'vscode';
import { reanchor, type GoldConflict } from '../../core/gold/anchor';
import { serializeAnn } from '../../core/gold/brat';
import { loadCorpusGold, saveCorpusGold, type CorpusConflict } from '../../core/gold/jsonl-records';
import { loadBratGold, serializeConflicts } from '../../core/gold/load';
import { isJsonlCorpus } from '../../core/gold/paths';
import type { SidecarRecord } from '../../core/gold/sidecar';
import { GoldSet, invertDiff, isEmptyDiff, layerOf, overlaps, type GoldAnnotation, type GoldDiff } from '../../core/gold/model';
import { restoredByUndo, trackChanges, type TextChange } from '../../core/gold/track';
import { textFieldsFor } from '../../core/jsonl';
import { GoldStorage, hashText, type GoldBackup } from './storage';

/** How many annotation actions one document can undo. */
const UNDO_LIMIT = 200;
/** How many decisions deleted with their text are remembered for the editor's undo to bring back. */
const DELETED_LIMIT = 200;
/** Gold is written this long after its last change (a burst of actions is one write). */
const SAVE_DELAY_MS = 200;

interface UndoEntry {
  diff: GoldDiff;
  /** The document's text when the action was made (a hash): the editor's undo may come back to it. */
  textHash: string;
}

/** One open document's gold. */
export class GoldDocument {
  readonly set = new GoldSet();
  conflicts: GoldConflict[] = [];
  /** brat lines kept verbatim (relations, other attributes and notes). */
  extra: string[] = [];
  readonly undo: UndoEntry[] = [];
  readonly redo: UndoEntry[] = [];
  /** Whether the last change in this document was an annotation action (Ctrl+Z then undoes that, not text). */
  lastChange: 'annotation' | 'text' = 'text';
  /** Decisions whose text an edit deleted, for the editor's undo to bring back. */
  deleted: GoldAnnotation[] = [];
  /** Bumped on every change of the decisions (decorations and views cache by it). */
  revision = 0;
  loading = true;
  loaded: Promise<void> = Promise.resolve();
  /** What the standoff file held when last read or written (an outside change of it differs). */
  lastWritten: string | undefined;
  /** Contents this editor wrote recently: a file watcher event may report an earlier write after a later one. */
  readonly recentWrites: string[] = [];
  /** Writes started and not finished. */
  writing = 0;
  saving: Promise<void> = Promise.resolve();
  saveTimer: NodeJS.Timeout | undefined;
  /** Problems of the last load, for the user. */
  problems: string[] = [];
  /** A JSONL corpus keeps its gold in a sidecar by record: the sidecar's records this document does not hold. */
  orphans: SidecarRecord[] = [];
  /** Whether the document is a JSONL corpus (decisions are kept per record; see core/gold/jsonl-records.ts). */
  readonly corpus: boolean;

  constructor(readonly uri: vscode.Uri, readonly standoff: vscode.Uri | undefined, languageId?: string) {
    this.corpus = isJsonlCorpus(uri.path) || (languageId === 'jsonl' && !standoff);
  }
}

/** The text fields of a JSONL record, as the language server reads them (newsLens.jsonl.textField). */
export function corpusTextFields(uri: vscode.Uri): readonly string[] {
  return textFieldsFor(vscode.workspace.getConfiguration('newsLens.jsonl', uri).get<string>('textField'));
}

/** The decisions of a standoff file's content for the document's text: brat for text files, the sidecar for corpora. */
function loadStandoff(gold: GoldDocument, text: string, content: string | undefined, conflicts: string | undefined) {
  if (!gold.corpus) {
    const loaded = loadBratGold(text, content, conflicts);
    return { ...loaded, orphans: [] as SidecarRecord[], changed: loaded.moved > 0 || (loaded.conflicts.length > 0 && !conflicts) };
  }
  const loaded = loadCorpusGold(text, content, corpusTextFields(gold.uri));
  return { ...loaded, extra: [] as string[], changed: loaded.changedRecords > 0 };
}

export interface GoldChangeEvent {
  uri: vscode.Uri;
  document: GoldDocument;
}

export class GoldStore implements vscode.Disposable {
  private readonly documents = new Map<string, GoldDocument>();
  private readonly emitter = new vscode.EventEmitter<GoldChangeEvent>();
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly storage: GoldStorage,
    private readonly serves: (document: vscode.TextDocument) => boolean,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidOpenTextDocument((document) => this.serves(document) && void this.ready(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.onTextChange(event)),
      vscode.workspace.onDidSaveTextDocument((document) => {
        const gold = this.documents.get(document.uri.toString());
        if (gold) void this.saveNow(document, gold);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => void this.close(document)),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{ann,gold}');
    this.disposables.push(watcher, watcher.onDidChange((uri) => this.onStandoffChanged(uri)), watcher.onDidCreate((uri) => this.onStandoffChanged(uri)));
    for (const document of vscode.workspace.textDocuments) if (this.serves(document)) void this.ready(document);
  }

  /** The document's gold if it is tracked (it may still be loading). */
  peek(uri: vscode.Uri | string): GoldDocument | undefined {
    return this.documents.get(typeof uri === 'string' ? uri : uri.toString());
  }

  /** The document's gold, loaded. */
  async ready(document: vscode.TextDocument): Promise<GoldDocument> {
    const key = document.uri.toString();
    let gold = this.documents.get(key);
    if (!gold) {
      gold = new GoldDocument(document.uri, this.storage.standoffUri(document.uri), document.languageId);
      this.documents.set(key, gold);
      const created = gold;
      gold.loaded = this.load(document, created).catch((error) => {
        created.loading = false;
        void vscode.window.showErrorMessage(vscode.l10n.t('News Lens could not read the gold annotations of {0}: {1}', document.uri.fsPath, String(error)));
      });
    }
    await gold.loaded;
    return gold;
  }

  private async load(document: vscode.TextDocument, gold: GoldDocument): Promise<void> {
    const standoff = gold.standoff;
    const [ann, conflicts, backup, annTime] = await Promise.all([
      standoff ? this.storage.read(standoff) : undefined,
      standoff && !gold.corpus ? this.storage.read(this.storage.conflictsUri(standoff)) : undefined,
      this.storage.readBackup(document.uri),
      standoff ? this.storage.mtime(standoff) : undefined,
    ]);
    // From here on, synchronous: the text is the document's current text, edits come after.
    const text = document.getText();
    gold.lastWritten = ann;
    // A backup is written while the text has unsaved changes and removed once the standoff file is written: if one
    // is newer than the file, it holds the latest decisions (for that text when it still matches, else re-anchored).
    const useBackup = backup && (annTime === undefined || backup.savedAt >= annTime);
    if (useBackup && backup.textHash === hashText(text)) {
      gold.set.replaceAll(backup.annotations);
      gold.conflicts = backup.conflicts;
      gold.extra = backup.extra;
    } else if (useBackup) {
      const result = reanchor(backup.annotations, text);
      gold.set.replaceAll(result.anchored);
      gold.conflicts = [...backup.conflicts, ...result.conflicts];
      gold.extra = backup.extra;
      this.tellReanchored(document, result.moved, result.conflicts.length);
      this.scheduleSave(document, gold);
    } else {
      const loaded = loadStandoff(gold, text, ann, conflicts);
      gold.set.replaceAll(loaded.annotations);
      gold.conflicts = loaded.conflicts;
      gold.extra = loaded.extra;
      gold.orphans = loaded.orphans;
      gold.problems = loaded.problems;
      if (loaded.problems.length) {
        void vscode.window.showWarningMessage(vscode.l10n.t('News Lens: {0} line(s) of {1} could not be read: {2}', loaded.problems.length, standoff?.fsPath ?? '', loaded.problems.slice(0, 3).join('; ')));
      }
      if (loaded.changed) {
        this.tellReanchored(document, loaded.moved, loaded.conflicts.length);
        this.scheduleSave(document, gold);
      }
    }
    // Gold from a backup: the sidecar's records this corpus does not hold must still be kept when it is written.
    if (gold.corpus && useBackup) gold.orphans = loadCorpusGold(text, ann, corpusTextFields(gold.uri)).orphans;
    gold.loading = false;
    this.changed(gold);
  }

  private tellReanchored(document: vscode.TextDocument, moved: number, conflicts: number): void {
    const name = vscode.workspace.asRelativePath(document.uri);
    if (conflicts) {
      void vscode.window
        .showWarningMessage(vscode.l10n.t('News Lens: {0} changed outside the editor. {1} gold annotation(s) moved with their text; {2} could not be placed and are listed as conflicts.', name, moved, conflicts), vscode.l10n.t('Show Conflicts'))
        .then((choice) => choice && vscode.commands.executeCommand('newsLens.gold.showConflicts'));
    } else if (moved) {
      void vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens: {0} gold annotation(s) of {1} moved with their text.', moved, name), 5000);
    }
  }

  private changed(gold: GoldDocument): void {
    gold.revision++;
    this.emitter.fire({ uri: gold.uri, document: gold });
  }

  /** Applies an annotator's action; it can be undone. Returns false for an action that changes nothing. */
  apply(document: vscode.TextDocument, diff: GoldDiff): boolean {
    const gold = this.peek(document.uri);
    if (!gold || gold.loading || isEmptyDiff(diff)) return false;
    gold.set.apply(diff);
    gold.undo.push({ diff, textHash: hashText(document.getText()) });
    if (gold.undo.length > UNDO_LIMIT) gold.undo.shift();
    gold.redo.length = 0;
    gold.lastChange = 'annotation';
    this.changed(gold);
    this.scheduleSave(document, gold);
    return true;
  }

  /** Undoes the document's last annotation action (also when text was edited since: the decisions moved with it). */
  undoAction(document: vscode.TextDocument): boolean {
    return this.step(document, 'undo');
  }

  redoAction(document: vscode.TextDocument): boolean {
    return this.step(document, 'redo');
  }

  private step(document: vscode.TextDocument, direction: 'undo' | 'redo'): boolean {
    const gold = this.peek(document.uri);
    if (!gold || gold.loading) return false;
    const from = direction === 'undo' ? gold.undo : gold.redo;
    const to = direction === 'undo' ? gold.redo : gold.undo;
    const entry = from.pop();
    if (!entry) return false;
    const diff = direction === 'undo' ? invertDiff(entry.diff) : entry.diff;
    const text = document.getText();
    gold.set.apply({ removed: diff.removed, added: diff.added.filter((a) => text.slice(a.start, a.end) === a.text) });
    to.push({ diff: entry.diff, textHash: hashText(text) });
    gold.lastChange = 'annotation';
    this.changed(gold);
    this.scheduleSave(document, gold);
    return true;
  }

  /** The paths of the tracked documents that pass a test. */
  documentsWhere(test: (uri: vscode.Uri) => boolean): string[] {
    return [...this.documents.values()].filter((gold) => test(gold.uri)).map((gold) => gold.uri.path);
  }

  /** Whether Ctrl+Z in this document should undo an annotation action rather than text. */
  canUndo(uri: vscode.Uri): boolean {
    const gold = this.peek(uri);
    return !!gold && gold.lastChange === 'annotation' && gold.undo.length > 0;
  }

  canRedo(uri: vscode.Uri): boolean {
    const gold = this.peek(uri);
    return !!gold && gold.lastChange === 'annotation' && gold.redo.length > 0;
  }

  /** Sets the conflicts (e.g. after the user discarded some) and saves. */
  setConflicts(document: vscode.TextDocument, conflicts: GoldConflict[]): void {
    const gold = this.peek(document.uri);
    if (!gold) return;
    gold.conflicts = conflicts;
    this.changed(gold);
    this.scheduleSave(document, gold);
  }

  private onTextChange(event: vscode.TextDocumentChangeEvent): void {
    const gold = this.peek(event.document.uri);
    if (!gold || gold.loading || event.contentChanges.length === 0) return;
    const document = event.document;
    const idle = gold.set.size === 0 && gold.undo.length === 0 && gold.redo.length === 0 && gold.deleted.length === 0;
    if (idle) {
      gold.lastChange = 'text';
      return;
    }
    const changes: TextChange[] = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, insertedLength: c.text.length }));
    const slice = (start: number, end: number) => document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end)));
    const { kept, removed } = trackChanges(gold.set.all, changes);
    // A decision stretched by typing inside it now covers more text.
    const current = kept.map((a) => (a.end - a.start === a.text.length ? a : { ...a, text: slice(a.start, a.end) }));
    // The file changed on disk and VS Code reloaded it (not dirty, not an undo): re-anchor by text, do not delete.
    const outside = !document.isDirty && event.reason === undefined;
    const isUndo = event.reason === vscode.TextDocumentChangeReason.Undo || event.reason === vscode.TextDocumentChangeReason.Redo;
    let conflicts: GoldConflict[] = [];
    if (outside && removed.length) {
      const result = reanchor(removed, document.getText());
      current.push(...result.anchored);
      conflicts = result.conflicts;
      this.tellReanchored(document, result.anchored.length, conflicts.length);
    } else if (removed.length) {
      gold.deleted.push(...removed);
      if (gold.deleted.length > DELETED_LIMIT) gold.deleted.splice(0, gold.deleted.length - DELETED_LIMIT);
      this.tellDeleted(removed);
    }
    if (isUndo && gold.deleted.length) {
      const back = restoredByUndo(gold.deleted, slice).filter((a) => !current.some((c) => layerOf(c) === layerOf(a) && overlaps(c, a)));
      if (back.length) {
        current.push(...back);
        gold.deleted = gold.deleted.filter((a) => !back.includes(a));
      }
    }
    // The undo and redo stacks hold decisions too: they move with the text. One whose text is deleted stays in its
    // entry (undo still finds it by id; the editor's undo may bring its text back) and is only re-added if it fits.
    const follow = (list: GoldAnnotation[]) => {
      const moved = trackChanges(list, changes);
      return moved.removed.length ? [...moved.kept, ...moved.removed] : moved.kept;
    };
    for (const entry of [...gold.undo, ...gold.redo]) entry.diff = { removed: follow(entry.diff.removed), added: follow(entry.diff.added) };
    const before = gold.set.all;
    const changedSet = removed.length > 0 || current.length !== before.length || current.some((a, i) => a !== before[i]);
    if (changedSet) gold.set.replaceAll(current);
    if (conflicts.length) gold.conflicts = [...gold.conflicts, ...conflicts];
    // The editor's undo may bring the text back to what it was right after an annotation action: Ctrl+Z is then ours again.
    const top = gold.undo[gold.undo.length - 1] ?? gold.redo[gold.redo.length - 1];
    gold.lastChange = isUndo && top && top.textHash === hashText(document.getText()) ? 'annotation' : 'text';
    if (changedSet || conflicts.length) {
      this.changed(gold);
      this.scheduleSave(document, gold);
    } else {
      this.emitter.fire({ uri: gold.uri, document: gold }); // lastChange may have changed: context keys follow
    }
  }

  private tellDeleted(removed: readonly GoldAnnotation[]): void {
    const names = removed.slice(0, 5).map((a) => `${a.text} (${a.kind === 'rejected' ? vscode.l10n.t('rejected {0}', a.label) : a.label})`).join(', ');
    void vscode.window.showInformationMessage(vscode.l10n.t('News Lens: the text under {0} gold annotation(s) was deleted, so they were removed: {1}. Undo brings them back.', removed.length, names + (removed.length > 5 ? ', …' : '')));
  }

  private onStandoffChanged(uri: vscode.Uri): void {
    for (const gold of this.documents.values()) {
      if (gold.standoff?.toString() !== uri.toString() || gold.loading) continue;
      // Our own writes (pending, in flight, or any recent one: watcher events may arrive late and out of order).
      if (gold.saveTimer || gold.writing > 0) continue;
      void this.storage.read(uri).then((content) => {
        if (content === undefined || content === gold.lastWritten || gold.recentWrites.includes(content) || gold.saveTimer || gold.writing > 0) return;
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === gold.uri.toString());
        if (!document) return;
        const loaded = loadStandoff(gold, document.getText(), content, undefined);
        gold.set.replaceAll(loaded.annotations);
        gold.conflicts = loaded.conflicts;
        gold.extra = loaded.extra;
        gold.orphans = loaded.orphans;
        gold.lastWritten = content;
        // Actions made on the old content cannot be undone on the new one.
        gold.undo.length = 0;
        gold.redo.length = 0;
        gold.deleted = [];
        this.changed(gold);
        void vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens: reloaded the gold annotations of {0}, changed outside the editor.', vscode.workspace.asRelativePath(gold.uri)), 5000);
      });
    }
  }

  private scheduleSave(document: vscode.TextDocument, gold: GoldDocument): void {
    clearTimeout(gold.saveTimer);
    gold.saveTimer = setTimeout(() => void this.saveNow(document, gold), SAVE_DELAY_MS);
  }

  /**
   * Writes the document's gold. With the text saved, to the standoff file (and the conflicts file); with unsaved
   * text, to a backup for that text, since the offsets would not fit the file on disk. Writes are queued in order.
   */
  saveNow(document: vscode.TextDocument, gold: GoldDocument): Promise<void> {
    clearTimeout(gold.saveTimer);
    gold.saveTimer = undefined;
    const text = document.getText();
    const dirty = document.isDirty;
    const annotations = gold.set.all.slice();
    const conflicts = gold.conflicts.slice();
    const extra = gold.extra.slice();
    gold.saving = gold.saving.then(() => this.write(gold, text, dirty, annotations, conflicts, extra)).catch((error) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Lens could not save the gold annotations of {0}: {1}', vscode.workspace.asRelativePath(gold.uri), String(error)));
    });
    return gold.saving;
  }

  private async write(gold: GoldDocument, text: string, dirty: boolean, annotations: GoldAnnotation[], conflicts: GoldConflict[], extra: string[]): Promise<void> {
    if (dirty || !gold.standoff) {
      const backup: GoldBackup = { uri: gold.uri.toString(), textHash: hashText(text), savedAt: Date.now(), annotations, conflicts, extra };
      await this.storage.writeBackup(backup);
      return;
    }
    const content = gold.corpus
      ? saveCorpusGold(text, annotations, conflicts as CorpusConflict[], { orphans: gold.orphans, previous: gold.lastWritten, fields: corpusTextFields(gold.uri) }).content
      : serializeAnn(annotations, text, extra);
    // No file is created for a document that never had gold.
    if (content !== (gold.lastWritten ?? '')) {
      const previous = gold.lastWritten;
      // Before the write: the file watcher must recognize our own change.
      gold.lastWritten = content;
      gold.recentWrites.push(content);
      if (gold.recentWrites.length > 20) gold.recentWrites.shift();
      gold.writing++;
      try {
        await this.storage.writeAtomic(gold.standoff, content);
      } catch (error) {
        gold.lastWritten = previous;
        throw error;
      } finally {
        gold.writing--;
      }
    }
    if (gold.corpus) {
      // The sidecar holds each record's conflicts.
      await this.storage.deleteBackup(gold.uri);
      return;
    }
    const conflictsUri = this.storage.conflictsUri(gold.standoff);
    if (conflicts.length) await this.storage.writeAtomic(conflictsUri, serializeConflicts(conflicts));
    else if (await this.storage.exists(conflictsUri)) await this.storage.delete(conflictsUri);
    await this.storage.deleteBackup(gold.uri);
  }

  private async close(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const gold = this.documents.get(key);
    if (!gold) return;
    this.documents.delete(key);
    if (gold.saveTimer) await this.saveNow(document, gold);
    else await gold.saving;
  }

  /** Writes whatever is pending (on deactivation: nothing is lost when the editor closes). */
  async flush(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const gold of this.documents.values()) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === gold.uri.toString());
      pending.push(gold.saveTimer && document ? this.saveNow(document, gold) : gold.saving);
    }
    await Promise.all(pending);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
