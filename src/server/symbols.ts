// Entities as document symbols, so Outline and Go to Symbol list the people, places and organizations of a story.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Annotation } from '../core/types';
import { labelName } from './messages';

const KIND: Record<string, SymbolKind> = {
  PER: SymbolKind.Object,
  LOC: SymbolKind.Namespace,
  ORG: SymbolKind.Class,
  WORK: SymbolKind.File,
  FAC: SymbolKind.Struct,
};

export function entitySymbols(document: TextDocument, annotations: readonly Annotation[]): DocumentSymbol[] {
  return annotations
    .filter((a) => a.kind === 'entity')
    .map((a) => {
      const range = { start: document.positionAt(a.start), end: document.positionAt(a.end) };
      return { name: a.cleanText ?? a.text, detail: labelName(a.label), kind: KIND[a.label] ?? SymbolKind.Key, range, selectionRange: range };
    });
}
