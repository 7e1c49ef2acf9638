// Entities as document symbols, so Outline and Go to Symbol list the people, places and organizations of a story (each once).
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Annotation } from '../core/types';
import { labelName, t } from './messages';

const KIND: Record<string, SymbolKind> = {
  PER: SymbolKind.Object,
  LOC: SymbolKind.Namespace,
  ORG: SymbolKind.Class,
  WORK: SymbolKind.File,
  FAC: SymbolKind.Struct,
};

/**
 * One symbol per distinct entity (type and name), at its first occurrence, with how often it occurs:
 * Outline, breadcrumbs and sticky scroll ask for symbols constantly, and one per occurrence is
 * tens of thousands on a long crawl.
 */
export function entitySymbols(document: TextDocument, annotations: readonly Annotation[]): DocumentSymbol[] {
  const byEntity = new Map<string, { first: Annotation; name: string; count: number }>();
  for (const a of annotations) {
    if (a.kind !== 'entity') continue;
    const name = a.cleanText ?? a.text;
    const key = `${a.label}\u0000${name}`;
    const seen = byEntity.get(key);
    if (seen) seen.count++;
    else byEntity.set(key, { first: a, name, count: 1 });
  }
  return [...byEntity.values()].map(({ first, name, count }) => {
    const range = { start: document.positionAt(first.start), end: document.positionAt(first.end) };
    const detail = count > 1 ? `${labelName(first.label)} ×${count}` : labelName(first.label);
    return { name, detail, kind: KIND[first.label] ?? SymbolKind.Key, range, selectionRange: range };
  });
}

/** A record of a JSONL corpus: its line, id (if any) and annotations in document offsets. */
export interface SymbolRecord {
  line: number;
  id?: string;
  lineLength: number;
  annotations: readonly Annotation[];
}

/** JSONL corpora: one symbol per record (line and id, with its junk count), its entities inside it. */
export function recordSymbols(document: TextDocument, records: readonly SymbolRecord[]): DocumentSymbol[] {
  return records.map((record) => {
    const range = { start: { line: record.line, character: 0 }, end: { line: record.line, character: record.lineLength } };
    const junk = record.annotations.filter((a) => a.kind === 'junk').length;
    const children = entitySymbols(document, record.annotations);
    const detail = `${t('hover.junk')} ${junk} · ${t('hover.entity')} ${children.length}`;
    return { name: `#${record.line + 1}${record.id !== undefined ? ` ${record.id}` : ''}`, detail, kind: SymbolKind.Module, range, selectionRange: range, children };
  });
}
