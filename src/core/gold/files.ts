// Reads standoff gold from disk for the command line (the editor reads the same files through vscode.workspace.fs).
import * as fs from 'node:fs';
import { loadBratGold, type LoadedGold } from './load';
import { conflictsPath, standoffPath, type StandoffLocation } from './paths';
import { GoldSidecar } from './sidecar';

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The gold of a text file from its .ann (beside it, or under `location.folder`); `file` is undefined when there is none. */
export function readTextGold(textPath: string, text: string, location: StandoffLocation = {}): LoadedGold & { file?: string } {
  const ann = standoffPath(textPath, location);
  const content = readIfExists(ann);
  const loaded = loadBratGold(text, content, readIfExists(conflictsPath(ann)));
  return { ...loaded, file: content === undefined ? undefined : ann };
}

/** The sidecar of a JSONL corpus (empty when there is none) and the lines of it that could not be read. */
export function readCorpusGold(corpusPath: string, location: StandoffLocation = {}): { sidecar: GoldSidecar; problems: string[]; file?: string } {
  const file = standoffPath(corpusPath, location);
  const content = readIfExists(file);
  if (content === undefined) return { sidecar: new GoldSidecar(), problems: [] };
  return { ...GoldSidecar.parse(content), file };
}
