// The parts of the entity layer: segmenter offsets, the literal trie, the gazetteer file and the
// BIO reader of the NER evaluation.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import gazetteer from '../../../data/gazetteer.json';
import { readBio } from '../../../src/cli/eval-ner';
import { PLACE_FULL, PLACE_SHORT, PLACE_SHORT_COUNTY, PLACE_WORLD, placeTrie } from '../../../src/core/entities/gazetteer';
import { ensureSegmenter, jiebaDictionaryPaths, segmenterReady, tagText } from '../../../src/core/entities/segmenter';
import { LiteralTrie } from '../../../src/core/entities/trie';
import { toSimplified, toTraditional } from '../../../src/core/script';

describe('entity layer parts', function () {
  this.timeout(60000);

  describe('segmenter', () => {
    before(() => {
      assert.equal(ensureSegmenter(), true);
    });
    it('is ready once loaded', () => {
      assert.equal(segmenterReady(), true);
    });
    it('finds its dictionaries inside the installed nodejieba package', () => {
      const paths = jiebaDictionaryPaths();
      assert.ok(paths);
      const packageRoot = dirname(require.resolve('nodejieba/package.json'));
      for (const file of Object.values(paths)) {
        assert.ok(existsSync(file), file);
        assert.ok(file.startsWith(packageRoot), file);
      }
      assert.ok(statSync(paths.dict).size > 1_000_000);
    });
    it('tags a line with offsets that add up to the text', () => {
      const text = '嘉兴市委召开会议，浙江大学出席。';
      const { words, tags, starts } = tagText(text);
      assert.equal(words.join(''), text);
      assert.equal(starts.length, words.length + 1);
      assert.equal(starts[words.length], text.length);
      for (let i = 0; i < words.length; i++) assert.equal(text.slice(starts[i], starts[i + 1]), words[i]);
      assert.equal(tags[words.indexOf('浙江大学')], 'nt');
    });
    it('keeps UTF-16 offsets across astral characters', () => {
      const text = '𠀀😀嘉兴日报';
      const { words, starts } = tagText(text);
      const at = words.indexOf('嘉兴');
      assert.ok(at >= 0);
      assert.equal(starts[at], 4);
    });
    it('keeps offsets right when the addon cannot encode a character', () => {
      const text = '\ud800嘉兴日报\udc00浙江大学';
      const { words, starts } = tagText(text);
      for (let i = 0; i < words.length; i++) assert.equal(text.slice(starts[i], starts[i] + words[i].length), words[i]);
      assert.ok(words.includes('浙江大学'));
      assert.equal(starts[words.length], text.length);
    });
    it('uses the patched addon\'s tagPacked(), which gives exactly the words and tags of tag()', () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const jieba = require('nodejieba') as { tag(s: string): { word: string; tag: string }[]; tagPacked?: (s: string) => [string, Int32Array] | false };
      assert.equal(typeof jieba.tagPacked, 'function', 'node_modules/nodejieba is not the patched build: run npm run patch:nodejieba');
      const samples = join(__dirname, '../../../samples');
      const sample = readdirSync(samples).map((f) => readFileSync(join(samples, f), 'utf8')).join('\n');
      // Unknown words take their tag from the characters (x, m, eng); runs of single characters go through the HMM.
      const lines = [...toSimplified(sample).split('\n'), '𠀀字 a1 ２０２３年', ' \t ', 'iPhone15在Cupertino发布，GDP增长6.5%😀', '1998年3月，桑吉扎布和乌兰其其格到访', '＃＄％'];
      for (const line of lines) {
        const { words, tags } = tagText(line);
        assert.deepEqual(words.map((word, i) => ({ word, tag: tags[i] })), line ? jieba.tag(line) : [], line);
        if (!line) continue;
        // The packed result itself, not tagText's fallback to tag() when the lengths do not add up.
        const packed = jieba.tagPacked!(line);
        assert.ok(packed, line);
        const [tagList, lengths] = packed;
        let at = 0;
        const unpacked = Array.from(lengths, (n, i) => ({ word: line.slice(at, (at += n)), tag: tagList.split(' ')[i] }));
        assert.deepEqual(unpacked, jieba.tag(line), line);
      }
    });
    it('returns no words for an empty text', () => {
      assert.deepEqual(tagText(''), { words: [], tags: [], starts: [0] });
    });
  });

  describe('LiteralTrie', () => {
    it('finds the longest word at an offset', () => {
      const trie = new LiteralTrie<number>();
      trie.add('长三角', 1);
      trie.add('长三角城市群', 2);
      trie.add('长江', 3);
      assert.deepEqual(trie.longestAt('长三角城市群建设', 0), { end: 6, value: 2 });
      assert.deepEqual(trie.longestAt('长三角城市', 0), { end: 3, value: 1 });
      assert.equal(trie.longestAt('长城', 0), undefined);
      assert.equal(trie.size, 3);
    });
    it('respects the accepted ends', () => {
      const trie = new LiteralTrie<string>();
      trie.add('嘉兴', 'a');
      trie.add('嘉兴市', 'b');
      assert.deepEqual(
        trie.longestAt('嘉兴市长', 0, (end) => end === 2),
        { end: 2, value: 'a' },
      );
    });
    it('scans leftmost-longest without overlaps, astral characters included', () => {
      const trie = new LiteralTrie<string>();
      trie.add('𠀀字', 'x');
      trie.add('字典', 'y');
      trie.add('典', 'z');
      assert.deepEqual(trie.scan('𠀀字典'), [
        { start: 0, end: 3, value: 'x' },
        { start: 3, end: 4, value: 'z' },
      ]);
    });
    it('handles more distinct characters than its compact alphabet', () => {
      const trie = new LiteralTrie<number>();
      for (let code = 0x4e00; code < 0x4e00 + 5000; code++) trie.add(String.fromCharCode(code, code + 1), code);
      const last = 0x4e00 + 4999;
      assert.deepEqual(trie.longestAt(String.fromCharCode(last, last + 1), 0), { end: 2, value: last });
      assert.equal(trie.size, 5000);
    });
    it('replaces the value of a word added twice', () => {
      const trie = new LiteralTrie<string>();
      trie.add('嘉兴', 'LOC');
      trie.add('嘉兴', 'ORG');
      assert.deepEqual(trie.longestAt('嘉兴', 0), { end: 2, value: 'ORG' });
      assert.equal(trie.size, 1);
    });
    it('agrees with a plain word list on many words (its transition table grows)', () => {
      let seed = 7;
      const random = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
      const word = () => Array.from({ length: 1 + random(5) }, () => String.fromCharCode(0x4e00 + random(300))).join('');
      const words = new Map<string, number>();
      const trie = new LiteralTrie<number>();
      for (let i = 0; i < 20_000; i++) {
        const w = word();
        words.set(w, i);
        trie.add(w, i);
      }
      assert.equal(trie.size, words.size);
      const text = Array.from({ length: 3000 }, word).join('');
      for (let start = 0; start < text.length; start++) {
        let expected: { end: number; value: number } | undefined;
        for (let end = start + 1; end <= Math.min(text.length, start + 5); end++) {
          const value = words.get(text.slice(start, end));
          if (value !== undefined) expected = { end, value };
        }
        assert.deepEqual(trie.longestAt(text, start), expected, `at ${start}`);
      }
    });
  });

  describe('gazetteer', () => {
    it('is small, Simplified, and every name is found after conversion', () => {
      const file = join(__dirname, '../../../data/gazetteer.json');
      assert.ok(statSync(file).size < 200_000);
      const trie = placeTrie();
      let changed = 0;
      for (const list of [gazetteer.full, gazetteer.short, gazetteer.shortCounty, gazetteer.world]) {
        for (const name of list) {
          const simplified = toSimplified(name);
          if (simplified !== name) changed++;
          assert.equal(trie.longestAt(simplified, 0)?.end, name.length, name);
          // Traditional text of the name converts to the same key.
          assert.equal(trie.longestAt(toSimplified(toTraditional(name)), 0)?.end, name.length, name);
        }
      }
      // Only rare characters that are both Simplified and Traditional change (乾县 → 干县).
      assert.ok(changed < 10, `${changed} names change under conversion`);
    });
    it('holds full names, short forms and world places in their classes', () => {
      const trie = placeTrie();
      const kind = (name: string): number | undefined => {
        const match = trie.longestAt(name, 0);
        return match && match.end === name.length ? match.value : undefined;
      };
      assert.equal(kind('嘉兴市'), PLACE_FULL);
      assert.equal(kind('浙江省'), PLACE_FULL);
      assert.equal(kind('嘉兴'), PLACE_SHORT);
      assert.equal(kind('浙江'), PLACE_SHORT);
      assert.equal(kind('海宁'), PLACE_SHORT_COUNTY);
      assert.equal(kind('延边'), PLACE_SHORT);
      assert.equal(kind('长三角'), PLACE_WORLD);
      assert.equal(kind('莫斯科'), PLACE_WORLD);
    });
    it('has no one-character short forms', () => {
      for (const name of [...gazetteer.short, ...gazetteer.shortCounty]) assert.ok(name.length >= 2, name);
    });
  });

  describe('readBio', () => {
    it('reads sentences and B-/I- spans with UTF-16 offsets', () => {
      const bio = ['江\tB-PER', '主\tO', '席\tO', '在\tO', '𠀀\tO', '北\tB-LOC', '京\tI-LOC', '', '新\tB-ORG', '华\tI-ORG', '社\tI-ORG', ''].join('\n');
      const sentences = readBio(bio);
      assert.equal(sentences.length, 2);
      assert.equal(sentences[0].text, '江主席在𠀀北京');
      assert.deepEqual(sentences[0].gold, [
        { start: 0, end: 1, type: 'PER' },
        { start: 6, end: 8, type: 'LOC' },
      ]);
      assert.deepEqual(sentences[1].gold, [{ start: 0, end: 3, type: 'ORG' }]);
    });
    it('starts a new span at a type change and ignores other types', () => {
      const sentences = readBio('中\tB-LOC\n美\tI-ORG\n书\tB-MISC\n');
      assert.deepEqual(sentences[0].gold, [
        { start: 0, end: 1, type: 'LOC' },
        { start: 1, end: 2, type: 'ORG' },
      ]);
    });
  });
});
