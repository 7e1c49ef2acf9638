// Unit tests of the annotator's actions as diffs: annotate, change type, remove (rejecting what it hid), accept, values, open suggestions.
import { strict as assert } from 'node:assert';
import {
  acceptAllDiff, acceptDiff, annotateDiff, changeTypeDiff, GoldSet, invertDiff, notJunkDiff, openSuggestions, removeDiff, setValueDiff, standoffPath, type Suggestion,
} from '../../../src/core/gold';
import * as path from 'node:path';

const suggestions: Suggestion[] = [
  { start: 0, end: 2, layer: 'entity', label: 'PER', text: '張三' },
  { start: 3, end: 5, layer: 'entity', label: 'LOC', text: '北京' },
  { start: 6, end: 8, layer: 'entity', label: 'LOC', text: '上海' },
  { start: 9, end: 13, layer: 'figure', label: 'PERCENT', text: '138%' },
];

describe('gold: actions', () => {
  it('annotating a selection replaces overlapping decisions of its layer only, and undoes exactly', () => {
    const set = new GoldSet();
    set.apply(annotateDiff(set, { start: 0, end: 2, text: '張三' }, 'PER'));
    set.apply(annotateDiff(set, { start: 9, end: 13, text: '138%' }, 'PERCENT'));
    const diff = annotateDiff(set, { start: 0, end: 5, text: '張三在北京' }, 'ORG');
    set.apply(diff);
    assert.deepEqual(set.all.map((a) => [a.label, a.start, a.end]), [['ORG', 0, 5], ['PERCENT', 9, 13]]);
    set.apply(invertDiff(diff));
    assert.deepEqual(set.all.map((a) => [a.id, a.label]), [['T1', 'PER'], ['T2', 'PERCENT']]);
  });

  it('accepting makes a suggestion gold marked accepted; only open suggestions remain open', () => {
    const set = new GoldSet();
    set.apply(acceptDiff(set, suggestions[0]));
    assert.equal(set.all[0].accepted, true);
    assert.deepEqual(openSuggestions(set, suggestions).map((s) => s.text), ['北京', '上海', '138%']);
    set.apply(acceptAllDiff(set, suggestions, 'LOC'));
    assert.deepEqual(set.counts(), { gold: 0, accepted: 3, rejected: 0, notJunk: 0 });
    assert.deepEqual(openSuggestions(set, suggestions).map((s) => s.text), ['138%']);
  });

  it('changing the type keeps the id, and makes accepted gold the annotator’s own', () => {
    const set = new GoldSet();
    set.apply(acceptDiff(set, suggestions[1]));
    set.apply(changeTypeDiff(set, set.all[0], 'ORG'));
    assert.deepEqual([set.all[0].id, set.all[0].label, set.all[0].accepted], ['T1', 'ORG', undefined]);
    // A suggestion changed to another type becomes gold of that type.
    set.apply(changeTypeDiff(set, suggestions[2], 'FAC'));
    assert.deepEqual(set.all.map((a) => a.label), ['ORG', 'FAC']);
  });

  it('removing a suggestion rejects it; removing gold over a suggestion rejects that suggestion too', () => {
    const set = new GoldSet();
    set.apply(removeDiff(set, suggestions[1], suggestions));
    assert.deepEqual(set.all.map((a) => [a.kind, a.label]), [['rejected', 'LOC']]);
    set.apply(annotateDiff(set, { start: 0, end: 2, text: '張三' }, 'PER'));
    set.apply(removeDiff(set, set.all.find((a) => a.label === 'PER')!, suggestions));
    assert.deepEqual(set.all.map((a) => [a.kind, a.label, a.start]), [['rejected', 'PER', 0], ['rejected', 'LOC', 3]]);
    assert.deepEqual(openSuggestions(set, suggestions).map((s) => s.text), ['上海', '138%']);
    // Removing a rejection brings the suggestion back.
    set.apply(removeDiff(set, set.all[0], suggestions));
    assert.ok(openSuggestions(set, suggestions).some((s) => s.text === '張三'));
  });

  it('corrects a figure value, on gold or on a suggestion; marks junk as not junk', () => {
    const set = new GoldSet();
    set.apply(setValueDiff(set, suggestions[3], '1.38'));
    assert.deepEqual([set.all[0].kind, set.all[0].value], ['figure', '1.38']);
    set.apply(setValueDiff(set, set.all[0], '138%'));
    assert.equal(set.all[0].value, '138%');
    set.apply(notJunkDiff(set, { start: 20, end: 24, layer: 'junk', label: 'pinyin-gloss', text: '(擴大)' }));
    assert.deepEqual(set.counts(), { gold: 1, accepted: 0, rejected: 0, notJunk: 1 });
  });

  it('finds the standoff file beside a document or under a folder', () => {
    assert.equal(standoffPath('/w/news/a.txt', {}, path.posix), '/w/news/a.ann');
    assert.equal(standoffPath('/w/news/a.md', {}, path.posix), '/w/news/a.md.ann');
    assert.equal(standoffPath('/w/news/c.jsonl', {}, path.posix), '/w/news/c.jsonl.gold');
    assert.equal(standoffPath('/w/news/a.txt', { folder: 'gold', root: '/w' }, path.posix), '/w/gold/news/a.ann');
    assert.equal(standoffPath('/elsewhere/a.txt', { folder: 'gold', root: '/w' }, path.posix), '/elsewhere/a.ann');
  });
});
