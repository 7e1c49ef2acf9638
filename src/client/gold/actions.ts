// The annotator's actions in the editor: what is under the caret or selection, and one entry point that applies an action to it.
import * as vscode from 'vscode';
import {
  acceptAllDiff, acceptDiff, annotateDiff, changeTypeDiff, notJunkDiff, openSuggestions, removeDiff, setValueDiff,
} from '../../core/gold/actions';
import { ENTITY_TYPES, FIGURE_TYPES } from '../../core/types';
import type { GoldAnnotation, GoldDiff, Suggestion } from '../../core/gold/model';
import type { AnnotationStore } from '../annotation-store';
import { snapToRecord } from '../../core/gold/jsonl-records';
import { corpusTextFields, type GoldDocument, type GoldStore } from './store';
import { openCounts, suggestionsAt, suggestionsNear, suggestionsOf } from './suggestions';

export const GOLD_TYPES: readonly string[] = [...ENTITY_TYPES, ...FIGURE_TYPES];

export type GoldActionName = 'annotate' | 'accept' | 'acceptAll' | 'changeType' | 'remove' | 'setValue' | 'notJunk';

/** A decision (by id) or a suggestion (by its span and label) an action is about. */
export type TargetRef = { id: string } | { start: number; end: number; label: string; layer: Suggestion['layer'] };

/** What code actions, hovers and keys ask for; offsets are those of `version` of the document. */
export interface GoldRequest {
  uri: string;
  version: number;
  action: GoldActionName;
  target?: TargetRef;
  /** annotate: the span; changeType/annotate/acceptAll: the type; setValue: the value. */
  span?: { start: number; end: number };
  label?: string;
  value?: string;
}

export function typeName(label: string): string {
  const names: Record<string, string> = {
    PER: vscode.l10n.t('Person'),
    LOC: vscode.l10n.t('Place'),
    ORG: vscode.l10n.t('Organization'),
    WORK: vscode.l10n.t('Title of a work'),
    FAC: vscode.l10n.t('Facility or project'),
    MONEY: vscode.l10n.t('Money'),
    PERCENT: vscode.l10n.t('Percentage'),
    DATE: vscode.l10n.t('Date'),
    TIME: vscode.l10n.t('Time'),
    QUANTITY: vscode.l10n.t('Quantity'),
    CARDINAL: vscode.l10n.t('Number'),
    ORDINAL: vscode.l10n.t('Ordinal'),
  };
  return names[label] ? `${names[label]} (${label})` : label;
}

/** What is at a place in a document: decisions (shortest first) and open suggestions (shortest first). */
export interface Under {
  decisions: GoldAnnotation[];
  open: Suggestion[];
  junk: Suggestion[];
}

export function under(gold: GoldDocument, suggestions: readonly Suggestion[], start: number, end = start): Under {
  // A caret between two spans belongs to the one it is inside of (or starts), before the one it ends.
  const rank = (s: { start: number; end: number }) => (start === end && s.end === start && s.start < start ? 1 : 0);
  const order = (a: { start: number; end: number }, b: { start: number; end: number }) => rank(a) - rank(b) || a.end - a.start - (b.end - b.start);
  const decisions = gold.set.at(start, end).sort(order);
  const here = suggestionsAt(suggestions, start, end).sort(order);
  const open = openSuggestions(gold.set, here.filter((s) => s.layer !== 'junk'));
  const decidedJunk = new Set(decisions.filter((d) => d.kind === 'not-junk').map((d) => `${d.start}:${d.end}:${d.label}`));
  const junk = here.filter((s) => s.layer === 'junk' && !decidedJunk.has(`${s.start}:${s.end}:${s.label}`));
  return { decisions, open, junk };
}

/** The selection without whitespace at its edges (selecting a word with a trailing space is common). */
export function trimmedSelection(document: vscode.TextDocument, selection: vscode.Selection): { start: number; end: number; text: string } | undefined {
  const selected = document.getText(selection);
  const lead = selected.length - selected.trimStart().length;
  const text = selected.trim();
  if (!text) return undefined;
  const start = document.offsetAt(selection.start) + lead;
  return { start, end: start + text.length, text };
}

