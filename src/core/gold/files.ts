// Reads standoff gold from disk for the command line (the editor reads the same files through vscode.workspace.fs).
import { readIfExists } from '../../shared/read-if-exists';
import type { Annotation } from '../types';
import { goldForExport, type GoldSelection } from './export';
import { loadBratGold, type LoadedGold } from './load';
import { conflictsPath, standoffPath, type StandoffLocation } from './paths';
import { GoldSidecar, recordId } from './sidecar';

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

/** A document as the command line reads it: a text file, or a record (with its 1-based line) of a JSONL corpus. */
export interface GoldSourceDocument {
  source: string;
  line?: number;
  record?: Record<string, unknown>;
  text: string;
}

/**
 * What `news-lens export --gold` exports instead of the engine's suggestions: each document's gold from its standoff
 * file, read with the same code as the editor. Documents without gold give undefined; problems go to `warn`.
 */
export class GoldReader {
  private readonly sidecars = new Map<string, GoldSidecar>();

  constructor(
    private readonly location: StandoffLocation,
    private readonly selection: GoldSelection,
    private readonly warn: (message: string) => void,
  ) {}

  annotations(doc: GoldSourceDocument): Annotation[] | undefined {
    if (doc.line === undefined) {
      const gold = readTextGold(doc.source, doc.text, this.location);
      if (!gold.file) return undefined;
      this.report(gold.file, gold.problems, gold.conflicts.length);
      return goldForExport(gold.annotations, this.selection);
    }
    const sidecar = this.sidecarOf(doc.source);
    const found = sidecar.get(recordId(doc.record ?? {}, doc.line), doc.text);
    if (found.match === 'none') return undefined;
    this.report(`${doc.source}:${doc.line}`, [], found.conflicts.length);
    return goldForExport(found.annotations, this.selection);
  }

  private sidecarOf(corpus: string): GoldSidecar {
    let sidecar = this.sidecars.get(corpus);
    if (!sidecar) {
      const read = readCorpusGold(corpus, this.location);
      if (read.file) this.report(read.file, read.problems, 0);
      sidecar = read.sidecar;
      this.sidecars.set(corpus, sidecar);
    }
    return sidecar;
  }

  private report(where: string, problems: readonly string[], conflicts: number): void {
    for (const problem of problems) this.warn(`${where}: ${problem}`);
    if (conflicts) this.warn(`${where}: ${conflicts} annotation(s) no longer fit the text and were left out (open the document in the editor to see them)`);
  }
}
