// The team's `.newslens.json` at each workspace folder's root: sent to the server when it changes, and written by Add to Dictionary and Ignore.
import * as vscode from 'vscode';
import { applyEdits, modify } from 'jsonc-parser';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TEAM_CONFIG_FILE } from '../core/team-config';
import { TEAM_CONFIG_NOTIFICATION, type TeamConfigParams } from '../server/team-config-protocol';

const decoder = new TextDecoder();

export function teamConfigUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, TEAM_CONFIG_FILE);
}

/** The workspace folder of a document, or the first folder. */
export function folderFor(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function readIfExists(uri: vscode.Uri): Promise<string | null> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

export async function teamConfigExists(folder: vscode.WorkspaceFolder): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(teamConfigUri(folder));
    return true;
  } catch {
    return false;
  }
}

/** Watches each folder's file and tells the server its text (on start, on every change, creation or deletion). */
export class TeamConfigWatcher implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly watchers = new Map<string, vscode.Disposable>();

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => this.watchFolders()));
    this.watchFolders();
  }

  private watchFolders(): void {
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const [key, watcher] of this.watchers) {
      if (!folders.some((f) => f.uri.toString() === key)) {
        watcher.dispose();
        this.watchers.delete(key);
      }
    }
    for (const folder of folders) {
      const key = folder.uri.toString();
      if (this.watchers.has(key)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, TEAM_CONFIG_FILE));
      const send = () => void this.refresh(folder);
      watcher.onDidChange(send);
      watcher.onDidCreate(send);
      watcher.onDidDelete(send);
      this.watchers.set(key, watcher);
      send();
    }
  }

  /** Reads the folder's file now and sends it (also called right after News Lens writes it). */
  async refresh(folder: vscode.WorkspaceFolder): Promise<void> {
    const uri = teamConfigUri(folder);
    const params: TeamConfigParams = { folder: folder.uri.toString(), uri: uri.toString(), text: await readIfExists(uri) };
    await this.client.sendNotification(TEAM_CONFIG_NOTIFICATION, params).catch((error) => this.client.error('News Lens: could not send .newslens.json', error, false));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    this.watchers.forEach((w) => w.dispose());
  }
}

/**
 * Sets a top-level list of the folder's file (creating the file when asked), keeping the rest of its text as it is.
 * An editor of the file with unsaved changes gets the edit (and is saved); otherwise the file is written.
 */
export async function updateTeamList<T>(folder: vscode.WorkspaceFolder, key: 'userDictionary' | 'ignore', update: (current: T[]) => T[]): Promise<void> {
  const uri = teamConfigUri(folder);
  // An editor with unsaved changes of the file gets the edit; otherwise the file on disk is the truth.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.isDirty);
  const text = open?.getText() ?? (await readIfExists(uri)) ?? '{}\n';
  let current: T[] = [];
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (Array.isArray(parsed[key])) current = parsed[key] as T[];
  } catch {
    throw new Error(vscode.l10n.t('{0} is not valid JSON; fix it first (its problems are in the Problems panel).', TEAM_CONFIG_FILE));
  }
  const edits = modify(text, [key], update(current), { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  const updated = applyEdits(text, edits);
  if (open) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(text.length)), updated);
    await vscode.workspace.applyEdit(edit);
    await open.save();
  } else {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(updated));
  }
}
