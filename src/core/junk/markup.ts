// Markup leftovers: HTML/XML tags, HTML entities and lone bullets, in one line or as a tag split across lines.
import type { Annotation } from '../types';
import type { DocLine } from '../lines';
import { excerpt, junkAt, wholeLine } from './common';

/** HTML element names (current and obsolete) that scraped pages leave behind. */
const HTML_TAGS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink blockquote body br ' +
    'button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed ' +
    'fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe ' +
    'ilayer img input ins isindex kbd keygen label layer legend li link listing main map mark marquee menu meta meter ' +
    'nav nobr noembed noframes noscript object ol optgroup option output p param picture plaintext pre progress q rp rt ' +
    'ruby s samp script section select slot small source spacer span strike strong style sub summary sup svg table tbody ' +
    'td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp path g o:p'
  ).split(' '),
);

const ATTRIBUTES = `(?:\\s+[A-Za-z_:@][\\w:.@-]*(?:\\s*=\\s*(?:"[^"<>]*"|'[^'<>]*'|[^\\s"'=<>\`]+))?)*`;
const TAG_BODY = `<(\\/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9-]*)?)(${ATTRIBUTES})\\s*\\/?>`;
/** A tag, a comment, a doctype or a CDATA section. */
const TAG = new RegExp(`${TAG_BODY}|<!--[\\s\\S]*?-->|<!DOCTYPE[^<>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>`, 'gi');
const WHOLE_TAG = new RegExp(`^${TAG_BODY}$`, 'i');
/** A quoted attribute value: evidence that an unknown element name is still a tag (`<xyz id="a1">`). */
const QUOTED_ATTRIBUTE = /=\s*["']/;

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwsp: '\u200b', zwnj: '\u200c', zwj: '\u200d',
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', trade: '™', mdash: '—', ndash: '–',
  hellip: '…', middot: '·', bull: '•', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', laquo: '«', raquo: '»',
  times: '×', divide: '÷', deg: '°', plusmn: '±', yen: '¥', euro: '€', pound: '£', cent: '¢', sect: '§', para: '¶',
  shy: '\u00ad', iexcl: '¡', iquest: '¿', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ',
  larr: '←', rarr: '→', uarr: '↑', darr: '↓', hearts: '♥', permil: '‰', prime: '′', Prime: '″',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));|&nbsp(?![A-Za-z0-9;])/g;

const BULLETS = '•●◦▪■□◆◇▶►‣⁃∙·・※';
const BULLET_START = new RegExp(`^\\s*[${BULLETS}]`);
const ONLY_BULLETS_AND_SPACE = new RegExp(`^[\\s${BULLETS}]*$`);
const HAS_BULLET = new RegExp(`[${BULLETS}]`);

function describeEntity(text: string, numeric?: string, hex?: string, name?: string): string | undefined {
  if (numeric !== undefined || hex !== undefined) {
    const code = numeric !== undefined ? parseInt(numeric, 10) : parseInt(hex as string, 16);
    if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  if (name !== undefined) return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()];
  if (text === '&nbsp') return '\u00a0';
  return undefined;
}

/** A no-break space becomes a plain space; other invisible characters are dropped; anything else is written out. */
function entityReplacement(decoded: string): string {
  if (decoded === '\u00a0' || decoded === ' ') return ' ';
  return visible(decoded) === decoded ? decoded : '';
}

function visible(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0x20 || code === 0xa0 || (code >= 0x2000 && code <= 0x200d) || code === 0xad
    ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : ch;
}

interface Piece {
  start: number;
  end: number;
  what: string;
  confidence: number;
  /** What `clean` writes instead: an entity's character, so `&#20013;` becomes 中 and no text is lost. */
  replacement?: string;
}

function findPieces(line: string): Piece[] {
  const pieces: Piece[] = [];
  if (line.indexOf('<') >= 0) {
    TAG.lastIndex = 0;
    for (let m = TAG.exec(line); m; m = TAG.exec(line)) {
      const name = m[2]?.toLowerCase();
      if (name === undefined) {
        pieces.push({ start: m.index, end: m.index + m[0].length, what: `HTML ${m[0].startsWith('<!--') ? 'comment' : 'declaration'}`, confidence: 0.95 });
        continue;
      }
      const known = HTML_TAGS.has(name);
      if (!known && !QUOTED_ATTRIBUTE.test(m[3] ?? '')) continue;
      pieces.push({ start: m.index, end: m.index + m[0].length, what: `HTML tag <${m[1]}${name}>`, confidence: known ? 0.95 : 0.75 });
    }
  }
  if (line.indexOf('&') >= 0) {
    ENTITY.lastIndex = 0;
    for (let m = ENTITY.exec(line); m; m = ENTITY.exec(line)) {
      const decoded = describeEntity(m[0], m[1], m[2], m[3]);
      if (decoded === undefined) continue;
      const piece: Piece = { start: m.index, end: m.index + m[0].length, what: `HTML entity ${m[0]} (${visible(decoded)})`, confidence: 0.9 };
      piece.replacement = entityReplacement(decoded);
      pieces.push(piece);
    }
  }
  return pieces.sort((a, b) => a.start - b.start);
}

