// The editor tools' setup as a newcomer's `npm test` runs it: nested installs see a clean npm environment, and the tools start.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
const fixture = path.join(root, 'test', 'fixtures', 'node-version-check');

/** An npm run-script environment like the one `npm test` creates, but naming another Node (as under Node 20 → 24). */
function outerNpmEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_user_agent: 'npm/11.19.1 node/v18.20.4 linux x64 workspaces/false ci/github-actions',
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'node scripts/test-all.mjs',
    npm_package_name: 'news-lens',
    npm_node_execpath: '/usr/local/bin/node18',
    npm_config_cache: path.join(os.tmpdir(), 'news-lens-outer-npm-cache-unused'),
    INIT_CWD: root,
  };
}

/** Installs the fixture (whose postinstall checks npm's user agent) in a temporary folder, optionally cleaning npm's environment first. */
function installFixture(clean: boolean): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-nested-'));
  try {
    fs.cpSync(fixture, dir, { recursive: true });
    const script = `${clean ? `. "${path.join(root, 'scripts/editor/clean-npm-env.sh')}"; clean_npm_environment; ` : ''}cd "${dir}" && npm install --no-audit --no-fund --no-save 2>&1`;
    const r = spawnSync('bash', ['-c', script], { env: outerNpmEnvironment(), encoding: 'utf8', timeout: 120_000 });
    return { status: r.status, out: r.stdout + r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function tools(): Record<string, string> {
  const r = spawnSync('bash', [path.join(root, 'scripts/editor/setup.sh'), '--env'], { encoding: 'utf8', timeout: 1_800_000 });
  assert.equal(r.status, 0, r.stderr);
  return Object.fromEntries(r.stdout.trim().split('\n').map((line) => line.split(/=(.*)/s, 2) as [string, string]));
}

describe('editor tools setup (scripts/editor/setup.sh)', function () {
  this.timeout(180_000);

  it('a nested npm install inside `npm test` fails the way code-server did when npm environment leaks in', () => {
    const leaked = installFixture(false);
    assert.notEqual(leaked.status, 0, 'the fixture must detect a leaked user agent, else the next test proves nothing');
    assert.match(leaked.out, /names node v18/);
  });

  it('clean_npm_environment gives the nested install its own npm environment', () => {
    const r = installFixture(true);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, new RegExp(`node v${process.versions.node.split('.')[0]} as npm says`));
  });

  it('the installed tools start: Node 24, code-server and Chromium', () => {
    const versions = Object.fromEntries(
      fs.readFileSync(path.join(root, 'scripts/editor/versions.env'), 'utf8').split('\n').filter((l) => /^\w+=/.test(l)).map((l) => l.split('=', 2) as [string, string]),
    );
    const t = tools();
    const node = spawnSync(t.NEWS_LENS_NODE24, ['--version'], { encoding: 'utf8' });
    assert.equal(node.stdout.trim(), `v${versions.NODE_VERSION}`);
    const state = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-cs-'));
    try {
      const env = { ...process.env, XDG_CONFIG_HOME: state, XDG_DATA_HOME: state, XDG_STATE_HOME: state, TMPDIR: state };
      const cs = spawnSync(t.NEWS_LENS_NODE24, [path.join(t.NEWS_LENS_CODE_SERVER, 'out/node/entry.js'), '--config', path.join(state, 'config.yaml'), '--user-data-dir', path.join(state, 'user'), '--version'], { encoding: 'utf8', env, timeout: 60_000 });
      assert.equal(cs.status, 0, cs.stderr);
      assert.match(cs.stdout, new RegExp(`^${versions.CODE_SERVER_VERSION.replace(/\./g, "\\.")} `, "m"), cs.stdout);
      const page = spawnSync(t.NEWS_LENS_CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(state, 'chromium')}`, '--dump-dom', 'data:text/html,<p id=x>news-lens</p>'], { encoding: 'utf8', timeout: 60_000 });
      assert.match(page.stdout, /<p id="x">news-lens<\/p>/, page.stderr);
    } finally {
      fs.rmSync(state, { recursive: true, force: true });
    }
  });

  it('npm has every dependency install script reviewed in allowScripts', function () {
    const r = spawnSync('npm', ['install-scripts', 'ls'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0 && /Unknown command|not a valid command/i.test(r.stdout + r.stderr)) {
      console.log('      SKIPPED: this npm has no install-scripts command (npm < 11)');
      this.skip();
    }
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /No packages with unreviewed install scripts/);
  });
});
