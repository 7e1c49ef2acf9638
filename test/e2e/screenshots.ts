// The README screenshots, taken from the real editor with the same driving code as the
// end-to-end checks (see scenes.ts and corpus-scenes.ts). Run through scripts/screenshots.mjs (`npm run screenshots`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as E from './editor';
import { ARTICLE, FIGURE, showAnnotated, showFigureHover, showQuickFixes, startArticleSession } from './scenes';
import { showCorpus, showCorpusReport } from './corpus-scenes';
import { GOLD_SAMPLE, goldScreenshots } from './gold';

export interface ScreenshotOptions {
  outDir: string;
  extension?: 'vsix' | 'dev';
  vsix?: string;
  viewport?: { width: number; height: number };
  log?: (message: string) => void;
}

export { stopAllSessions } from './editor';

export async function takeScreenshots(options: ScreenshotOptions): Promise<string[]> {
  const log = options.log ?? (() => {});
  fs.mkdirSync(options.outDir, { recursive: true });
  const { session, counts } = await startArticleSession({
    extension: options.extension, vsix: options.vsix, log,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // Unicode highlighting would box every full-width comma of the JSONL corpus (VS Code does it in JSON, not in text).
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.unicodeHighlight.ambiguousCharacters': false },
    samples: [ARTICLE, GOLD_SAMPLE],
  });
  const written: string[] = [];
  const shoot = async (name: string) => {
    await E.sleep(600); // let hovers and menus finish fading in
    written.push(await E.screenshot(session.page, path.join(options.outDir, name)));
    log(`  ${path.join(options.outDir, name)}`);
  };
  try {
    log(`annotated: ${counts.text}`);
    const { page } = session;
    // The editor alone: hide the side bar (Ctrl+B) so the article gets the width.
    await E.focusEditor(page);
    await page.keyboard.press('Control+b');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    await showAnnotated(page);
    await shoot('annotated-article.png');
    const hover = await showFigureHover(page);
    if (!hover.includes(FIGURE.value)) throw new Error(`the figure's hover did not show ${FIGURE.value}: ${hover}`);
    await shoot('hover-figure.png');
    await E.focusEditor(page);
    const fixes = await showQuickFixes(page);
    if (!fixes.some((f) => /Remove all Pinyin gloss/.test(f))) throw new Error(`unexpected quick fixes: ${fixes.join(' | ')}`);
    await page.mouse.move(2, 400);
    await shoot('quick-fix-menu.png');
    // A JSONL corpus: each record's text annotated inside its JSON string.
    const corpus = await showCorpus(page, session);
    log(`corpus: ${corpus.text}`);
    await shoot('jsonl-corpus.png');
    // Its Corpus Report.
    const charts = await showCorpusReport(page);
    if (charts < 6) throw new Error(`the corpus report drew ${charts} charts`);
    await shoot('corpus-report.png');
    // The gold layer's workflow (test/e2e/gold.ts).
    await goldScreenshots(page, shoot);
    return written;
  } finally {
    await session.stop();
  }
}
