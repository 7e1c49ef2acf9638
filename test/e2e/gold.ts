// End-to-end checks and README scenes of the gold layer: annotating with the keyboard, Ctrl+Z, saving, reloading the window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import * as E from './editor';

/** The document annotated in the gold checks (copied into the workspace beside the article). */
export const GOLD_SAMPLE = 'simplified-business-news.txt';
/** Three entities and the key that annotates each (Alt+1 PER, Alt+2 LOC, Alt+3 ORG; see package.json). */
export const KEYED = [
  { text: '张宏韬', key: 'Alt+1', label: 'PER' },
  { text: '江苏', key: 'Alt+2', label: 'LOC' },
  { text: '上海市经济和信息化委员会', key: 'Alt+3', label: 'ORG' },
];

export interface GoldCounts { gold: number; accepted: number; open: number; text: string }

/** The gold status bar item's counts (undefined while it is hidden). */
export async function goldCounts(page: Page): Promise<GoldCounts | undefined> {
  const text = await page.evaluate(() => {
    const el = [...document.querySelectorAll<HTMLElement>('.statusbar-item')].find((e) => e.id.endsWith('newsLens.gold.status'));
    return el && el.offsetParent !== null ? el.innerText : undefined;
  });
  if (!text) return undefined;
  const t = E.normalize(text);
  const m = /Gold (\d+) · Accepted (\d+) · Open (\d+)/.exec(t);
  return m ? { gold: Number(m[1]), accepted: Number(m[2]), open: Number(m[3]), text: t } : undefined;
}

export async function waitForGold(page: Page, ok: (c: GoldCounts) => boolean, what: string, timeoutMs = 20000): Promise<GoldCounts> {
  const deadline = Date.now() + timeoutMs;
  let last: GoldCounts | undefined;
  while (Date.now() < deadline) {
    last = await goldCounts(page);
    if (last && ok(last)) return last;
    await E.sleep(150);
  }
  throw new Error(`gold status bar: waited ${timeoutMs / 1000} s for ${what} (last: ${last?.text ?? 'hidden'})`);
}

/** Annotates the three KEYED entities with their keys; returns the counts after each. */
export async function annotateWithKeys(page: Page): Promise<GoldCounts[]> {
  const seen: GoldCounts[] = [];
  for (const [i, entity] of KEYED.entries()) {
    await E.selectText(page, entity.text);
    await page.keyboard.press(entity.key);
    // A selection that is exactly a suggestion of that type accepts it (counted as accepted), otherwise it is gold.
    seen.push(await waitForGold(page, (c) => c.gold + c.accepted === i + 1, `${i + 1} annotation(s) after ${entity.key} on ${entity.text}`));
  }
  return seen;
}

export interface GoldCheckContext {
  session: E.Session;
  artifacts: string;
}

/** The gold checks, appended to the end-to-end suite (they use their own document, so they run after the others). */
export function goldChecks<C extends GoldCheckContext>(): { title: string; timeoutMs?: number; run: (ctx: C) => Promise<void> }[] {
  const shot = (ctx: C, name: string) => E.screenshot(ctx.session.page, path.join(ctx.artifacts, `${name}.png`));
  return [
    {
      title: 'annotates three entities with the keyboard; Ctrl+Z undoes an annotation; they survive saving and reloading the window',
      timeoutMs: 180000,
      async run(ctx) {
        const { page } = ctx.session;
        const file = path.join(ctx.session.workspace, GOLD_SAMPLE);
        const ann = file.replace(/\.txt$/, '.ann');
        await E.openFile(page, GOLD_SAMPLE);
        await E.waitForAnnotations(page);
        await annotateWithKeys(page);
        await shot(ctx, 'gold-annotated');
        // Ctrl+Z right after an annotation action undoes it (the text is untouched); Ctrl+Shift+Z redoes it.
        const text = fs.readFileSync(file, 'utf8');
        // A click into the text: the keys below go to the editor whatever had the focus.
        await E.focusEditor(page);
        await E.activeEditor(page).locator('.view-lines').click({ position: { x: 5, y: 5 } });
        await E.sleep(300);
        await page.keyboard.press('Control+z');
        const total = (c: GoldCounts) => c.gold + c.accepted;
        await waitForGold(page, (c) => total(c) === 2, 'two annotations after Ctrl+Z');
        assert.equal(await page.locator('.editor-group-container.active .tab.active.dirty').count(), 0, 'Ctrl+Z changed the text');
        await page.keyboard.press('Control+Shift+z');
        const redone = await waitForGold(page, (c) => total(c) === 3, 'three annotations after Ctrl+Shift+Z');
        await E.save(page);
        // The tab was never dirty, so save() returns at once while the editor may still be writing the file (it
        // writes on an explicit save all the same, truncating first): read until the write is over.
        assert.equal(await settledText(file, text), text, 'annotating changed the text file');
        const expected = KEYED.map((k) => {
          const start = [...text.slice(0, text.indexOf(k.text))].length;
          return `${k.label} ${start} ${start + [...k.text].length}\t${k.text}`;
        });
        const deadline = Date.now() + 10000;
        while (Date.now() < deadline && !(fs.existsSync(ann) && expected.every((l) => fs.readFileSync(ann, 'utf8').includes(l)))) await E.sleep(200);
        const written = fs.existsSync(ann) ? fs.readFileSync(ann, 'utf8') : '';
        for (const line of expected) assert.ok(written.includes(line), `${path.basename(ann)} lacks "${line}":\n${written}`);
        // Reload the window: the gold comes back from the .ann.
        await E.runCommand(page, 'Developer: Reload Window');
        await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
        await E.sleep(1000);
        await E.openFile(page, GOLD_SAMPLE);
        await E.waitForAnnotations(page);
        const after = await waitForGold(page, (c) => total(c) === 3, 'three annotations after reloading the window', 60000);
        await shot(ctx, 'gold-after-reload');
        assert.deepEqual([after.gold, after.accepted], [redone.gold, redone.accepted]);
        // And they are drawn: a box with a gold border colour lies on each of them.
        const colors = await E.themeColors(page, ['newsLens.goldPersonBorder', 'newsLens.goldPlaceBorder', 'newsLens.goldOrganizationBorder']);
        for (const [i, entity] of KEYED.entries()) {
          const [box] = await E.textBoxes(page, entity.text);
          const border = Object.values(colors)[i];
          const drawn = await goldBorders(page);
          assert.ok(drawn.some((b) => b.color === border && E.coverage(b, box) > 0.5), `no gold border (${border}) over ${entity.text}: ${JSON.stringify(drawn.slice(0, 5))}`);
        }
      },
    },
  ];
}

