// Investigation: nodejieba load() cost — which dictionary files it reads, and time/RSS with defaults vs the engine's stubbed keyword lists.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarize, type Summary } from './stats';

const CHILD = path.join(__dirname, 'jieba-load-child.cjs');

interface ChildResult {
  mode: string;
  requireMs: number;
  loadMs: number;
  firstTagMs: number;
  rssRequired: number;
  rssLoaded: number;
  rssDeltaMB: number;
}

export interface LoadVariant {
  mode: string;
  loadMs: Summary;
  rssDeltaMB: Summary;
  rssLoadedMB: Summary;
}

export interface DictionaryRead {
  file: string;
  sizeKB: number;
  /** How many times load() opened the file (from strace; undefined when strace is unavailable). */
  opens?: number;
}

export interface JiebaLoadResult {
  variants: LoadVariant[];
  /** Dictionary files opened by load() with defaults. */
  files: DictionaryRead[];
  stracedBy?: string;
}

function runChild(mode: string): ChildResult {
  const out = execFileSync(process.execPath, [CHILD, mode], { encoding: 'utf8', cwd: path.join(__dirname, '..'), timeout: 120_000 });
  return JSON.parse(out.trim()) as ChildResult;
}

/** Which files under nodejieba's dict folder load() opens, and how often (strace, when installed). */
function dictionaryReads(): { files: DictionaryRead[]; stracedBy?: string } {
  const dictDir = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  const names = ['jieba.dict.utf8', 'hmm_model.utf8', 'user.dict.utf8', 'idf.utf8', 'stop_words.utf8'];
  const files: DictionaryRead[] = names.map((file) => ({ file, sizeKB: statSync(path.join(dictDir, file)).size / 1024 }));
  const strace = spawnSync('strace', ['-V'], { stdio: 'ignore' });
  if (strace.status !== 0) return { files };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-strace-'));
  try {
    const log = path.join(dir, 'trace');
    const r = spawnSync('strace', ['-f', '-e', 'trace=openat', '-o', log, process.execPath, CHILD, 'defaults'], { stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0) return { files };
    const trace = readFileSync(log, 'utf8');
    for (const f of files) f.opens = trace.split('\n').filter((l) => l.includes(`/dict/${f.file}"`) && !/= -1/.test(l)).length;
    return { files, stracedBy: 'strace -e openat' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function measureJiebaLoad(runs: number, log: (line: string) => void): JiebaLoadResult {
  const byMode = new Map<string, ChildResult[]>([['defaults', []], ['stub', []]]);
  for (let i = 0; i < runs; i++) {
    for (const mode of byMode.keys()) byMode.get(mode)!.push(runChild(mode));
  }
  const variants = [...byMode].map(([mode, results]) => ({
    mode: mode === 'stub' ? 'idf + stop words → one-line file (the engine)' : 'defaults (idf.utf8, stop_words.utf8)',
    loadMs: summarize(results.map((r) => r.loadMs)),
    rssDeltaMB: summarize(results.map((r) => r.rssDeltaMB)),
    rssLoadedMB: summarize(results.map((r) => r.rssLoaded)),
  }));
  for (const v of variants) log(`    ${v.mode}: load ${v.loadMs.median.toFixed(0)} ms, +${v.rssDeltaMB.median.toFixed(0)} MB RSS`);
  return { variants, ...dictionaryReads() };
}
