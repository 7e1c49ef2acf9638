// Investigation: nodejieba load() cost — which dictionary files it reads, and time/RSS of the stock addon vs the patched (lazy TextRank) one, with defaults and with the engine's stubbed keyword lists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarize, type Summary } from './stats';

const CHILD = path.join(__dirname, 'jieba-load-child.cjs');
const ROOT = path.join(__dirname, '..');

interface ChildResult {
  mode: string;
  lazyTextRank: boolean;
  requireMs: number;
  loadMs: number;
  loadCpuMs: number;
  firstTagMs: number;
  rssRequired: number;
  rssLoaded: number;
  rssDeltaMB: number;
  textRankMs?: number;
  rssAfterTextRank?: number;
}

export interface LoadVariant {
  mode: string;
  /** 'stock' (load() builds the TextRank extractor) or 'lean' (the patched addon: built on first textRankExtract). */
  addon: 'stock' | 'lean';
  loadMs: Summary;
  loadCpuMs: Summary;
  rssDeltaMB: Summary;
  rssLoadedMB: Summary;
}

export interface DictionaryRead {
  file: string;
  sizeKB: number;
  /** How many times the installed addon's load() opened the file (from strace; undefined when strace is unavailable). */
  opens?: number;
  /** The same for the stock addon kept in node_modules/.cache, when it is there. */
  opensStock?: number;
}

export interface JiebaLoadResult {
  variants: LoadVariant[];
  /** Whether the installed addon is the patched one (scripts/patch-nodejieba.mjs). */
  lean: boolean;
  /** The stock addon measured in this run (relative path), or why it was not. */
  stockAddon: string;
  /** When the stock addon could not be measured in this run: figures recorded earlier, labelled as such. */
  recordedStock?: typeof RECORDED_STOCK;
  /** The patched addon with the engine's options: the first textRankExtract() (which now builds the extractor). */
  lazyTextRank?: { firstCallMs: Summary; rssAfterMB: Summary };
  /** Dictionary files opened by load() with defaults. */
  files: DictionaryRead[];
  stracedBy?: string;
}

/**
 * The stock addon with the engine's options, measured by this benchmark's child (9 interleaved runs, 2-core machine
 * under load, Node 20) before the patch; printed only when the stock build is not in node_modules/.cache.
 */
const RECORDED_STOCK = {
  date: '2026-11-28',
  mode: 'stock addon, idf + stop words → one-line file (recorded, not this run)',
  loadMsMedian: 1501,
  loadCpuMsMedian: 1258,
  rssDeltaMBMedian: 223,
  rssLoadedMBMedian: 264,
};

const jiebaRoot = (): string => path.dirname(require.resolve('nodejieba/package.json'));
const installedAddon = (): string => path.join(jiebaRoot(), 'build', 'Release', 'nodejieba.node');

