// Loads nodejieba lazily with only the dictionaries part-of-speech tagging needs, and tags a line
// with UTF-16 offsets.
//
// Stock nodejieba's load() builds a segmenter from jieba.dict + hmm_model + user.dict, a keyword
// extractor from idf.utf8 (6 MB) + stop_words.utf8, and a TextRank extractor that loads the main
// dictionary and HMM model a second time. Only the segmenter is needed for tagging:
// - `npm ci` patches and rebuilds the addon (scripts/patch-nodejieba.mjs, patches/) so that the
//   TextRank extractor is built on the first textRankExtract() call, which News Lens never makes:
//   about 110 MB less RSS and half the load time. If that build failed at install, the stock addon
//   is kept and works the same, with that cost; segmenterLeanLoad() tells which addon is in use.
//   The same patch adds tagPacked(): tag() without an object and two strings per word crossing
//   Node-API, about three times faster; tagText() uses it when present, else tag().
// - the idf and stop-word lists cannot be skipped (a missing or empty file aborts the process), but
//   they point at a one-line file, which saves about 20 MiB and part of the load time.
// The dictionary paths resolve relative to the installed nodejieba package, so this works when the
// code is bundled with nodejieba kept external.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../shared/atomic-write.mjs';

interface TagResult {
  word: string;
  tag: string;
}

interface NodeJieba {
  load(options?: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): unknown;
  tag(sentence: string): TagResult[];
  /** Only in the patched build: loads load()'s dictionaries on another thread; true once load() with the same options is instant. */
  preload?(options?: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): Promise<boolean>;
  /** Only in the patched build: [tags joined by spaces, each word's length in UTF-16 units]. */
  tagPacked?(sentence: string): [string, Int32Array] | false;
}

/** Tokens of one line: words, their part-of-speech tags and their UTF-16 start offsets. */
export interface Tokens {
  words: string[];
  tags: string[];
  /** starts[i] is the offset of words[i]; starts[words.length] is the text length. */
  starts: number[];
}

/** jieba's part-of-speech tags; a tag's id is its index (0: a tag not in this list). */
export const TAG_NAMES = [
  '',
  ...'a ad ag an b c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz s t tg u ud ug uj ul uv uz v vd vg vi vn vq x y z zg'.split(' '),
];

/** Tag ids by a tag's letters read as a base-27 number (a = 1 … z = 26; tags have one to four letters). */
const TAG_BY_CODE = new Uint8Array(27 ** 4);
TAG_NAMES.forEach((tag, id) => {
  let code = 0;
  for (let i = 0; i < tag.length; i++) code = code * 27 + tag.charCodeAt(i) - 96;
  if (id > 0) TAG_BY_CODE[code] = id;
});

/** The id of a tag string (0 for one not in TAG_NAMES). */
export function tagId(tag: string): number {
  if (tag.length === 0 || tag.length > 4) return 0;
  let code = 0;
  for (let i = 0; i < tag.length; i++) {
    const letter = tag.charCodeAt(i) - 96;
    if (letter < 1 || letter > 26) return 0;
    code = code * 27 + letter;
  }
  return TAG_BY_CODE[code];
}

/** Tokens of a text without a string per token: what the entity tagger reads. */
export interface PackedTokens {
  count: number;
  /** starts[k] is the UTF-16 offset of token k; starts[count] is the text length. */
  starts: Int32Array;
  /** Tag id (TAG_NAMES) of each token. */
  tags: Uint8Array;
}

/**
 * jieba's part-of-speech tags as internalised constants: the addon returns a fresh string per
 * token, and comparing against constants is faster on the shared ones.
 */
const TAGS = new Map<string, string>(
  'a ad ag an b c d df dg e eng f g h i j k l m mg mq n ng nr nrfg nrt ns nt nz o p q r rg rr rz s t tg u ud ug uj ul uv uz v vd vg vi vn vq x y z zg'
    .split(' ')
    .map((tag) => [tag, tag]),
);

let jieba: NodeJieba | undefined;
let loadError: Error | undefined;

/** The file nodejieba's keyword extractor gets instead of its 6 MB idf list: one valid line. */
const STUB_IDF = '的 1.0\n';

