// Finds a data file the engine reads from disk at run time (too big to bundle): in the nearest folder above this module that has it.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * `relative` (e.g. data/ner/model.bin) under the nearest folder above this module that has it: the repository
 * when run from source, the extension or package folder when bundled into dist/. Undefined when none has it.
 */
export function findDataFile(relative: string): string | undefined {
  let dir = __dirname;
  for (let up = 0; up < 5; up++) {
    const candidate = path.join(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return undefined;
}
