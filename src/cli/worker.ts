// The loop of a CLI worker thread: processes the batches the main thread posts, with the run's WorkConfig.
import { parentPort, workerData } from 'node:worker_threads';
import { processBatch, type WorkConfig, type WorkItem } from './work';

export function runWorker(): void {
  const config = (workerData as { config: WorkConfig }).config;
  parentPort!.on('message', ({ id, items }: { id: number; items: WorkItem[] }) => {
    const result = processBatch(config, items);
    const transfer = (result.signatures ?? []).flatMap((s) => (s ? [s.minhash.buffer as ArrayBuffer] : []));
    parentPort!.postMessage({ id, result }, transfer);
  });
}
