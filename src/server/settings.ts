// News Lens settings as the server reads them, their defaults, and their translation into engine options.
import { ENTITY_CONVENTIONS, ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type EntityConvention, type EntityType, type JunkKind, type UserWord } from '../core/types';
import { termProblem } from '../core/user-terms';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface NewsLensSettings {
  enable: boolean;
  junkKinds: JunkKind[];
  severity: Record<JunkKind, SeverityName>;
  entityTypes: EntityType[];
  /** Entities the tagger is less sure of than this (0..1) are hidden. */
  entityMinConfidence: number;
  /** Whose labelling the tagger follows (AnalyzeOptions.entityConvention). */
  entityConvention: EntityConvention;
  figures: boolean;
  userDictionary: UserWord[];
  extraSpamTerms: string[];
  ignore: string[];
  /** Above this size (KiB) only cheap detectors run. */
  maxDocumentSizeKB: number;
  debounceMs: number;
  /** JSONL records: the field holding the text (the default tries text, content, raw_content). */
  jsonlTextField: string;
  /** Workspace scan: files larger than this (KiB) are skipped. */
  scanMaxSizeKB: number;
}

export const DEFAULT_SEVERITY: Record<JunkKind, SeverityName> = {
  spam: 'warning',
  markup: 'warning',
  'pinyin-gloss': 'warning',
  boilerplate: 'information',
  encoding: 'warning',
  duplicate: 'information',
};

export const DEFAULT_SETTINGS: NewsLensSettings = {
  enable: true,
  junkKinds: [...JUNK_KINDS],
  severity: DEFAULT_SEVERITY,
  entityTypes: [...ENTITY_TYPES],
  entityMinConfidence: 0,
  entityConvention: 'auto',
  figures: true,
  userDictionary: [],
  extraSpamTerms: [],
  ignore: [],
  maxDocumentSizeKB: 2048,
  debounceMs: 250,
  jsonlTextField: 'text',
  scanMaxSizeKB: 16384,
};

/** Raw configuration as VS Code returns it for the `newsLens` section. */
export interface RawSettings {
  enable?: unknown;
  junk?: { kinds?: unknown; severity?: unknown };
  entities?: { types?: unknown; minConfidence?: unknown; convention?: unknown };
  figures?: { enable?: unknown };
  userDictionary?: unknown;
  spam?: { extraTerms?: unknown };
  ignore?: unknown;
  maxDocumentSizeKB?: unknown;
  debounceMs?: unknown;
  jsonl?: { textField?: unknown };
  scan?: { maxSizeKB?: unknown };
}

export interface SettingsResult {
  settings: NewsLensSettings;
  /** Problems found in the raw settings, each naming the setting. */
  problems: string[];
}

