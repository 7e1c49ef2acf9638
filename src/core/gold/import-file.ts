// Picks the importer for an annotation file by its name: .ann (brat), .jsonl (doccano/Prodigy), .json (Label Studio), .conll/.bio/.iob/.tsv.
import { importBrat } from './brat';
import { importConll } from './import-conll';
import { importDoccano, importLabelStudio } from './import-json';
import { GoldFormatError, type ImportedDocument } from './imported';

export type ImportFormat = 'brat' | 'doccano' | 'label-studio' | 'conll';

export function importFormatOf(fileName: string): ImportFormat | undefined {
  if (/\.ann$/i.test(fileName)) return 'brat';
  if (/\.jsonl$/i.test(fileName)) return 'doccano';
  if (/\.json$/i.test(fileName)) return 'label-studio';
  if (/\.(conll|conllu|bio|iob|bioes|tsv)$/i.test(fileName)) return 'conll';
  return undefined;
}

/**
 * Reads an annotation file. brat needs the text of its .txt; CoNLL uses it when given (else rebuilds the text).
 * Returns the documents and problems that did not stop the import (e.g. brat lines that do not fit).
 */
export function importAnnotations(fileName: string, content: string, text?: string, format = importFormatOf(fileName)): { documents: ImportedDocument[]; problems: string[] } {
  switch (format) {
    case 'brat': {
      if (text === undefined) throw new GoldFormatError(`${fileName}: a brat .ann needs the text it was made on (its .txt)`);
      const { document, problems } = importBrat(content, text, fileName);
      return { documents: [document], problems };
    }
    case 'doccano':
      return { documents: importDoccano(content, fileName), problems: [] };
    case 'label-studio':
      return { documents: importLabelStudio(content, fileName), problems: [] };
    case 'conll':
      return { documents: [importConll(content, fileName, text)], problems: [] };
    default:
      throw new GoldFormatError(`${fileName}: unknown annotation format (expected .ann, .jsonl, .json or .conll/.bio)`);
  }
}
