// Drives News Lens in a real VS Code (code-server) through headless Chromium: starts a throwaway
// code-server with the extension (the packaged .vsix, or the repository as a development
// extension), opens a workspace holding copies of the samples, and offers the UI gestures the
// end-to-end checks and the screenshot script share (go to a position, hover, quick fixes,
// status bar, Problems panel, command palette).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  BASE_USER_SETTINGS, ensureTools, freePort, installVsix, launchChromium, makeStateDirs, remoteUri,
  repoRoot, serverEnv, sleep, startCodeServer, startReaper, sweepMarked, waitForHealthz, workbenchUrl,
  writeUserSettings, type ServerHandle, type Tools,
} from '../../scripts/editor/code-server.mjs';

export { repoRoot, sleep };

export interface SessionOptions {
  /** Files of samples/ to copy into the workspace. */
  samples: string[];
  /** The file (of `samples`) to open when the workbench starts. */
  open?: string;
  /** 'vsix' (default): package the extension and install the .vsix; 'dev': load the repository
   *  (dist/ must be built) as a development extension. */
  extension?: 'vsix' | 'dev';
  /** An existing .vsix to install instead of packaging. */
  vsix?: string;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  log?: (message: string) => void;
}

export interface Session {
  page: Page;
  context: BrowserContext;
  authority: string;
  workspace: string;
  state: string;
  tools: Tools;
  serverLog: string;
  /** Seconds spent in each start-up phase. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

const ENTRY_DELAY = 30; // ms between keystrokes typed into quick inputs

/** Stop functions of the sessions being started or running (for signal handlers). */
const live = new Set<() => Promise<void>>();

/** Stops every session of this process (e.g. on Ctrl+C). */
export async function stopAllSessions(): Promise<void> {
  await Promise.all([...live].map((stop) => stop().catch(() => {})));
}

/** Packages the extension with scripts/package.mjs and returns the .vsix path. */
export function packageExtension(): string {
  const target = process.env.NEWS_LENS_TARGET ?? `${process.platform}-${process.arch}`;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs')], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`scripts/package.mjs failed (exit ${r.status ?? r.signal}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.slice(-4000));
  const vsix = path.join(repoRoot, `news-lens-${target}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`scripts/package.mjs did not produce ${vsix}`);
  return vsix;
}

export async function startSession(options: SessionOptions): Promise<Session> {
  const log = options.log ?? (() => {});
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => { timings[name] = (Date.now() - t) / 1000; t = Date.now(); };

  const tools = ensureTools({ always: true });
  lap('setup');
  const mode = options.extension ?? 'vsix';
  let vsix = options.vsix;
  if (mode === 'vsix' && !vsix) {
    log('packaging the extension (scripts/package.mjs)');
    vsix = packageExtension();
    lap('package');
  }

  // Short state folder: code-server's IPC socket paths must stay under 107 characters.
  const state = fs.mkdtempSync(path.join(fs.existsSync('/tmp') ? '/tmp' : os.tmpdir(), 'nl-e2e-'));
  startReaper({ marker: state, watchPath: state, removePaths: [state], keepFlagDir: state });
  const dirs = makeStateDirs(state, ['user', 'exts', 'config', 'data', 'cache', 'statehome', 'runtime', 'tmp', 'chrome', 'ws']);
  const workspace = dirs.ws;
  for (const name of options.samples) fs.copyFileSync(path.join(repoRoot, 'samples', name), path.join(workspace, name));
  writeUserSettings(dirs.user, {
    ...BASE_USER_SETTINGS,
    'workbench.colorTheme': 'Default Light Modern',
    'editor.wordWrap': 'on',
    'editor.hover.delay': 200,
    'editor.minimap.enabled': false,
    'editor.cursorBlinking': 'solid',
    'files.autoSave': 'off',
    'files.insertFinalNewline': false,
    'files.trimTrailingWhitespace': false,
    'window.commandCenter': false,
    'workbench.editor.enablePreview': false,
    'workbench.layoutControl.enabled': false,
    'problems.showCurrentInStatus': false,
    'breadcrumbs.enabled': false,
    'editor.stickyScroll.enabled': false,
    ...options.settings,
  });
  const config = path.join(state, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const env = serverEnv(tools, dirs, state);
  const serverLog = path.join(state, 'server.log');
  const logFd = fs.openSync(serverLog, 'a');

  let server: ServerHandle | undefined;
  let context: BrowserContext | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      live.delete(stop);
      if (context) await Promise.race([context.close().catch(() => {}), sleep(5000)]);
      if (server) await server.stop();
      await sweepMarked(state);
      try { fs.closeSync(logFd); } catch { /* closed */ }
      if (process.env.NEWS_LENS_E2E_KEEP === '1') {
        fs.writeFileSync(path.join(state, 'KEPT'), '');
        log(`state kept in ${state}`);
        try { fs.rmSync(path.join(state, 'chrome'), { recursive: true, force: true }); } catch { /* best effort */ }
      } else {
        for (let i = 0; i < 5; i++) {
          try { fs.rmSync(state, { recursive: true, force: true }); break; } catch { await sleep(200); }
        }
      }
    })();
    return stopped;
  };

  live.add(stop);
  try {
    if (vsix) {
      installVsix(tools, { vsix, extensionsDir: dirs.exts, userDataDir: dirs.user, config, env });
      lap('install');
    }
    const authority = `127.0.0.1:${await freePort()}`;
    server = startCodeServer({
      tools, env, cwd: state, authority, config, userDataDir: dirs.user, extensionsDir: dirs.exts, logFd,
      extra: mode === 'dev' ? ['--vscode-option', 'enable-smoke-test-driver'] : [],
    });
    await waitForHealthz(server, { timeoutMs: 180000, logPath: serverLog });
    lap('server');

    // playwright-core keeps an artifacts folder in os.tmpdir(): keep it inside the state folder.
    const savedTmp = process.env.TMPDIR;
    process.env.TMPDIR = dirs.tmp;
    try {
      context = await launchChromium({
        tools, userDataDir: dirs.chrome, env, viewport: options.viewport ?? { width: 1280, height: 800 },
        deviceScaleFactor: options.deviceScaleFactor,
      });
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = savedTmp;
    }
    const page = context.pages()[0] ?? await context.newPage();
    const payload: [string, string][] = [];
    if (mode === 'dev') payload.push(['extensionDevelopmentPath', remoteUri(authority, repoRoot)]);
    if (options.open) payload.push(['openFile', remoteUri(authority, path.join(workspace, options.open))]);
    payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
    const url = workbenchUrl(authority, workspace, [`payload=${encodeURIComponent(JSON.stringify(payload))}`]);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 180000 });
    if (options.open) await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 180000 });
    lap('workbench');
    return { page, context, authority, workspace, state, tools, serverLog, timings, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------
/** innerText of the workbench has non-breaking spaces where the text has spaces. */
export function normalize(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** 1-based line and column (UTF-16 code units, as VS Code counts) of the `nth` occurrence of `needle`. */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number; offset: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${JSON.stringify(needle)} (occurrence ${nth + 1}) not found`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column, offset };
}

// ---------------------------------------------------------------------------------------
// The editor
// ---------------------------------------------------------------------------------------
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
}

