// Editor states of the corpus features shared by the end-to-end checks and scripts/screenshots.mjs: a JSONL corpus open and
// annotated, and the Corpus Report webview rendered.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import * as E from './editor';

export const CORPUS = 'news-corpus.jsonl';
/** A gloss in a raw UTF-8 record of the corpus (the find widget searches the raw line); not the article's (wǎng): the find widget keeps its last search, and the same term again selects nothing. */
export const CORPUS_GLOSS = { text: '(xù)', nth: 0 };

/** Copies the sample corpus into the session's workspace (once). */
export function addCorpus(session: E.Session): string {
  const file = path.join(session.workspace, CORPUS);
  if (!fs.existsSync(file)) fs.copyFileSync(path.join(E.repoRoot, 'samples', CORPUS), file);
  return file;
}

/** The corpus open from its top, analyzed (status bar counts finished). */
export async function showCorpus(page: Page, session: E.Session): Promise<E.Counts> {
  addCorpus(session);
  await E.closePanel(page);
  await E.openFile(page, CORPUS);
  const counts = await E.waitForCounts(page, (c) => c.junk > 0 && c.entities > 0, 90000);
  if (!counts || counts.pending || !(counts.junk > 0)) throw new Error(`the corpus was not analyzed: ${counts?.text ?? 'no status'}`);
  await E.focusEditor(page);
  await page.keyboard.press('Control+Home');
  await page.mouse.move(2, 400);
  await E.sleep(500);
  return counts;
}

/** The report webview's page (VS Code nests it in two iframes). */
export function reportFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame, iframe[title]').first();
}

/** Runs News Lens: Corpus Report for the open JSONL file and waits until its charts are drawn; returns how many there are. */
export async function showCorpusReport(page: Page): Promise<number> {
  await E.runCommand(page, 'News Lens: Corpus Report');
  // The active editor is a JSONL file: the report asks whether it is for this file or for the workspace.
  const choice = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'This JSONL file' }).first();
  await choice.waitFor({ state: 'visible', timeout: 20000 });
  await choice.click();
  const frame = reportFrame(page);
  await frame.locator('body[data-rendered="true"]').waitFor({ timeout: 60000 });
  await E.sleep(800);
  return frame.locator('canvas').count();
}
