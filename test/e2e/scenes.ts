// The states of the editor that both the end-to-end checks and scripts/screenshots.mjs show:
// the Traditional mirror article annotated, a figure's hover, a gloss's hover, the quick-fix menu.
import type { Page } from 'playwright-core';
import * as E from './editor';

export const ARTICLE = 'mirror-article-zh-hant.txt';
/** A figure of the article and what its hover must say. */
export const FIGURE = { text: '102.54億元', value: '10,254,000,000', currency: 'CNY' };
/** A Pinyin gloss of the article; the 2nd occurrence (0-based 1) is in running text (the 1st is in the
 *  breadcrumb line, which is boilerplate too). */
export const GLOSS = { text: '(wǎng)', nth: 1 };

export interface ArticleSessionOptions extends Partial<E.SessionOptions> {
  log?: (message: string) => void;
}

/** A session with the article open and fully annotated (entities included). */
export async function startArticleSession(options: ArticleSessionOptions = {}): Promise<{ session: E.Session; counts: E.Counts }> {
  const session = await E.startSession({ samples: [ARTICLE], open: ARTICLE, ...options });
  try {
    const t0 = Date.now();
    const counts = await E.waitForAnnotations(session.page);
    session.timings.annotate = (Date.now() - t0) / 1000;
    return { session, counts };
  } catch (e) {
    await session.stop();
    throw e;
  }
}

/** The article from its top, nothing open over it, the mouse out of the way. */
export async function showAnnotated(page: Page): Promise<void> {
  await E.closePanel(page);
  await E.focusEditor(page);
  await page.keyboard.press('Control+Home');
  await page.mouse.move(2, 400);
  await E.sleep(400);
}

/** The last line (the SEO spam line) in view. */
export async function showSpamLine(page: Page): Promise<void> {
  await E.closePanel(page);
  await E.focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.mouse.move(2, 400);
  await E.sleep(400);
}

/** The hover of FIGURE; returns its text. */
export async function showFigureHover(page: Page): Promise<string> {
  await E.closePanel(page);
  return E.hoverText(page, FIGURE.text, new RegExp(FIGURE.value.replace(/[.,]/g, '\\$&')));
}

/** The hover of GLOSS; returns its text. */
export async function showGlossHover(page: Page): Promise<string> {
  await E.closePanel(page);
  return E.hoverText(page, GLOSS.text, /Pinyin gloss/, GLOSS.nth);
}

/** The quick-fix menu on GLOSS; returns its items. */
export async function showQuickFixes(page: Page): Promise<string[]> {
  await E.closePanel(page);
  return E.openQuickFixes(page, GLOSS.text, GLOSS.nth);
}