/** Closes menus, hovers, quick inputs and returns the focus to the active editor. */
export async function focusEditor(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  const focused = page.locator('.editor-group-container.active .monaco-editor.focused').first();
  if (await focused.count() > 0) return;
  await page.keyboard.press('Control+1'); // View: Focus First Editor Group
  try {
    await focused.waitFor({ timeout: 3000 });
  } catch {
    await activeEditor(page).locator('.view-lines').click({ position: { x: 5, y: 5 }, force: true, timeout: 3000 }).catch(() => {});
    await focused.waitFor({ timeout: 5000 });
  }
}

/** Selects the `nth` (0-based) occurrence of `needle` in the active editor with the find widget
 *  (Ctrl+F; searching from the top) and closes the widget; returns the status bar's selection text. */
export async function selectText(page: Page, needle: string, nth = 0): Promise<string> {
  await focusEditor(page);
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  const input = page.locator('.editor-group-container.active .find-widget .input');
  await input.first().waitFor({ state: 'visible', timeout: 10000 });
  await input.first().fill(needle);
  // Find-as-you-type selects the first match after the caret; Enter moves to the next one.
  // "? of N" means the search found N matches but the caret is on none of them yet: Enter below moves onto one.
  await page.waitForFunction(() => /(\b\d+|\?) of [1-9]\d*\b/.test(document.querySelector('.editor-group-container.active .find-widget .matchesCount')?.textContent ?? ''), null, { timeout: 10000 })
    .catch(async () => { throw new Error(`find widget found no ${JSON.stringify(needle)} (${await page.locator('.find-widget .matchesCount').first().textContent().catch(() => '?')})`); });
  // Where the first match lands depends on where the caret was when the search ran (a busy editor can run it before
  // Ctrl+Home lands): step with Enter until the widget names the wanted match, at most once round all of them.
  const matchesCount = page.locator('.editor-group-container.active .find-widget .matchesCount').first();
  let count = normalize(await matchesCount.innerText());
  const total = Number(/ of (\d+)/.exec(count)?.[1] ?? 0);
  for (let step = 0; step <= total && !count.startsWith(`${nth + 1} of `); step++) {
    await page.keyboard.press('Enter');
    await page.waitForFunction((before) => (document.querySelector('.editor-group-container.active .find-widget .matchesCount')?.textContent ?? '').replace(/[\u00a0\u202f\s]+/g, ' ').trim() !== before, count, { timeout: 2000 }).catch(() => {});
    count = normalize(await matchesCount.innerText());
  }
  if (!count.startsWith(`${nth + 1} of `)) throw new Error(`find widget on match "${count}", wanted ${nth + 1}`);
  await page.keyboard.press('Escape');
  await page.locator('.editor-group-container.active .find-widget.visible').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  const selected = await page.waitForFunction(() => {
    const text = document.getElementById('status.editor.selection')?.innerText ?? '';
    return /selected/.test(text) ? text : false;
  }, null, { timeout: 5000 }).then((h) => h.jsonValue() as Promise<string>).catch(() => undefined);
  if (!selected) {
    const status = await page.locator('[id="status.editor.selection"]').innerText().catch(() => '?');
    throw new Error(`nothing selected after finding ${JSON.stringify(needle)} (status bar: ${normalize(status)})`);
  }
  return normalize(selected);
}