/** Validates raw settings; a bad value falls back to its default and is reported by setting name. */
export function readSettings(raw: RawSettings | undefined | null): SettingsResult {
  const problems: string[] = [];
  const r = raw ?? {};
  const settings: NewsLensSettings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SEVERITY } };
  if (typeof r.enable === 'boolean') settings.enable = r.enable;
  settings.junkKinds = pickList(r.junk?.kinds, JUNK_KINDS, 'newsLens.junk.kinds', problems) ?? settings.junkKinds;
  settings.entityTypes = pickList(r.entities?.types, ENTITY_TYPES, 'newsLens.entities.types', problems) ?? settings.entityTypes;
  const minConfidence = r.entities?.minConfidence;
  if (typeof minConfidence === 'number' && minConfidence >= 0 && minConfidence <= 1) settings.entityMinConfidence = minConfidence;
  else if (minConfidence !== undefined) problems.push(`newsLens.entities.minConfidence: ${JSON.stringify(minConfidence)} is not a number from 0 to 1`);
  const convention = r.entities?.convention;
  if ((ENTITY_CONVENTIONS as readonly unknown[]).includes(convention)) settings.entityConvention = convention as EntityConvention;
  else if (convention !== undefined) problems.push(`newsLens.entities.convention: ${JSON.stringify(convention)} is not one of ${ENTITY_CONVENTIONS.join(', ')}`);
  if (typeof r.figures?.enable === 'boolean') settings.figures = r.figures.enable;
  if (r.junk?.severity && typeof r.junk.severity === 'object') {
    for (const [kind, value] of Object.entries(r.junk.severity as Record<string, unknown>)) {
      if (!(JUNK_KINDS as readonly string[]).includes(kind)) problems.push(`newsLens.junk.severity: unknown junk kind "${kind}"`);
      else if (value === 'error' || value === 'warning' || value === 'information' || value === 'hint') settings.severity[kind as JunkKind] = value;
      else problems.push(`newsLens.junk.severity.${kind}: "${String(value)}" is not error, warning, information or hint`);
    }
  }
  if (Array.isArray(r.userDictionary)) {
    for (const entry of r.userDictionary) {
      const e = entry as { word?: unknown; type?: unknown };
      const problem = typeof e?.word === 'string' ? termProblem(e.word) : 'it has no "word"';
      if (problem) problems.push(`newsLens.userDictionary: ignored entry ${JSON.stringify(entry)}: ${problem}`);
      else if (!(ENTITY_TYPES as readonly string[]).includes(String(e.type))) {
        problems.push(`newsLens.userDictionary: ignored entry ${JSON.stringify(entry)} (needs "type": ${ENTITY_TYPES.join('/')})`);
      } else settings.userDictionary.push({ word: (e.word as string).trim(), type: e.type as EntityType });
    }
  }
  settings.extraSpamTerms = pickStrings(r.spam?.extraTerms, 'newsLens.spam.extraTerms', problems);
  settings.ignore = pickStrings(r.ignore, 'newsLens.ignore', problems);
  if (typeof r.maxDocumentSizeKB === 'number' && r.maxDocumentSizeKB > 0) settings.maxDocumentSizeKB = r.maxDocumentSizeKB;
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0) settings.debounceMs = r.debounceMs;
  if (typeof r.jsonl?.textField === 'string' && r.jsonl.textField.trim()) settings.jsonlTextField = r.jsonl.textField.trim();
  if (typeof r.scan?.maxSizeKB === 'number' && r.scan.maxSizeKB > 0) settings.scanMaxSizeKB = r.scan.maxSizeKB;
  return { settings, problems };
}

function pickList<T extends string>(value: unknown, allowed: readonly T[], name: string, problems: string[]): T[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`${name}: expected a list`);
    return undefined;
  }
  const picked: T[] = [];
  for (const item of value) {
    if ((allowed as readonly unknown[]).includes(item)) picked.push(item as T);
    else problems.push(`${name}: unknown value "${String(item)}" (known: ${allowed.join(', ')})`);
  }
  return picked;
}

/** Lists of literal strings (spam terms, ignore entries): never compiled as regular expressions. */
function pickStrings(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`${name}: expected a list of strings`);
    return [];
  }
  const strings: string[] = [];
  for (const item of value) {
    const problem = typeof item === 'string' ? termProblem(item) : 'expected a string';
    if (problem) problems.push(`${name}: ignored ${JSON.stringify(item)}: ${problem}`);
    else strings.push(item as string);
  }
  return strings;
}

export function toAnalyzeOptions(settings: NewsLensSettings, cheapOnly: boolean): AnalyzeOptions {
  return {
    junkKinds: settings.junkKinds,
    entityTypes: settings.entityTypes,
    minEntityConfidence: settings.entityMinConfidence,
    entityConvention: settings.entityConvention,
    figures: settings.figures,
    userWords: settings.userDictionary,
    extraSpamTerms: settings.extraSpamTerms,
    ignoreLiterals: settings.ignore,
    cheapOnly,
  };
}