/** Writes (once) a one-line file to the temp directory and returns its path, or undefined on failure. */
function stubFile(name: string, content: string): string | undefined {
  try {
    const file = path.join(os.tmpdir(), name);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) return file;
    writeFileAtomic(file, content);
    return fs.readFileSync(file, 'utf8') === content ? file : undefined;
  } catch {
    return undefined;
  }
}

/** The dictionary files of the installed nodejieba package, or undefined when one is missing. */
export function jiebaDictionaryPaths(): { dict: string; hmmDict: string; userDict: string } | undefined {
  try {
    const root = path.dirname(require.resolve('nodejieba/package.json'));
    const dir = path.join(root, 'submodules', 'cppjieba', 'dict');
    const files = {
      dict: path.join(dir, 'jieba.dict.utf8'),
      hmmDict: path.join(dir, 'hmm_model.utf8'),
      userDict: path.join(dir, 'user.dict.utf8'),
    };
    // cppjieba aborts the whole process on a missing file: check first.
    return Object.values(files).every((file) => fs.existsSync(file)) ? files : undefined;
  } catch {
    return undefined;
  }
}

/** What load() and preload() are given: the package's dictionaries with the one-line stub for the keyword lists (undefined: nodejieba's defaults). */
function loadOptions(): Parameters<NodeJieba['load']>[0] {
  const files = jiebaDictionaryPaths();
  const stub = stubFile('news-lens-jieba-stub-idf.utf8', STUB_IDF);
  return files && stub ? { ...files, idfDict: stub, stopWordDict: stub } : undefined;
}

function requireJieba(): NodeJieba {
  // A plain require: nodejieba stays external (a native addon with dictionaries on disk).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('nodejieba') as NodeJieba;
}

function loadJieba(): NodeJieba | undefined {
  if (jieba || loadError) return jieba;
  try {
    const module = requireJieba();
    module.load(loadOptions());
    jieba = module;
  } catch (error) {
    loadError = error instanceof Error ? error : new Error(String(error));
  }
  return jieba;
}

let leanLoad: boolean | undefined;

/**
 * Whether the installed nodejieba addon is News Lens's patched build, whose load() leaves out the
 * TextRank extractor (it marks itself with `lazyTextRank`); false for a stock build, undefined when
 * the addon cannot be loaded. Loading the addon does not load any dictionary.
 */
export function segmenterLeanLoad(): boolean | undefined {
  if (leanLoad !== undefined) return leanLoad;
  try {
    // The file nodejieba's index.js loads (same module cache entry), read for its marker only.
    const addon = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build', 'Release', 'nodejieba.node');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    leanLoad = (require(addon) as { lazyTextRank?: unknown }).lazyTextRank === true;
  } catch {
    return undefined;
  }
  return leanLoad;
}

let preloading: Promise<void> | undefined;

/**
 * Loads the segmenter's dictionaries on a thread of libuv's pool (the patched addon's preload), so that
 * ensureSegmenter() is then instant and this thread stays free meanwhile (the language server answers requests).
 * Resolves at once with a stock addon or when loading already happened or failed: ensureSegmenter() then loads, or
 * reports the error, as before.
 */
export function preloadSegmenter(): Promise<void> {
  if (jieba || loadError) return Promise.resolve();
  preloading ??= (async () => {
    try {
      const module = requireJieba();
      if (module.preload) await module.preload(loadOptions());
    } catch {
      // ensureSegmenter() loads synchronously and keeps the error
    }
  })();
  return preloading;
}

/** True once the segmenter's dictionaries are loaded. */
export function segmenterReady(): boolean {
  return jieba !== undefined;
}

/** Loads the segmenter if needed; false when nodejieba cannot be loaded. */
export function ensureSegmenter(): boolean {
  return loadJieba() !== undefined;
}

/** The error that made loading nodejieba fail, if it did. */
export function segmenterError(): Error | undefined {
  return loadError;
}

/**
 * The patched addon's packed result (scripts/patch-nodejieba.mjs): the words are cut from `text`
 * by their lengths. False, with the arrays left empty, when the lengths do not add up to the text
 * (the addon re-encoded something, e.g. a lone surrogate): the caller then realigns from tag().
 */
