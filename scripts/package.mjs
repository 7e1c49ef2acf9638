// Builds a platform .vsix: bundled client and server, the entity tagger's weights, plus nodejieba's native addon and dictionaries unbundled.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.env.NEWS_LENS_TARGET ?? `${process.platform}-${process.arch}`;
const stage = join(root, '.vscode-test', 'package-stage');
const out = join(root, `news-lens-${target}.vsix`);

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production', '--extension-only', '--outdir', join(stage, 'dist')], { stdio: 'inherit' });

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
delete pkg.devDependencies;
delete pkg.scripts;
delete pkg.bin;
// Only nodejieba is needed at run time; everything else is bundled into dist/.
pkg.dependencies = { nodejieba: pkg.dependencies.nodejieba };
writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2));

for (const entry of ['README.md', 'LICENSE', 'CHANGELOG.md', 'media', 'l10n', 'samples', 'schemas']) {
  if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true, filter: (src) => !src.endsWith('.map') });
}
for (const nls of ['package.nls.json', 'package.nls.zh-cn.json', 'package.nls.zh-tw.json']) cpSync(join(root, nls), join(stage, nls));
// Data read from disk at run time (src/core/data-file.ts): the entity tagger's weights with their model card, and the
// mojibake repair's lost-byte counts, words and sentence marks.
for (const file of ['data/ner/model.bin', 'data/ner/MODEL_CARD.md', 'data/lost-byte-bigrams.json', 'data/lost-byte-words.json', 'data/lost-byte-sentence-marks.json']) cpSync(join(root, file), join(stage, file));

const jieba = join(root, 'node_modules/nodejieba');
const jiebaStage = join(stage, 'node_modules/nodejieba');
for (const entry of ['index.js', 'LICENSE', 'build/Release/nodejieba.node', 'submodules/cppjieba/dict']) {
  cpSync(join(jieba, entry), join(jiebaStage, entry), { recursive: true });
}
// The addon should be the lean build that `npm ci` makes (scripts/patch-nodejieba.mjs); a stock one works, with more memory.
const lean = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(require(process.argv[1]).lazyTextRank === true))', join(jiebaStage, 'build/Release/nodejieba.node')], { encoding: 'utf8' });
if (lean !== 'true') {
  console.warn('WARNING: packaging the STOCK nodejieba addon (its load() also builds the TextRank extractor: about +110 MB per server).');
  console.warn('         Run `npm run patch:nodejieba` first to package the lean build.');
}
// The built addon needs none of nodejieba's install-time dependencies or scripts; vsce lists what remains.
const jiebaPkg = JSON.parse(readFileSync(join(jieba, 'package.json'), 'utf8'));
for (const key of ['dependencies', 'devDependencies', 'scripts', 'binary', 'gypfile']) delete jiebaPkg[key];
writeFileSync(join(jiebaStage, 'package.json'), JSON.stringify(jiebaPkg, null, 2));

execFileSync(
  process.execPath,
  [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--target', target, '--out', out],
  { cwd: stage, stdio: 'inherit' },
);
console.log(`packaged ${out}`);
