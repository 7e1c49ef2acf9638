// Bundles the extension client, language server, CLI, integration tests and the benchmark's in-editor probe with esbuild.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// --outdir DIR builds elsewhere (packaging stages a production build without touching dist/).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : join(root, 'dist');
// --extension-only skips the CLI and the integration tests.
const extensionOnly = process.argv.includes('--extension-only');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // nodejieba is a native addon with dictionaries on disk: it ships unbundled in node_modules.
  external: ['vscode', 'nodejieba'],
  define: { NEWS_LENS_VERSION: JSON.stringify(pkg.version) },
  // jsonc-parser's default (UMD) build loads its parts with a dynamic require that a bundle cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

/** Files under a folder (relative to the repository) whose names end with a suffix. */
function findFiles(folder, suffix) {
  return readdirSync(join(root, folder), { recursive: true })
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(folder, name).split('\\').join('/'));
}

const integrationTests = findFiles('test/integration', '.test.ts');

const builds = [
  { entryPoints: { 'client/extension': 'src/client/extension.ts' } },
  // server.js is a small starter that loads language-server.js through V8's code cache (src/server/start.ts).
  { entryPoints: { 'server/server': 'src/server/start.ts' } },
  { entryPoints: { 'server/language-server': 'src/server/server.ts' } },
  // The Corpus Report webview: a browser bundle with Chart.js, and its styles (src/client/corpus-report/).
  {
    entryPoints: { 'webview/corpus-report': 'src/client/corpus-report/webview/main.ts', 'webview/corpus-report-style': 'src/client/corpus-report/webview/report.css' },
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    external: [],
  },
  { entryPoints: { cli: 'src/cli/index.ts' } },
  {
    entryPoints: Object.fromEntries([
      ['test/integration/index', 'test/integration/index.ts'],
      ...integrationTests.map((file) => [file.replace(/\.ts$/, ''), file]),
      // Loaded by the extension host like a test index when `npm run bench` measures host blocking (bench/host-blocking.ts).
      ['bench/host-probe', 'bench/host-probe.ts'],
    ]),
    external: [...common.external, 'mocha'],
  },
];

const selected = extensionOnly ? builds.slice(0, 4) : builds;
rmSync(outdir, { recursive: true, force: true });
const contexts = await Promise.all(selected.map((b) => esbuild.context({ ...common, ...b, outdir })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
