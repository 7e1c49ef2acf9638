// Runs inside the extension host (as an --extensionTestsPath module, no mocha): the host-blocking scenario on a large
// document — open, full annotations, one-character edits, scrolling to the end and back — and reports News Lens's
// own task timings and the host's event-loop delay. Driven by bench/host-blocking.ts through test/integration/runTest.ts.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { NewsLensApi } from '../src/client/extension';
import type { TaskTiming } from '../src/client/host-timing';

/** Written by the benchmark beside the document in the workspace it opens. */
export interface HostScenario {
  file: string;
  edits: { line: number; character: number; insert: string }[];
  /** Page scrolls down from the top and up from the end. */
  scrollPages: number;
  /** Pause after each scroll step, so each is handled on its own as when a person scrolls. */
  scrollPauseMs: number;
  timeoutMs: number;
  /** When set, a CPU profile of the extension host over the scenario is written there (.cpuprofile, also for DevTools). */
  cpuProfile?: string;
}

export interface EventLoopFigures {
  maxMs: number;
  p99Ms: number;
  meanMs: number;
  samples: number;
}

/** The report runTest.ts reads ({passed, failed, failures}) with the measurements beside. */
export interface HostProbeReport {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; error: string }[];
  host?: {
    documentChars: number;
    documentLines: number;
    spans: number;
    editsDone: number;
    scrollSteps: number;
    /** Whether the entity list was on screen during the scenario (its refreshes are then part of the cost). */
    entityListVisible: boolean;
    openToFullMs: number;
    /** Per edit: edit applied → the client holds full annotations of that version. */
    editToAnnotationsMs: number[];
    tasks: Record<string, TaskTiming>;
    /** monitorEventLoopDelay over the whole scenario and over its edits and scrolling only (after the first full annotations). */
    eventLoop: { resolutionMs: number; whole: EventLoopFigures; afterOpen: EventLoopFigures };
    scenarioMs: number;
  };
}

const EXTENSION_ID = 'news-lens.news-lens';
const ELD_RESOLUTION_MS = 1;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function figures(h: IntervalHistogram): EventLoopFigures {
  return { maxMs: h.max / 1e6, p99Ms: h.percentile(99) / 1e6, meanMs: h.mean / 1e6, samples: h.count };
}

/** Starts the V8 profiler of this process; the returned function stops it and writes the profile. */
function startProfile(file: string): () => Promise<void> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  const started = post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: 500 })).then(() => post('Profiler.start'));
  return async () => {
    await started;
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** This thread's CPU milliseconds (getrusage of the thread: Node ≥ 23.9, as code-server's extension host runs), if available. */
function threadCpuClock(): (() => number) | undefined {
  const usage = (process as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.bind(process);
  if (!usage) return undefined;
  return () => {
    const { user, system } = usage();
    return (user + system) / 1000;
  };
}

function writeReport(report: HostProbeReport): void {
  const file = process.env.NEWS_LENS_TEST_REPORT;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(report));
}

async function scenario(): Promise<NonNullable<HostProbeReport['host']>> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: the benchmark opens one holding host-scenario.json');
  const config = JSON.parse(fs.readFileSync(path.join(folder.uri.fsPath, 'host-scenario.json'), 'utf8')) as HostScenario;
  const extension = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the editor`);
  const api = extension.isActive ? extension.exports : await extension.activate();
  const full = (document: vscode.TextDocument) =>
    api.store.when(document.uri, (p) => p.version === document.version && !p.entitiesPending, config.timeoutMs);

  const stopProfile = config.cpuProfile ? startProfile(config.cpuProfile) : undefined;
  api.hostTiming.reset();
  api.hostTiming.setCpuClock(threadCpuClock());
  const whole = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  const afterOpen = monitorEventLoopDelay({ resolution: ELD_RESOLUTION_MS });
  whole.enable();
  const started = performance.now();

  const document = await vscode.workspace.openTextDocument(path.join(folder.uri.fsPath, config.file));
  let editor = await vscode.window.showTextDocument(document);
  // The entity list visible, as a person checking entities would have it: its refreshes are part of the cost.
  await vscode.commands.executeCommand('newsLens.showEntities');
  editor = await vscode.window.showTextDocument(document);
  const annotations = await full(document);
  const openToFullMs = performance.now() - started;
  await sleep(500);
  afterOpen.enable();

  const editToAnnotationsMs: number[] = [];
  for (const e of config.edits) {
    const position = new vscode.Position(e.line, e.character);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(position, position);
    const t0 = performance.now();
    if (!(await editor.edit((b) => b.insert(position, e.insert)))) throw new Error(`edit at ${e.line}:${e.character} was refused`);
    await full(document);
    editToAnnotationsMs.push(performance.now() - t0);
    await sleep(100);
  }

  let scrollSteps = 0;
  const scroll = async (to: 'up' | 'down') => {
    await vscode.commands.executeCommand('editorScroll', { to, by: 'page', value: 1 });
    scrollSteps++;
    await sleep(config.scrollPauseMs);
  };
  const jump = async (line: number) => {
    const position = new vscode.Position(line, 0);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    scrollSteps++;
    await sleep(config.scrollPauseMs * 4);
  };
  await jump(0);
  for (let i = 0; i < config.scrollPages; i++) await scroll('down');
  await jump(document.lineCount - 1);
  for (let i = 0; i < config.scrollPages; i++) await scroll('up');
  await jump(0);
  await sleep(500);

  whole.disable();
  afterOpen.disable();
  api.hostTiming.setCpuClock(undefined);
  await stopProfile?.();
  const result = {
    documentChars: document.getText().length,
    documentLines: document.lineCount,
    spans: annotations.spans.length, // read after the measurement: the store may unpack spans lazily
    editsDone: config.edits.length,
    scrollSteps,
    entityListVisible: api.entityTree.visible,
    openToFullMs,
    editToAnnotationsMs,
    tasks: api.hostTiming.snapshot(),
    eventLoop: { resolutionMs: ELD_RESOLUTION_MS, whole: figures(whole), afterOpen: figures(afterOpen) },
    scenarioMs: performance.now() - started,
  };
  await vscode.commands.executeCommand('workbench.action.files.revert');
  return result;
}

/** The entry point the extension host calls; resolves when the report is written. */
export async function run(): Promise<void> {
  try {
    const host = await scenario();
    writeReport({ passed: 1, failed: 0, pending: 0, failures: [], host });
  } catch (error) {
    const message = error instanceof Error ? error.stack || error.message : String(error);
    writeReport({ passed: 0, failed: 1, pending: 0, failures: [{ title: 'host-blocking scenario', error: message }] });
    throw error;
  }
}
