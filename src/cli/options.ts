// Parses the CLI's arguments into a command and options, with one-line errors for bad usage.
import { parseArgs } from 'node:util';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findTeamConfig, lineAndColumn, parseTeamConfig, teamAnalyzeOptions } from '../core/team-config';
import { ENTITY_CONVENTIONS, ENTITY_TYPES, JUNK_KINDS, type AnalyzeOptions, type EntityConvention, type EntityType, type JunkKind, type UserWord } from '../core/types';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export';
import { InputError } from './input';
import { checkEncodingName } from './encoding';

export const USAGE = `Usage: news-lens <command> [options] [FILE…]

Commands:
  annotate   print junk, entities and figures of each document as JSON lines
  clean      strip junk; print the cleaned text, or rewrite files with --in-place
  export     write entity and figure annotations for annotation tools
  dedup      list exact and near-duplicate documents of JSONL corpora (or drop them)
  serve      run tasks ({"id", "argv"} JSON lines) from standard input: one long-lived process (Dask workers)

Options:
  --input text|jsonl      read whole text files (default) or a JSONL corpus (one document per line)
  --text-field NAME       JSONL field holding the text (default: text)
  --kinds K1,K2           junk kinds to strip/report: ${JUNK_KINDS.join(',')}
  --in-place              clean: rewrite the files (atomically)
  --backup-suffix SUFFIX  clean --in-place: keep the original as FILE+SUFFIX
  --format FORMAT         export: ${EXPORT_FORMATS.join('|')}
  --out-dir DIR           write one output shard per input (per --shard-records records of a JSONL file) with a
                          completion marker; a new run skips complete shards (export --format brat: X.txt, X.ann)
  --shard-records N       records per shard of a JSONL input with --out-dir (default 100000)
  --jobs N                worker threads (default: the number of cores); the output is the same for any N
  --stats FILE            write a JSON summary (documents, junk, spam terms, entities, figures, duplicates, time)
                          and print a short table on stderr
  --encoding NAME|auto    input encoding (default UTF-8, or UTF-16 by its BOM): gb18030, big5, utf-16le, …;
                          auto: the BOM, then a detector
  --threshold T           dedup: estimated Jaccard similarity from which a document is a near duplicate (0.8)
  --drop --out FILE       dedup: write the corpus without its duplicates to FILE
  --gold                  export: the annotators' gold from the standoff files (X.txt → X.ann,
                          corpus.jsonl → corpus.jsonl.gold) instead of the engine's suggestions;
                          documents without gold are skipped
  --with-accepted         export --gold: also the suggestions accepted unchanged
  --ann-dir DIR           export --gold: the standoff files are under DIR (folders mirrored from .)
  --dict FILE             user dictionary, one "word TYPE" per line (TYPE: ${ENTITY_TYPES.join('/')})
  --spam-terms FILE       extra spam terms, one per line (matched literally)
  --convention NAME       whose labelling of names to follow: ${ENTITY_CONVENTIONS.join('|')} (default auto:
                          per line, the training set whose text it most resembles)
  --config FILE           the team's settings (default: the nearest .newslens.json above the first
                          input, or the current folder); --dict, --spam-terms and --kinds win over it
  -h, --help              show this help
  -v, --version           show the version

With no FILE, or with "-", the input is read from standard input.`;

export const COMMANDS = ['annotate', 'clean', 'export', 'dedup', 'serve'] as const;

