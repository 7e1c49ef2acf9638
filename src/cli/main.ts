// The news-lens command line: annotate, clean and export documents and JSONL corpora, dedup corpora, serve tasks.
import { performance } from 'node:perf_hooks';
import { processIo, version, type CliIo } from './context';
import { runCorpus } from './corpus';
import { runDedup } from './dedup';
import { InputError } from './input';
import { parseCli, USAGE } from './options';
import { serve } from './serve';

export type { CliIo } from './context';

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const started = performance.now();
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
        return await runDedup(options, io, started);
      default:
        return await runCorpus(options, io, started);
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
