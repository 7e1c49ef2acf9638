// The end-to-end checks: News Lens installed in a real VS Code (code-server), driven through
// headless Chromium; every assertion is about what the page renders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as E from './editor';
import type { Suite } from './runner';
import { corpusChecks } from './corpus-checks';
import { ARTICLE, FIGURE, GLOSS, showAnnotated, showFigureHover, showGlossHover, showQuickFixes, showSpamLine, startArticleSession } from './scenes';
import { GOLD_SAMPLE, goldChecks } from './gold';

/** A Pinyin gloss as the mirror sites insert them: a parenthesised syllable with tone marks. */
const GLOSS_RE = /\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\u0300-\u036f]+\)/g;
/** Parentheticals of the article that are real text and must survive cleaning. */
const LEGIT = ['(擴大)', '(海寧)', '(一期)', '(事項)'];
const ENTITY_COLORS = ['newsLens.personBackground', 'newsLens.placeBackground', 'newsLens.organizationBackground', 'newsLens.workBackground', 'newsLens.facilityBackground'];

export interface Context {
  session: E.Session;
  counts: E.Counts;
  original: string;
  file: string;
  artifacts: string;
  colors: Record<string, string>;
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** The News Lens commands the command palette must offer: package.json's commands with their
 *  English titles, less those hidden from the palette with `when: false`. */
export function paletteExpectations(): { shown: string[]; hidden: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.join(E.repoRoot, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(E.repoRoot, 'package.nls.json'), 'utf8'));
  const localize = (s: string) => s.replace(/^%(.+)%$/, (_, key: string) => nls[key] ?? s);
  const hiddenIds = new Set<string>((pkg.contributes?.menus?.commandPalette ?? [])
    .filter((m: { when?: string }) => String(m.when).trim() === 'false').map((m: { command: string }) => m.command));
  const shown: string[] = [];
  const hidden: string[] = [];
  for (const c of pkg.contributes.commands as { command: string; title: string; category?: string }[]) {
    const label = `${c.category ? `${localize(c.category)}: ` : ''}${localize(c.title)}`;
    (hiddenIds.has(c.command) ? hidden : shown).push(label);
  }
  return { shown, hidden };
}

