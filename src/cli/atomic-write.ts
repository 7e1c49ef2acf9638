// Writes files atomically (temp file in the same folder, then rename) so an interrupted run never leaves half a file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './input';

export function writeFileAtomic(target: string, content: string): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, content, { flag: 'wx' });
    try {
      fs.chmodSync(temp, fs.statSync(target).mode);
    } catch {
      // a new file keeps the default mode
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    throw new InputError(`${target}: could not write (${why}); the original file is unchanged`);
  }
}