/** Where `needle` is drawn: the boxes of its selection highlight (the selection is then collapsed). */
export async function textBoxes(page: Page, needle: string, nth = 0): Promise<Box[]> {
  await selectText(page, needle, nth);
  const boxes = await selectionBoxes(page);
  await page.keyboard.press('ArrowLeft');
  if (boxes.length === 0) throw new Error(`no selection highlight for ${JSON.stringify(needle)}`);
  return boxes;
}

export interface Box { x: number; y: number; width: number; height: number }

/** The area two boxes share, as a fraction of the second one's area. */
export function coverage(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? (w * h) / (b.width * b.height) : 0;
}

/** Screen boxes of the active editor's selection highlight (one per wrapped row). */
export async function selectionBoxes(page: Page): Promise<{ x: number; y: number; width: number; height: number }[]> {
  await activeEditor(page).locator('.view-overlays .selected-text').first().waitFor({ state: 'attached', timeout: 3000 }).catch(() => {});
  await sleep(100); // the reveal may still scroll
  const boxes = await activeEditor(page).locator('.view-overlays .selected-text').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }));
  return boxes.filter((b) => b.width > 0).sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Selects `needle` (see selectText), hovers the middle of its first character(s) and returns the
 *  text of the hover widget once it matches `expect` (or whatever it shows after a few tries). */
export async function hoverText(page: Page, needle: string, expect?: RegExp, nth = 0): Promise<string> {
  await selectText(page, needle, nth);
  const [box] = await selectionBoxes(page);
  if (!box) throw new Error(`no selection highlight for ${JSON.stringify(needle)}`);
  const x = box.x + Math.min(box.width / 2, 12);
  const y = box.y + box.height / 2;
  await page.keyboard.press('ArrowLeft'); // collapse the selection: the hover, not the selection, is under test
  const re = expect ?? /\S/;
  let last = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    // Move away first so that the hover is computed afresh for this position.
    await page.mouse.move(x + 300, y + 250 + attempt * 7);
    await sleep(150);
    await page.mouse.move(x + attempt, y);
    try {
      await page.waitForFunction((r) => [...document.querySelectorAll<HTMLElement>('.monaco-hover')]
        .some((e) => e.offsetParent !== null && new RegExp(r.source, r.flags).test(e.innerText)),
      { source: re.source, flags: re.flags }, { timeout: 4000 });
      return normalize(await visibleHoverText(page));
    } catch {
      last = await visibleHoverText(page);
      if (process.env.NEWS_LENS_E2E_DEBUG === '1') process.stderr.write(`hover attempt ${attempt} at ${x},${y}: ${JSON.stringify(last)}\n`);
    }
  }
  return normalize(last);
}

async function visibleHoverText(page: Page): Promise<string> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.monaco-hover')]
    .filter((e) => e.offsetParent !== null).map((e) => e.innerText).join('\n'));
}

/** Puts the caret inside `needle` (after its first character) and opens the quick-fix menu
 *  (Ctrl+.); returns the labels of its items. */