export interface CliOptions {
  command: (typeof COMMANDS)[number] | 'help' | 'version';
  files: string[];
  input: 'text' | 'jsonl';
  textField: string;
  kinds?: JunkKind[];
  inPlace: boolean;
  backupSuffix?: string;
  format?: ExportFormat;
  outDir?: string;
  shardRecords: number;
  jobs?: number;
  stats?: string;
  encoding?: string;
  threshold: number;
  drop: boolean;
  out?: string;
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
        'shard-records': { type: 'string' },
        jobs: { type: 'string' },
        stats: { type: 'string' },
        encoding: { type: 'string' },
        threshold: { type: 'string' },
        drop: { type: 'boolean' },
        out: { type: 'string' },
        config: { type: 'string' },
        gold: { type: 'boolean' },
        'with-accepted': { type: 'boolean' },
        'ann-dir': { type: 'string' },
        convention: { type: 'string' },
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
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new InputError(`unknown command "${command}" (expected ${COMMANDS.join(', ')}; see news-lens --help)`);
  }
  const input = values.input ?? 'text';
  if (input !== 'text' && input !== 'jsonl') throw new InputError(`--input must be text or jsonl, not "${input}"`);
  const options: CliOptions = {
    ...base(command as CliOptions['command']),
    files,
    input,
    textField: values['text-field'] ?? 'text',
    inPlace: values['in-place'] ?? false,
    backupSuffix: values['backup-suffix'],
    outDir: values['out-dir'],
    stats: values.stats,
    drop: values.drop ?? false,
    out: values.out,
  };
  if (values.jobs !== undefined) options.jobs = positiveInteger('--jobs', values.jobs);
  if (values['shard-records'] !== undefined) options.shardRecords = positiveInteger('--shard-records', values['shard-records']);
  if (values.encoding !== undefined) options.encoding = checkEncodingName(values.encoding);
  if (values.threshold !== undefined) {
    const t = Number(values.threshold);
    if (!(t > 0 && t <= 1)) throw new InputError(`--threshold must be a number in (0, 1], not "${values.threshold}"`);
    options.threshold = t;
  }
  if (command !== 'dedup' && (values.threshold !== undefined || options.drop || options.out !== undefined)) {
    throw new InputError('--threshold, --drop and --out apply to dedup');
  }
  if (command === 'dedup') {
    if (input !== 'jsonl') throw new InputError('dedup works on JSONL corpora: give --input jsonl');
    if (options.drop !== (options.out !== undefined)) throw new InputError('dedup: --drop and --out FILE go together');
    if (options.outDir !== undefined) throw new InputError('dedup writes no shards: use --drop --out FILE');
  }
  if (values['shard-records'] !== undefined && (options.outDir === undefined || input !== 'jsonl')) {
    throw new InputError('--shard-records needs --out-dir and --input jsonl');
  }
  if (options.outDir !== undefined && command === 'clean' && options.inPlace) throw new InputError('--out-dir and --in-place do not go together');
  if (command === 'serve' && (files.length > 0 || argv.length > 1)) throw new InputError('serve takes no files or options: each task carries its own argv');
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
  options.analyze = teamOptions(values.config, files);
  if (values.dict !== undefined) options.analyze.userWords = readUserDictionary(values.dict);
  if (values['spam-terms'] !== undefined) options.analyze.extraSpamTerms = readLines(values['spam-terms']);
  if (options.kinds) options.analyze.junkKinds = options.kinds;
  if (values.convention !== undefined) {
    if (!(ENTITY_CONVENTIONS as readonly string[]).includes(values.convention)) {
      throw new InputError(`--convention must be one of ${ENTITY_CONVENTIONS.join(', ')}, not "${values.convention}"`);
    }
    options.analyze.entityConvention = values.convention as EntityConvention;
  }
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
  return { command, files: [], input: 'text', textField: 'text', inPlace: false, shardRecords: 100000, threshold: 0.8, drop: false, analyze: {} };
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${flag} must be a positive integer, not "${value}"`);
  return n;
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

/** The engine options of the team's .newslens.json (--config FILE, or found by walking up from the first input); a broken file is an error. */
function teamOptions(file: string | undefined, inputs: string[]): AnalyzeOptions {
  const first = inputs.find((input) => input !== '-');
  const found = file ?? findTeamConfig(first ? path.dirname(path.resolve(first)) : process.cwd(), (candidate) => fs.existsSync(candidate));
  if (!found) return {};
  let text: string;
  try {
    text = fs.readFileSync(found, 'utf8');
  } catch (error) {
    throw new InputError(`${found}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const { config, problems } = parseTeamConfig(text);
  const where = (offset: number) => {
    const { line, column } = lineAndColumn(text, offset);
    return `${found}:${line}:${column}`;
  };
  for (const p of problems.filter((p) => p.severity === 'warning')) process.stderr.write(`news-lens: warning: ${where(p.start)}: ${p.message}\n`);
  if (!config) throw new InputError(problems.filter((p) => p.severity === 'error').map((p) => `${where(p.start)}: ${p.message}`).join('\n'));
  return teamAnalyzeOptions(config);
}
