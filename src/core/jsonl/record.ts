// Reads one line of a JSONL corpus: a record whose text field is located in the line, or why the line is not one.
import { decodeJsonString, type DecodedString } from './json-string';

/** The text fields tried when newsLens.jsonl.textField (or --text-field) is not set, in order. */
export const DEFAULT_TEXT_FIELDS = ['text', 'content', 'raw_content'] as const;

export type JsonlLine =
  | { kind: 'blank' }
  /** Not a JSON object: `column` (0-based, in the line) is where the parser gave up, when it says. */
  | { kind: 'invalid'; message: string; column?: number }
  /** A JSON object without a string in any of the text fields. */
  | { kind: 'no-text'; message: string }
  | { kind: 'record'; field: string; text: DecodedString; id?: string };

/** The text fields to try: the one set by the user, or the defaults. */
export function textFieldsFor(setting: string | undefined): readonly string[] {
  const field = setting?.trim();
  return field && field !== DEFAULT_TEXT_FIELDS[0] ? [field] : DEFAULT_TEXT_FIELDS;
}

/**
 * Parses a line with JSON.parse (exactly what every corpus tool accepts), then finds where its text field's string
 * literal stands in the line so that offsets map both ways. With several fields given, the first one present wins.
 */
export function readJsonlLine(line: string, fields: readonly string[] = DEFAULT_TEXT_FIELDS): JsonlLine {
  const body = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  if (body.trim() === '') return { kind: 'blank' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const column = parseErrorColumn(message);
    return { kind: 'invalid', message: `not valid JSON: ${message}`, column: column === undefined ? undefined : column + (line.length - body.length) };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { kind: 'invalid', message: `not a JSON object (a JSONL record is one object per line)` };
  }
  const record = parsed as Record<string, unknown>;
  const field = fields.find((f) => typeof record[f] === 'string');
  if (field === undefined) {
    const tried = fields.map((f) => `"${f}"`).join(', ');
    return { kind: 'no-text', message: `no string field ${tried} in this record (set newsLens.jsonl.textField)` };
  }
  const quote = valueQuoteOf(line, field);
  const text = quote === undefined ? undefined : decodeJsonString(line, quote);
  if (!text || text.value !== record[field]) return { kind: 'invalid', message: `could not locate the field "${field}" in the line` };
  const id = record.id;
  return { kind: 'record', field, text, ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}) };
}

/** Node's JSON.parse messages give a position ("at position 12", or "(line 1 column 13)"). */
function parseErrorColumn(message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const column = /line 1 column (\d+)/.exec(message);
  return column ? Number(column[1]) - 1 : undefined;
}

/**
 * The offset of the opening quote of the top-level member `field`'s value (the last one when the key repeats, as
 * JSON.parse keeps the last). The line is known to be a valid JSON object.
 */
function valueQuoteOf(line: string, field: string): number | undefined {
  let i = skipSpace(line, line.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (line[i] !== '{') return undefined;
  i = skipSpace(line, i + 1);
  let found: number | undefined;
  while (i < line.length && line[i] !== '}') {
    const key = decodeJsonString(line, i);
    if (!key) return undefined;
    i = skipSpace(line, key.rawEnd + 1);
    if (line[i] !== ':') return undefined;
    i = skipSpace(line, i + 1);
    if (key.value === field) found = i;
    i = skipSpace(line, skipValue(line, i));
    if (line[i] === ',') i = skipSpace(line, i + 1);
  }
  return found;
}

/** Offset just past the JSON value starting at `i` (strings, numbers, literals, nested objects and arrays). */
function skipValue(line: string, i: number): number {
  let depth = 0;
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
      if (depth === 0) return i + 1;
    } else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return i;
    } else if (depth === 0 && (ch === ',' || ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n')) return i;
  }
  return i;
}

function skipSpace(line: string, i: number): number {
  while (i < line.length && (line[i] === ' ' || line[i] === '\t' || line[i] === '\r' || line[i] === '\n')) i++;
  return i;
}
