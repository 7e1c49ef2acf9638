// A minimal LSP client for the benchmark: spawns the bundled server over stdio, answers configuration, records notifications with timestamps.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { threadCpuMs } from './stats';

export const SERVER_RELATIVE = 'dist/server/server.js';
const SERVER = path.join(__dirname, '..', SERVER_RELATIVE);

export interface AnnotationsEvent {
  at: number;
  /** The server main thread's CPU ms when the notification arrived. */
  cpu: number;
  uri: string;
  version: number;
  entitiesPending: boolean;
  elapsedMs: number;
  spans: number;
  counts: { junk: number; entities: number; figures: number };
  degraded?: string;
  /** Length of the notification's params as JSON (only when payload sizes are asked for). */
  jsonChars?: number;
}

export interface DiagnosticsEvent {
  at: number;
  cpu: number;
  /** Length of the params as JSON (only when payload sizes are asked for). */
  jsonChars?: number;
  uri: string;
  version?: number;
  count: number;
}

interface AnnotationsWire {
  uri: string;
  version: number;
  packed: number[];
  counts: { junk: number; entities: number; figures: number };
  entitiesPending: boolean;
  degraded?: string;
  elapsedMs: number;
}

type Waiter = { test: () => boolean; resolve: () => void };

export interface MemoryReading {
  rssMB: number;
  hwmMB: number;
}

/** One language-server process and the connection to it. Times are ms since just before the spawn. */
export class LspSession {
  readonly t0: number;
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly annotations: AnnotationsEvent[] = [];
  readonly diagnostics: DiagnosticsEvent[] = [];
  private waiters: Waiter[] = [];
  private stderr = '';
  private exited: string | undefined;
  measurePayload = false;

  constructor(private settings: Record<string, unknown>, private readonly timeoutMs: number) {
    if (!existsSync(SERVER)) throw new Error(`${SERVER_RELATIVE} is missing: run npm run build first`);
    this.t0 = performance.now();
    // BENCH_SERVER_NODE_ARGS passes extra node options to the server, e.g. "--cpu-prof --cpu-prof-dir=DIR" to profile it.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: path.join(__dirname, '..') });
    this.process.stderr!.setEncoding('utf8');
    this.process.stderr!.on('data', (chunk: string) => (this.stderr = (this.stderr + chunk).slice(-4000)));
    // A server that dies makes writes fail with EPIPE: that is reported by the waits below, not thrown here.
    this.process.stdin!.on('error', () => undefined);
    this.process.on('exit', (code, signal) => {
      this.exited = `exited with ${signal ?? code}`;
      this.wake();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'newsLens' ? this.settings : null)),
    );
    this.connection.onRequest(() => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const event: DiagnosticsEvent = { at: this.now(), cpu: this.serverCpuMs(), uri: p.uri, version: p.version, count: p.diagnostics.length };
      if (this.measurePayload) event.jsonChars = JSON.stringify(p).length;
      this.diagnostics.push(event);
      this.wake();
    });
    this.connection.onNotification('newsLens/annotations', (p: AnnotationsWire) => {
      const at = this.now();
      const event: AnnotationsEvent = {
        at,
        cpu: this.serverCpuMs(),
        uri: p.uri,
        version: p.version,
        entitiesPending: p.entitiesPending,
        elapsedMs: p.elapsedMs,
        spans: p.packed.length / 3,
        counts: p.counts,
        degraded: p.degraded,
      };
      if (this.measurePayload) event.jsonChars = JSON.stringify(p).length;
      this.annotations.push(event);
      this.wake();
    });
    this.connection.onNotification(() => undefined);
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  now(): number {
    return performance.now() - this.t0;
  }

  private wake(): void {
    const pending = this.waiters;
    this.waiters = [];
    for (const w of pending) {
      if (w.test() || this.exited) w.resolve();
      else this.waiters.push(w);
    }
  }

  /** Resolves once `test` holds (checked after each notification); rejects on timeout or server exit. */
  waitUntil(what: string, test: () => boolean, timeoutMs = this.timeoutMs): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const fail = (why: string): void => reject(new Error(`language server: ${why} while waiting for ${what}${this.stderr ? `; stderr: ${this.stderr.trim().slice(-800)}` : ''}`));
      if (this.exited) return fail(this.exited);
      if (test()) return resolve();
      const timer = setTimeout(() => fail(`no answer in ${timeoutMs} ms`), timeoutMs);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !test()) fail(this.exited);
          else resolve();
        },
      });
    });
  }

  /** Waits for a request's answer; rejects on timeout or server exit. */
  guard<T>(what: string, promise: Promise<T>, timeoutMs = this.timeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.process.off('exit', onExit);
      };
      const onExit = (): void => {
        done();
        reject(new Error(`language server exited while waiting for ${what}; stderr: ${this.stderr.trim().slice(-800)}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`language server: no answer in ${timeoutMs} ms while waiting for ${what}`));
      }, timeoutMs);
      if (this.exited) return onExit();
      this.process.once('exit', onExit);
      promise.then(
        (value) => {
          done();
          resolve(value);
        },
        (error: unknown) => {
          done();
          const stderr = this.stderr.trim() ? `; server stderr: ${this.stderr.trim().slice(-800)}` : '';
          reject(new Error(`language server: ${error instanceof Error ? error.message : String(error)} while waiting for ${what}${stderr}`));
        },
      );
    });
  }

  /** The first annotations event for (uri, version) matching `pick`, waiting for it if needed. */
  async annotationsFor(uri: string, version: number, pick: (e: AnnotationsEvent) => boolean = () => true, from = 0): Promise<AnnotationsEvent> {
    const find = (): AnnotationsEvent | undefined => this.annotations.slice(from).find((e) => e.uri === uri && e.version === version && pick(e));
    await this.waitUntil(`newsLens/annotations for ${uri} v${version}`, () => find() !== undefined);
    return find()!;
  }

  async diagnosticsFor(uri: string, pick: (e: DiagnosticsEvent) => boolean, from = 0): Promise<DiagnosticsEvent> {
    const find = (): DiagnosticsEvent | undefined => this.diagnostics.slice(from).find((e) => e.uri === uri && pick(e));
    await this.waitUntil(`publishDiagnostics for ${uri}`, () => find() !== undefined);
    return find()!;
  }

  async initialize(): Promise<void> {
    const request = this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: { synchronization: { didSave: false }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await this.guard('the initialize response', request);
    await this.guard('sending initialized', this.connection.sendNotification('initialized', {}));
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version, text } });
  }

  async change(uri: string, version: number, line: number, character: number, insert: string): Promise<void> {
    const position = { line, character };
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text: insert }],
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the settings the client answers with, and tells the server so. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newsLens: settings } });
  }

  /** CPU ms the server's main thread has used so far (steadier than wall time on a loaded machine). */
  serverCpuMs(): number {
    return threadCpuMs(this.pid);
  }

  /** VmRSS and VmHWM (peak) of the server process, in MB (MiB as /proc reports them ÷ 1024). */
  memory(): MemoryReading {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, hwmMB: kb('VmHWM') / 1024 };
  }

  /** shutdown + exit, then a kill of this process if it lingers. */
  async dispose(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 5000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the process is going away anyway
      }
      await Promise.race([new Promise((r) => this.process.once('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      if (!this.exited) this.process.kill('SIGKILL');
    }
    this.connection.dispose();
  }
}
