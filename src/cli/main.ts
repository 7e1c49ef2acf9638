// The news-lens command line: annotate, clean and export documents and JSONL corpora, dedup corpora, serve tasks.
import { performance } from 'node:perf_hooks';
import { DuplicateIndex } from '../core/dedup';
import { InputError } from './input';
import { parseCli, USAGE, type CliOptions } from './options';
import { runCorpus } from './corpus';
import { runDedup } from './dedup';
import { serve } from './serve';

declare const NEWS_LENS_VERSION: string | undefined;

/** Where a command writes; the process's streams by default, buffers when `serve` runs a task. */
export interface CliIo {
  stdout: { write(text: string): boolean; once?(event: 'drain', listener: () => void): unknown };
  stderr: { write(text: string): boolean };
}

const processIo: CliIo = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
};

export function version(): string {
  return typeof NEWS_LENS_VERSION === 'string' ? NEWS_LENS_VERSION : 'dev';
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  try {
    const options = parseCli(argv);
    switch (options.command) {
      case 'help':
        io.stdout.write(USAGE + '\n');
        return 0;
      case 'version':
        io.stdout.write(`${version()}\n`);
        return 0;
      case 'serve':
        return await serve(io, main);
      case 'dedup':
        return await runDedup(options, io, performance.now());
      default:
        return await runCorpus(options, io, performance.now());
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(`news-lens: error: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`news-lens: internal error: ${(error as Error).message}\n`);
    return 1;
  }
}

/** Writes to the command's standard output, waiting when the pipe is full (streaming with bounded memory). */
export async function writeOut(io: CliIo, text: string): Promise<void> {
  if (!text) return;
  if (!io.stdout.write(text) && io.stdout.once) await new Promise<void>((resolve) => io.stdout.once!('drain', resolve));
}

/** No files: standard input, unless it is a terminal (then the user forgot the files). */
export function inputFiles(options: CliOptions): string[] {
  if (options.files.length > 0) return options.files;
  if (process.stdin.isTTY) throw new InputError('no input files given (pass FILE… or pipe text into standard input)');
  return ['-'];
}

/** Parameters of near-duplicate signatures (the dedup module's defaults, with the run's threshold). */
export function dedupIndex(options: CliOptions): DuplicateIndex {
  return new DuplicateIndex({ threshold: options.threshold });
}
