// Types of code-server.mjs, for the TypeScript that imports it (test/e2e/).
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext } from 'playwright-core';

export const editorDir: string;
export const repoRoot: string;
export const STATE_MARKER: string;
export function sleep(ms: number): Promise<void>;

export interface Tools {
  node: string;
  codeServer: string;
  chromium: string;
  versions: Record<string, string>;
}
export function readVersions(): Record<string, string>;
export function cacheRoot(): string;
export function locateTools(): Tools;
export function toolsPresent(t: Tools): boolean;
export function ensureTools(options?: { log?: (...a: unknown[]) => void; always?: boolean }): Tools;

export function freePort(): Promise<number>;
export function isPortFree(port: number, host?: string): Promise<boolean>;
export function nextFreePort(preferred: number, tries?: number): Promise<number | undefined>;
export function remoteUri(authority: string, absPath: string): string;
export function workbenchUrl(authority: string, target?: string, extraQuery?: string[]): string;

export function pidAlive(pid: number): boolean;
export function killGroup(pid: number, signal: NodeJS.Signals): void;
export function markedPids(marker: string): number[];
export function sweepMarked(marker: string, options?: { rounds?: number; termRounds?: number }): Promise<boolean>;

export const BASE_USER_SETTINGS: Record<string, unknown>;
export function makeStateDirs<K extends string>(state: string, names: K[], locations?: Partial<Record<K, string>>): Record<K, string>;
export function writeUserSettings(userDir: string, settings: Record<string, unknown>, options?: { overwrite?: boolean }): string;

export interface ServerDirs {
  config: string; data: string; cache: string; statehome: string; runtime: string; tmp: string;
}
export function serverEnv(tools: Tools, dirs: ServerDirs, marker: string, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function serverArgs(tools: Tools, options: { authority: string; config: string; userDataDir: string; extensionsDir: string; extra?: string[] }): string[];

export interface ServerHandle {
  child: ChildProcess;
  authority: string;
  exited: boolean;
  stop(): Promise<void>;
}
export function startCodeServer(options: {
  tools: Tools; env: NodeJS.ProcessEnv; cwd: string; authority: string; config: string;
  userDataDir: string; extensionsDir: string; extra?: string[]; logFd?: number; onOutput?: (d: Buffer) => void;
}): ServerHandle;
export function waitForHealthz(handle: ServerHandle, options?: { timeoutMs?: number; logPath?: string }): Promise<void>;
export function installVsix(tools: Tools, options: { vsix: string; extensionsDir: string; userDataDir: string; config?: string; env: NodeJS.ProcessEnv }): string;

export const CHROMIUM_ARGS: string[];
export function launchChromium(options: {
  tools: Tools; userDataDir: string; env: NodeJS.ProcessEnv; viewport?: { width: number; height: number };
  extraArgs?: string[]; deviceScaleFactor?: number; colorScheme?: 'light' | 'dark' | 'no-preference';
}): Promise<BrowserContext>;

export function startReaper(options: { marker: string; ownerPid?: number; watchPath: string; removePaths?: string[]; keepFlagDir?: string }): void;
export function reapRun(options: { marker: string; removePaths?: string[]; keepFlagDir?: string }): Promise<void>;
