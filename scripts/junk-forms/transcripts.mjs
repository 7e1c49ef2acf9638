// The 新闻联播 transcripts that the lost-byte models count (github:DuckBurnIncense/xin-wen-lian-bo@ae8d591, MIT, text from cctv.com).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TRANSCRIPTS_COMMIT = 'ae8d591d33dd3701a34045e0acb24cd5b70b2ede';

/**
 * The transcripts (news/*.md at the pinned commit) of a clone or bare mirror at `gitDir`; without one, the
 * repository is cloned into scripts/junk-forms/.data/. Returns the file count and a reader of each file's text.
 */
export function openTranscripts(gitDir) {
  if (!gitDir) {
    gitDir = join(root, 'scripts', 'junk-forms', '.data', 'xin-wen-lian-bo');
    if (!existsSync(gitDir)) execFileSync('git', ['clone', '--quiet', '--bare', 'https://github.com/DuckBurnIncense/xin-wen-lian-bo', gitDir], { stdio: 'inherit' });
  }
  const dir = existsSync(join(gitDir, '.git')) ? join(gitDir, '.git') : gitDir;
  const git = (...args) => execFileSync('git', ['--git-dir', dir, ...args], { maxBuffer: 1 << 30 }).toString('utf8');
  const files = git('ls-tree', '--name-only', `${TRANSCRIPTS_COMMIT}:news`).split('\n').filter((f) => f.endsWith('.md'));
  return { files, read: (file) => git('show', `${TRANSCRIPTS_COMMIT}:news/${file}`) };
}
