// The CLI's writes: the project's atomic write, with its failures turned into one-line input errors.
import { writeFileAtomic as writeAtomic } from '../shared/atomic-write.mjs';
import { InputError } from './input';

export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  try {
    writeAtomic(target, content);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(error));
    throw new InputError(`${target}: could not write (${why}); the original file is unchanged`);
  }
}