export async function openQuickFixes(page: Page, needle: string, nth = 0): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row');
  // On a loaded machine the first Ctrl+. can arrive before the editor is ready for it: try a few times.
  let opened = false;
  for (let attempt = 0; attempt < 3 && !opened; attempt++) {
    if (attempt > 0) await page.keyboard.press('Escape');
    await selectText(page, needle, nth);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+.');
    opened = await rows.first().waitFor({ state: 'visible', timeout: 8000 }).then(() => true, () => false);
  }
  if (!opened) throw new Error(`Ctrl+. on ${JSON.stringify(needle)} opened no quick-fix menu`);
  await sleep(200); // the list fills in one go, but let it settle
  return (await rows.allInnerTexts()).map(normalize);
}

/** Chooses the quick-fix menu item whose label matches. */
export async function chooseQuickFix(page: Page, label: RegExp): Promise<void> {
  const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: label }).first();
  await row.click();
  await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10000 }).catch(() => {});
}

/** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
export async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => !document.querySelector('.editor-group-container.active .tab.active.dirty'), null, { timeout: 10000 });
}

// ---------------------------------------------------------------------------------------
// Status bar, Problems panel, command palette
// ---------------------------------------------------------------------------------------
export interface Counts { junk: number; entities: number; figures: number; pending: boolean; text: string }

/** The News Lens status bar item's counts (undefined while it is not shown). */
export async function statusCounts(page: Page): Promise<Counts | undefined> {
  const text = await page.evaluate(() => {
    const el = [...document.querySelectorAll<HTMLElement>('.statusbar-item')].find((e) => e.id.endsWith('newsLens.status'));
    if (!el || el.offsetParent === null) return undefined;
    const spinning = !!el.querySelector('.codicon-loading, .codicon-modifier-spin');
    return { text: el.innerText, spinning };
  });
  if (!text) return undefined;
  const t = normalize(text.text);
  const m = /Junk (\d+) · (?:.*?)Entities (\d+) · Figures (\d+)/.exec(t);
  if (!m) return { junk: NaN, entities: NaN, figures: NaN, pending: true, text: t };
  return { junk: Number(m[1]), entities: Number(m[2]), figures: Number(m[3]), pending: text.spinning, text: t };
}

/** Waits until the status bar's finished counts satisfy `ok`; returns the last counts seen. */
export async function waitForCounts(page: Page, ok: (c: Counts) => boolean, timeoutMs = 20000): Promise<Counts | undefined> {
  const deadline = Date.now() + timeoutMs;
  let counts = await statusCounts(page);
  while (Date.now() < deadline && !(counts && !counts.pending && ok(counts))) {
    await sleep(200);
    counts = await statusCounts(page);
  }
  return counts;
}

/** Waits until the full analysis is shown: counts in the status bar, entities no longer pending. */
export async function waitForAnnotations(page: Page, timeoutMs = 90000): Promise<Counts> {
  const deadline = Date.now() + timeoutMs;
  let last: Counts | undefined;
  while (Date.now() < deadline) {
    last = await statusCounts(page);
    if (last && !last.pending && Number.isFinite(last.junk)) {
      // Decorations follow the same notification; give the renderer a frame.
      await sleep(300);
      return last;
    }
    await sleep(250);
  }
  throw new Error(`the News Lens status bar item did not show finished counts in ${timeoutMs / 1000} s (last: ${last ? last.text : 'not shown'})`);
}

/** Errors + warnings + infos shown by the workbench's Problems status bar item. */
export async function problemsStatusTotal(page: Page): Promise<number> {
  const text = normalize(await page.locator('[id="status.problems"]').innerText());
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  if (numbers.length === 0) throw new Error(`no counts in the Problems status item: ${text}`);
  return numbers.reduce((a, b) => a + b, 0);
}

export interface ProblemsView { fileCount: number | undefined; rows: string[] }

/** Opens the Problems panel (Ctrl+Shift+M) and reads the file row's count badge and the visible rows. */
export async function openProblems(page: Page, fileName: string): Promise<ProblemsView> {
  await focusEditor(page);
  await page.keyboard.press('Control+Shift+m');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 10000 });
  const rows = panel.locator('.monaco-list-row');
  await rows.first().waitFor({ state: 'visible', timeout: 10000 });
  await sleep(300);
  const texts = (await rows.allInnerTexts()).map(normalize);
  const fileRow = panel.locator('.monaco-list-row').filter({ hasText: fileName }).first();
  const badge = await fileRow.locator('.monaco-count-badge').innerText().catch(() => '');
  return { fileCount: /^\d+$/.test(badge.trim()) ? Number(badge.trim()) : undefined, rows: texts };
}

