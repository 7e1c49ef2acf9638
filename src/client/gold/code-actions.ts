// Code actions (Ctrl+.) of the gold layer: annotate a selection as a type; accept, change, remove an annotation; "not junk".
import * as vscode from 'vscode';
import { ENTITY_TYPES, FIGURE_TYPES } from '../../core/types';
import type { GoldAnnotation, Suggestion } from '../../core/gold/model';
import { refOf, trimmedSelection, typeName, under, type GoldActions, type GoldRequest } from './actions';
import type { GoldStore } from './store';

export const GOLD_ACTION_KIND = vscode.CodeActionKind.QuickFix.append('newsLens.gold');

export class GoldCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [GOLD_ACTION_KIND] };

  constructor(private readonly store: GoldStore, private readonly actions: GoldActions) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !GOLD_ACTION_KIND.intersects(context.only)) return [];
    const gold = this.store.peek(document.uri);
    if (!gold || gold.loading) return [];
    const base = { uri: document.uri.toString(), version: document.version };
    const action = (title: string, request: Omit<GoldRequest, 'uri' | 'version'>, preferred = false): vscode.CodeAction => {
      const a = new vscode.CodeAction(title, GOLD_ACTION_KIND);
      a.command = { command: 'newsLens.gold.apply', title, arguments: [{ ...base, ...request }] };
      if (preferred) a.isPreferred = true;
      return a;
    };
    const result: vscode.CodeAction[] = [];
    const selection = range.isEmpty ? undefined : trimmedSelection(document, new vscode.Selection(range.start, range.end));
    if (selection) {
      for (const type of ENTITY_TYPES) {
        result.push(action(vscode.l10n.t('Annotate as {0}', typeName(type)), { action: 'annotate', span: selection, label: type }));
      }
      // Figure types only when the selection holds a digit or a numeral (otherwise they would only crowd the menu).
      if (/[\d０-９〇零一二兩两三四五六七八九十百千萬万億亿%％]/.test(selection.text)) {
        for (const type of FIGURE_TYPES) {
          result.push(action(vscode.l10n.t('Annotate as {0}', typeName(type)), { action: 'annotate', span: selection, label: type }));
        }
      }
    }
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const at = under(gold, this.actions.near(document, start, end), start, end);
    const counts = at.open.length ? this.actions.openCounts(document, gold) : new Map<string, number>();
    // With a selection, "Annotate as …" already changes types: the per-annotation type changes would only repeat them.
    const withTypes = !selection;
    for (const decision of at.decisions) result.push(...this.onDecision(decision, action, withTypes));
    for (const suggestion of at.open) result.push(...this.onSuggestion(suggestion, counts.get(suggestion.label) ?? 0, action, withTypes));
    for (const finding of at.junk) {
      result.push(action(vscode.l10n.t('Mark “{0}” as not junk (here only)', shorten(finding.text)), { action: 'notJunk', target: refOf(finding) }));
    }
    return result;
  }

  private onDecision(decision: GoldAnnotation, action: (title: string, r: Omit<GoldRequest, 'uri' | 'version'>) => vscode.CodeAction, withTypes: boolean): vscode.CodeAction[] {
    const name = shorten(decision.text);
    const target = refOf(decision);
    if (decision.kind === 'rejected') return [action(vscode.l10n.t('Restore the suggestion {0} “{1}”', decision.label, name), { action: 'remove', target })];
    if (decision.kind === 'not-junk') return [action(vscode.l10n.t('Report “{0}” as junk again', name), { action: 'remove', target })];
    const actions = [
      action(vscode.l10n.t('Remove the gold annotation {0} “{1}”', decision.label, name), { action: 'remove', target }),
      ...(withTypes ? this.changeTypes(decision, action) : []),
    ];
    if (decision.kind === 'figure' && withTypes) actions.push(this.editValue(decision));
    return actions;
  }

  private onSuggestion(
    suggestion: Suggestion,
    sameType: number,
    action: (title: string, r: Omit<GoldRequest, 'uri' | 'version'>, preferred?: boolean) => vscode.CodeAction,
    withTypes: boolean,
  ): vscode.CodeAction[] {
    const name = shorten(suggestion.text);
    const target = refOf(suggestion);
    const actions = [
      action(vscode.l10n.t('Accept the suggestion {0} “{1}”', suggestion.label, name), { action: 'accept', target }, true),
      action(vscode.l10n.t('Remove the suggestion {0} “{1}”', suggestion.label, name), { action: 'remove', target }),
      ...(withTypes ? this.changeTypes(suggestion, action) : []),
      action(vscode.l10n.t('Accept all {0} suggestions in this document ({1})', suggestion.label, sameType), { action: 'acceptAll', label: suggestion.label }),
    ];
    if (suggestion.layer === 'figure' && withTypes) actions.push(this.editValue(suggestion));
    return actions;
  }

  /** "Change type to …": the other types of its own layer (entities to entity types, figures to figure types). */
  private changeTypes(target: GoldAnnotation | Suggestion, action: (title: string, r: Omit<GoldRequest, 'uri' | 'version'>) => vscode.CodeAction): vscode.CodeAction[] {
    const isFigure = 'id' in target ? target.kind === 'figure' : target.layer === 'figure';
    const types: readonly string[] = isFigure ? FIGURE_TYPES : ENTITY_TYPES;
    return types
      .filter((t) => t !== target.label)
      .map((t) => action(vscode.l10n.t('Change {0} “{1}” to {2}', target.label, shorten(target.text), typeName(t)), { action: 'changeType', target: refOf(target), label: t }));
  }

  private editValue(target: GoldAnnotation | Suggestion): vscode.CodeAction {
    const title = vscode.l10n.t('Edit the value of “{0}”…', shorten(target.text));
    const a = new vscode.CodeAction(title, GOLD_ACTION_KIND);
    a.command = { command: 'newsLens.gold.editValue', title };
    return a;
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 24 ? flat.slice(0, 24) + '…' : flat;
}
