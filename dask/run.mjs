// `npm run corpus:dask -- …`: runs dask/news_lens_dask.py with a Python that has Dask (Debian's python3-dask).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

/** Debian's packages install for /usr/bin/python3; the python3 first on PATH may be another one (pyenv). */
function findPython() {
  const candidates = [process.env.NEWS_LENS_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import dask.distributed'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return undefined;
}

const python = findPython();
if (!python) {
  console.error('corpus:dask: no Python with Dask found; install Debian\'s packages: apt-get install python3-dask python3-distributed (or set NEWS_LENS_PYTHON)');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const result = spawnSync(python, [join(here, 'news_lens_dask.py'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
