// The Dask integration on a local cluster of 2 workers on loopback: same records as the CLI, a killed worker process retried.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crawledRecords, jsonl, ROOT, run } from '../unit/cli/helpers';

const RUN = path.join(ROOT, 'dask/run.mjs');

/** Processes whose environment holds `token` and whose command line is a `news-lens serve`. */
function serveProcesses(token: string): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (!cmdline.includes('serve') || !cmdline.some((a) => a.endsWith('news-lens.js'))) continue;
      if (fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`NEWS_LENS_TEST_RUN=${token}`)) found.push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

function runDask(args: string[], token: string, killOne: boolean): Promise<{ code: number | null; stderr: string; killed: number | undefined }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, ...args], { env: { ...process.env, NEWS_LENS_TEST_RUN: token }, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let killed: number | undefined;
    const watcher = killOne
      ? setInterval(() => {
          if (killed !== undefined) return;
          const [pid] = serveProcesses(token);
          if (pid !== undefined) {
            killed = pid;
            process.kill(pid, 'SIGKILL');
          }
        }, 50)
      : undefined;
    child.on('exit', (code) => {
      if (watcher) clearInterval(watcher);
      resolve({ code, stderr, killed });
    });
  });
}

describe('Dask integration (npm run corpus:dask)', function () {
  this.timeout(300000);
  let dir: string;
  before(function () {
    const probe = spawnSync('/usr/bin/python3', ['-c', 'import dask.distributed'], { encoding: 'utf8' });
    assert.equal(probe.status, 0, `Debian's python3-dask and python3-distributed are needed (scripts/editor/setup.sh installs them): ${probe.stderr}`);
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
    assert.equal(built.status, 0);
  });
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-dask-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the records of the single-process CLI, merges stats, and retries the task of a killed worker process', async () => {
    const files = [['a', 30, 1], ['b', 17, 2], ['c', 9, 3]].map(([name, count, seed]) => {
      const p = path.join(dir, `${name}.jsonl`);
      fs.writeFileSync(p, jsonl(crawledRecords(count as number, seed as number)));
      return p;
    });
    const out = path.join(dir, 'out');
    const token = `${process.pid}-${Date.now()}`;
    const r = await runDask(['--workers', '2', '--out', out, '--shard-records', '8', ...files], token, true);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.killed !== undefined, 'a worker\'s news-lens process was killed during the run');
    assert.match(r.stderr, /on 2 worker\(s\) \(tcp:\/\/127\.0\.0\.1:/);
    for (const file of files) {
      const stem = path.basename(file, '.jsonl');
      const shards = fs.readdirSync(out).filter((n) => n.startsWith(stem + '.') && n.endsWith('.jsonl')).sort();
      assert.equal(shards.length, Math.ceil({ a: 30, b: 17, c: 9 }[stem]! / 8));
      const single = await run('annotate', '--input', 'jsonl', '--jobs', '1', file);
      assert.equal(shards.map((s) => fs.readFileSync(path.join(out, s), 'utf8')).join(''), single.stdout, `${stem}: Dask output equals the CLI's`);
    }
    const stats = JSON.parse(fs.readFileSync(path.join(out, 'stats.json'), 'utf8'));
    assert.equal(stats.documents, 56);
    assert.equal(stats.workers, 2);
    assert.ok(stats.entities.LOC > 0 && stats.junk['pinyin-gloss'] > 0);
    assert.equal(stats.shards.written + stats.shards.skipped, 4 + 3 + 2);
  });

  it('never reports success with a shard missing: a bad input fails the run, naming file and line, the rest is done', async () => {
    const good = path.join(dir, 'good.jsonl');
    const bad = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(good, jsonl(crawledRecords(5, 4)));
    fs.writeFileSync(bad, jsonl(crawledRecords(3, 5)) + '{"text": \n');
    const out = path.join(dir, 'out');
    const r = await runDask(['--workers', '1', '--retries', '0', '--out', out, good, bad], `${process.pid}-bad`, false);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /FAILED .*bad\.jsonl: .*bad\.jsonl:4: not valid JSON/);
    assert.match(r.stderr, /1 of 2 input\(s\) failed/);
    assert.ok(fs.existsSync(path.join(out, 'good.00000.jsonl.done')));
    assert.ok(!fs.readdirSync(out).some((n) => n.startsWith('bad.')));
  });
});