/** Hides the panel (Problems, Output, …) if it is shown. */
export async function closePanel(page: Page): Promise<void> {
  if (await page.locator('.part.panel').isVisible().catch(() => false)) {
    await focusEditor(page);
    await page.keyboard.press('Control+j');
    await page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}

/** Opens the command palette, types `query` and returns the labels of all matching commands
 *  (scrolling through the list). */
export async function paletteCommands(page: Page, query: string, whileOpen?: () => Promise<void>): Promise<string[]> {
  await focusEditor(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.pressSequentially(query, { delay: ENTRY_DELAY });
  await sleep(500);
  const seen = new Set<string>();
  const list = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  await list.first().waitFor({ state: 'visible', timeout: 10000 });
  const total = Number(await list.first().getAttribute('aria-setsize')) || 0;
  for (let i = 0; i < Math.max(total, 1) + 2; i++) {
    // The label itself (the aria-label may carry ", recently used" and keybindings).
    for (const label of await list.evaluateAll((rows) => rows.map((r) => r.querySelector('.label-name')?.textContent ?? r.getAttribute('aria-label') ?? ''))) {
      seen.add(normalize(label));
    }
    if (seen.size >= total) break;
    await page.keyboard.press('PageDown');
    await sleep(100);
  }
  if (whileOpen) {
    await page.keyboard.press('Home');
    await whileOpen();
  }
  await page.keyboard.press('Escape');
  return [...seen];
}

// ---------------------------------------------------------------------------------------
// Decorations
// ---------------------------------------------------------------------------------------
export interface DecorationBox { color: string; x: number; y: number; width: number; height: number }

/** Resolved background colors of theme colors (e.g. 'newsLens.figureBackground'). */
export async function themeColors(page: Page, ids: string[]): Promise<Record<string, string>> {
  return page.evaluate((names) => {
    const host = document.querySelector('.monaco-workbench') ?? document.body;
    const out: Record<string, string> = {};
    for (const id of names) {
      const probe = document.createElement('div');
      probe.style.backgroundColor = `var(--vscode-${id.replace(/\./g, '-')})`;
      host.appendChild(probe);
      out[id] = getComputedStyle(probe).backgroundColor;
      probe.remove();
    }
    return out;
  }, ids);
}

/** Decorations drawn by extensions (TextEditorDecorationType) in the active editor's view overlays. */
export async function decorationBoxes(page: Page): Promise<DecorationBox[]> {
  return activeEditor(page).evaluate((editor) => {
    return [...editor.querySelectorAll<HTMLElement>('.view-overlays [class*="TextEditorDecorationType"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { color: getComputedStyle(el).backgroundColor, x: r.x, y: r.y, width: r.width, height: r.height };
    });
  });
}

/** The screen box of the text area of the active editor's view overlays. */
export async function overlaysBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await activeEditor(page).locator('.view-overlays').first().boundingBox();
  if (!box) throw new Error('no editor view overlays');
  return box;
}

/** The screen box of a line number in the active editor's gutter (undefined when not rendered). */
export async function lineNumberBox(page: Page, line: number): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  const el = activeEditor(page).locator('.margin-view-overlays .line-numbers').filter({ hasText: new RegExp(`^${line}$`) }).first();
  if (await el.count() === 0) return undefined;
  return (await el.boundingBox()) ?? undefined;
}

/** Saves a screenshot of the page. */
export async function screenshot(page: Page, file: string): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits until its tab is the active one (retried: on a
 *  loaded machine the file search may not have answered when Enter is pressed). */
export async function openFile(page: Page, name: string): Promise<void> {
  const active = () => page.waitForFunction((n) => (document.querySelector('.editor-group-container.active .tab.active')?.textContent ?? '').includes(n), name, { timeout: 15000 });
  for (let attempt = 0; ; attempt++) {
    await focusEditor(page).catch(() => {});
    await page.keyboard.press('Control+p');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(name);
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: name }).first();
    const found = await row.waitFor({ state: 'visible', timeout: 15000 }).then(() => true, () => false);
    if (found) {
      await sleep(200);
      await page.keyboard.press('Enter');
      if (await active().then(() => true, () => false)) break;
    }
    await page.keyboard.press('Escape');
    if (attempt >= 2) throw new Error(`Quick Open did not open ${name}`);
  }
  await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 45000 });
}

/** Runs a command by its palette label (F1). */
export async function runCommand(page: Page, label: string): Promise<void> {
  await focusEditor(page).catch(() => {});
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await row.click();
}
