#!/usr/bin/env node
// `npm run screenshots`: regenerates the README screenshots from the real editor —
//   media/screenshots/annotated-article.png  the Traditional mirror article, annotated
//   media/screenshots/hover-figure.png       the hover of the figure 102.54億元
//   media/screenshots/quick-fix-menu.png     Ctrl+. on a Pinyin gloss
//   media/screenshots/jsonl-corpus.png       a JSONL corpus, each record's text annotated
//   media/screenshots/corpus-report.png      the Corpus Report of that corpus
//   media/screenshots/gold-*.png             the gold layer: annotate menu, gold and suggestions, hover, report
// It packages the extension, installs it into code-server (scripts/editor/setup.sh provides
// code-server, Chromium and the CJK font) and drives it with the end-to-end code in test/e2e/.
//
// Usage: node scripts/screenshots.mjs [--out DIR] [--dev] [--vsix FILE]
//   --out DIR    where to write the PNGs (default media/screenshots)
//   --dev        load the repository (dist/ built) instead of packaging a .vsix
//   --vsix FILE  install this .vsix instead of packaging one
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (flag) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
if (args.includes('--help')) {
  const { readFileSync } = await import('node:fs');
  const src = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
  console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n').trim());
  process.exit(0);
}
const outDir = path.resolve(value('--out') ?? path.join(root, 'media', 'screenshots'));
const vsix = value('--vsix') ? path.resolve(value('--vsix')) : undefined;
const started = Date.now();
const { takeScreenshots, stopAllSessions } = await tsImport(path.join(root, 'test', 'e2e', 'screenshots.ts'), import.meta.url);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.error(`${sig}: stopping`);
    stopAllSessions().finally(() => process.exit(130));
  });
}
try {
  const files = await takeScreenshots({
    outDir, vsix, extension: args.includes('--dev') ? 'dev' : 'vsix', log: (m) => console.log(m),
  });
  console.log(`wrote ${files.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
} catch (e) {
  console.error(`screenshots: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
}
