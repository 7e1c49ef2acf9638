// Bundles the extension client, language server, CLI, integration tests and the benchmark's in-editor probe with esbuild.
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Makes each JavaScript output pure ASCII. esbuild escapes non-ASCII characters in strings but keeps them in comments
 * and regular expressions (/《[^《》]/), and one such character makes Node decode the whole file as UTF-8 and hold it
 * as a two-byte string: reading the 3.7 MB server bundle took 40–80 ms at each start instead of 1–14 ms. Each one
 * becomes a \uXXXX escape, which means the same character in a regular expression, a string or a comment (an
 * escaped one, `\、`, is the character itself). Source maps are off by a few columns on those lines.
 */
const asciiOutput = {
  name: 'ascii-output',
  setup(build) {
    build.onEnd((result) => {
      for (const file of Object.keys(result.metafile?.outputs ?? {})) {
        if (!file.endsWith('.js')) continue;
        const path = join(root, file);
        const text = readFileSync(path, 'utf8');
        if (!/[^\x00-\x7f]/.test(text)) continue;
        const escape = (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        writeFileSync(path, text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, ch) => (slashes.length % 2 ? slashes.slice(1) : slashes) + escape(ch)));
      }
    });
  },
};

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
  metafile: true,
  plugins: [asciiOutput],
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
