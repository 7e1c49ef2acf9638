// Entry point of the bundled CLI (dist/cli.js): runs the command and sets the exit code, or, in a worker thread, the worker loop.
import { isMainThread, workerData } from 'node:worker_threads';
import { main } from './main';
import { WORKER_FLAG } from './pool';
import { runWorker } from './worker';

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_FLAG]) {
  runWorker();
} else {
  // A closed pipe (`news-lens annotate … | head`) ends the run quietly, as for other command-line tools.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
