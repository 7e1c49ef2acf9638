// The bench's per-thread CPU sampler (bench/thread-cpu.ts): tells a process's main thread from its worker threads.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { sampleThreadCpu, threadCpuAvailable } from '../../bench/thread-cpu';

// A main thread that burns about 0.3 CPU s and a worker thread that burns about 1 CPU s. Both count user and system
// time: where system calls are dear (a sandboxed kernel), a loop on user time alone burns several times its budget.
const PROGRAM = `
const { Worker } = require('node:worker_threads');
const used = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const burn = (ms) => { const end = used() + ms; while (used() < end); };
const w = new Worker(\`
  const t = () => { const s = require('fs').readFileSync('/proc/thread-self/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); return (+f[11] + +f[12]) * 10; };
  const end = t() + 1000; while (t() < end);
\`, { eval: true });
w.on('exit', () => burn(300));
`;

describe('bench: CPU per thread', function () {
  this.timeout(60_000);

  it('reports the main thread and the busiest other thread of a process separately', async function () {
    if (!threadCpuAvailable) this.skip();
    const child = spawn(process.execPath, ['-e', PROGRAM], { stdio: 'ignore' });
    const sampler = sampleThreadCpu(() => child.pid);
    await new Promise((resolve) => child.on('close', resolve));
    const cpu = sampler.stop();
    assert.ok(cpu, 'no sample of the process');
    assert.ok(cpu.otherSeconds[0] >= 0.8, `busiest other thread ${cpu.otherSeconds[0]} s, expected the worker's ~1 s`);
    assert.ok(cpu.mainSeconds >= 0.2, `main thread ${cpu.mainSeconds} s, expected at least its ~0.3 s`);
    assert.ok(cpu.mainSeconds < cpu.otherSeconds[0], 'the main thread was not told from the worker');
  });
});
