// The entity tagger's model load (data/ner/model.bin): time and RSS in fresh processes.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { summarize, type Summary } from './stats';

const CHILD = path.join(__dirname, 'model-load-child.ts');
const ROOT = path.join(__dirname, '..');

export interface ModelLoadResult {
  loadMs: Summary;
  loadCpuMs: Summary;
  rssDeltaMB: Summary;
  fileMB: number;
  features: number;
}

export function measureModelLoad(runs: number, log: (line: string) => void): ModelLoadResult {
  const results: { loadMs: number; loadCpuMs: number; rssDeltaMB: number; fileMB: number; features: number }[] = [];
  for (let k = 0; k < Math.max(3, runs); k++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
    results.push(JSON.parse(out.trim()));
  }
  const result: ModelLoadResult = {
    loadMs: summarize(results.map((r) => r.loadMs)),
    loadCpuMs: summarize(results.map((r) => r.loadCpuMs)),
    rssDeltaMB: summarize(results.map((r) => r.rssDeltaMB)),
    fileMB: results[0].fileMB,
    features: results[0].features,
  };
  log(`  model.bin ${result.fileMB.toFixed(2)} MB, ${result.features} features: load ${result.loadMs.median.toFixed(1)} ms median (CPU ${result.loadCpuMs.median.toFixed(1)} ms), RSS +${result.rssDeltaMB.median.toFixed(1)} MB`);
  return result;
}
