// Integration: the gold layer in the real editor — every action with undo, the .ann on disk, re-opening, edits under
// annotations, outside changes, code actions, hover, decorations, status bar, entity view, import, export, scores.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseAnn } from '../../src/core/gold/brat';
import { api, closeAll, codeOf, fullAnnotations, newsLensDiagnostics, openSampleCopy, sampleText, waitFor } from './helpers';

const SAMPLE = 'simplified-business-news.txt';
// The tests decide on the engine's suggestions as they are: which ones there are depends on the entity model, so
// each test reads them first (entitySuggestions) instead of assuming them.
const MISSED = '经济和信息化委员会'; // part of an organization's name: not a suggestion of its own
const TESLA = '特斯拉';

function annPath(document: vscode.TextDocument): string {
  return document.uri.fsPath.replace(/\.txt$/, '.ann');
}

/** The .ann's decisions once the file holds what `ok` wants (writes follow actions after a short delay). */
async function annOnDisk(document: vscode.TextDocument, ok: (lines: string) => boolean, what: string): Promise<string> {
  return waitFor(`${what} in ${path.basename(annPath(document))}`, () => {
    const content = fs.existsSync(annPath(document)) ? fs.readFileSync(annPath(document), 'utf8') : undefined;
    return content !== undefined && ok(content) ? { content } : undefined;
  }, 10000).then((found) => found.content);
}

/** Waits for an asynchronous probe to give something truthy. */
async function poll<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function openAnnotated(content?: string): Promise<vscode.TextEditor> {
  const editor = await openSampleCopy(SAMPLE, content);
  await fullAnnotations(editor.document);
  await (await api()).gold.store.ready(editor.document);
  return editor;
}

/** The engine's entity suggestions in the document (UTF-16 offsets). */
async function entitySuggestions(editor: vscode.TextEditor): Promise<{ label: string; start: number; end: number; text: string }[]> {
  const stored = (await api()).store.get(editor.document.uri)!;
  const { packed, kinds, labels, spanCount } = stored;
  const found = [];
  for (let i = 0; i < spanCount; i++) {
    const label = packed[i * 3 + 2];
    if (kinds[label] !== 'entity') continue;
    const [start, end] = [packed[i * 3], packed[i * 3 + 1]];
    found.push({ label: labels[label], start, end, text: editor.document.getText().slice(start, end) });
  }
  return found;
}

/** The suggestion under the first occurrence of `needle`, which the test needs to be there. */
async function suggestionOn(editor: vscode.TextEditor, needle: string) {
  const at = editor.document.getText().indexOf(needle);
  const suggestion = (await entitySuggestions(editor)).find((s) => s.start <= at && at < s.end);
  assert.ok(suggestion, `the engine suggests nothing on ${needle}`);
  return suggestion;
}

/** `needle` (first occurrence) is no entity suggestion of its own, as a test of annotating a selection needs. */
async function assertNotSuggested(editor: vscode.TextEditor, needle: string): Promise<{ start: number; end: number }> {
  const start = editor.document.getText().indexOf(needle);
  const end = start + needle.length;
  const same = (await entitySuggestions(editor)).filter((s) => s.start === start && s.end === end);
  assert.deepEqual(same, [], `the engine suggests ${needle} itself`);
  return { start, end };
}

