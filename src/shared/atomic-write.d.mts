// Types of the project's one atomic write (src/shared/atomic-write.mjs).
export function writeFileAtomic(target: string, content: string | Uint8Array, options?: { mode?: number; makeDirectory?: boolean }): void;
export function copyFileAtomic(from: string, to: string): void;
export interface AtomicWriter {
  readonly temporary: string;
  write(piece: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}
export function openAtomicWriter(target: string, options?: { mode?: number; makeDirectory?: boolean }): AtomicWriter;
