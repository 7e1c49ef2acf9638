// The loop of a CLI worker thread: loads the engine at once (while the main thread checks the inputs), then processes the batches the main thread posts.
import { parentPort, workerData } from 'node:worker_threads';
import { entitySegmenterReady } from '../core/entities';
import { encodeOutput, processBatch, warmUp, type WorkConfig, type WorkItem } from './work';

/** The first message of a worker: the engine is loaded (or needs nothing loaded), and how long that took. */
export interface WorkerReady {
  ready: true;
  warmUpMs: number;
  /** nodejieba's dictionaries and the entity model are loaded (not for dedup or export --gold, which need neither). */
  segmenterLoaded: boolean;
}

export function runWorker(): void {
  const config = (workerData as { config: WorkConfig }).config;
  parentPort!.on('message', ({ id, items }: { id: number; items: WorkItem[] }) => {
    const result = processBatch(config, items);
    if (config.outputBytes) encodeOutput(result);
    const transfer = (result.signatures ?? []).flatMap((s) => (s ? [s.minhash.buffer as ArrayBuffer] : []));
    if (result.output) transfer.push(result.output.bytes.buffer as ArrayBuffer);
    parentPort!.postMessage({ id, result }, transfer);
  });
  // Batches posted meanwhile wait in the port's queue until this returns.
  const started = performance.now();
  warmUp(config);
  parentPort!.postMessage({ ready: true, warmUpMs: performance.now() - started, segmenterLoaded: entitySegmenterReady() } satisfies WorkerReady);
}
