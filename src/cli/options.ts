// Parses the CLI's arguments into a command and options, with one-line errors for bad usage.
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import { ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type EntityType, type JunkKind, type UserWord } from '../core/types';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export';
import { InputError } from './input';

export const USAGE = `Usage: news-lens <command> [options] [FILE…]

Commands:
  annotate   print junk, entities and figures of each document as JSON lines
  clean      strip junk; print the cleaned text, or rewrite files with --in-place
  export     write entity and figure annotations for annotation tools

Options:
  --input text|jsonl      read whole text files (default) or a JSONL corpus (one document per line)
  --text-field NAME       JSONL field holding the text (default: text)
  --kinds K1,K2           junk kinds to strip/report: ${JUNK_KINDS.join(',')}
  --in-place              clean: rewrite the files (atomically)
  --backup-suffix SUFFIX  clean --in-place: keep the original as FILE+SUFFIX
  --format FORMAT         export: ${EXPORT_FORMATS.join('|')}
  --out-dir DIR           export --format brat: where to write X.txt and X.ann
  --gold                  export: the annotators' gold from the standoff files (X.txt → X.ann,
                          corpus.jsonl → corpus.jsonl.gold) instead of the engine's suggestions;
                          documents without gold are skipped
  --with-accepted         export --gold: also the suggestions accepted unchanged
  --ann-dir DIR           export --gold: the standoff files are under DIR (folders mirrored from .)
  --dict FILE             user dictionary, one "word TYPE" per line (TYPE: ${ENTITY_TYPES.join('/')})
  --spam-terms FILE       extra spam terms, one per line (matched literally)
  -h, --help              show this help
  -v, --version           show the version

With no FILE, or with "-", the input is read from standard input.`;

export interface CliOptions {
  command: 'annotate' | 'clean' | 'export' | 'help' | 'version';
  files: string[];
  input: 'text' | 'jsonl';
  textField: string;
  kinds?: JunkKind[];
  inPlace: boolean;
  backupSuffix?: string;
  format?: ExportFormat;
  outDir?: string;
  /** export --gold: read gold from standoff files; `withAccepted` adds accepted suggestions; `annDir` where they are. */
  gold?: { withAccepted: boolean; annDir?: string };
  analyze: AnalyzeOptions;
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        input: { type: 'string' },
        'text-field': { type: 'string' },
        kinds: { type: 'string' },
        'in-place': { type: 'boolean' },
        'backup-suffix': { type: 'string' },
        format: { type: 'string' },
        'out-dir': { type: 'string' },
        dict: { type: 'string' },
        'spam-terms': { type: 'string' },
        gold: { type: 'boolean' },
        'with-accepted': { type: 'boolean' },
        'ann-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new InputError(`${(error as Error).message.split('\n')[0]} (see news-lens --help)`);
  }
  const { values, positionals } = parsed;
  if (values.version) return base('version');
  const [command, ...files] = positionals;
  if (values.help || command === undefined || command === 'help') return base('help');
  if (command !== 'annotate' && command !== 'clean' && command !== 'export') {
    throw new InputError(`unknown command "${command}" (expected annotate, clean or export; see news-lens --help)`);
  }
  const input = values.input ?? 'text';
  if (input !== 'text' && input !== 'jsonl') throw new InputError(`--input must be text or jsonl, not "${input}"`);
  const options: CliOptions = {
    ...base(command),
    files,
    input,
    textField: values['text-field'] ?? 'text',
    inPlace: values['in-place'] ?? false,
    backupSuffix: values['backup-suffix'],
    outDir: values['out-dir'],
  };
  if (values.kinds !== undefined) options.kinds = parseKinds(values.kinds);
  if (values.format !== undefined) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format)) {
      throw new InputError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`);
    }
    options.format = values.format as ExportFormat;
  }
  if (command === 'export' && !options.format) throw new InputError(`export needs --format (${EXPORT_FORMATS.join('|')})`);
  if (options.backupSuffix !== undefined && !options.inPlace) throw new InputError('--backup-suffix only makes sense with --in-place');
  if (options.inPlace && command !== 'clean') throw new InputError('--in-place only applies to clean');
  if (options.inPlace && (files.length === 0 || files.includes('-'))) throw new InputError('--in-place needs files, not standard input');
  if (options.inPlace && input === 'jsonl') throw new InputError('--in-place works on text files, not JSONL corpora');
  if (values.dict !== undefined) options.analyze.userWords = readUserDictionary(values.dict);
  if (values['spam-terms'] !== undefined) options.analyze.extraSpamTerms = readLines(values['spam-terms']);
  if (options.kinds) options.analyze.junkKinds = options.kinds;
  if (values.gold) {
    if (command !== 'export') throw new InputError('--gold only applies to export');
    if (files.length === 0 || files.includes('-')) throw new InputError('--gold reads the standoff files beside FILEs: give files, not standard input');
    options.gold = { withAccepted: values['with-accepted'] ?? false, annDir: values['ann-dir'] };
  } else if (values['with-accepted'] || values['ann-dir'] !== undefined) {
    throw new InputError('--with-accepted and --ann-dir only make sense with --gold');
  }
  return options;
}

function base(command: CliOptions['command']): CliOptions {
  return { command, files: [], input: 'text', textField: 'text', inPlace: false, analyze: {} };
}

function parseKinds(list: string): JunkKind[] {
  const kinds = list.split(',').map((k) => k.trim()).filter(Boolean);
  for (const kind of kinds) {
    if (!(JUNK_KINDS as readonly string[]).includes(kind)) {
      throw new InputError(`--kinds: unknown junk kind "${kind}" (known: ${JUNK_KINDS.join(', ')})`);
    }
  }
  return kinds as JunkKind[];
}

function readLines(file: string): string[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** Parses "word TYPE" lines; a bad line is an error that names the file and line. */
export function readUserDictionary(file: string): UserWord[] {
  return readLines(file).map((line, i) => {
    const match = /^(\S+)\s+(\S+)$/.exec(line);
    if (!match || !(ENTITY_TYPES as readonly string[]).includes(match[2])) {
      throw new InputError(`${file}: entry ${i + 1} "${line}" should be "word TYPE" with TYPE one of ${ENTITY_TYPES.join(', ')}`);
    }
    return { word: match[1], type: match[2] as EntityType };
  });
}
