// Lists the files a workspace scan analyzes: plain text, Markdown and JSONL, minus files.exclude, .gitignore and files above the size cap.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';

/** The extensions VS Code gives the plaintext, markdown and jsonl languages. */
const KINDS: Record<string, ScanFileKind> = {
  '.txt': 'text', '.text': 'text',
  '.md': 'markdown', '.markdown': 'markdown', '.mdown': 'markdown', '.mkd': 'markdown', '.mkdn': 'markdown',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

export type ScanFileKind = 'text' | 'markdown' | 'jsonl';

export interface ScanFile {
  path: string;
  /** Path relative to the folder, with forward slashes. */
  relative: string;
  kind: ScanFileKind;
  size: number;
}

export interface FileListing {
  files: ScanFile[];
  /** Files of a scanned kind left out: by files.exclude or .gitignore, and above the size cap. */
  excluded: number;
  tooLarge: number;
}

export function scanKindOf(file: string): ScanFileKind | undefined {
  return KINDS[path.extname(file).toLowerCase()];
}

/**
 * Walks a folder (sorted, so that "earlier" means the same thing in every scan), skipping what files.exclude's
 * globs (relative to the folder, as VS Code matches them) and the .gitignore files on the way say, and `.git`.
 * `cancelled` is polled between folders.
 */
export async function listScanFiles(root: string, exclude: readonly string[], maxBytes: number, cancelled: () => boolean): Promise<FileListing> {
  const listing: FileListing = { files: [], excluded: 0, tooLarge: 0 };
  const excluded = (relative: string) => exclude.some((glob) => minimatch(relative, glob, { dot: true }));
  const walk = async (dir: string, rules: { base: string; rules: Ignore }[]): Promise<void> => {
    if (cancelled()) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to scan there
    }
    const gitignore = entries.find((e) => e.isFile() && e.name === '.gitignore');
    if (gitignore) {
      try {
        rules = [...rules, { base: dir, rules: ignore().add(await fs.readFile(path.join(dir, '.gitignore'), 'utf8')) }];
      } catch {
        // an unreadable .gitignore ignores nothing
      }
    }
    const ignored = (full: string, isDirectory: boolean) =>
      rules.some(({ base, rules: r }) => {
        const relative = path.relative(base, full).split(path.sep).join('/');
        return relative !== '' && r.ignores(isDirectory ? `${relative}/` : relative);
      });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (entry.name === '.git' || excluded(relative) || ignored(full, true)) continue;
        await walk(full, rules);
      } else if (entry.isFile()) {
        const kind = scanKindOf(entry.name);
        if (!kind) continue;
        if (excluded(relative) || ignored(full, false)) {
          listing.excluded++;
          continue;
        }
        let size: number;
        try {
          size = (await fs.stat(full)).size;
        } catch {
          continue;
        }
        if (size > maxBytes) listing.tooLarge++;
        else listing.files.push({ path: full, relative, kind, size });
      }
    }
  };
  await walk(root, []);
  return listing;
}
