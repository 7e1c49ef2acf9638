// News Lens settings as the server reads them, their defaults, and their translation into engine options.
import { ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type EntityType, type JunkKind, type UserWord } from '../core/types';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface NewsLensSettings {
  enable: boolean;
  junkKinds: JunkKind[];
  severity: Record<JunkKind, SeverityName>;
  entityTypes: EntityType[];
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
  entities?: { types?: unknown };
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
      if (typeof e?.word === 'string' && e.word.trim() && (ENTITY_TYPES as readonly string[]).includes(String(e.type))) {
        settings.userDictionary.push({ word: e.word.trim(), type: e.type as EntityType });
      } else problems.push(`newsLens.userDictionary: ignored entry ${JSON.stringify(entry)} (needs "word" and "type": ${ENTITY_TYPES.join('/')})`);
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
    if (typeof item === 'string' && item.trim() !== '') strings.push(item);
    else problems.push(`${name}: ignored ${JSON.stringify(item)} (expected a non-empty string)`);
  }
  return strings;
}

export function toAnalyzeOptions(settings: NewsLensSettings, cheapOnly: boolean): AnalyzeOptions {
  return {
    junkKinds: settings.junkKinds,
    entityTypes: settings.entityTypes,
    figures: settings.figures,
    userWords: settings.userDictionary,
    extraSpamTerms: settings.extraSpamTerms,
    ignoreLiterals: settings.ignore,
    cheapOnly,
  };
}
