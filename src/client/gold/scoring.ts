// Commands that measure: suggestions against gold (this document or the workspace) and agreement between two annotators.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CodePointIndex } from '../../core/codepoints';
import { agreement, type Agreement, type AgreementDocument } from '../../core/gold/agreement';
import { scoreSpans, mergePerType, sumScores, type LabelledSpan, type Score, type TypeScore } from '../../core/gold/compare';
import { importAnnotations, importFormatOf } from '../../core/gold/import-file';
import type { ImportedDocument } from '../../core/gold/imported';
import { isGold } from '../../core/gold/model';
import { textHash } from '../../core/gold/sidecar';
import type { AnnotationStore } from '../annotation-store';
import { agreementTable, describeDisagreement, escapeMarkdown, lineLink, placeLink, scoreTable, type ReportDocuments } from './reports';
import type { GoldStore } from './store';
import { suggestionsOf } from './suggestions';

export interface ComparisonResult {
  documents: number;
  perType: TypeScore[];
  micro: TypeScore;
  /** Types suggested but absent from the gold of the compared documents (not scored: the annotator did not mark them). */
  unscored: string[];
}

interface ScoredDocument {
  uri: vscode.Uri;
  text: string;
  score: Score;
}

export class GoldScoring {
  constructor(private readonly store: GoldStore, private readonly annotations: AnnotationStore, private readonly reports: ReportDocuments) {}

