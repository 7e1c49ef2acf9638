// The news-lens command line: annotate, clean and export documents and JSONL corpora with the engine.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, cleanText } from '../core';
import { toBrat, toConll, toDoccano, toLabelStudio } from '../core/export';
import { GoldReader } from '../core/gold/files';
import type { JunkKind } from '../core/types';
import { writeFileAtomic } from './atomic-write';
import { readDocuments, type InputDocument } from './documents';
import { InputError } from './input';
import { parseCli, USAGE, type CliOptions } from './options';
import { Progress } from './progress';
import { toJsonSpans } from './spans';

declare const NEWS_LENS_VERSION: string | undefined;

export async function main(argv: string[]): Promise<number> {
  try {
    const options = parseCli(argv);
    switch (options.command) {
      case 'help':
        process.stdout.write(USAGE + '\n');
        return 0;
      case 'version':
        process.stdout.write(`${typeof NEWS_LENS_VERSION === 'string' ? NEWS_LENS_VERSION : 'dev'}\n`);
        return 0;
      case 'annotate':
        return await annotate(options);
      case 'clean':
        return await clean(options);
      case 'export':
        return await exportAnnotations(options);
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`news-lens: error: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`news-lens: internal error: ${(error as Error).message}\n`);
    return 1;
  }
}

async function annotate(options: CliOptions): Promise<number> {
  const documents = await readDocuments(options);
  forEachWithProgress(documents, 'annotating', (doc) => {
    const { annotations } = new Analyzer().analyze(doc.text, options.analyze);
    const spans = toJsonSpans(doc.text, annotations);
    const head: Record<string, unknown> = doc.line === undefined ? { file: doc.source } : { file: doc.source, line: doc.line };
    if (doc.record && 'id' in doc.record) head.id = doc.record.id;
    process.stdout.write(JSON.stringify({ ...head, spans }) + '\n');
  });
  return 0;
}

async function clean(options: CliOptions): Promise<number> {
  const documents = await readDocuments(options);
  if (!options.inPlace && options.input === 'text' && documents.length > 1) {
    throw new InputError('clean of several files needs --in-place (or clean them one at a time)');
  }
  const totals: Partial<Record<JunkKind, number>> = {};
  forEachWithProgress(documents, 'cleaning', (doc) => {
    const result = cleanText(doc.text, options.analyze, options.kinds);
    for (const [kind, count] of Object.entries(result.removed)) totals[kind as JunkKind] = (totals[kind as JunkKind] ?? 0) + count;
    if (options.inPlace) {
      if (result.edits.length === 0) return;
      if (options.backupSuffix !== undefined) fs.copyFileSync(doc.source, doc.source + options.backupSuffix);
      writeFileAtomic(doc.source, result.text);
    } else if (options.input === 'jsonl') {
      process.stdout.write(JSON.stringify({ ...doc.record, [options.textField]: result.text }) + '\n');
    } else {
      process.stdout.write(result.text);
    }
  });
  process.stderr.write(`news-lens: ${documents.length} document(s); removed ${summarise(totals)}\n`);
  return 0;
}

function summarise(counts: Partial<Record<JunkKind, number>>): string {
  const parts = Object.entries(counts).map(([kind, count]) => `${count} ${kind}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

async function exportAnnotations(options: CliOptions): Promise<number> {
  const documents = await readDocuments(options);
  const format = options.format!;
  if (format === 'brat') {
    if (!options.outDir) throw new InputError('--format brat writes X.txt and X.ann files: give --out-dir DIR');
    fs.mkdirSync(options.outDir, { recursive: true });
  }
  const labelStudioTasks: unknown[] = [];
  const gold = options.gold && new GoldReader({ folder: options.gold.annDir, root: process.cwd() }, options.gold.withAccepted ? 'gold+accepted' : 'gold', (m) => process.stderr.write(`news-lens: warning: ${m}\n`));
  let withoutGold = 0;
  forEachWithProgress(documents, 'exporting', (doc, index) => {
    const annotations = gold ? gold.annotations(doc) : new Analyzer().analyze(doc.text, options.analyze).annotations;
    if (!annotations) {
      withoutGold++;
      return;
    }
    switch (format) {
      case 'brat': {
        const name = bratName(doc, index);
        writeFileAtomic(path.join(options.outDir!, `${name}.txt`), doc.text);
        writeFileAtomic(path.join(options.outDir!, `${name}.ann`), toBrat(doc.text, annotations));
        break;
      }
      case 'doccano':
        process.stdout.write(JSON.stringify(toDoccano(doc.text, annotations)) + '\n');
        break;
      case 'label-studio':
        labelStudioTasks.push(toLabelStudio(doc.text, annotations));
        break;
      case 'conll':
        process.stdout.write(toConll(doc.text, annotations) + '\n');
        break;
    }
  });
  if (format === 'label-studio') process.stdout.write(JSON.stringify(labelStudioTasks, null, 1) + '\n');
  if (withoutGold) process.stderr.write(`news-lens: ${withoutGold} of ${documents.length} document(s) have no gold (no standoff file or record) and were skipped\n`);
  return 0;
}

function bratName(doc: InputDocument, index: number): string {
  const stem = doc.source === '<stdin>' ? 'stdin' : path.basename(doc.source).replace(/\.[^.]*$/, '');
  return doc.line === undefined ? stem : `${stem}-${String(index + 1).padStart(6, '0')}`;
}

function forEachWithProgress(documents: InputDocument[], label: string, work: (doc: InputDocument, index: number) => void): void {
  const progress = new Progress(documents.length, label);
  for (let i = 0; i < documents.length; i++) {
    work(documents[i], i);
    progress.update(i + 1);
  }
  progress.finish();
}
