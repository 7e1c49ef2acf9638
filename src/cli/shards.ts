// Resumable output: one shard per input file (or per N records of it) in --out-dir, each with a completion marker.
//
// A shard is written through the project's atomic writer (temporary file, fsync, rename), and only then is its
// marker NAME.done written (atomically too). The marker records the input (size, mtime), the options that shape the
// output, and the shard's size and SHA-256. A shard counts as complete only when its marker exists, matches this
// run, and the shard file has that size and hash; anything else is redone. So whatever stops a run (SIGINT,
// SIGKILL, a full disk, a power cut), no shard ever looks complete when it is not.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openAtomicWriter, type AtomicWriter } from '../shared/atomic-write.mjs';
import { writeFileAtomic } from './atomic-write';
import { InputError } from './input';
import type { Counts } from './stats';

export const MARKER_SUFFIX = '.done';

export interface ShardMarker {
  version: 1;
  /** The shard's file name in the output folder. */
  shard: string;
  input: string;
  inputSize: number;
  inputMtimeMs: number;
  /** 0-based shard number within its input. */
  index: number;
  /** JSONL lines of the input the shard covers (first and last record). */
  firstLine?: number;
  lastLine?: number;
  records: number;
  /** This is the input's last shard. */
  last: boolean;
  outputBytes: number;
  outputSha256: string;
  /** Fingerprint of the command, options and version that shaped the output. */
  options: string;
  counts?: Counts;
  completedAt: string;
}

export interface InputIdentity {
  input: string;
  inputSize: number;
  inputMtimeMs: number;
}

export function inputIdentity(file: string): InputIdentity {
  const stat = fs.statSync(file);
  return { input: path.resolve(file), inputSize: stat.size, inputMtimeMs: stat.mtimeMs };
}

/** Where each input's shards go, and which of them are already complete. */
export class ShardFolder {
  constructor(readonly dir: string, readonly fingerprint: string) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw new InputError(`${dir}: cannot create the output folder (${(error as NodeJS.ErrnoException).code})`);
    }
  }

  /** The marker of a complete shard, or undefined when the shard must be (re)done. */
  complete(name: string, identity: InputIdentity, index: number): ShardMarker | undefined {
    let marker: ShardMarker;
    try {
      marker = JSON.parse(fs.readFileSync(this.markerPath(name), 'utf8')) as ShardMarker;
    } catch {
      return undefined;
    }
    if (
      marker.version !== 1 ||
      marker.shard !== name ||
      marker.index !== index ||
      marker.options !== this.fingerprint ||
      marker.input !== identity.input ||
      marker.inputSize !== identity.inputSize ||
      marker.inputMtimeMs !== identity.inputMtimeMs
    ) {
      return undefined;
    }
    const output = path.join(this.dir, name);
    try {
      if (fs.statSync(output).size !== marker.outputBytes) return undefined;
      if (createHash('sha256').update(fs.readFileSync(output)).digest('hex') !== marker.outputSha256) return undefined;
    } catch {
      return undefined;
    }
    return marker;
  }

  /** Starts (re)writing a shard: drops its old marker and any temporary file a killed run left. */
  open(name: string): ShardWriter {
    const marker = this.markerPath(name);
    fs.rmSync(marker, { force: true });
    for (const entry of fs.readdirSync(this.dir)) {
      if (entry.startsWith(`.${name}.`) && entry.endsWith('.tmp')) fs.rmSync(path.join(this.dir, entry), { force: true });
    }
    return new ShardWriter(path.join(this.dir, name), marker);
  }

  markerPath(name: string): string {
    return path.join(this.dir, name + MARKER_SUFFIX);
  }
}

/** Writes one shard and, on commit, its marker. */
export class ShardWriter {
  private readonly writer: AtomicWriter;
  private readonly hash = createHash('sha256');
  private bytes = 0;

  constructor(readonly target: string, private readonly marker: string) {
    try {
      this.writer = openAtomicWriter(target);
    } catch (error) {
      throw writeError(target, error);
    }
  }

  write(text: string | Uint8Array): void {
    if (text.length === 0) return;
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    try {
      this.writer.write(bytes);
    } catch (error) {
      throw writeError(this.target, error);
    }
    this.hash.update(bytes);
    this.bytes += bytes.length;
  }

  /** Makes the shard durable, then writes its marker. */
  commit(marker: Omit<ShardMarker, 'version' | 'shard' | 'outputBytes' | 'outputSha256' | 'completedAt'>): ShardMarker {
    try {
      this.writer.commit();
    } catch (error) {
      throw writeError(this.target, error);
    }
    const full: ShardMarker = {
      version: 1,
      shard: path.basename(this.target),
      ...marker,
      outputBytes: this.bytes,
      outputSha256: this.hash.digest('hex'),
      completedAt: new Date().toISOString(),
    };
    writeFileAtomic(this.marker, JSON.stringify(full) + '\n');
    return full;
  }

  abort(): void {
    this.writer.abort();
  }
}

function writeError(target: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
  return new InputError(`${target}: could not write (${why}); the shard is not marked complete and a new run redoes it`);
}

/** The stem shards of an input are named after: its base name without a .jsonl/.json/.txt extension. */
export function shardStem(file: string): string {
  return path.basename(file).replace(/\.(jsonl|ndjson|json|txt)$/i, '');
}