export function suite(options: { artifacts: string; extension?: 'vsix' | 'dev'; vsix?: string; settings?: Record<string, unknown>; log?: (m: string) => void }): Suite<Context> {
  const shot = (ctx: Context, name: string) => E.screenshot(ctx.session.page, path.join(ctx.artifacts, `${name}.png`));
  return {
    title: 'News Lens in VS Code (code-server + Chromium)',
    async before() {
      fs.mkdirSync(options.artifacts, { recursive: true });
      const { session, counts } = await startArticleSession({ extension: options.extension, vsix: options.vsix, settings: options.settings, log: options.log, samples: [ARTICLE, GOLD_SAMPLE] });
      const file = path.join(session.workspace, ARTICLE);
      const colors = await E.themeColors(session.page, [...ENTITY_COLORS, 'newsLens.figureBackground', 'newsLens.spamLineBackground']);
      options.log?.(`    start-up: ${Object.entries(session.timings).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`);
      return { session, counts, original: fs.readFileSync(file, 'utf8'), file, artifacts: options.artifacts, colors };
    },
    async after(ctx) {
      if (ctx) await ctx.session.stop();
    },
    async afterEach(ctx) {
      for (let i = 0; i < 3; i++) await ctx.session.page.keyboard.press('Escape');
    },
    async onFailure(ctx, test) {
      const name = `failure-${test.title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60)}`;
      return [await shot(ctx, name)];
    },
    tests: [
      {
        title: 'entity and figure decorations are drawn on the article',
        async run(ctx) {
          const { page } = ctx.session;
          await showAnnotated(page);
          await shot(ctx, 'annotated');
          const boxes = await E.decorationBoxes(page);
          const entityColors = new Set(ENTITY_COLORS.map((c) => ctx.colors[c]));
          const entities = boxes.filter((b) => entityColors.has(b.color));
          const figures = boxes.filter((b) => b.color === ctx.colors['newsLens.figureBackground']);
          assert.ok(entities.length > 0, `no entity decorations (TextEditorDecorationType in .view-overlays with an entity colour) among ${boxes.length} decorations`);
          assert.ok(figures.length > 0, `no figure decorations among ${boxes.length} decorations`);
          // The figure's decoration lies on the figure's text.
          const [text] = await E.textBoxes(page, FIGURE.text);
          const after = await E.decorationBoxes(page);
          const onFigure = after.filter((b) => b.color === ctx.colors['newsLens.figureBackground'] && E.coverage(b, text) > 0.5);
          assert.ok(onFigure.length > 0, `no figure decoration over ${FIGURE.text}`);
          // And a place name (嘉興, the city the article is about) has an entity decoration.
          const [place] = await E.textBoxes(page, '嘉興');
          const now = await E.decorationBoxes(page);
          assert.ok(now.some((b) => entityColors.has(b.color) && E.coverage(b, place) > 0.5), 'no entity decoration over 嘉興');
        },
      },
      {
        title: 'the SEO spam line at the bottom has a whole-line background',
        async run(ctx) {
          const { page } = ctx.session;
          await showSpamLine(page);
          await shot(ctx, 'spam-line');
          const lastLine = ctx.original.split('\n').length - (ctx.original.endsWith('\n') ? 1 : 0);
          const number = await E.lineNumberBox(page, lastLine);
          assert.ok(number, `line ${lastLine} is not on screen after Ctrl+End`);
          const overlays = await E.overlaysBox(page);
          const spam = (await E.decorationBoxes(page)).filter((b) => b.color === ctx.colors['newsLens.spamLineBackground']);
          assert.ok(spam.length > 0, 'no decoration with the spam-line background colour');
          assert.ok(spam.every((b) => b.width >= overlays.width * 0.9), `spam-line decorations are not whole-line: widths ${spam.map((b) => Math.round(b.width)).join(', ')} of ${Math.round(overlays.width)}`);
          assert.ok(spam.some((b) => Math.abs(b.y - number.y) < 3), `no spam-line background on the row of line ${lastLine}`);
          assert.ok(spam.every((b) => b.y >= number.y - 3), 'spam-line background above the spam line');
        },
      },
      {
        title: 'the status bar shows junk, entity and figure counts',
        async run(ctx) {
          const { page } = ctx.session;
          const counts = await E.statusCounts(page);
          assert.ok(counts, 'no News Lens status bar item');
          assert.ok(counts.junk > 0 && counts.entities > 0 && counts.figures > 0, `counts not all > 0: ${counts.text}`);
          assert.equal(counts.pending, false, `entities still pending: ${counts.text}`);
          const glosses = ctx.original.match(GLOSS_RE)?.length ?? 0;
          assert.ok(counts.junk >= glosses, `junk ${counts.junk} < the ${glosses} Pinyin glosses of the article`);
          const problems = await E.problemsStatusTotal(page);
          assert.equal(problems, counts.junk, `the status bar says Junk ${counts.junk} but the workbench counts ${problems} problems`);
          ctx.counts = counts;
        },
      },
      {
        title: `hovering ${FIGURE.text} shows its value and currency`,
        async run(ctx) {
          const { page } = ctx.session;
          const text = await showFigureHover(page);
          await shot(ctx, 'hover-figure');
          assert.ok(text.includes(FIGURE.value), `hover lacks ${FIGURE.value}: ${JSON.stringify(text)}`);
          assert.ok(text.includes(FIGURE.currency), `hover lacks ${FIGURE.currency}: ${JSON.stringify(text)}`);
        },
      },
      {
        title: `hovering the gloss ${GLOSS.text} shows why it is junk`,
        async run(ctx) {
          const { page } = ctx.session;
          const text = await showGlossHover(page);
          await shot(ctx, 'hover-gloss');
          assert.match(text, /Pinyin gloss/, `hover: ${JSON.stringify(text)}`);
          assert.ok(text.includes(GLOSS.text), `hover does not name ${GLOSS.text}: ${JSON.stringify(text)}`);
        },
      },
      {
        title: 'the Problems panel lists the junk from news-lens',
        async run(ctx) {
          const { page } = ctx.session;
          const view = await E.openProblems(page, ARTICLE);
          await shot(ctx, 'problems');
          assert.equal(view.fileCount, ctx.counts.junk, `Problems panel counts ${view.fileCount} for ${ARTICLE}, the status bar Junk ${ctx.counts.junk}`);
          const markers = view.rows.filter((r) => !r.startsWith(ARTICLE));
          assert.ok(markers.length > 0, 'no problem rows');
          const foreign = markers.filter((r) => !/\bnews-lens\b/.test(r));
          assert.deepEqual(foreign, [], 'rows without the news-lens source');
          await E.closePanel(page);
        },
      },
      {
        title: 'the command palette finds every News Lens command',
        async run(ctx) {
          const { page } = ctx.session;
          const { shown, hidden } = paletteExpectations();
          const found = await E.paletteCommands(page, 'News Lens', () => shot(ctx, 'command-palette').then(() => {}));
          const missing = shown.filter((label) => !found.includes(label));
          assert.deepEqual(missing, [], `missing from the palette (found: ${found.join(' | ')})`);
          const leaked = hidden.filter((label) => found.includes(label));
          assert.deepEqual(leaked, [], 'commands hidden with when:false appear in the palette');
        },
      },
      {
        title: 'quick fixes on a gloss remove all 160 glosses, keep real parentheticals, and undo exactly',
        timeoutMs: 90000,
        async run(ctx) {
          const { page } = ctx.session;
          const glosses = ctx.original.match(GLOSS_RE) ?? [];
          assert.equal(glosses.length, 160, 'the sample should have 160 Pinyin glosses');
          const items = await showQuickFixes(page);
          await shot(ctx, 'quick-fixes');
          for (const want of [/^Remove this Pinyin gloss$/, /^Remove all Pinyin gloss in this document \(160\)$/, /^Clean document/]) {
            assert.ok(items.some((i) => want.test(i)), `quick fix ${want} missing from ${JSON.stringify(items)}`);
          }
          await E.chooseQuickFix(page, /^Remove all Pinyin gloss in this document/);
          const before = ctx.counts.junk;
          const counts = await E.waitForCounts(page, (c) => c.junk === before - 160);
          await shot(ctx, 'after-remove-glosses');
          assert.equal(counts?.junk, before - 160, `status bar after removing the glosses: ${counts?.text}`);
          await E.save(page);
          const cleaned = fs.readFileSync(ctx.file, 'utf8');
          assert.deepEqual(cleaned.match(GLOSS_RE) ?? [], [], 'glosses left in the saved file');
          for (const legit of LEGIT) {
            assert.equal(occurrences(cleaned, legit), occurrences(ctx.original, legit), `${legit} lost`);
          }
          assert.equal(cleaned, ctx.original.replace(GLOSS_RE, ''), 'the saved file differs from the original with exactly the 160 glosses cut out');
          // Undo brings every gloss back.
          await E.focusEditor(page);
          await page.keyboard.press('Control+z');
          await page.waitForFunction(() => !!document.querySelector('.editor-group-container.active .tab.active.dirty'), null, { timeout: 10000 });
          await E.save(page);
          const restored = fs.readFileSync(ctx.file);
          assert.ok(restored.equals(Buffer.from(ctx.original, 'utf8')), `after undo + save the file differs from the original (${restored.length} vs ${Buffer.byteLength(ctx.original)} bytes)`);
          const after = await E.waitForCounts(page, (c) => c.junk === before);
          assert.equal(after?.junk, before, `status bar after undo: ${after?.text}`);
        },
      },
      ...corpusChecks(shot),
      // The gold layer (test/e2e/gold.ts), on its own document.
      ...goldChecks<Context>(),
    ],
  };
}