function tagPacked(segmenter: NodeJieba, text: string, words: string[], tags: string[], starts: number[]): boolean {
  const packed = segmenter.tagPacked?.(text);
  if (!packed) return false;
  const [tagList, lengths] = packed;
  const split = tagList === '' ? [] : tagList.split(' ');
  if (split.length !== lengths.length) return false;
  let offset = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = offset + lengths[i];
    words.push(text.slice(offset, end));
    tags.push(TAGS.get(split[i]) ?? split[i]);
    starts.push(offset);
    offset = end;
  }
  if (offset === text.length) {
    starts.push(offset);
    return true;
  }
  words.length = 0;
  tags.length = 0;
  starts.length = 0;
  return false;
}

/**
 * Segments and tags `text` (Simplified). Offsets are the running sum of the words' lengths when
 * the words join back to the text (the normal case); otherwise each word is searched for from the
 * previous end and words that cannot be found are dropped, so offsets are always right.
 */
export function tagText(text: string): Tokens {
  const words: string[] = [];
  const tags: string[] = [];
  const starts: number[] = [];
  const segmenter = loadJieba();
  if (!segmenter || text.length === 0) {
    starts.push(text.length);
    return { words, tags, starts };
  }
  if (segmenter.tagPacked && tagPacked(segmenter, text, words, tags, starts)) return { words, tags, starts };
  const result = segmenter.tag(text);
  let offset = 0;
  let aligned = true;
  for (const { word, tag } of result) {
    if (text.startsWith(word, offset)) {
      words.push(word);
      tags.push(TAGS.get(tag) ?? tag);
      starts.push(offset);
      offset += word.length;
      continue;
    }
    aligned = false;
    break;
  }
  if (offset !== text.length) aligned = false;
  if (!aligned) {
    // Rare: lone surrogates or characters the addon re-encodes. Realign word by word.
    words.length = 0;
    tags.length = 0;
    starts.length = 0;
    offset = 0;
    for (const { word, tag } of result) {
      if (!word) continue;
      const at = text.indexOf(word, offset);
      if (at < 0 || at - offset > 8) continue;
      if (at > offset) {
        words.push(text.slice(offset, at));
        tags.push('x');
        starts.push(offset);
      }
      words.push(word);
      tags.push(tag);
      starts.push(at);
      offset = at + word.length;
    }
    if (offset < text.length) {
      words.push(text.slice(offset));
      tags.push('x');
      starts.push(offset);
    }
  }
  starts.push(text.length);
  return { words, tags, starts };
}

/**
 * Segments and tags `text` (Simplified) like tagText, as offsets and tag ids (no strings per
 * token): the patched addon's packed result read directly, else tagText's tokens converted.
 */
export function tagTokens(text: string): PackedTokens {
  const segmenter = loadJieba();
  const packed = segmenter && text.length > 0 ? segmenter.tagPacked?.(text) : undefined;
  if (packed) {
    const [tagList, lengths] = packed;
    const count = lengths.length;
    const starts = new Int32Array(count + 1);
    const tags = new Uint8Array(count);
    let offset = 0;
    let k = 0;
    let code = 0;
    let letters = 0;
    let valid = true;
    // Tags are read letter by letter: tagList is "n v nr …", one tag per word.
    for (let i = 0; i <= tagList.length && k < count; i++) {
      const c = i < tagList.length ? tagList.charCodeAt(i) : 32;
      if (c === 32) {
        tags[k] = valid && letters > 0 && letters <= 4 ? TAG_BY_CODE[code] : 0;
        starts[k] = offset;
        offset += lengths[k];
        k++;
        code = 0;
        letters = 0;
        valid = true;
      } else {
        const letter = c - 96;
        if (letter < 1 || letter > 26) valid = false;
        else code = code * 27 + letter;
        letters++;
      }
    }
    if (k === count && offset === text.length) {
      starts[count] = offset;
      return { count, starts, tags };
    }
  }
  const tokens = tagText(text);
  const count = tokens.words.length;
  return { count, starts: Int32Array.from(tokens.starts), tags: Uint8Array.from(tokens.tags, tagId) };
}
