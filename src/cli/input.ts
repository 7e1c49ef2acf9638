// Reads CLI inputs: validates files (exists, not a directory, not binary, valid UTF-8, not empty) and JSONL records.
import * as fs from 'node:fs';

/** An input problem that the CLI reports as one line, without a stack trace. */
export class InputError extends Error {}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes UTF-8 strictly; on failure says where the first bad byte is (line and byte offset). */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    const text = strictUtf8.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(`${name}: invalid UTF-8 at byte ${offset} (line ${line}); convert the file to UTF-8 first`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      strictUtf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** True when the bytes look like a binary file rather than text (NUL bytes in the first 8 KiB). */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  return head.includes(0);
}

/** Reads and validates one text file. */
export function readTextFile(path: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code})`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory; pass the files inside it`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return validateText(bytes, path);
}

export function validateText(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name}: empty input`);
  if (looksBinary(bytes)) throw new InputError(`${name}: looks like a binary file (contains NUL bytes), not text`);
  return decodeUtf8(bytes, name);
}

/** Reads all of standard input as bytes. */
export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface JsonlRecord {
  /** 1-based line number in its source. */
  line: number;
  source: string;
  record: Record<string, unknown>;
  text: string;
}

/** Parses a JSONL corpus; every problem names the source and line. Blank lines are skipped. */
export function parseJsonl(content: string, source: string, textField: string): JsonlRecord[] {
  const records: JsonlRecord[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      throw new InputError(`${source}:${i + 1}: not valid JSON (${(error as Error).message}); is the line truncated?`);
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new InputError(`${source}:${i + 1}: expected a JSON object`);
    }
    const text = (record as Record<string, unknown>)[textField];
    if (typeof text !== 'string') {
      throw new InputError(`${source}:${i + 1}: field "${textField}" is ${text === undefined ? 'missing' : 'not a string'} (choose another with --text-field)`);
    }
    records.push({ line: i + 1, source, record: record as Record<string, unknown>, text });
  }
  return records;
}