/** Where scripts/patch-nodejieba.mjs keeps the stock build before replacing it. */
function stockAddonFile(): string {
  const version = (JSON.parse(readFileSync(path.join(jiebaRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return path.join(jiebaRoot(), '..', '.cache', 'news-lens-nodejieba', `stock-${version}.node`);
}

function runChild(mode: string, addon: string, textRank = false): ChildResult {
  const out = execFileSync(process.execPath, [CHILD, mode, addon, ...(textRank ? ['--textrank'] : [])], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return JSON.parse(out.trim()) as ChildResult;
}

function isLean(addon: string): boolean {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(require(process.argv[1]).lazyTextRank === true))', addon], { encoding: 'utf8', timeout: 60_000 });
  return r.stdout === 'true';
}

/** How often load() with defaults opens each file under nodejieba's dict folder, for one addon (strace, when installed). */
function countOpens(addon: string, names: string[]): Map<string, number> | undefined {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-lens-strace-'));
  try {
    const log = path.join(dir, 'trace');
    const r = spawnSync('strace', ['-f', '-e', 'trace=openat', '-o', log, process.execPath, CHILD, 'defaults', addon], { stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0) return undefined;
    const lines = readFileSync(log, 'utf8').split('\n');
    return new Map(names.map((name) => [name, lines.filter((l) => l.includes(`/dict/${name}"`) && !/= -1/.test(l)).length]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function dictionaryReads(stock: string | undefined): { files: DictionaryRead[]; stracedBy?: string } {
  const dictDir = path.join(jiebaRoot(), 'submodules', 'cppjieba', 'dict');
  const names = ['jieba.dict.utf8', 'hmm_model.utf8', 'user.dict.utf8', 'idf.utf8', 'stop_words.utf8'];
  const files: DictionaryRead[] = names.map((file) => ({ file, sizeKB: statSync(path.join(dictDir, file)).size / 1024 }));
  if (spawnSync('strace', ['-V'], { stdio: 'ignore' }).status !== 0) return { files };
  const installed = countOpens(installedAddon(), names);
  if (!installed) return { files };
  const stockOpens = stock ? countOpens(stock, names) : undefined;
  for (const f of files) {
    f.opens = installed.get(f.file);
    f.opensStock = stockOpens?.get(f.file);
  }
  return { files, stracedBy: 'strace -e openat' };
}

export function measureJiebaLoad(runs: number, log: (line: string) => void): JiebaLoadResult {
  const installed = installedAddon();
  const lean = isLean(installed);
  const stockFile = stockAddonFile();
  const stock = lean && existsSync(stockFile) ? stockFile : undefined;
  const stockAddon = stock
    ? path.relative(ROOT, stock)
    : lean
      ? `not measured: ${path.relative(ROOT, stockFile)}, where scripts/patch-nodejieba.mjs keeps it, is missing`
      : 'the installed addon (the patch is not applied)';
  const installedName = lean ? 'patched addon (lazy TextRank)' : 'installed addon (stock: patch NOT applied)';

  const plan: { key: string; mode: string; addon: string; kind: 'stock' | 'lean'; label: string; textRank?: boolean }[] = [];
  if (stock) {
    plan.push({ key: 'stock-defaults', mode: 'defaults', addon: stock, kind: 'stock', label: 'stock addon, defaults (idf.utf8, stop_words.utf8)' });
    plan.push({ key: 'stock-stub', mode: 'stub', addon: stock, kind: 'stock', label: 'stock addon, idf + stop words → one-line file (the engine before)' });
  }
  const kind = lean ? 'lean' : 'stock';
  plan.push({ key: 'defaults', mode: 'defaults', addon: installed, kind, label: `${installedName}, defaults` });
  plan.push({ key: 'stub', mode: 'stub', addon: installed, kind, label: `${installedName}, one-line idf/stop words (the engine)`, textRank: lean });

  // Interleaved, so a burst of load on the machine hits every variant alike.
  const byKey = new Map<string, ChildResult[]>(plan.map((p) => [p.key, []]));
  for (let i = 0; i < runs; i++) {
    for (const p of plan) {
      const result = runChild(p.mode, p.addon, p.textRank);
      if (result.lazyTextRank !== (p.kind === 'lean')) throw new Error(`${p.addon}: expected the ${p.kind} addon`);
      byKey.get(p.key)!.push(result);
    }
  }
  const variants: LoadVariant[] = plan.map((p) => {
    const results = byKey.get(p.key)!;
    return {
      mode: p.label,
      addon: p.kind,
      loadMs: summarize(results.map((r) => r.loadMs)),
      loadCpuMs: summarize(results.map((r) => r.loadCpuMs)),
      rssDeltaMB: summarize(results.map((r) => r.rssDeltaMB)),
      rssLoadedMB: summarize(results.map((r) => r.rssLoaded)),
    };
  });
  for (const v of variants) {
    log(`    ${v.mode}: load ${v.loadMs.median.toFixed(0)} ms (CPU ${v.loadCpuMs.median.toFixed(0)} ms), +${v.rssDeltaMB.median.toFixed(0)} MB RSS, ${v.rssLoadedMB.median.toFixed(0)} MB after load`);
  }

  const result: JiebaLoadResult = { variants, lean, stockAddon, files: [] };
  const engineRuns = byKey.get('stub')!;
  if (lean) {
    result.lazyTextRank = {
      firstCallMs: summarize(engineRuns.map((r) => r.textRankMs ?? NaN)),
      rssAfterMB: summarize(engineRuns.map((r) => r.rssAfterTextRank ?? NaN)),
    };
    log(`    patched addon: the first textRankExtract() builds the extractor: ${result.lazyTextRank.firstCallMs.median.toFixed(0)} ms, RSS then ${result.lazyTextRank.rssAfterMB.median.toFixed(0)} MB (News Lens never calls it)`);
  }
  if (!lean) log('    patched addon not measured: the installed addon is stock (npm run patch:nodejieba)');
  else if (!stock) {
    const r = RECORDED_STOCK;
    result.recordedStock = r;
    log(`    stock addon ${stockAddon}; recorded ${r.date}, NOT this run: ${r.mode.replace(/ \(.*\)$/, '')}: load ${r.loadMsMedian} ms (CPU ${r.loadCpuMsMedian} ms), +${r.rssDeltaMBMedian} MB RSS, ${r.rssLoadedMBMedian} MB after load`);
  }
  const reads = dictionaryReads(stock);
  result.files = reads.files;
  result.stracedBy = reads.stracedBy;
  const main = reads.files.find((f) => f.file === 'jieba.dict.utf8');
  if (main?.opens !== undefined) log(`    jieba.dict.utf8 opened by load(): ${main.opens}× (${lean ? 'patched' : 'installed'} addon)${main.opensStock !== undefined ? `, ${main.opensStock}× (stock addon)` : ''}`);
  return result;
}
