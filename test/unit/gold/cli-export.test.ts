// Unit tests of `news-lens export --gold`: gold read from brat .ann files and JSONL sidecars, with or without accepted suggestions.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { GoldSidecar, serializeAnn, type GoldAnnotation } from '../../../src/core/gold';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    return { code: await main(argv), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const text = '𠀋張三在北京出席會議。';
const decisions: GoldAnnotation[] = [
  { id: 'T1', kind: 'entity', label: 'PER', start: 2, end: 4, text: '張三' },
  { id: 'T2', kind: 'entity', label: 'LOC', start: 5, end: 7, text: '北京', accepted: true },
  { id: 'T3', kind: 'rejected', label: 'ORG', start: 9, end: 11, text: '會議' },
];

describe('news-lens export --gold', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-gold-cli-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the gold of X.ann beside X.txt (code points), with accepted suggestions only when asked', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'a.ann'), serializeAnn(decisions, text));
    fs.writeFileSync(path.join(dir, 'b.txt'), '沒有標注的文件');
    const gold = await run('export', '--gold', '--format', 'doccano', path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    assert.equal(gold.code, 0, gold.stderr);
    assert.deepEqual(JSON.parse(gold.stdout), { text, labels: [[1, 3, 'PER']] });
    assert.match(gold.stderr, /1 of 2 document\(s\) have no gold/);
    const all = await run('export', '--gold', '--with-accepted', '--format', 'doccano', path.join(dir, 'a.txt'));
    assert.deepEqual(JSON.parse(all.stdout).labels, [[1, 3, 'PER'], [4, 6, 'LOC']]);
  });

  it('reads the standoff files from --ann-dir, mirroring the folders', async () => {
    fs.mkdirSync(path.join(dir, 'news'));
    fs.mkdirSync(path.join(dir, 'gold', 'news'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'news', 'a.txt'), text);
    fs.writeFileSync(path.join(dir, 'gold', 'news', 'a.ann'), serializeAnn(decisions, text));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await run('export', '--gold', '--ann-dir', 'gold', '--format', 'conll', path.join('news', 'a.txt'));
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /張\tB-PER\n三\tI-PER/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('exports a JSONL corpus from its sidecar, records found by id and text hash', async () => {
    const corpus = path.join(dir, 'c.jsonl');
    fs.writeFileSync(corpus, [JSON.stringify({ id: 'n1', text }), JSON.stringify({ id: 'n2', text: '別的' }), JSON.stringify({ text: '上海' })].join('\n') + '\n');
    const sidecar = new GoldSidecar();
    sidecar.set('n1', text, decisions);
    sidecar.set('line:3', '上海', [{ id: 'T1', kind: 'entity', label: 'LOC', start: 0, end: 2, text: '上海' }]);
    fs.writeFileSync(corpus + '.gold', sidecar.serialize());
    const result = await run('export', '--gold', '--with-accepted', '--input', 'jsonl', '--format', 'label-studio', corpus);
    assert.equal(result.code, 0, result.stderr);
    const tasks = JSON.parse(result.stdout) as { data: { text: string }; annotations: { result: { value: { start: number; labels: string[] } }[] }[] }[];
    assert.deepEqual(tasks.map((t) => [t.data.text, t.annotations[0].result.map((r) => `${r.value.labels[0]}${r.value.start}`).join()]), [[text, 'PER1,LOC4'], ['上海', 'LOC0']]);
  });

  it('refuses --gold on standard input and stray gold options', async () => {
    assert.equal((await run('export', '--gold', '--format', 'brat')).code, 2);
    assert.match((await run('export', '--with-accepted', '--format', 'doccano', 'x.txt')).stderr, /only make sense with --gold/);
  });
});
