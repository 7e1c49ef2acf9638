// news-lens serve: one long-lived process runs many CLI tasks ({"id", "argv"} JSON lines on stdin, one reply line each).
//
// The engine (segmenter, tables) loads once and serves every task, which is what a Dask worker needs: one process
// per worker, not one per shard. Replies are {"id", "code", "stderr"} (and "stdout" when the task printed any); a
// task's errors are in its reply, and the process keeps serving. Tasks run one at a time, in order.
import * as readline from 'node:readline';
import { asText, type CliIo } from './context';

type Main = (argv: string[], io: CliIo) => Promise<number>;

export async function serve(io: CliIo, main: Main): Promise<number> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let task: { id?: unknown; argv?: unknown };
    try {
      task = JSON.parse(line);
    } catch {
      io.stdout.write(JSON.stringify({ id: null, code: 2, stderr: 'news-lens: error: a task must be one JSON object per line\n' }) + '\n');
      continue;
    }
    if (!Array.isArray(task.argv) || !task.argv.every((a) => typeof a === 'string') || task.argv[0] === 'serve') {
      io.stdout.write(JSON.stringify({ id: task.id ?? null, code: 2, stderr: 'news-lens: error: a task needs "argv": an array of strings (not serve)\n' }) + '\n');
      continue;
    }
    let stdout = '';
    let stderr = '';
    const captured: CliIo = {
      stdout: { write: (text: string | Uint8Array) => ((stdout += asText(text)), true) },
      stderr: { write: (text: string) => ((stderr += text), true) },
    };
    const code = await main(task.argv as string[], captured);
    const reply: Record<string, unknown> = { id: task.id ?? null, code, stderr };
    if (stdout) reply.stdout = stdout;
    io.stdout.write(JSON.stringify(reply) + '\n');
  }
  return 0;
}
