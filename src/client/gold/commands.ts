// The gold layer's editing commands (annotate as a type, accept, change type, remove, values, not junk, undo) and context keys for keys.
import * as vscode from 'vscode';
import { isFigureType, type GoldAnnotation, type Suggestion } from '../../core/gold/model';
import { GOLD_TYPES, refOf, trimmedSelection, typeName, under, type GoldActions, type GoldRequest } from './actions';
import type { GoldStore } from './store';

export interface GoldCommandContext {
  store: GoldStore;
  actions: GoldActions;
  serves: (document: vscode.TextDocument) => boolean;
}

function activeServedEditor(serves: (document: vscode.TextDocument) => boolean): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !serves(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text or Markdown document first.'));
    return undefined;
  }
  return editor;
}

function request(editor: vscode.TextEditor, fields: Omit<GoldRequest, 'uri' | 'version'>): GoldRequest {
  return { uri: editor.document.uri.toString(), version: editor.document.version, ...fields };
}

async function pickType(placeHolder: string, only?: readonly string[], counts?: Map<string, number>): Promise<string | undefined> {
  const types = only ?? GOLD_TYPES;
  const picked = await vscode.window.showQuickPick(
    types.map((type) => ({ label: typeName(type), description: counts ? String(counts.get(type) ?? 0) : undefined, type })),
    { placeHolder },
  );
  return picked?.type;
}

export function registerGoldCommands(ctx: GoldCommandContext): vscode.Disposable[] {
  const { store, actions, serves } = ctx;

  /** What the caret (or selection) of the active editor is on. */
  async function here(editor: vscode.TextEditor) {
    const gold = await store.ready(editor.document);
    const document = editor.document;
    const start = document.offsetAt(editor.selection.start);
    const end = document.offsetAt(editor.selection.end);
    return under(gold, actions.near(document, start, end), start, end);
  }

  /** The first gold or open suggestion under the caret (entities and figures). */
  async function target(editor: vscode.TextEditor, figuresOnly = false): Promise<GoldAnnotation | Suggestion | undefined> {
    const { decisions, open } = await here(editor);
    const gold = decisions.find((d) => (d.kind === 'entity' || d.kind === 'figure') && (!figuresOnly || d.kind === 'figure'));
    return gold ?? open.find((s) => !figuresOnly || s.layer === 'figure');
  }

  async function annotateAs(label: string): Promise<boolean> {
    const editor = activeServedEditor(serves);
    if (!editor) return false;
    const selection = trimmedSelection(editor.document, editor.selection);
    if (selection) {
      // Selecting exactly a suggestion of that type accepts it.
      const { open } = await here(editor);
      const same = open.find((s) => s.start === selection.start && s.end === selection.end && s.label === label);
      if (same) return actions.run(request(editor, { action: 'accept', target: refOf(same) }));
      return actions.run(request(editor, { action: 'annotate', span: { start: selection.start, end: selection.end }, label }));
    }
    // No selection: the key gives what is under the caret that type (accepting a suggestion already of that type).
    const found = await target(editor);
    if (!found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to annotate as {0} first.', typeName(label)));
      return false;
    }
    if (!('id' in found) && found.label === label) return actions.run(request(editor, { action: 'accept', target: refOf(found) }));
    return actions.run(request(editor, { action: 'changeType', target: refOf(found), label }));
  }

  const onTarget = (name: 'accept' | 'remove', find: (editor: vscode.TextEditor) => Promise<GoldAnnotation | Suggestion | undefined>, nothing: string) => async () => {
    const editor = activeServedEditor(serves);
    if (!editor) return false;
    const found = await find(editor);
    if (!found) {
      void vscode.window.showInformationMessage(nothing);
      return false;
    }
    return actions.run(request(editor, { action: name, target: refOf(found) }));
  };

  return [
    ...GOLD_TYPES.map((label) => vscode.commands.registerCommand(`newsLens.gold.annotateAs.${label}`, () => annotateAs(label))),
    vscode.commands.registerCommand('newsLens.gold.annotateAs', async (label?: string) => {
      const chosen = label ?? (await pickType(vscode.l10n.t('Annotate the selection as…')));
      return chosen ? annotateAs(chosen) : false;
    }),
    vscode.commands.registerCommand(
      'newsLens.gold.accept',
      onTarget('accept', async (editor) => (await here(editor)).open[0], vscode.l10n.t('There is no open suggestion under the cursor.')),
    ),
    vscode.commands.registerCommand(
      'newsLens.gold.remove',
      onTarget(
        'remove',
        async (editor) => {
          const { decisions, open } = await here(editor);
          return decisions.find((d) => d.kind === 'entity' || d.kind === 'figure') ?? open[0] ?? decisions[0];
        },
        vscode.l10n.t('There is no annotation or suggestion under the cursor.'),
      ),
    ),
    vscode.commands.registerCommand('newsLens.gold.changeType', async (label?: string) => {
      const editor = activeServedEditor(serves);
      if (!editor) return false;
      const found = await target(editor);
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no annotation or suggestion under the cursor.'));
        return false;
      }
      const chosen = label ?? (await pickType(vscode.l10n.t('New type of “{0}”', found.text), GOLD_TYPES.filter((t) => t !== found.label)));
      return chosen ? actions.run(request(editor, { action: 'changeType', target: refOf(found), label: chosen })) : false;
    }),
    vscode.commands.registerCommand('newsLens.gold.acceptAll', async (label?: string) => {
      const editor = activeServedEditor(serves);
      if (!editor) return false;
      const gold = await store.ready(editor.document);
      const counts = actions.openCounts(editor.document, gold);
      if (counts.size === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This document has no open suggestions.'));
        return false;
      }
      const chosen = label ?? (await pickType(vscode.l10n.t('Accept every open suggestion of which type?'), GOLD_TYPES.filter((t) => counts.has(t)), counts));
      return chosen ? actions.run(request(editor, { action: 'acceptAll', label: chosen })) : false;
    }),
    vscode.commands.registerCommand('newsLens.gold.editValue', async (value?: string) => {
      const editor = activeServedEditor(serves);
      if (!editor) return false;
      const found = await target(editor, true);
      if (!found) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no figure under the cursor.'));
        return false;
      }
      const current = 'id' in found ? found.value : undefined;
      const typed =
        value ??
        (await vscode.window.showInputBox({
          title: vscode.l10n.t('Value of “{0}” ({1})', found.text, found.label),
          value: current ?? '',
          prompt: vscode.l10n.t('The normalized value, e.g. 10254000000 CNY, 0.38, 2023-01-16. Empty removes a corrected value.'),
        }));
      if (typed === undefined) return false;
      return actions.run(request(editor, { action: 'setValue', target: refOf(found), value: typed.trim() }));
    }),
    vscode.commands.registerCommand('newsLens.gold.notJunk', async () => {
      const editor = activeServedEditor(serves);
      if (!editor) return false;
      const [finding] = (await here(editor)).junk;
      if (!finding) {
        void vscode.window.showInformationMessage(vscode.l10n.t('There is no junk finding under the cursor.'));
        return false;
      }
      return actions.run(request(editor, { action: 'notJunk', target: refOf(finding) }));
    }),
    vscode.commands.registerCommand('newsLens.gold.undo', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && store.undoAction(editor.document)) return true;
      // Bound to Ctrl+Z only while the last change was an annotation action; otherwise the editor's own undo.
      await vscode.commands.executeCommand('undo');
      return false;
    }),
    vscode.commands.registerCommand('newsLens.gold.redo', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor && store.redoAction(editor.document)) return true;
      await vscode.commands.executeCommand('redo');
      return false;
    }),
    // From code actions and hover links; a type or value left out is asked for.
    vscode.commands.registerCommand('newsLens.gold.apply', async (r: GoldRequest) => {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);
      if (r.action === 'changeType' && !r.label) {
        const label = await pickType(vscode.l10n.t('New type'));
        if (!label) return false;
        r = { ...r, label };
      }
      if (r.action === 'setValue' && r.value === undefined) {
        const current = document && r.target && 'id' in r.target ? (await store.ready(document)).set.byId(r.target.id)?.value : undefined;
        const value = await vscode.window.showInputBox({
          title: vscode.l10n.t('Corrected value'),
          value: current ?? '',
          prompt: vscode.l10n.t('The normalized value, e.g. 10254000000 CNY, 0.38, 2023-01-16. Empty removes a corrected value.'),
        });
        if (value === undefined) return false;
        r = { ...r, value: value.trim() };
      }
      return actions.run(r);
    }),
  ];
}