  /** Suggestions against gold for one document, waiting for its full analysis. */
  private async scoreDocument(document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<{ gold: LabelledSpan[]; suggested: LabelledSpan[] } | undefined> {
    const gold = await this.store.ready(document);
    await this.annotations.when(document.uri, (p) => p.version === document.version && !p.entitiesPending, 60000);
    if (token?.isCancellationRequested) return undefined;
    const suggested = suggestionsOf(this.annotations, document).filter((s) => s.layer !== 'junk');
    return { gold: gold.set.all.filter(isGold), suggested };
  }

  /** Documents of the workspace that have a standoff file. */
  private async annotatedDocuments(): Promise<vscode.Uri[]> {
    const candidates = await vscode.workspace.findFiles('**/*.{txt,md,markdown}', '**/{node_modules,.git}/**');
    const found: vscode.Uri[] = [];
    for (const uri of candidates) {
      const standoff = this.store.storage.standoffUri(uri);
      if (standoff && (await this.store.storage.exists(standoff))) found.push(uri);
    }
    return found.sort((a, b) => a.path.localeCompare(b.path));
  }

  async compare(scope?: 'document' | 'workspace'): Promise<ComparisonResult | undefined> {
    const chosen =
      scope ??
      (
        await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('This document'), scope: 'document' as const },
            { label: vscode.l10n.t('Every annotated document of the workspace'), scope: 'workspace' as const },
          ],
          { placeHolder: vscode.l10n.t('Compare the suggestions with the gold of…') },
        )
      )?.scope;
    if (!chosen) return undefined;
    let uris: vscode.Uri[];
    if (chosen === 'document') {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a text or Markdown document first.'));
        return undefined;
      }
      uris = [editor.document.uri];
    } else {
      uris = await this.annotatedDocuments();
      if (uris.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No document of the workspace has gold annotations yet (no .ann file).'));
        return undefined;
      }
    }
    const pairs = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('News Lens: comparing suggestions with gold'), cancellable: true },
      async (progress, token) => {
        const out: { uri: vscode.Uri; text: string; gold: LabelledSpan[]; suggested: LabelledSpan[] }[] = [];
        for (const uri of uris) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
          const document = await vscode.workspace.openTextDocument(uri);
          const scored = await this.scoreDocument(document, token);
          if (scored) out.push({ uri, text: document.getText(), ...scored });
        }
        return out;
      },
    );
    // Only the types the annotator marked somewhere are scored: a type never annotated would count every suggestion wrong.
    const goldTypes = new Set(pairs.flatMap((p) => p.gold.map((g) => g.label)));
    const unscored = [...new Set(pairs.flatMap((p) => p.suggested.map((s) => s.label)).filter((l) => !goldTypes.has(l)))].sort();
    const scored: ScoredDocument[] = pairs.map((p) => ({ uri: p.uri, text: p.text, score: scoreSpans(p.gold, p.suggested.filter((s) => goldTypes.has(s.label))) }));
    const perType = mergePerType(scored.map((s) => s.score));
    const micro = sumScores(vscode.l10n.t('all'), perType);
    const result = { documents: scored.length, perType, micro, unscored };
    await this.reports.show(vscode.l10n.t('Suggestions against gold'), this.comparisonReport(chosen, scored, result));
    return result;
  }

  private comparisonReport(scope: 'document' | 'workspace', scored: ScoredDocument[], result: ComparisonResult): string {
    const title = scope === 'document' ? vscode.workspace.asRelativePath(scored[0]?.uri ?? '') : vscode.l10n.t('{0} annotated document(s)', scored.length);
    const lines = [`# ${vscode.l10n.t('Suggestions against gold')}: ${escapeMarkdown(title)}`, '', vscode.l10n.t('Strict matches: same start, end and type. Precision: share of the suggestions that are gold; recall: share of the gold that was suggested.'), '', scoreTable(result.perType, result.micro)];
    if (result.unscored.length) lines.push('', vscode.l10n.t('Not scored (no gold of these types): {0}', result.unscored.join(', ')));
    if (scope === 'workspace') {
      lines.push('', `## ${vscode.l10n.t('Per document')}`, '', `| ${vscode.l10n.t('document')} | ${vscode.l10n.t('precision')} | ${vscode.l10n.t('recall')} | F1 |`, '| --- | ---: | ---: | ---: |');
      for (const s of scored) lines.push(`| ${lineLink(s.uri, 1)} | ${(s.score.micro.precision * 100).toFixed(1)}% | ${(s.score.micro.recall * 100).toFixed(1)}% | ${(s.score.micro.f1 * 100).toFixed(1)}% |`);
    }
    lines.push('', `## ${vscode.l10n.t('Where they disagree')}`, '');
    const limit = 1000;
    let shown = 0;
    for (const s of scored) {
      for (const d of s.score.disagreements) {
        if (shown++ >= limit) break;
        const at = (d.gold ?? d.predicted)!.start;
        lines.push(`- ${placeLink(s.uri, s.text, at)} ${describeDisagreement(d, s.text)}`);
      }
    }
    if (shown === 0) lines.push(vscode.l10n.t('Nowhere: the suggestions are exactly the gold.'));
    if (shown > limit) lines.push('', vscode.l10n.t('… and {0} more.', shown - limit));
    return lines.join('\n') + '\n';
  }

  /** Inter-annotator agreement between two sets of files (folders or files in any importable format) on the same texts. */
  async agreement(a?: vscode.Uri, b?: vscode.Uri): Promise<Agreement | undefined> {
    const pick = async (title: string) =>
      (await vscode.window.showOpenDialog({ title, canSelectFiles: true, canSelectFolders: true, canSelectMany: false, openLabel: vscode.l10n.t('Choose') }))?.[0];
    const first = a ?? (await pick(vscode.l10n.t("Annotator A's annotations (a folder of .ann/.txt, or a doccano, Label Studio or CoNLL file)")));
    if (!first) return undefined;
    const second = b ?? (await pick(vscode.l10n.t("Annotator B's annotations, for the same texts")));
    if (!second) return undefined;
    const problems: string[] = [];
    const sideA = await readAnnotator(first, problems);
    const sideB = await readAnnotator(second, problems);
    const byHashB = new Map(sideB.map((d) => [textHash(d.doc.text), d]));
    const paired: { doc: AgreementDocument; located: Located }[] = [];
    let unpaired = 0;
    for (const d of sideA) {
      const other = byHashB.get(textHash(d.doc.text));
      if (!other) {
        unpaired++;
        continue;
      }
      byHashB.delete(textHash(d.doc.text));
      paired.push({ doc: { name: d.name, text: d.doc.text, a: utf16Spans(d.doc), b: utf16Spans(other.doc) }, located: d });
    }
    unpaired += byHashB.size;
    if (paired.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The two annotators share no text: nothing to compare ({0} document(s) on one side only).', unpaired));
      return undefined;
    }
    const result = agreement(paired.map((p) => p.doc));
    const lines = [
      `# ${vscode.l10n.t('Inter-annotator agreement')}`,
      '',
      `A: ${escapeMarkdown(vscode.workspace.asRelativePath(first))} · B: ${escapeMarkdown(vscode.workspace.asRelativePath(second))} · ${vscode.l10n.t('{0} text(s) in common', result.documents)}${unpaired ? ` · ${vscode.l10n.t('{0} on one side only', unpaired)}` : ''}`,
      '',
      agreementTable(result),
      '',
      vscode.l10n.t("Cohen's kappa over all types: {0} on {1} tokens, {2} on {3} characters. F1: strict spans (same start, end and type).", result.tokenKappa.toFixed(3), result.tokens, result.characterKappa.toFixed(3), result.characters),
      '',
      `## ${vscode.l10n.t('Disagreements')} (${result.disagreements.length})`,
      '',
    ];
    const byName = new Map(paired.map((p) => [p.doc.name, p]));
    for (const d of result.disagreements.slice(0, 2000)) {
      const p = byName.get(d.document)!;
      const side = (spans: { label: string }[]) => (spans.length ? spans.map((s) => s.label).join('+') : '—');
      lines.push(`- ${p.located.link(p.doc.text, d.start)} “${escapeMarkdown(d.text)}”: A ${side(d.a)}, B ${side(d.b)}`);
    }
    if (problems.length) lines.push('', `## ${vscode.l10n.t('Problems')}`, '', ...problems.map((p) => `- ${escapeMarkdown(p)}`));
    await this.reports.show(vscode.l10n.t('Inter-annotator agreement'), lines.join('\n') + '\n');
    return result;
  }
}

