// Section 5: language-server memory (VmRSS/VmHWM from /proc): idle, with the 1 MB document, with the 10 MB one (default and raised size limit).
import type { BenchInput } from './inputs';
import { LspSession, type MemoryReading } from './lsp-client';

export interface MemoryScenario {
  scenario: string;
  settings: Record<string, unknown>;
  /** Size of the document opened (MB), and whether it is the large one. */
  documentMB?: number;
  large?: boolean;
  idle: MemoryReading;
  /** After the final annotations for the document and a second of quiet. */
  withDocument?: MemoryReading;
  /** The server's elapsedMs for the final analysis, and whether it ran cheap-only. */
  elapsedMs?: number;
  degraded?: boolean;
  entities?: number;
  /** Open → final annotations, ms. */
  openToFinalMs?: number;
}

async function quiet(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export async function memoryScenario(name: string, settings: Record<string, unknown>, doc: BenchInput | undefined, timeoutMs: number): Promise<MemoryScenario> {
  const session = new LspSession(settings, timeoutMs);
  try {
    await session.initialize();
    await quiet(1000);
    const result: MemoryScenario = { scenario: name, settings, documentMB: doc && doc.bytes / 1e6, idle: session.memory() };
    if (doc) {
      const uri = `file:///bench/memory-${doc.bytes}.txt`;
      const opened = session.now();
      await session.open(uri, doc.text, 1);
      // The final result: entities done, or cheap-only because the document is over the size limit.
      const final = await session.annotationsFor(uri, 1, (e) => !e.entitiesPending);
      result.openToFinalMs = final.at - opened;
      result.elapsedMs = final.elapsedMs;
      result.degraded = final.degraded !== undefined;
      result.entities = final.counts.entities;
      await quiet(1000);
      result.withDocument = session.memory();
    }
    return result;
  } finally {
    await session.dispose();
  }
}

export async function measureMemory(small: BenchInput, large: BenchInput | undefined, timeoutMs: number, log: (line: string) => void): Promise<MemoryScenario[]> {
  const cases: [string, Record<string, unknown>, BenchInput | undefined][] = [
    [`${small.name}, defaults`, {}, small],
    ...(large
      ? ([
          [`${large.name}, defaults (cheap-only above 2048 KB)`, {}, large],
          [`${large.name}, maxDocumentSizeKB 20000 (full)`, { maxDocumentSizeKB: 20000 }, large],
        ] as [string, Record<string, unknown>, BenchInput | undefined][])
      : []),
  ];
  const out: MemoryScenario[] = [];
  for (const [name, settings, doc] of cases) {
    const r = await memoryScenario(name, settings, doc, timeoutMs);
    r.large = doc !== undefined && doc === large;
    log(`    ${name}: idle ${r.idle.rssMB.toFixed(0)} MB, with document ${r.withDocument?.rssMB.toFixed(0)} MB (peak ${r.withDocument?.hwmMB.toFixed(0)} MB)`);
    out.push(r);
  }
  return out;
}
