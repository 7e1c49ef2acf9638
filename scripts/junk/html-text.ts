// A naive scraper, as corpus builders run one: HTML to text lines (scripts and styles dropped, blocks on their own lines, entities decoded), each line marked when it lies in a chosen container (the page's article body).
import { Parser } from 'htmlparser2';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'select', 'textarea']);
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'section', 'article',
  'header', 'footer', 'nav', 'dd', 'dt', 'dl', 'form', 'td', 'th', 'blockquote', 'pre', 'hr', 'title', 'aside', 'main', 'figure', 'figcaption', 'center']);

export interface ScrapedLine {
  text: string;
  /** Inside the container chosen by `isBody` (for example div#content_area). */
  inBody: boolean;
}

/**
 * Lines of visible text. `isBody(tag, attributes)` marks an element whose text is the article body; lines that start
 * inside one are marked inBody. The <title> is kept as the first line, as scrapers that keep it do.
 */
export function htmlToLines(html: string, isBody: (tag: string, attrs: Record<string, string>) => boolean = () => false): ScrapedLine[] {
  const lines: ScrapedLine[] = [];
  let current = '';
  let currentInBody = false;
  let skipDepth = 0;
  let bodyDepth = 0;
  let inTitle = false;
  const stack: { tag: string; skip: boolean; body: boolean }[] = [];
  const flush = () => {
    const text = current.replace(/[ \t\r\n\f\u00a0]+/g, ' ').trim();
    if (text) lines.push({ text, inBody: currentInBody });
    current = '';
    currentInBody = bodyDepth > 0;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const tag = name.toLowerCase();
        const skip = SKIP.has(tag);
        const body = isBody(tag, attrs);
        if (BLOCK.has(tag)) flush();
        stack.push({ tag, skip, body });
        if (skip) skipDepth++;
        if (body) bodyDepth++;
        if (tag === 'title') inTitle = true;
        if (body && current === '') currentInBody = true;
      },
      ontext(text) {
        if (skipDepth > 0 && !inTitle) return;
        if (current === '') currentInBody = bodyDepth > 0;
        current += text;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        // Close up to the matching open tag (HTML in the wild leaves tags open).
        let i = stack.length - 1;
        while (i >= 0 && stack[i].tag !== tag) i--;
        if (i < 0) return;
        if (BLOCK.has(tag)) flush();
        while (stack.length > i) {
          const e = stack.pop()!;
          if (e.skip) skipDepth--;
          if (e.body) bodyDepth--;
        }
        if (tag === 'title') {
          inTitle = false;
          flush();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines;
}