function select(editor: vscode.TextEditor, needle: string, nth = 0): void {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = editor.document.getText().indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} not in the document`);
  editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + needle.length));
}

async function gold(editor: vscode.TextEditor) {
  return (await api()).gold.store.ready(editor.document);
}

async function labelsOf(editor: vscode.TextEditor): Promise<string[]> {
  return (await gold(editor)).set.all.map((a) => `${a.kind === 'rejected' ? '!' : ''}${a.label}:${a.text}${a.accepted ? '+' : ''}`);
}

describe('gold layer', function () {
  this.timeout(60000);
  afterEach(closeAll);

  it('annotates a selection, writes X.ann beside X.txt, shows it solid and counts it; undo and redo', async () => {
    const editor = await openAnnotated();
    const { gold: goldApi } = await api();
    const span = await assertNotSuggested(editor, MISSED);
    select(editor, MISSED);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.annotateAs.ORG'), true);
    assert.deepEqual(await labelsOf(editor), [`ORG:${MISSED}`]);
    const ann = await annOnDisk(editor.document, (c) => c.includes(`ORG ${span.start} ${span.end}\t${MISSED}`), 'the ORG line');
    assert.equal(ann, `T1\tORG ${span.start} ${span.end}\t${MISSED}\n`);
    // Solid gold decoration on it; no suggestion is drawn inside it any more, the others still are.
    const drawn = goldApi.decorations.drawnRanges(editor.document.uri).get('ORG') ?? [];
    assert.equal(drawn.length, 1);
    assert.equal(editor.document.getText(drawn[0]), MISSED);
    const suggestions = (await api()).decorations.appliedRanges(editor, 'entities');
    const offsets = suggestions.map((r) => [editor.document.offsetAt(r.start), editor.document.offsetAt(r.end)]);
    assert.deepEqual(offsets.filter(([a, b]) => a >= span.start && b <= span.end), [], 'a suggestion drawn inside the gold ORG');
    assert.ok(suggestions.length > 0, 'the other suggestions are still drawn');
    // Status bar: gold, accepted, open.
    await waitFor('status bar', () => /Gold 1 · Accepted 0 · Open \d+/.test(goldApi.statusBar.item.text) && goldApi.statusBar.item.text);
    // Undo (as Ctrl+Z does while the last change was an annotation action), then redo.
    assert.equal(goldApi.store.canUndo(editor.document.uri), true);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.undo'), true);
    assert.deepEqual(await labelsOf(editor), []);
    await annOnDisk(editor.document, (c) => c === '', 'an emptied file');
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.redo'), true);
    assert.deepEqual(await labelsOf(editor), [`ORG:${MISSED}`]);
    await annOnDisk(editor.document, (c) => c.includes(`ORG ${span.start} ${span.end}`), 'the ORG line again');
  });

  it('accepts, changes the type of, and removes suggestions; accepts all of a type; each undoable', async () => {
    const editor = await openAnnotated();
    const accepted = await suggestionOn(editor, '王海涛');
    const retyped = await suggestionOn(editor, TESLA);
    const removed = await suggestionOn(editor, '李明');
    const newType = retyped.label === 'ORG' ? 'LOC' : 'ORG';
    const decided = [`${accepted.label}:${accepted.text}+`, `${newType}:${retyped.text}`, `!${removed.label}:${removed.text}`];
    select(editor, '王海涛');
    editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start); // caret on it
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.accept'), true);
    select(editor, TESLA);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.changeType', newType), true);
    select(editor, '李明');
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.remove'), true);
    assert.deepEqual(await labelsOf(editor), decided);
    const { gold: goldApi } = await api();
    const counts = goldApi.statusBar.counts(editor.document)!;
    assert.deepEqual([counts.gold, counts.accepted, counts.rejected], [1, 1, 1]);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.acceptAll', 'LOC'), true);
    const afterAll = await labelsOf(editor);
    const undecided = (s: { start: number; end: number }) => ![accepted, retyped, removed].some((d) => d.start === s.start && d.end === s.end);
    const openPlaces = (await entitySuggestions(editor)).filter((s) => s.label === 'LOC' && undecided(s)).length;
    assert.ok(openPlaces >= 5, `the test needs place suggestions; the engine makes ${openPlaces}`);
    assert.equal(afterAll.filter((l) => l.startsWith('LOC:')).length, openPlaces + (newType === 'LOC' ? 1 : 0), afterAll.join(' '));
    // Only the places accept-all decided leave the open count (a suggestion retyped to LOC was decided before).
    assert.equal(goldApi.statusBar.counts(editor.document)!.open, counts.open - openPlaces);
    const ann = await annOnDisk(editor.document, (c) => c.includes('RejectedLabel') && c.split('\n').filter((l) => /\tLOC /.test(l)).length >= openPlaces, 'all four kinds of decision');
    const parsed = parseAnn(ann, editor.document.getText());
    assert.deepEqual(parsed.misplaced, []);
    assert.ok(parsed.annotations.some((a) => a.label === accepted.label && a.accepted && a.text === accepted.text));
    // Undo takes back accept-all, then the rejection, the type change and the acceptance, in that order.
    for (const expected of [decided, decided.slice(0, 2), decided.slice(0, 1), []]) {
      assert.equal(await vscode.commands.executeCommand('newsLens.gold.undo'), true);
      assert.deepEqual(await labelsOf(editor), expected);
    }
  });

  it('offers code actions on a selection and on a suggestion, and applies them', async () => {
    const editor = await openAnnotated();
    select(editor, MISSED);
    const onSelection = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, editor.selection);
    const titles = onSelection.map((a) => a.title);
    for (const want of ['Annotate as Person (PER)', 'Annotate as Place (LOC)', 'Annotate as Organization (ORG)', 'Annotate as Title of a work (WORK)', 'Annotate as Facility or project (FAC)']) {
      assert.ok(titles.includes(want), `${want} not in ${titles.join(' | ')}`);
    }
    const org = onSelection.find((a) => a.title === 'Annotate as Organization (ORG)')!;
    await vscode.commands.executeCommand(org.command!.command, ...org.command!.arguments!);
    assert.deepEqual(await labelsOf(editor), [`ORG:${MISSED}`]);
    // On a figure suggestion: accept, remove, change type, accept all of its type, edit the value.
    const at = editor.document.positionAt(editor.document.getText().indexOf('35.2%') + 1);
    const onFigure = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(at, at));
    const figureTitles = onFigure.map((a) => a.title);
    for (const want of [/^Accept the suggestion PERCENT “35\.2%”$/, /^Remove the suggestion PERCENT/, /^Change PERCENT “35\.2%” to Money \(MONEY\)$/, /^Accept all PERCENT suggestions in this document \(2\)$/, /^Edit the value of “35\.2%”…$/]) {
      assert.ok(figureTitles.some((t) => want.test(t)), `${want} not in ${figureTitles.join(' | ')}`);
    }
  });

  it('corrects a figure value from the hover link and stores it as a brat note', async () => {
    const editor = await openAnnotated();
    const offset = editor.document.getText().indexOf('35.2%');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 1));
    const markdown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    const link = /\[Correct value…\]\(command:newsLens\.gold\.apply\?([^)]+)\)/.exec(markdown);
    assert.ok(link, `no "Correct value…" link in the hover: ${markdown}`);
    const [request] = JSON.parse(decodeURIComponent(link[1]));
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.apply', { ...request, value: '0.352' }), true);
    const ann = await annOnDisk(editor.document, (c) => c.includes('Value'), 'the value note');
    assert.match(ann, /^T1\tPERCENT 135 140\t35\.2%\n#1\tValue T1\t0\.352\n$/);
    // The gold figure's hover offers to edit the value again.
    const again = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(offset + 1));
    const text = again.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Gold value: 0\.352/);
    assert.match(text, /Edit value…/);
  });

  it('follows edits: shifts with text typed before, removes what lost its text and says so, and the editor undo brings it back', async () => {
    const editor = await openAnnotated();
    select(editor, TESLA);
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.ORG');
    select(editor, '王海涛');
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.PER');
    // Text inserted at the top shifts both.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '前言\n'));
    const g = await gold(editor);
    for (const a of g.set.all) assert.equal(editor.document.getText().slice(a.start, a.end), a.text);
    const { gold: goldApi } = await api();
    assert.equal(goldApi.store.canUndo(editor.document.uri), false, 'after typing, Ctrl+Z belongs to the editor');
    // Deleting 王 of 王海涛 removes that annotation.
    const start = editor.document.getText().indexOf('王海涛');
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 1))));
    assert.deepEqual((await gold(editor)).set.all.map((a) => a.text), [TESLA]);
    // The editor's undo puts 王 back, and with it the annotation; the .ann is written on save with moved offsets.
    await vscode.commands.executeCommand('undo');
    assert.deepEqual((await gold(editor)).set.all.map((a) => a.text).sort(), [TESLA, '王海涛'].sort());
    await editor.document.save();
    const moved = editor.document.getText().indexOf('王海涛');
    const ann = await annOnDisk(editor.document, (c) => c.includes(`PER ${moved} ${moved + 3}\t王海涛`), 'the moved offsets after save');
    const parsed = parseAnn(ann, editor.document.getText());
    assert.deepEqual(parsed.misplaced, [], 'offsets on disk fit the saved text');
    // Undoing the typing brings the text back to what it was right after the last annotation action: Ctrl+Z is ours again.
    await vscode.commands.executeCommand('undo');
    assert.equal(goldApi.store.canUndo(editor.document.uri), true);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.undo'), true);
    assert.deepEqual((await gold(editor)).set.all.map((a) => a.text), [TESLA]);
  });

  it('keeps the gold of unsaved text in a backup, and writes the .ann when the text is saved', async () => {
    // Auto save would save the text under the test's feet.
    const files = () => vscode.workspace.getConfiguration('files');
    const previous = files().inspect('autoSave')?.globalValue;
    await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openAnnotated();
      const { gold: goldApi } = await api();
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '草稿\n'));
      select(editor, TESLA);
      await vscode.commands.executeCommand('newsLens.gold.annotateAs.ORG');
      // The offsets fit the unsaved text, not the file: they go to a backup, not to the .ann.
      const backup = await poll('the backup', () => goldApi.store.storage.readBackup(editor.document.uri));
      assert.deepEqual(backup.annotations.map((a) => a.text), [TESLA]);
      assert.ok(editor.document.isDirty);
      assert.equal(fs.existsSync(annPath(editor.document)), false, 'no .ann for unsaved offsets');
      await editor.document.save();
      const at = editor.document.getText().indexOf(TESLA);
      await annOnDisk(editor.document, (c) => c === `T1\tORG ${at} ${at + 3}\t${TESLA}\n`, 'the ORG after saving');
      await poll('the backup to go', async () => !(await goldApi.store.storage.readBackup(editor.document.uri)));
    } finally {
      await files().update('autoSave', previous, vscode.ConfigurationTarget.Global);
    }
  });

  it('loads gold when a document is opened, re-anchoring what moved and listing what is gone as a conflict', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-gold-'));
    const file = path.join(dir, SAMPLE);
    const original = sampleText(SAMPLE);
    fs.writeFileSync(file, original);
    const offset = (needle: string) => original.indexOf(needle);
    fs.writeFileSync(file.replace(/\.txt$/, '.ann'), `T1\tPER ${offset('王海涛')} ${offset('王海涛') + 3}\t王海涛\nT2\tORG ${offset(TESLA)} ${offset(TESLA) + 3}\t${TESLA}\nR1\tWorks_for Arg1:T1 Arg2:T2\n`);
    // The text changed while the editor was closed: a new first line, and 王海涛 renamed.
    fs.writeFileSync(file, '新增的一行\n' + original.replace('王海涛', '王海洋'));
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    const g = await gold(editor);
    assert.deepEqual(g.set.all.map((a) => [a.id, a.text, document.getText().slice(a.start, a.end)]), [['T2', TESLA, TESLA]]);
    assert.deepEqual(g.conflicts.map((c) => [c.annotation.id, c.annotation.text, c.reason]), [['T1', '王海涛', 'not-found']]);
    // The .ann is rewritten for the new text and the conflict is kept beside it (nothing is lost).
    const ann = await annOnDisk(document, (c) => !c.includes('王海涛'), 'the re-anchored file');
    assert.equal(ann, `T2\tORG ${offset(TESLA) + 6} ${offset(TESLA) + 9}\t${TESLA}\n`);
    await waitFor('the conflicts file', () => fs.existsSync(file.replace(/\.txt$/, '.ann.conflicts.json')));
    // Placing the conflict on the renamed text resolves it.
    const renamed = document.getText().indexOf('王海洋');
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.showConflicts', 0, renamed), true);
    assert.deepEqual((await gold(editor)).set.all.map((a) => a.text), ['王海洋', TESLA]);
    await waitFor('the conflicts file to go', () => !fs.existsSync(file.replace(/\.txt$/, '.ann.conflicts.json')));
  });

  it('re-anchors by text when the file changes outside the editor while it is open', async () => {
    const editor = await openAnnotated();
    select(editor, TESLA);
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.ORG');
    select(editor, '张宏韬');
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.PER');
    await annOnDisk(editor.document, (c) => c.includes('张宏韬'), 'both');
    const text = editor.document.getText();
    fs.writeFileSync(editor.document.uri.fsPath, '外部修改的第一行\n' + text.replace('张宏韬', '某官员'));
    // VS Code reloads a clean document that changed on disk (revert makes it immediate).
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the reload', () => editor.document.getText().startsWith('外部修改'));
    const state = (await api()).gold.store.peek(editor.document.uri)!;
    await waitFor('the conflict', () => state.conflicts.length === 1);
    assert.deepEqual(state.set.all.map((a) => editor.document.getText().slice(a.start, a.end)), [TESLA]);
    assert.equal(state.conflicts[0].annotation.text, '张宏韬');
    const ann = await annOnDisk(editor.document, (c) => !c.includes('张宏韬'), 'the rewritten file');
    assert.deepEqual(parseAnn(ann, editor.document.getText()).misplaced, []);
  });

  it('marks a junk finding as not junk: stored as NotJunk, no longer reported, fixed or cleaned', async () => {
    const editor = await openSampleCopy();
    await fullAnnotations(editor.document);
    await gold(editor);
    const glosses = () => newsLensDiagnostics(editor.document.uri).filter((d) => codeOf(d) === 'pinyin-gloss');
    const before = glosses().length;
    const text = editor.document.getText();
    const offset = text.indexOf('(wǎng)', text.indexOf('(wǎng)') + 1); // the second, in running text
    editor.selection = new vscode.Selection(editor.document.positionAt(offset + 1), editor.document.positionAt(offset + 1));
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.notJunk'), true);
    const ann = await annOnDisk(editor.document, (c) => c.includes('NotJunk'), 'the NotJunk line');
    assert.equal(ann, `T1\tNotJunk ${offset} ${offset + 6}\t(wǎng)\nA1\tJunkKind T1 pinyin-gloss\n`);
    await waitFor('the diagnostic to go', () => glosses().length === before - 1);
    assert.ok(!glosses().some((d) => editor.document.offsetAt(d.range.start) === offset));
    // Cleaning the document keeps it; every other gloss goes.
    assert.equal(await vscode.commands.executeCommand('newsLens.clean', ['pinyin-gloss']), true);
    assert.equal(editor.document.getText().match(/\(wǎng\)/g)?.length, 1);
  });

  it('hides suggestions with the toggle while gold stays drawn, and groups the entity view by gold and suggestion', async () => {
    const editor = await openAnnotated();
    const { decorations, entityTree, gold: goldApi } = await api();
    select(editor, TESLA);
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.ORG');
    assert.ok(decorations.appliedCounts(editor.document.uri).entities > 0);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.toggleSuggestions'), false);
    try {
      assert.equal(decorations.appliedCounts(editor.document.uri).entities, 0);
      assert.equal(goldApi.decorations.drawnRanges(editor.document.uri).get('ORG')?.length, 1);
    } finally {
      assert.equal(await vscode.commands.executeCommand('newsLens.gold.toggleSuggestions'), true);
    }
    assert.ok(decorations.appliedCounts(editor.document.uri).entities > 0);
    const [goldSection, suggestionSection] = entityTree.getChildren();
    assert.ok(goldSection.kind === 'section' && goldSection.section === 'gold' && goldSection.count === 1);
    assert.ok(suggestionSection.kind === 'section' && suggestionSection.section === 'suggestions');
    const suggested = entityTree.getChildren(suggestionSection).flatMap((t) => entityTree.getChildren(t)).map((n) => (n.kind === 'entity' ? n.group.text : ''));
    assert.ok(!suggested.includes(TESLA) && suggested.includes('王海涛'), suggested.join(','));
  });

  it('imports doccano JSONL as gold and exports it in the four formats, the same annotations in code points', async () => {
    const editor = await openAnnotated();
    const text = editor.document.getText();
    const cp = (needle: string) => [...text.slice(0, text.indexOf(needle))].length;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-gold-io-'));
    const doccano = path.join(dir, 'in.jsonl');
    fs.writeFileSync(doccano, JSON.stringify({ text: 'another text', labels: [] }) + '\n' + JSON.stringify({ text, labels: [[cp(MISSED), cp(MISSED) + MISSED.length, 'ORG'], [cp(TESLA), cp(TESLA) + 3, 'ORGANIZATION']] }) + '\n');
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.import', vscode.Uri.file(doccano), 'replace'), 2);
    assert.deepEqual(await labelsOf(editor), [`ORG:${MISSED}`, `ORG:${TESLA}`]);
    const expected = [[cp(MISSED), cp(MISSED) + MISSED.length, 'ORG'], [cp(TESLA), cp(TESLA) + 3, 'ORG']];
    const out = (name: string) => vscode.Uri.file(path.join(dir, name));
    await vscode.commands.executeCommand('newsLens.gold.export', 'doccano', 'gold', out('out.jsonl'));
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'out.jsonl'), 'utf8')).labels, expected);
    await vscode.commands.executeCommand('newsLens.gold.export', 'brat', 'gold', out('out.ann'));
    assert.equal(fs.readFileSync(path.join(dir, 'out.ann'), 'utf8'), expected.map(([s, e, l], i) => `T${i + 1}\t${l} ${s} ${e}\t${i ? TESLA : MISSED}`).join('\n') + '\n');
    await vscode.commands.executeCommand('newsLens.gold.export', 'label-studio', 'gold', out('out.json'));
    const task = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'))[0];
    assert.deepEqual(task.annotations[0].result.map((r: { value: { start: number; end: number; labels: string[] } }) => [r.value.start, r.value.end, r.value.labels[0]]), expected);
    await vscode.commands.executeCommand('newsLens.gold.export', 'conll', 'gold', out('out.conll'));
    assert.match(fs.readFileSync(path.join(dir, 'out.conll'), 'utf8'), /特\tB-ORG\n斯\tI-ORG\n拉\tI-ORG/);
    // Importing the exported CoNLL back (with the document's text) gives the same spans again.
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.undo'), true);
    assert.deepEqual(await labelsOf(editor), []);
    assert.equal(await vscode.commands.executeCommand('newsLens.gold.import', out('out.conll'), 'replace'), 2);
    assert.deepEqual(await labelsOf(editor), [`ORG:${MISSED}`, `ORG:${TESLA}`]);
  });

  it('scores the suggestions against the gold, with a report whose links open the places', async () => {
    const editor = await openAnnotated();
    await assertNotSuggested(editor, MISSED);
    assert.equal((await suggestionOn(editor, '王海涛')).text, '王海涛');
    select(editor, MISSED);
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.ORG');
    select(editor, '王海涛');
    await vscode.commands.executeCommand('newsLens.gold.annotateAs.PER');
    const result = await vscode.commands.executeCommand<{ micro: { tp: number; fp: number; fn: number }; perType: { label: string; tp: number; fn: number }[]; unscored: string[] }>('newsLens.gold.compare', 'document');
    // Gold: ORG (missed by the engine) and PER 王海涛 (found); only PER and ORG are scored.
    assert.deepEqual(result.perType.map((t) => [t.label, t.tp, t.fn]), [['ORG', 0, 1], ['PER', 1, 0]]);
    assert.ok(result.unscored.includes('LOC') && result.unscored.includes('PERCENT'));
    const report = vscode.window.activeTextEditor!.document;
    assert.equal(report.uri.scheme, 'news-lens-report');
    assert.match(report.getText(), new RegExp(`(missed|wrong edges): gold ORG “${MISSED}”`));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', report.uri);
    assert.ok(links.some((l) => l.target?.path === editor.document.uri.path && /^L\d+,\d+$/.test(l.target.fragment)), links.map((l) => l.target?.toString()).join(' '));
  });

  it('measures agreement between two annotators: per-type F1, kappa on tokens, disagreements with links', async () => {
    const text = sampleText(SAMPLE);
    const at = (needle: string) => text.indexOf(needle);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-iaa-'));
    for (const [who, lines] of [
      ['a', [`T1\tPER ${at('王海涛')} ${at('王海涛') + 3}\t王海涛`, `T2\tORG ${at(TESLA)} ${at(TESLA) + 3}\t${TESLA}`]],
      ['b', [`T1\tPER ${at('王海涛')} ${at('王海涛') + 3}\t王海涛`, `T2\tPER ${at(TESLA)} ${at(TESLA) + 3}\t${TESLA}`]],
    ] as const) {
      fs.mkdirSync(path.join(root, who));
      fs.writeFileSync(path.join(root, who, 'news.txt'), text);
      fs.writeFileSync(path.join(root, who, 'news.ann'), lines.join('\n') + '\n');
    }
    const result = await vscode.commands.executeCommand<{ documents: number; f1: number; tokenKappa: number; disagreements: { text: string }[] }>('newsLens.gold.agreement', vscode.Uri.file(path.join(root, 'a')), vscode.Uri.file(path.join(root, 'b')));
    assert.equal(result.documents, 1);
    assert.equal(result.f1, 0.5);
    assert.ok(result.tokenKappa > 0 && result.tokenKappa < 1);
    assert.deepEqual(result.disagreements.map((d) => d.text), [TESLA]);
    const report = vscode.window.activeTextEditor!.document;
    assert.match(report.getText(), /特斯拉”: A ORG, B PER/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', report.uri);
    assert.ok(links.some((l) => l.target?.path.endsWith('/a/news.txt')));
  });
});
