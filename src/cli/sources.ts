// Streams CLI inputs: whole text files, or the lines of JSONL corpora, decoded in their encoding with file and line for errors.
import * as fs from 'node:fs';
import { bomLength, decodeStrict, isUtf16, resolveEncoding, type Encoding, type EncodingChoice } from './encoding';
import { InputError } from './input';

export interface SourceSpec {
  input: 'text' | 'jsonl';
  textField: string;
  encoding?: EncodingChoice;
}

/** The name a source is reported under. */
export function sourceName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** A decoded line of a JSONL corpus. */
export interface SourceLine {
  /** 1-based line number. */
  line: number;
  text: string;
  /** Bytes of the line in the file, line break included. */
  bytes: number;
}

const CHUNK = 1 << 20;
/** Bytes read before choosing an encoding (the detector's sample). */
const SNIFF = 64 * 1024;

function cannotRead(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${file}: no such file`);
  if (code === 'EISDIR') return new InputError(`${file}: is a directory; pass the files inside it`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${file}: cannot read (permission denied, ${code})`);
  return new InputError(`${file}: cannot read (${code ?? (error as Error).message})`);
}

/** Opens an input file for reading, with one-line errors for what usually goes wrong. */
export function openInput(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  if (stat.isDirectory()) throw new InputError(`${file}: is a directory; pass the files inside it`);
  try {
    return fs.openSync(file, 'r');
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/** Reads chunks of a file or of standard input. */
async function* chunks(file: string): AsyncGenerator<Buffer> {
  if (file === '-') {
    for await (const chunk of process.stdin) yield chunk as Buffer;
    return;
  }
  const fd = openInput(file);
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let read: number;
      try {
        read = fs.readSync(fd, buffer, 0, CHUNK, null);
      } catch (error) {
        throw cannotRead(file, error);
      }
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** NUL bytes in the first 8 KiB of a file that is not UTF-16: a binary file, not text. */
function checkNotBinary(head: Uint8Array, encoding: Encoding, name: string): void {
  if (!isUtf16(encoding.name) && head.subarray(0, 8192).includes(0)) {
    throw new InputError(`${name}: looks like a binary file (contains NUL bytes), not text`);
  }
}

/** Finds the next line break at or after `from`: for UTF-16 an aligned 0A 00 (LE) or 00 0A (BE). */
function nextBreak(buffer: Buffer, from: number, encoding: string): number {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = encoding === 'utf-16le';
    // `from` is the start of a line, so code units are aligned from there.
    for (let i = from; i + 1 < buffer.length; i += 2) {
      if (le ? buffer[i] === 0x0a && buffer[i + 1] === 0 : buffer[i] === 0 && buffer[i + 1] === 0x0a) return i;
    }
    return -1;
  }
  return buffer.indexOf(0x0a, from);
}

/**
 * Streams the lines of a JSONL corpus, decoded; the encoding is chosen from the first bytes. Lines are split on
 * LF bytes (which never occur inside a character in UTF-8 or the GB and Big5 encodings; UTF-16 splits on aligned
 * units), so a bad byte is reported with its line. A trailing CR is dropped.
 */
export async function* readLines(file: string, spec: SourceSpec, onEncoding?: (encoding: Encoding) => void): AsyncGenerator<SourceLine> {
  const name = sourceName(file);
  let pending: Buffer = Buffer.alloc(0);
  let encoding: Encoding | undefined;
  let offset = 0; // file offset of pending[0]
  let line = 0;
  let total = 0;
  const unit = () => (encoding && (encoding.name === 'utf-16le' || encoding.name === 'utf-16be') ? 2 : 1);
  function* split(final: boolean): Generator<SourceLine> {
    let start = 0;
    for (;;) {
      const at = nextBreak(pending, start, encoding!.name);
      if (at === -1) break;
      yield emit(start, at, at + unit());
      start = at + unit();
    }
    if (final && start < pending.length) {
      yield emit(start, pending.length, pending.length);
      start = pending.length;
    }
    offset += start;
    pending = pending.subarray(start);
  }
  function emit(start: number, end: number, next: number): SourceLine {
    line++;
    const lineNumber = line;
    const lineOffset = offset + start;
    let text = decodeStrict(pending.subarray(start, end), encoding!.name, name, (byte) => `byte ${lineOffset + byte} (line ${lineNumber})`);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { line: lineNumber, text, bytes: next - start };
  }
  for await (const chunk of chunks(file)) {
    total += chunk.length;
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    if (!encoding) {
      if (pending.length < SNIFF) continue;
      encoding = start(pending, false);
    }
    yield* split(false);
  }
  if (total === 0) throw new InputError(`${name}: empty input`);
  if (!encoding) encoding = start(pending, true);
  yield* split(true);

  function start(head: Buffer, complete: boolean): Encoding {
    const chosen = resolveEncoding(spec.encoding, head, complete, name);
    checkNotBinary(head, chosen, name);
    const skip = bomLength(chosen);
    pending = pending.subarray(skip);
    offset = skip;
    onEncoding?.(chosen);
    return chosen;
  }
}

/** A whole text file, decoded, with its encoding (for writing it back). */
export interface WholeFile {
  text: string;
  encoding: Encoding;
  bytes: number;
}

/** Reads and validates one whole text file (or all of standard input). */
export async function readWholeFile(file: string, spec: SourceSpec): Promise<WholeFile> {
  const name = sourceName(file);
  const parts: Buffer[] = [];
  for await (const chunk of chunks(file)) parts.push(chunk);
  const bytes = Buffer.concat(parts);
  if (bytes.length === 0) throw new InputError(`${name}: empty input`);
  const encoding = resolveEncoding(spec.encoding, bytes.subarray(0, SNIFF), bytes.length <= SNIFF, name);
  checkNotBinary(bytes, encoding, name);
  const body = bytes.subarray(bomLength(encoding));
  const lineOf = (byte: number) => {
    let line = 1;
    const step = isUtf16(encoding.name) ? 2 : 1;
    const lf = encoding.name === 'utf-16be' ? 1 : 0;
    for (let i = lf; i < byte; i += step) if (body[i] === 0x0a && (step === 1 || body[i + 1 - 2 * lf] === 0)) line++;
    return line;
  };
  const text = decodeStrict(body, encoding.name, name, (byte) => `byte ${byte + bomLength(encoding)} (line ${lineOf(byte)})`);
  return { text, encoding, bytes: bytes.length };
}

/** A JSONL line parsed as a record: the object and its text field. Errors name the source and line. */
export function parseRecord(raw: string, name: string, line: number, textField: string): { record: Record<string, unknown>; text: string } {
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch (error) {
    throw new InputError(`${name}:${line}: not valid JSON (${(error as Error).message}); is the line truncated?`);
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(`${name}:${line}: expected a JSON object`);
  }
  const text = (record as Record<string, unknown>)[textField];
  if (typeof text !== 'string') {
    throw new InputError(`${name}:${line}: field "${textField}" is ${text === undefined ? 'missing' : 'not a string'} (choose another with --text-field)`);
  }
  return { record: record as Record<string, unknown>, text };
}

/** A blank JSONL line (skipped, as a record separator). */
export function isBlank(line: string): boolean {
  return line.trim() === '';
}
