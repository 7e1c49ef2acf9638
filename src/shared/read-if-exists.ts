// The project's one "read a text file that may be absent": its content, or undefined when there is no such file; other errors throw.
import { readFileSync } from 'node:fs';

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
