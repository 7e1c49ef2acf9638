// Section 4: edit latency: one-character incremental edits to a 1 MB document, through the server (debounce 0) and in-process.
import { Analyzer } from '../src/core/analyze';
import { readSettings, toAnalyzeOptions } from '../src/server/settings';
import type { BenchInput } from './inputs';
import { LspSession } from './lsp-client';
import { settle, summarize, threadCpuMs, type Summary } from './stats';

export interface EditPoint {
  line: number;
  character: number;
  insert: string;
}

export interface EditLatencyResult {
  edits: number;
  /** didChange sent → newsLens/annotations for that version received, minus the debounce (0). */
  roundTripMs: Summary;
  /** didChange sent → publishDiagnostics for that version, over the edits that changed the diagnostics (an unchanged set is not sent again). */
  diagnosticsMs: Summary;
  /** Edits after which the server sent diagnostics (the others left them unchanged). */
  diagnosticsSent: number;
  /** The server's own elapsedMs (analysis only). */
  serverElapsedMs: Summary;
  /** Server main-thread CPU ms from didChange to the annotations (analysis + diagnostics + serialising). */
  serverCpuMs: Summary;
  /** Size of one annotations notification for the whole document (JSON characters) and its span count; same for diagnostics. */
  notificationChars?: number;
  notificationSpans?: number;
  diagnosticsChars?: number;
  diagnosticsCount?: number;
  /** Time to the first full result after opening (includes loading the dictionaries). */
  openToFullMs: number;
  /** In-process Analyzer.analyze on the edited text after a warm analysis (same edits): wall and main-thread CPU. */
  inProcessMs: Summary;
  inProcessCpuMs: Summary;
  /** In-process re-analysis of an unchanged text (every line from the cache): the floor of the incremental path. */
  inProcessUnchangedMs: Summary;
  /** Lines re-analyzed per edit in-process (should be 1). */
  linesAnalyzed: Summary;
}

const INSERTS = ['新', '5', '區', '的', '年'];
const URI = 'file:///bench/edit-latency.txt';

/** N edit points spread over the middle half of the document's long lines, each in the middle of its line. */
export function editPoints(text: string, count: number): EditPoint[] {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => ({ l, i })).filter(({ l, i }) => l.length > 80 && i > lines.length * 0.25 && i < lines.length * 0.75);
  if (candidates.length === 0) throw new Error('no long lines to edit');
  return Array.from({ length: count }, (_, k) => {
    const { l, i } = candidates[Math.floor(((k + 0.5) * candidates.length) / count) % candidates.length];
    return { line: i, character: Math.floor(l.length / 2) + (k % 7), insert: INSERTS[k % INSERTS.length] };
  });
}

function applyEdit(lines: string[], e: EditPoint): void {
  const l = lines[e.line];
  lines[e.line] = l.slice(0, e.character) + e.insert + l.slice(e.character);
}

export async function measureEditLatency(input: BenchInput, count: number, timeoutMs: number, log: (line: string) => void): Promise<EditLatencyResult> {
  const points = editPoints(input.text, count);
  const debounceMs = 0;
  const session = new LspSession({ debounceMs }, timeoutMs);
  const roundTrips: number[] = [];
  const diagnostics: number[] = [];
  const elapsed: number[] = [];
  const serverCpu: number[] = [];
  let diagnosticsChars: number | undefined;
  let diagnosticsCount: number | undefined;
  let openToFullMs = NaN;
  let notificationChars: number | undefined;
  let notificationSpans: number | undefined;
  try {
    await session.initialize();
    const opened = session.now();
    await session.open(URI, input.text, 1);
    const full = await session.annotationsFor(URI, 1, (e) => !e.entitiesPending);
    openToFullMs = full.at - opened;
    log(`    opened ${input.name}: full annotations after ${openToFullMs.toFixed(0)} ms (server analysis ${full.elapsedMs} ms)`);
    await settle(200);
    let version = 1;
    for (const [k, point] of points.entries()) {
      version++;
      session.measurePayload = k === 0 || diagnosticsCount === undefined;
      const annotationsFrom = session.annotations.length;
      const diagnosticsFrom = session.diagnostics.length;
      const cpuBefore = session.serverCpuMs();
      const sent = session.now();
      await session.change(URI, version, point.line, point.character, point.insert);
      const event = await session.annotationsFor(URI, version, () => true, annotationsFrom);
      // The server sends a version's diagnostics before its annotations, and only when they changed.
      const diag = session.diagnostics.slice(diagnosticsFrom).find((e) => e.uri === URI && e.version === version);
      roundTrips.push(event.at - sent - debounceMs);
      if (diag) diagnostics.push(diag.at - sent - debounceMs);
      elapsed.push(event.elapsedMs);
      serverCpu.push(event.cpu - cpuBefore);
      if (k === 0) {
        notificationChars = event.jsonChars;
        notificationSpans = event.spans;
      }
      if (diag && diagnosticsCount === undefined) {
        diagnosticsChars = diag.jsonChars;
        diagnosticsCount = diag.count;
      }
      // A short pause, as between keystrokes, so one edit's garbage does not land on the next.
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  } finally {
    await session.dispose();
  }

  // The same edits in-process.
  const options = toAnalyzeOptions(readSettings({}).settings, false);
  const analyzer = new Analyzer();
  analyzer.analyze(input.text, options);
  const unchanged: number[] = [];
  for (let i = 0; i < 5; i++) {
    await settle();
    const t0 = performance.now();
    analyzer.analyze(input.text, options);
    unchanged.push(performance.now() - t0);
  }
  const lines = input.text.split('\n');
  const inProcess: number[] = [];
  const inProcessCpu: number[] = [];
  const analyzed: number[] = [];
  for (const point of points) {
    applyEdit(lines, point);
    const text = lines.join('\n');
    await settle(5);
    const c0 = threadCpuMs();
    const t0 = performance.now();
    const result = analyzer.analyze(text, options);
    inProcess.push(performance.now() - t0);
    inProcessCpu.push(threadCpuMs() - c0);
    analyzed.push(result.linesAnalyzed);
  }
  return {
    edits: points.length,
    roundTripMs: summarize(roundTrips),
    diagnosticsMs: summarize(diagnostics),
    diagnosticsSent: diagnostics.length,
    serverElapsedMs: summarize(elapsed),
    serverCpuMs: summarize(serverCpu),
    notificationChars,
    notificationSpans,
    diagnosticsChars,
    diagnosticsCount,
    openToFullMs,
    inProcessMs: summarize(inProcess),
    inProcessCpuMs: summarize(inProcessCpu),
    inProcessUnchangedMs: summarize(unchanged),
    linesAnalyzed: summarize(analyzed),
  };
}