export class GoldActions {
  constructor(private readonly gold: GoldStore, private readonly annotations: AnnotationStore) {}

  /** Every suggestion of the document (user commands that act on all of them). */
  suggestions(document: vscode.TextDocument): Suggestion[] {
    return suggestionsOf(this.annotations, document);
  }

  /** The suggestions touching [start, end] (what runs per caret move: code actions, hovers, context keys). */
  near(document: vscode.TextDocument, start: number, end = start): Suggestion[] {
    return suggestionsNear(this.annotations, document, start, end);
  }

  /** Open entity and figure suggestions per type. */
  openCounts(document: vscode.TextDocument, gold: GoldDocument): Map<string, number> {
    return openCounts(this.annotations, document, gold.set, gold.revision);
  }

  /** Resolves a request against the document as it is now; undefined (and a message) when it no longer applies. */
  private resolve(document: vscode.TextDocument, gold: GoldDocument, ref: TargetRef | undefined): GoldAnnotation | Suggestion | undefined {
    if (!ref) return undefined;
    if ('id' in ref) return gold.set.byId(ref.id);
    return this.near(document, ref.start, ref.end).find((s) => s.start === ref.start && s.end === ref.end && s.label === ref.label && s.layer === ref.layer);
  }

  /** Applies a request (from a code action, a hover link, a command or a key); returns whether anything changed. */
  async run(request: GoldRequest): Promise<boolean> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === request.uri);
    if (!document) return false;
    const gold = await this.gold.ready(document);
    if (document.version !== request.version) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The document changed since this action was offered; nothing was changed. Try again.'));
      return false;
    }
    const target = this.resolve(document, gold, request.target);
    if (request.target && !target) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That annotation is no longer there; nothing was changed.'));
      return false;
    }
    const diff = this.diffFor(document, gold, request, target);
    if (!diff) return false;
    return this.gold.apply(document, diff);
  }

  /** In a JSONL corpus, a span must lie in one record's text: widened to whole escapes, else refused with a message. */
  private recordSpan(document: vscode.TextDocument, span: { start: number; end: number }): { start: number; end: number } | undefined {
    const snapped = snapToRecord(document.getText(), span.start, span.end, corpusTextFields(document.uri));
    if (!snapped) void vscode.window.showWarningMessage(vscode.l10n.t("Select text inside one record's text field to annotate it; nothing was changed."));
    return snapped;
  }

  private diffFor(document: vscode.TextDocument, gold: GoldDocument, request: GoldRequest, target: GoldAnnotation | Suggestion | undefined): GoldDiff | undefined {
    const set = gold.set;
    switch (request.action) {
      case 'annotate': {
        if (!request.span || !request.label) return undefined;
        const span = gold.corpus ? this.recordSpan(document, request.span) : request.span;
        if (!span) return undefined;
        const text = document.getText(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)));
        return annotateDiff(set, { start: span.start, end: span.end, text }, request.label);
      }
      case 'accept':
        return target && !('id' in target) ? acceptDiff(set, target) : undefined;
      case 'acceptAll':
        return request.label ? acceptAllDiff(set, this.suggestions(document), request.label) : undefined;
      case 'changeType':
        return target && request.label ? changeTypeDiff(set, target, request.label) : undefined;
      case 'remove':
        return target ? removeDiff(set, target, this.near(document, target.start, target.end)) : undefined;
      case 'setValue':
        return target && request.value !== undefined ? setValueDiff(set, target, request.value) : undefined;
      case 'notJunk':
        return target && !('id' in target) && target.layer === 'junk' ? notJunkDiff(set, target) : undefined;
    }
  }
}

/** A reference to a decision or suggestion for a request. */
export function refOf(target: GoldAnnotation | Suggestion): TargetRef {
  return 'id' in target ? { id: target.id } : { start: target.start, end: target.end, label: target.label, layer: target.layer };
}
