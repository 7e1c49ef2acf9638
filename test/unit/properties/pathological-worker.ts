// Worker-thread entry of the bounded-work tests: runs pathological cases on request, so a hang can be cut off.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../../../src/core/analyze';
import { runCase } from './pathological';

const port = parentPort;
if (port) {
  analyze('新華社記者張三報道'); // load the segmenter before any case is timed
  port.on('message', (id: string) => {
    try {
      const result = runCase(id, (phase) => port.postMessage({ type: 'phase', id, phase }));
      port.postMessage({ type: 'done', id, result });
    } catch (error) {
      port.postMessage({ type: 'error', id, message: error instanceof Error ? error.stack ?? error.message : String(error) });
    }
  });
  port.postMessage({ type: 'ready' });
}
