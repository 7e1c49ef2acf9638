// Why the installed nodejieba is the stock addon, when that is expected: installed on a machine without a C++ toolchain.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface PatchStatus {
  addon?: string;
  reason?: string;
  message?: string;
}

/** The status scripts/patch-nodejieba.mjs left for a nodejieba package folder (default: the installed one). */
export function patchStatus(jiebaRoot = path.dirname(require.resolve('nodejieba/package.json'))): PatchStatus | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(jiebaRoot, '..', '.cache', 'news-lens-nodejieba', 'status.json'), 'utf8')) as PatchStatus;
  } catch {
    return undefined;
  }
}

/**
 * A reason to skip the checks of the patched addon, or undefined when they must run: only a machine without a C++
 * toolchain (the patch step then keeps the stock addon on purpose) skips them. Any other failure of the patch fails.
 */
export function noToolchainSkipReason(): string | undefined {
  const status = patchStatus();
  if (status?.reason !== 'no-toolchain') return undefined;
  return `SKIPPED: nodejieba was installed without a C++ toolchain, so the stock addon is in use (${status.message ?? 'g++ and make not found'})`;
}
