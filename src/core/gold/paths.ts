// Where a document's gold lives: X.txt → X.ann (brat) beside it or under a chosen folder; a JSONL corpus → its .gold sidecar.
import * as nodePath from 'node:path';
import { SIDECAR_SUFFIX } from './sidecar';

export interface StandoffLocation {
  /** A folder for the standoff files (absolute, or relative to `root`); the documents' folders are mirrored under it. */
  folder?: string;
  /** The workspace folder documents are relative to. */
  root?: string;
}

/** A path module: node:path for files on this machine, path.posix for URI paths (the editor). */
type PathApi = Pick<typeof nodePath, 'join' | 'dirname' | 'basename' | 'relative' | 'isAbsolute' | 'resolve' | 'sep'>;

export function isJsonlCorpus(documentPath: string): boolean {
  return /\.jsonl$/i.test(documentPath);
}

/** The standoff file of a document: brat .ann for text (X.txt → X.ann, X.md → X.md.ann), the sidecar for JSONL. */
export function standoffPath(documentPath: string, location: StandoffLocation = {}, path: PathApi = nodePath): string {
  const name = path.basename(documentPath);
  const fileName = isJsonlCorpus(name) ? name + SIDECAR_SUFFIX : /\.txt$/i.test(name) ? name.replace(/\.txt$/i, '.ann') : name + '.ann';
  const folder = path.dirname(documentPath);
  if (!location.folder) return path.join(folder, fileName);
  const base = path.isAbsolute(location.folder) || !location.root ? location.folder : path.join(location.root, location.folder);
  const relative = location.root ? path.relative(location.root, folder) : '';
  // A document outside the workspace folder keeps its standoff file beside it (nothing would mirror its place).
  if (relative.startsWith('..') || path.isAbsolute(relative)) return path.join(folder, fileName);
  return path.join(base, relative, fileName);
}

/** The file that holds conflicts (decisions that could not be re-anchored) of a brat .ann: X.ann → X.ann.conflicts.json. */
export function conflictsPath(annPath: string): string {
  return annPath + '.conflicts.json';
}
