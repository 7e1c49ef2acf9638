// Unit tests of the benchmark's settings: which runs replace bench/latest.json (the README's figures come from it).
import { strict as assert } from 'node:assert';
import { readConfig } from '../../bench/config';

function withEnv<T>(env: Record<string, string | undefined>, run: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  try {
    return run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('benchmark settings', () => {
  const clear = { BENCH_QUICK: undefined, BENCH_ONLY: undefined, BENCH_WRITE_LATEST: undefined };

  it('only a full run of every section replaces bench/latest.json, unless BENCH_WRITE_LATEST says so', () => {
    assert.equal(withEnv(clear, readConfig).writeLatest, true);
    assert.equal(withEnv({ ...clear, BENCH_QUICK: '1' }, readConfig).writeLatest, false);
    assert.equal(withEnv({ ...clear, BENCH_ONLY: 'cold' }, readConfig).writeLatest, false);
    assert.equal(withEnv({ ...clear, BENCH_ONLY: 'cold', BENCH_WRITE_LATEST: '1' }, readConfig).writeLatest, true);
  });

  it('names an unknown section', () => {
    assert.throws(() => withEnv({ ...clear, BENCH_ONLY: 'engine,colt' }, readConfig), /unknown section "colt"/);
  });
});
