// Builds JSONL corpora for the integration tests from the shipped samples: junk of every kind, both literal styles, other fields around the text.
import { sampleText } from './helpers';

const SAMPLES = ['mirror-article-zh-hant.txt', 'simplified-business-news.txt', 'english-wire-story.txt'];

/** Writes every non-ASCII character as a \u escape (Python's json.dumps default). */
export function asciiOnly(line: string): string {
  return line.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Records of a few paragraphs each; odd ids raw UTF-8, even ids ASCII-only. */
export function corpusLines(copies = 1): string[] {
  const lines: string[] = [];
  let id = 0;
  for (let copy = 1; copy <= copies; copy++) {
    for (const name of SAMPLES) {
      const paragraphs = sampleText(name).split(/\n(?=\S)/);
      for (let i = 0; i < paragraphs.length; i += 3) {
        id++;
        const text = `${paragraphs.slice(i, i + 4).join('\n')}\n<b>"引號"</b> &amp; 😀 網(wǎng)站 #${id}`;
        const line = JSON.stringify({ id: `doc-${id}`, url: `https://example.com/${id}?q="x"`, text, meta: { tags: ['新聞', 'a"b'], copy } });
        lines.push(id % 2 ? line : asciiOnly(line));
      }
    }
  }
  return lines;
}