export function detectMarkup(line: string): Annotation[] {
  const mayHaveBullet = BULLET_START.test(line);
  if (!mayHaveBullet && line.indexOf('<') < 0 && line.indexOf('&') < 0) return [];
  const pieces = findPieces(line);

  // Whole line: nothing is left but whitespace and bullets once tags and entities are gone.
  let rest = '';
  let last = 0;
  for (const piece of pieces) {
    if (piece.start < last) continue;
    rest += line.slice(last, piece.start);
    last = piece.end;
  }
  rest += line.slice(last);
  const hasBullet = HAS_BULLET.test(rest);
  if (ONLY_BULLETS_AND_SPACE.test(rest) && (pieces.length > 0 || hasBullet)) {
    const what = [...new Set(pieces.map((p) => p.what.replace(/ \(.*\)$/, '')))];
    if (hasBullet) what.push('a lone bullet');
    const confidence = pieces.reduce((best, p) => Math.max(best, p.confidence), pieces.length > 0 ? 0 : 0.85);
    const whole = wholeLine(line, 'markup', `Line holds only markup leftovers (${excerpt(what.join(', '), 60)})`, confidence);
    return whole ? [whole] : [];
  }

  return pieces.map((p) => {
    const found = junkAt(line, 'markup', p.start, p.end, `${p.what} left over from the web page`, p.confidence);
    if (p.replacement) found.replacement = p.replacement;
    return found;
  });
}

const OPEN_TAG_AT_END = /<(\/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9-]*)?)(\s[^<>]*)?$/;
const MAX_TAG_LINES = 6;

/**
 * Tags split across lines (`<div class="a"` / `id="b">`): one finding per line part, whole-line removal for a
 * part that is all its line holds. Offsets are absolute.
 */
export function detectSplitTags(lines: readonly DocLine[]): Annotation[] {
  const found: Annotation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text.indexOf('<') < 0) continue;
    const open = OPEN_TAG_AT_END.exec(text);
    if (!open || !HTML_TAGS.has(open[2].toLowerCase())) continue;
    // Find the line that closes the tag; the lines in between must not open another one.
    let close = -1;
    for (let j = i + 1; j < lines.length && j <= i + MAX_TAG_LINES; j++) {
      const t = lines[j].text;
      const gt = t.indexOf('>');
      const lt = t.indexOf('<');
      if (lt >= 0 && (gt < 0 || lt < gt)) break;
      if (gt >= 0) {
        close = j;
        break;
      }
    }
    if (close < 0) continue;
    const parts = [text.slice(open.index)];
    for (let j = i + 1; j < close; j++) parts.push(lines[j].text);
    const closeText = lines[close].text;
    const gt = closeText.indexOf('>');
    parts.push(closeText.slice(0, gt + 1));
    const joined = parts.map((p) => p.trim()).join(' ');
    if (!WHOLE_TAG.test(joined)) continue;

    const name = open[2].toLowerCase();
    const reason = `Part of HTML tag <${open[1]}${name}> split across ${close - i + 1} lines`;
    for (let j = i; j <= close; j++) {
      const line = lines[j];
      const from = j === i ? open.index : 0;
      const to = j === close ? gt + 1 : line.text.length;
      const local = line.text.slice(from, to);
      const lead = local.length - local.trimStart().length;
      const trail = local.length - local.trimEnd().length;
      const start = from + lead;
      const end = to - trail;
      if (end <= start) continue;
      const before = line.text.slice(0, start).trim();
      const after = line.text.slice(end).trim();
      // What the cut leaves of the line: nothing, or only bullets (`  • <s` / `trike …>`), goes with it, as a line of only
      // markup leftovers does (detectMarkup), or the next clean would find that bullet alone on its line.
      const whole = ONLY_BULLETS_AND_SPACE.test(before + after);
      const annotation: Annotation = {
        kind: 'junk',
        label: 'markup',
        start: line.start + start,
        end: line.start + end,
        text: line.text.slice(start, end),
        reason,
        confidence: 0.85,
        removal: whole ? { start: line.start, end: line.end } : { start: line.start + start, end: line.start + end },
      };
      found.push(annotation);
    }
    i = close;
  }
  return found;
}
