// The News Lens commands: annotate, clean, toggle highlights, export, add to dictionary, ignore, show entities.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLEAN_REQUEST, EXPORT_REQUEST, REFRESH_REQUEST, type CleanResult, type ExportParams, type ExportResult } from '../server/protocol';
import type { JunkKind } from '../core/types';
import type { Decorations, Layer } from './decorations';
import { folderFor, teamConfigExists, updateTeamList, type TeamConfigWatcher } from './team-config-file';

const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'WORK', 'FAC'] as const;
const EXPORT_FORMATS: { format: ExportParams['format']; extension: string; label: string }[] = [
  { format: 'brat', extension: 'ann', label: 'brat standoff (.ann)' },
  { format: 'doccano', extension: 'jsonl', label: 'doccano JSONL' },
  { format: 'conll', extension: 'conll', label: 'CoNLL / BIO' },
  { format: 'label-studio', extension: 'json', label: 'Label Studio JSON' },
];

export interface CommandContext {
  client: () => LanguageClient;
  decorations: Decorations;
  /** Add to Dictionary and Ignore write into the team's .newslens.json when there is one. */
  teamConfig?: () => TeamConfigWatcher | undefined;
}

type SaveScope = 'team' | 'workspace' | 'user';

/**
 * Where a word or ignore entry goes: the given scope; else the team's .newslens.json when the folder has one; else
 * the user chooses (creating the file is offered first). `fallback` is the scope without asking (scripts).
 */
async function chooseScope(scope: SaveScope | undefined, folder: vscode.WorkspaceFolder | undefined, fallback?: SaveScope): Promise<SaveScope | undefined> {
  if (scope) return scope;
  if (folder && (await teamConfigExists(folder))) return 'team';
  if (fallback) return fallback;
  if (!folder) return 'user';
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Create .newslens.json (shared with the team)'), scope: 'team' as const },
      { label: vscode.l10n.t('Workspace'), scope: 'workspace' as const },
      { label: vscode.l10n.t('User'), scope: 'user' as const },
    ],
    { placeHolder: vscode.l10n.t('Where should the word be saved?') },
  );
  return picked?.scope;
}

async function saveInTeamFile<T>(ctx: CommandContext, folder: vscode.WorkspaceFolder, key: 'userDictionary' | 'ignore', update: (current: T[]) => T[]): Promise<boolean> {
  try {
    await updateTeamList(folder, key, update);
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return false;
  }
  await ctx.teamConfig?.()?.refresh(folder);
  return true;
}

function activeDocument(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) void vscode.window.showInformationMessage(vscode.l10n.t('Open a text or Markdown document first.'));
  return document;
}

