// Child of bench/model-load.ts: loads the entity tagger's weights once in a fresh process and prints time and RSS as JSON.
import { loadTagger, modelPath, taggerError } from '../src/core/entities/model-file';
import { statSync } from 'node:fs';

const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const model = loadTagger();
const loadMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
if (!model) {
  console.error(taggerError()?.message ?? 'no model');
  process.exit(1);
}
const file = modelPath()!;
console.log(
  JSON.stringify({
    loadMs,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
    rssDeltaMB: (process.memoryUsage().rss - rssBefore) / 1e6,
    fileMB: statSync(file).size / 1e6,
    features: model.header.features,
  }),
);
