// Gathers the documents a CLI command works on: text files, JSONL corpora, or standard input.
import { InputError, parseJsonl, readStdin, readTextFile, validateText } from './input';

export interface InputDocument {
  /** File name, or "<stdin>". */
  source: string;
  /** 1-based line in a JSONL corpus; absent for whole files. */
  line?: number;
  /** The original JSONL record, for passing its other fields through. */
  record?: Record<string, unknown>;
  text: string;
}

export interface InputSpec {
  files: string[];
  input: 'text' | 'jsonl';
  textField: string;
}

/** Reads and validates every input before any output is written, so a bad file never leaves half an output. */
export async function readDocuments(spec: InputSpec): Promise<InputDocument[]> {
  const sources = spec.files.length > 0 ? spec.files : ['-'];
  if (spec.files.length === 0 && process.stdin.isTTY) {
    throw new InputError('no input files given (pass FILE… or pipe text into standard input)');
  }
  const documents: InputDocument[] = [];
  for (const file of sources) {
    const isStdin = file === '-';
    const name = isStdin ? '<stdin>' : file;
    const text = isStdin ? validateText(await readStdin(), name) : readTextFile(file);
    if (spec.input === 'jsonl') {
      for (const entry of parseJsonl(text, name, spec.textField)) {
        documents.push({ source: name, line: entry.line, record: entry.record, text: entry.text });
      }
    } else {
      documents.push({ source: name, text });
    }
  }
  return documents;
}