/** The file's text once it equals `expected`, or what it holds after `timeoutMs` (a write in progress reads short). */
async function settledText(file: string, expected: string, timeoutMs = 10000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = fs.readFileSync(file, 'utf8');
  while (text !== expected && Date.now() < deadline) {
    await E.sleep(200);
    text = fs.readFileSync(file, 'utf8');
  }
  return text;
}

/** Decorations with a border (gold annotations) in the active editor, with their border colour. */
export async function goldBorders(page: Page): Promise<(E.Box & { color: string })[]> {
  return E.activeEditor(page).evaluate((editor) =>
    [...editor.querySelectorAll<HTMLElement>('.view-overlays [class*="TextEditorDecorationType"]')]
      .map((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return { color: style.borderTopStyle === 'solid' ? style.borderTopColor : '', x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.color),
  );
}

/**
 * The README's gold-layer screenshots, in a session that has GOLD_SAMPLE in its workspace: the Ctrl+. menu on a
 * selection, the document with gold and suggestions (status bar, entity view by gold and suggestion), a figure's
 * hover with its links, and the report of suggestions against gold; `shoot` saves each.
 */
export async function goldScreenshots(page: Page, shoot: (name: string) => Promise<void>): Promise<void> {
  await E.openFile(page, GOLD_SAMPLE);
  await E.waitForAnnotations(page);
  // The side bar with the entity view (grouped by gold and suggestion once there is gold).
  if (!(await page.locator('.part.sidebar').isVisible().catch(() => false))) {
    await page.keyboard.press('Control+b');
    await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  }
  await E.runCommand(page, 'News Lens: Show Entity List');
  await E.sleep(800);
  // 1. Ctrl+. on a selection the engine missed: "Annotate as …".
  await E.selectText(page, '上海市经济和信息化委员会');
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10000 });
  await page.mouse.move(2, 400);
  await shoot('gold-annotate-menu.png');
  await rows.filter({ hasText: /^Annotate as Organization \(ORG\)$/ }).first().click();
  await waitForGold(page, (c) => c.gold === 1, 'the ORG from the menu');
  // 2. Keys: accept 王海涛 (Alt+1 on the PER suggestion), 特斯拉 is an ORG (Alt+3), 一季度 is a DATE, not an ORDINAL (Alt+8).
  await E.selectText(page, '王海涛');
  await page.keyboard.press('Alt+1');
  await waitForGold(page, (c) => c.accepted === 1, 'accepted 1');
  await E.selectText(page, '特斯拉');
  await page.keyboard.press('Alt+3');
  const before = await waitForGold(page, (c) => c.gold === 2, 'gold 2');
  await E.selectText(page, '一季度');
  await page.keyboard.press('Alt+8');
  await waitForGold(page, (c) => c.gold === 3 && c.open === before.open - 1, 'gold 3');
  await E.focusEditor(page);
  await page.keyboard.press('Control+Home');
  await page.mouse.move(2, 400);
  await shoot('gold-layer.png');
  // 3. The hover of a figure suggestion: accept, change type, remove, correct its value.
  await E.hoverText(page, '35.2%', /Correct value/);
  await shoot('gold-hover.png');
  // 4. Suggestions against gold for this document.
  await E.runCommand(page, 'News Lens: Compare Suggestions with Gold…');
  const choice = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'This document' }).first();
  await choice.waitFor({ state: 'visible', timeout: 10000 });
  await choice.click();
  await page.waitForFunction(() => (document.querySelector('.editor-group-container.active .tab.active')?.textContent ?? '').includes('Suggestions against gold'), null, { timeout: 60000 });
  // The report alone, rendered.
  await E.runCommand(page, 'View: Close Editors in Other Groups');
  if (await page.locator('.part.sidebar').isVisible().catch(() => false)) await page.keyboard.press('Control+b');
  await E.runCommand(page, 'Markdown: Open Preview');
  await page.frameLocator('iframe.webview.ready').frameLocator('iframe').locator('table').first().waitFor({ timeout: 30000 }).catch(() => {});
  await E.sleep(1000);
  await page.mouse.move(2, 400);
  await shoot('gold-report.png');
}