/** An imported document with a name and a way to link to a place in it. */
interface Located {
  name: string;
  doc: ImportedDocument;
  link: (text: string, offset: number) => string;
}

function utf16Spans(doc: ImportedDocument): LabelledSpan[] {
  const index = new CodePointIndex(doc.text);
  return doc.spans.map((s) => ({ start: index.toUtf16(s.start), end: index.toUtf16(s.end), label: s.label }));
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** Every importable file under a folder (or the file itself). */
async function listFiles(uri: vscode.Uri): Promise<vscode.Uri[]> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (!(stat.type & vscode.FileType.Directory)) return [uri];
  const out: vscode.Uri[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(uri)) {
    const child = vscode.Uri.joinPath(uri, name);
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(child)));
    else if (importFormatOf(name)) out.push(child);
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** One annotator's documents: brat .ann with the .txt beside it, doccano and Label Studio files, CoNLL files. */
async function readAnnotator(root: vscode.Uri, problems: string[]): Promise<Located[]> {
  const located: Located[] = [];
  for (const file of await listFiles(root)) {
    const name = vscode.workspace.asRelativePath(file);
    const content = await readText(file);
    if (content === undefined) continue;
    const format = importFormatOf(file.path);
    let textUri: vscode.Uri | undefined;
    let text: string | undefined;
    if (format === 'brat') {
      textUri = file.with({ path: file.path.replace(/\.ann$/i, '.txt') });
      text = await readText(textUri);
      if (text === undefined) {
        problems.push(vscode.l10n.t('{0}: no {1} beside it; left out', name, path.posix.basename(textUri.path)));
        continue;
      }
    }
    try {
      const { documents, problems: found } = importAnnotations(name, content, text, format);
      problems.push(...found);
      documents.forEach((doc, i) => {
        const many = documents.length > 1;
        located.push({
          name: many ? `${name}#${doc.id ?? i + 1}` : name,
          doc,
          // brat: the place in the .txt; records of a file: the file (at the record's line for JSONL).
          link: (docText, offset) =>
            textUri
              ? placeLink(textUri, docText, offset)
              : lineLink(file, Number(/:(\d+)$/.exec(doc.source)?.[1] ?? 1)),
        });
      });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return located;
}
