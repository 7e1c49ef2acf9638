// Helpers of the CLI tests: run the CLI in this process or as a child, and build small crawled-style corpora.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { asText } from '../../../src/cli/context';
import { main } from '../../../src/cli/main';
import { seededRandom } from '../../../src/shared/seeded-random';

export const ROOT = path.join(__dirname, '../../..');
export const SAMPLES = path.join(ROOT, 'samples');
export const sample = (name: string): string => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's main() in this process, capturing what it writes. */
export async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string | Uint8Array) => ((stdout += asText(text)), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
  });
  return { code, stdout, stderr };
}

/** The command that starts the CLI from its TypeScript sources in a child process. */
export function cliCommand(): string[] {
  return [process.execPath, '--require', require.resolve('tsx/cjs'), path.join(ROOT, 'src/cli/index.ts')];
}

export function runChild(argv: string[], options: { user?: string; input?: string } = {}): SpawnSyncReturns<string> {
  const [node, ...rest] = cliCommand();
  const command = options.user ? ['setpriv', `--reuid=${options.user}`, '--regid=nogroup', '--clear-groups', node, ...rest, ...argv] : [node, ...rest, ...argv];
  return spawnSync(command[0], command.slice(1), { encoding: 'utf8', input: options.input, maxBuffer: 1 << 28 });
}

export function startChild(argv: string[]) {
  const [node, ...rest] = cliCommand();
  return spawn(node, [...rest, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export const random = seededRandom;

/**
 * JSONL records in the style of a crawl: paragraphs of the samples shuffled per document, with glosses, a spam
 * line, markup, ids on most records, some exact and some edited copies.
 */
export function crawledRecords(count: number, seed: number): Record<string, unknown>[] {
  const next = random(seed);
  const paragraphs = [sample('mirror-article-zh-hant.txt'), sample('simplified-business-news.txt'), sample('english-wire-story.txt')]
    .flatMap((t) => t.split(/\n\s*\n|\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 10);
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    let text: string;
    if (i > 3 && next() < 0.1) text = records[Math.floor(next() * records.length)].text as string;
    else if (i > 3 && next() < 0.1) text = (records[Math.floor(next() * records.length)].text as string) + '\n(來源：鏡像站)';
    else {
      const picked = Array.from({ length: 3 + Math.floor(next() * 6) }, () => paragraphs[Math.floor(next() * paragraphs.length)]);
      text = picked.join('\n') + (next() < 0.3 ? '\n<p class="x">' : '') + `\n編號${i}`;
    }
    const record: Record<string, unknown> = { text, source: `site${i % 5}` };
    if (i % 4 !== 3) record.id = `r${i}`;
    records.push(record);
  }
  return records;
}

export const jsonl = (records: readonly unknown[]): string => records.map((r) => JSON.stringify(r) + '\n').join('');
