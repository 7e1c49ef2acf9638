// Where the editor keeps gold: the standoff files (written atomically: the project's atomic write on disk, workspace.fs elsewhere) and backups.
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../../shared/atomic-write.mjs';
import * as vscode from 'vscode';
import type { GoldConflict } from '../../core/gold/anchor';
import type { GoldAnnotation } from '../../core/gold/model';
import { conflictsPath, standoffPath } from '../../core/gold/paths';

/** Schemes whose documents have a place on a file system, so a standoff file can sit next to them. */
const FILE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs']);

/** What is kept for a document with unsaved text: its gold for that text, so that closing the editor loses nothing. */
export interface GoldBackup {
  uri: string;
  textHash: string;
  /** When it was written (ms since the epoch): a standoff file written later wins. */
  savedAt: number;
  annotations: GoldAnnotation[];
  conflicts: GoldConflict[];
  extra: string[];
}

export function hashText(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export class GoldStorage {
  constructor(private readonly backupFolder: vscode.Uri | undefined) {}

  /** The document's .ann (or sidecar), per the newsLens.gold.folder setting; undefined for untitled documents. */
  standoffUri(document: vscode.Uri): vscode.Uri | undefined {
    if (!FILE_SCHEMES.has(document.scheme)) return undefined;
    const folder = vscode.workspace.getConfiguration('newsLens.gold', document).get<string>('folder', '').trim();
    const root = vscode.workspace.getWorkspaceFolder(document)?.uri;
    const sameSpace = root && root.scheme === document.scheme && root.authority === document.authority;
    const target = standoffPath(document.path, { folder: folder || undefined, root: sameSpace ? root.path : undefined }, path.posix);
    return document.with({ path: target });
  }

  conflictsUri(standoff: vscode.Uri): vscode.Uri {
    return standoff.with({ path: conflictsPath(standoff.path) });
  }

  async read(uri: vscode.Uri): Promise<string | undefined> {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }

  /** Last modification time (ms since the epoch), undefined when there is no such file. */
  async mtime(uri: vscode.Uri): Promise<number | undefined> {
    try {
      return (await vscode.workspace.fs.stat(uri)).mtime;
    } catch {
      return undefined;
    }
  }

  async exists(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Writes through a temporary file in the same folder and a rename, so readers see the old or the new content,
   * never half of it (workspace.fs works on remote and virtual file systems, where Node's fs cannot reach).
   */
  async writeAtomic(uri: vscode.Uri, content: string): Promise<void> {
    // On local disk, the project's one atomic write (it also fsyncs the file and the folder: nothing half-written
    // after a crash); workspace.fs only where Node's fs cannot reach.
    if (uri.scheme === 'file') {
      writeFileAtomic(uri.fsPath, content, { makeDirectory: true });
      return;
    }
    const folder = uri.with({ path: path.posix.dirname(uri.path) });
    await vscode.workspace.fs.createDirectory(folder);
    const temporary = uri.with({ path: path.posix.join(folder.path, `.${path.posix.basename(uri.path)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}.tmp`) });
    try {
      await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(content));
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }

  private backupUri(document: vscode.Uri): vscode.Uri | undefined {
    if (!this.backupFolder) return undefined;
    return vscode.Uri.joinPath(this.backupFolder, 'gold-backups', `${hashText(document.toString())}.json`);
  }

  async readBackup(document: vscode.Uri): Promise<GoldBackup | undefined> {
    const uri = this.backupUri(document);
    const content = uri && (await this.read(uri).catch(() => undefined));
    if (!content) return undefined;
    try {
      const backup = JSON.parse(content) as GoldBackup;
      return backup.uri === document.toString() && Array.isArray(backup.annotations) ? backup : undefined;
    } catch {
      return undefined;
    }
  }

  async writeBackup(backup: GoldBackup): Promise<void> {
    const uri = this.backupUri(vscode.Uri.parse(backup.uri));
    if (uri) await this.writeAtomic(uri, JSON.stringify(backup));
  }

  async deleteBackup(document: vscode.Uri): Promise<void> {
    const uri = this.backupUri(document);
    if (uri) await this.delete(uri);
  }
}
