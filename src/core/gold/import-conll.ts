// Imports CoNLL / BIO (one token per line, its tag in the last column) onto the text it was made from, in code points.
import { GoldFormatError, normalizeLabel, type ImportedDocument, type ImportedSpan } from './imported';

interface Row {
  token: string;
  tag: string;
  line: number;
}

/** Rows of tokens and tags; blank lines (sentence breaks) and -DOCSTART- lines carry no token. */
function readRows(content: string, source: string): { rows: Row[]; sentenceEnds: Set<number> } {
  const rows: Row[] = [];
  const sentenceEnds = new Set<number>();
  content.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (rows.length) sentenceEnds.add(rows.length);
      return;
    }
    if (line.startsWith('-DOCSTART-')) return;
    const columns = line.split(/\s+/);
    if (columns.length < 2) throw new GoldFormatError(`${source}:${i + 1}: expected "TOKEN TAG", got "${line.slice(0, 40)}"`);
    rows.push({ token: columns[0], tag: columns[columns.length - 1], line: i + 1 });
  });
  return { rows, sentenceEnds };
}

/** B-X, I-X, E-X/L-X, S-X/U-X (also with "_"), or O. */
function parseTag(tag: string, where: string): { prefix: string; label: string } | undefined {
  if (tag === 'O' || tag === '_') return undefined;
  const match = /^([BIESLU])[-_](.+)$/.exec(tag);
  if (!match) throw new GoldFormatError(`${where}: tag "${tag}" is not O, B-X, I-X, E-X or S-X`);
  return { prefix: match[1], label: normalizeLabel(match[2]) };
}

/**
 * Reads CoNLL/BIO content. With `text` (the document the tags were made on) each token is found in it in order,
 * skipping the whitespace that CoNLL leaves out, so spans get the text's own offsets; a token that is not next
 * in the text is an error naming its line. Without it the text is rebuilt: a line per sentence, tokens joined
 * directly when every token is one character (Chinese one-character-per-line files), else with spaces.
 */
export function importConll(content: string, source: string, text?: string): ImportedDocument {
  const { rows, sentenceEnds } = readRows(content, source);
  if (rows.length === 0) throw new GoldFormatError(`${source}: no tokens`);
  let documentText = text;
  if (documentText === undefined) {
    const oneCharacter = rows.every((r) => [...r.token].length === 1);
    const parts: string[] = [];
    rows.forEach((r, i) => {
      if (i > 0) parts.push(sentenceEnds.has(i) ? '\n' : oneCharacter ? '' : ' ');
      parts.push(r.token);
    });
    documentText = parts.join('');
  }
  // Token positions in code points of the text.
  const characters = [...documentText];
  const positions: [number, number][] = [];
  let at = 0;
  for (const row of rows) {
    while (at < characters.length && /\s/.test(characters[at])) at++;
    const tokenCharacters = [...row.token];
    const fits = tokenCharacters.every((c, k) => characters[at + k] === c);
    if (!fits) {
      const found = characters.slice(at, at + Math.max(tokenCharacters.length, 8)).join('');
      throw new GoldFormatError(`${source}:${row.line}: token "${row.token}" does not match the text at code point ${at} ("${found}"); is this the text the tags were made on?`);
    }
    positions.push([at, at + tokenCharacters.length]);
    at += tokenCharacters.length;
  }
  const spans: ImportedSpan[] = [];
  let open: ImportedSpan | undefined;
  const close = () => {
    if (open) spans.push(open);
    open = undefined;
  };
  rows.forEach((row, i) => {
    const tag = parseTag(row.tag, `${source}:${row.line}`);
    const [start, end] = positions[i];
    if (sentenceEnds.has(i)) close();
    if (!tag) return close();
    const continues = open && open.label === tag.label && (tag.prefix === 'I' || tag.prefix === 'E' || tag.prefix === 'L');
    if (continues) open!.end = end;
    else {
      close();
      open = { start, end, label: tag.label };
    }
    if (tag.prefix === 'E' || tag.prefix === 'L' || tag.prefix === 'S' || tag.prefix === 'U') close();
  });
  close();
  return { text: documentText, spans, source };
}