/** Applies server-computed edits only to the version they were computed for; otherwise refuses and says so. */
export async function applyVersionedEdits(document: vscode.TextDocument, result: CleanResult): Promise<boolean> {
  if (document.version !== result.version) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The document changed while News Lens was computing the edits; nothing was changed. Run the command again.'));
    return false;
  }
  if (result.edits.length === 0) return true;
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const toggle = (layers: Layer[]) => () => {
    const show = !layers.every((l) => ctx.decorations.isVisible(l));
    layers.forEach((l) => ctx.decorations.setVisible(l, show));
    return show;
  };
  return [
    vscode.commands.registerCommand('newsLens.annotate', async () => {
      const document = activeDocument();
      if (!document) return undefined;
      return ctx.client().sendRequest(REFRESH_REQUEST, { uri: document.uri.toString() });
    }),
    vscode.commands.registerCommand('newsLens.clean', async (kinds?: JunkKind[]) => {
      const document = activeDocument();
      if (!document) return false;
      const result = await ctx.client().sendRequest<CleanResult | null>(CLEAN_REQUEST, { uri: document.uri.toString(), kinds });
      if (!result) return false;
      const applied = await applyVersionedEdits(document, result);
      if (applied) void vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens removed {0} junk item(s).', result.edits.length), 4000);
      return applied;
    }),
    vscode.commands.registerCommand('newsLens.toggleHighlights', toggle(['entities', 'figures', 'junk'])),
    vscode.commands.registerCommand('newsLens.toggleEntities', toggle(['entities'])),
    vscode.commands.registerCommand('newsLens.toggleFigures', toggle(['figures'])),
    vscode.commands.registerCommand('newsLens.toggleSpamLines', toggle(['junk'])),
    vscode.commands.registerCommand('newsLens.export', async (format?: ExportParams['format'], target?: vscode.Uri) => {
      const document = activeDocument();
      if (!document) return undefined;
      const choice = format
        ? EXPORT_FORMATS.find((f) => f.format === format)
        : await vscode.window.showQuickPick(EXPORT_FORMATS.map((f) => ({ ...f, label: f.label })), { placeHolder: vscode.l10n.t('Export annotations as…') });
      if (!choice) return undefined;
      const defaultUri = document.uri.with({ path: document.uri.path.replace(/(\.[^./]*)?$/, `.${choice.extension}`) });
      const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri, saveLabel: vscode.l10n.t('Export') }));
      if (!uri) return undefined;
      const result = await ctx.client().sendRequest<ExportResult | null>(EXPORT_REQUEST, { uri: document.uri.toString(), format: choice.format });
      if (!result) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.content));
      void vscode.window.setStatusBarMessage(vscode.l10n.t('News Lens exported annotations to {0}', uri.fsPath), 4000);
      return uri;
    }),
    vscode.commands.registerCommand('newsLens.addToDictionary', async (type?: string, scope?: SaveScope, word?: string) => {
      const editor = vscode.window.activeTextEditor;
      const text = (word ?? (editor ? editor.document.getText(editor.selection) : '')).trim();
      if (!text) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a word to add to the News Lens dictionary.'));
        return false;
      }
      const chosenType = type ?? (await vscode.window.showQuickPick([...ENTITY_TYPES], { placeHolder: vscode.l10n.t('Entity type of "{0}"', text) }));
      if (!chosenType || !(ENTITY_TYPES as readonly string[]).includes(chosenType)) return false;
      const folder = folderFor(editor?.document.uri);
      const chosenScope = await chooseScope(scope, folder);
      if (!chosenScope) return false;
      if (chosenScope === 'team' && folder) {
        return saveInTeamFile<{ word: string; type: string }>(ctx, folder, 'userDictionary', (list) => [...list.filter((e) => e.word !== text), { word: text, type: chosenType }]);
      }
      const config = vscode.workspace.getConfiguration('newsLens');
      const target = chosenScope === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const inspected = config.inspect<{ word: string; type: string }[]>('userDictionary');
      const existing = (chosenScope === 'workspace' ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
      const updated = [...existing.filter((e) => e.word !== text), { word: text, type: chosenType }];
      await config.update('userDictionary', updated, target);
      return true;
    }),
    vscode.commands.registerCommand('newsLens.ignore', async (literal?: string, scope?: SaveScope) => {
      const editor = vscode.window.activeTextEditor;
      let text = literal;
      if (text === undefined && editor) {
        text = editor.selection.isEmpty ? editor.document.lineAt(editor.selection.active.line).text : editor.document.getText(editor.selection);
      }
      text = text?.trim();
      if (!text) return false;
      const folder = folderFor(editor?.document.uri);
      const entry = text;
      const addEntry = (list: string[]) => (list.includes(entry) ? list : [...list, entry]);
      // Into the team file when there is one; else the settings as before, with an offer to start the team file.
      const chosenScope = await chooseScope(scope, folder, folder ? 'workspace' : 'user');
      if (chosenScope === 'team' && folder) return saveInTeamFile<string>(ctx, folder, 'ignore', addEntry);
      if (folder && scope === undefined) {
        const create = vscode.l10n.t('Create .newslens.json');
        void vscode.window
          .showInformationMessage(vscode.l10n.t('News Lens saved "{0}" in the workspace settings. Share ignore entries with your team in .newslens.json?', entry), create)
          .then((choice) => (choice === create ? saveInTeamFile<string>(ctx, folder, 'ignore', addEntry) : undefined));
      }
      const config = vscode.workspace.getConfiguration('newsLens');
      const target = chosenScope === 'workspace' && vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      const inspected = config.inspect<string[]>('ignore');
      const existing = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
      if (!existing.includes(text)) await config.update('ignore', [...existing, text], target);
      return true;
    }),
    vscode.commands.registerCommand('newsLens.showEntities', () => vscode.commands.executeCommand('newsLensEntities.focus')),
    vscode.commands.registerCommand('newsLens.revealEntity', (uri: vscode.Uri, [start, end]: [number, number]) => {
      return vscode.window.showTextDocument(uri).then((editor) => {
        const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      });
    }),
  ];
}
