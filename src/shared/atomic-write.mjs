// The project's one atomic write (CLI, language server, engine, install scripts): temp file, fsync, rename, fsync dir.
//
// Plain JavaScript so that install scripts (scripts/patch-nodejieba.mjs runs before anything is built) can use it as
// well as the TypeScript sources, which esbuild bundles it into. Readers of the target see the old content or the
// new content, never half a file, also after a crash or power loss: the data is flushed before the rename, and the
// directory entry after it.
import * as fs from 'node:fs';
import * as path from 'node:path';

let counter = 0;

/**
 * Writes `content` to `target` atomically. The temporary file lives in the target's folder (a rename across file
 * systems is not atomic) and takes the mode of the file it replaces. Throws the underlying error (with `code`)
 * after removing the temporary file; the target is then unchanged.
 * @param {string} target
 * @param {string | Uint8Array} content
 * @param {{ mode?: number, makeDirectory?: boolean }} [options]
 */
export function writeFileAtomic(target, content, options = {}) {
  const folder = path.dirname(target);
  if (options.makeDirectory) fs.mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  let fd;
  try {
    fd = fs.openSync(temporary, 'wx', options.mode ?? 0o666);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    if (options.mode === undefined) {
      try {
        fs.chmodSync(temporary, fs.statSync(target).mode & 0o7777);
      } catch {
        // a new file keeps the default mode
      }
    }
    fs.renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(folder);
}

/** Copies a file atomically (the same guarantees; a process that has the old file mapped keeps its copy intact). */
export function copyFileAtomic(from, to) {
  writeFileAtomic(to, fs.readFileSync(from), { mode: fs.statSync(from).mode & 0o7777, makeDirectory: true });
}

/** Flushes a directory's entries; some platforms and file systems cannot open a directory, which is harmless. */
function syncDirectory(folder) {
  let fd;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows and some network file systems: the rename itself is what we can get
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * An atomic write of content too large to hold in memory (a corpus shard): `write()` appends pieces to a temporary
 * file in the target's folder, `commit()` flushes it, renames it onto the target and flushes the folder (the same
 * guarantees as writeFileAtomic), `abort()` removes it. Until commit() the target is untouched; a process killed
 * before then leaves only a `.NAME.PID.*.tmp` file, never a partial target.
 * @param {string} target
 * @param {{ mode?: number, makeDirectory?: boolean }} [options]
 */
export function openAtomicWriter(target, options = {}) {
  const folder = path.dirname(target);
  if (options.makeDirectory) fs.mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
  let fd = fs.openSync(temporary, 'wx', options.mode ?? 0o666);
  const close = () => {
    if (fd !== undefined) fs.closeSync(fd);
    fd = undefined;
  };
  return {
    temporary,
    /** @param {string | Uint8Array} piece */
    write(piece) {
      if (fd === undefined) throw new Error(`${target}: write after commit or abort`);
      try {
        fs.writeFileSync(fd, piece);
      } catch (error) {
        this.abort();
        throw error;
      }
    },
    commit() {
      if (fd === undefined) throw new Error(`${target}: commit after commit or abort`);
      try {
        fs.fsyncSync(fd);
        close();
        fs.renameSync(temporary, target);
      } catch (error) {
        this.abort();
        throw error;
      }
      syncDirectory(folder);
    },
    abort() {
      try {
        close();
      } finally {
        fs.rmSync(temporary, { force: true });
      }
    },
  };
}
