// What every CLI command shares: where it writes, which inputs it reads, the version, the duplicate index's settings.
import { DuplicateIndex } from '../core/dedup';
import { InputError } from './input';
import type { CliOptions } from './options';

declare const NEWS_LENS_VERSION: string | undefined;

/** Where a command writes; the process's streams by default, buffers when `serve` runs a task. */
export interface CliIo {
  /** Output text, or its UTF-8 bytes (the output of worker threads). */
  stdout: { write(text: string | Uint8Array): boolean; once?(event: 'drain', listener: () => void): unknown };
  stderr: { write(text: string): boolean };
}

export const processIo: CliIo = {
  get stdout() {
    return process.stdout;
  },
  get stderr() {
    return process.stderr;
  },
};

const utf8 = new TextDecoder();

/** Text written to a CliIo stream, as a string (for callers that capture the output). */
export function asText(text: string | Uint8Array): string {
  return typeof text === 'string' ? text : utf8.decode(text);
}

export function version(): string {
  return typeof NEWS_LENS_VERSION === 'string' ? NEWS_LENS_VERSION : 'dev';
}

/** Writes to the command's standard output, waiting when the pipe is full (streaming with bounded memory). */
export async function writeOut(io: CliIo, text: string | Uint8Array): Promise<void> {
  if (text.length === 0) return;
  if (!io.stdout.write(text) && io.stdout.once) await new Promise<void>((resolve) => io.stdout.once!('drain', resolve));
}

/** No files: standard input, unless it is a terminal (then the user forgot the files). */
export function inputFiles(options: CliOptions): string[] {
  if (options.files.length > 0) return options.files;
  if (process.stdin.isTTY) throw new InputError('no input files given (pass FILE… or pipe text into standard input)');
  return ['-'];
}

/** A duplicate index with the dedup module's defaults and the run's threshold. */
export function dedupIndex(options: CliOptions): DuplicateIndex {
  return new DuplicateIndex({ threshold: options.threshold });
}
