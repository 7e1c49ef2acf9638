// Reads and validates a team's `.newslens.json`: user dictionary, ignore list, extra spam terms, junk kinds and severities.
import * as path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type EntityType, type JunkKind, type UserWord } from './types';

export const TEAM_CONFIG_FILE = '.newslens.json';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
const SEVERITIES: readonly SeverityName[] = ['error', 'warning', 'information', 'hint'];

/** What the file may set: the keys of the newsLens.* settings of the same meaning. */
export interface TeamConfig {
  userDictionary?: UserWord[];
  ignore?: string[];
  spam?: { extraTerms?: string[] };
  junk?: { kinds?: JunkKind[]; severity?: Partial<Record<JunkKind, SeverityName>> };
}

export interface ConfigProblem {
  message: string;
  /** Offsets into the file's text. */
  start: number;
  end: number;
  /** An error keeps the whole file from being applied; a warning only names something ignored. */
  severity: 'error' | 'warning';
}

export interface TeamConfigResult {
  /** Undefined when the file has an error: then nothing of it is applied. */
  config?: TeamConfig;
  problems: ConfigProblem[];
}

const KNOWN_KEYS = new Set(['$schema', 'userDictionary', 'ignore', 'spam', 'junk']);

/** Parses and validates the file's text. Strict JSON (no comments, no trailing commas), as the contributed schema says. */
export function parseTeamConfig(text: string): TeamConfigResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `${TEAM_CONFIG_FILE}: JSON syntax error (${printParseErrorCode(e.error)})`,
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
    severity: 'error',
  }));
  if (problems.length || !root) return { problems: problems.length ? problems : [{ message: `${TEAM_CONFIG_FILE} is empty`, start: 0, end: 0, severity: 'error' }] };
  const error = (node: Node, message: string) => problems.push({ message, start: node.offset, end: node.offset + node.length, severity: 'error' });
  if (root.type !== 'object') {
    error(root, `${TEAM_CONFIG_FILE} must hold a JSON object`);
    return { problems };
  }
  for (const property of root.children ?? []) {
    const key = property.children?.[0];
    if (key && !KNOWN_KEYS.has(String(key.value))) {
      problems.push({ message: `Unknown setting "${String(key.value)}" (known: userDictionary, ignore, spam.extraTerms, junk.kinds, junk.severity); it is ignored`, start: key.offset, end: key.offset + key.length, severity: 'warning' });
    }
  }
  const config: TeamConfig = {};
  const dictionary = findNodeAtLocation(root, ['userDictionary']);
  if (dictionary) {
    if (dictionary.type !== 'array') error(dictionary, 'userDictionary must be a list of { "word", "type" }');
    else {
      config.userDictionary = [];
      for (const entry of dictionary.children ?? []) {
        const word = entry.type === 'object' ? findNodeAtLocation(entry, ['word'])?.value : undefined;
        const type = entry.type === 'object' ? findNodeAtLocation(entry, ['type'])?.value : undefined;
        if (typeof word === 'string' && word.trim() && (ENTITY_TYPES as readonly unknown[]).includes(type)) config.userDictionary.push({ word: word.trim(), type: type as EntityType });
        else error(entry, `userDictionary entries need "word" (text) and "type" (${ENTITY_TYPES.join(', ')})`);
      }
    }
  }
  const strings = (location: string[], name: string): string[] | undefined => {
    const node = findNodeAtLocation(root, location);
    if (!node) return undefined;
    if (node.type !== 'array') {
      error(node, `${name} must be a list of text`);
      return undefined;
    }
    const values: string[] = [];
    for (const item of node.children ?? []) {
      if (item.type === 'string' && String(item.value).trim()) values.push(String(item.value));
      else error(item, `${name}: expected non-empty text`);
    }
    return values;
  };
  const ignore = strings(['ignore'], 'ignore');
  if (ignore) config.ignore = ignore;
  const extraTerms = strings(['spam', 'extraTerms'], 'spam.extraTerms');
  if (extraTerms) config.spam = { extraTerms };
  const kinds = strings(['junk', 'kinds'], 'junk.kinds');
  if (kinds) {
    const bad = findNodeAtLocation(root, ['junk', 'kinds'])?.children?.filter((n) => !(JUNK_KINDS as readonly unknown[]).includes(n.value)) ?? [];
    for (const node of bad) if (node.type === 'string') error(node, `junk.kinds: unknown kind "${String(node.value)}" (known: ${JUNK_KINDS.join(', ')})`);
    config.junk = { kinds: kinds.filter((k): k is JunkKind => (JUNK_KINDS as readonly string[]).includes(k)) };
  }
  const severity = findNodeAtLocation(root, ['junk', 'severity']);
  if (severity) {
    if (severity.type !== 'object') error(severity, 'junk.severity must map junk kinds to error, warning, information or hint');
    else {
      const bySeverity: Partial<Record<JunkKind, SeverityName>> = {};
      for (const property of severity.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!(JUNK_KINDS as readonly unknown[]).includes(key?.value)) error(key ?? property, `junk.severity: unknown kind "${String(key?.value)}" (known: ${JUNK_KINDS.join(', ')})`);
        else if (!(SEVERITIES as readonly unknown[]).includes(value?.value)) error(value ?? property, `junk.severity.${String(key.value)}: expected ${SEVERITIES.join(', ')}`);
        else bySeverity[key.value as JunkKind] = value.value as SeverityName;
      }
      config.junk = { ...config.junk, severity: bySeverity };
    }
  }
  const junk = findNodeAtLocation(root, ['junk']);
  if (junk && junk.type !== 'object') error(junk, 'junk must be an object with "kinds" and/or "severity"');
  const spam = findNodeAtLocation(root, ['spam']);
  if (spam && spam.type !== 'object') error(spam, 'spam must be an object with "extraTerms"');
  return problems.some((p) => p.severity === 'error') ? { problems } : { config, problems };
}

/** Line and column (both 1-based) of an offset, for messages such as `FILE:3:7`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The nearest `.newslens.json` in `directory` or a folder above it (the CLI's default), using `exists` to look. */
export function findTeamConfig(directory: string, exists: (file: string) => boolean): string | undefined {
  for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, TEAM_CONFIG_FILE);
    if (exists(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The engine options the file sets (the CLI's view: severities do not apply there). */
export function teamAnalyzeOptions(config: TeamConfig): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (config.userDictionary) options.userWords = config.userDictionary;
  if (config.ignore) options.ignoreLiterals = config.ignore;
  if (config.spam?.extraTerms) options.extraSpamTerms = config.spam.extraTerms;
  if (config.junk?.kinds) options.junkKinds = config.junk.kinds;
  return options;
}