/** Keeps the context keys the gold keybindings and menus depend on in step with the active editor. */
export class GoldContextKeys implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly last = new Map<string, boolean>();
  private readonly lists = new Map<string, string>();

  constructor(private readonly store: GoldStore, private readonly actions: GoldActions, private readonly serves: (document: vscode.TextDocument) => boolean, onSuggestions: vscode.Event<unknown>) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.window.onDidChangeTextEditorSelection(() => this.schedule()),
      store.onDidChange(() => this.update()),
      onSuggestions(() => this.schedule()),
      { dispose: () => clearTimeout(this.timer) },
    );
    this.update();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 30);
  }

  /** Sets the keys now (commands call it so that a key pressed right after an action sees the new state). */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const served = !!editor && this.serves(editor.document);
    const gold = served ? this.store.peek(editor!.document.uri) : undefined;
    let onAnnotation = false;
    let onSuggestion = false;
    let onJunk = false;
    let onFigure = false;
    if (editor && gold && !gold.loading) {
      const document = editor.document;
      const start = document.offsetAt(editor.selection.start);
      const end = document.offsetAt(editor.selection.end);
      const at = under(gold, this.actions.near(document, start, end), start, end);
      const decided = at.decisions.filter((d) => d.kind === 'entity' || d.kind === 'figure');
      onSuggestion = at.open.length > 0;
      onAnnotation = decided.length > 0 || onSuggestion || at.decisions.length > 0;
      onJunk = at.junk.length > 0;
      onFigure = decided.some((d) => isFigureType(d.label)) || at.open.some((s) => s.layer === 'figure');
    }
    // Per document, as lists of paths matched with `resourcePath in …`: the workbench knows which editor has focus
    // when a key is pressed better than the extension host does. Paths, not URIs: in a remote window the
    // workbench's URI of a document (vscode-remote://…) is not the extension host's (file://…).
    this.setList('newsLens.gold.undoable', this.store.documentsWhere((uri) => this.store.canUndo(uri)));
    this.setList('newsLens.gold.redoable', this.store.documentsWhere((uri) => this.store.canRedo(uri)));
    this.set('newsLens.gold.onAnnotation', onAnnotation);
    this.set('newsLens.gold.onSuggestion', onSuggestion);
    this.set('newsLens.gold.onJunk', onJunk);
    this.set('newsLens.gold.onFigure', onFigure);
  }

  private setList(key: string, uris: string[]): void {
    const value = JSON.stringify(uris);
    if (this.lists.get(key) === value) return;
    this.lists.set(key, value);
    void vscode.commands.executeCommand('setContext', key, uris);
  }

  private set(key: string, value: boolean): void {
    if (this.last.get(key) === value) return;
    this.last.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
