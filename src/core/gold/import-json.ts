// Importers for JSON annotation exports: doccano / Prodigy JSONL and Label Studio JSON (tasks or JSON-MIN), offsets in code points.
import { checkSpan, codePointLength, GoldFormatError, normalizeLabel, type ImportedDocument, type ImportedSpan } from './imported';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Spans of one doccano/Prodigy record, whichever of their shapes it uses. */
function doccanoSpans(record: Json, where: string): ImportedSpan[] {
  const spans: ImportedSpan[] = [];
  // doccano ≤1.5 "labels" and ≥1.6 "label": [[start, end, label]]; doccano 1.x "entities": [{start_offset, end_offset, label}];
  // Prodigy "spans": [{start, end, label}].
  for (const key of ['labels', 'label', 'entities', 'spans']) {
    const list = record[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (Array.isArray(item) && item.length >= 3 && typeof item[2] === 'string') spans.push({ start: Number(item[0]), end: Number(item[1]), label: item[2] });
      else if (isObject(item) && typeof item.label === 'string') {
        const start = item.start_offset ?? item.start;
        const end = item.end_offset ?? item.end;
        spans.push({ start: Number(start), end: Number(end), label: item.label });
      } else if (typeof item === 'string') {
        continue; // document-level classification labels: not spans
      } else {
        throw new GoldFormatError(`${where}: "${key}" holds ${JSON.stringify(item).slice(0, 60)}, not [start, end, label]`);
      }
    }
  }
  return spans;
}

/** doccano JSONL (also Prodigy's): one {"text", "labels"|"label"|"entities"|"spans"} object per line. */
export function importDoccano(content: string, source: string): ImportedDocument[] {
  const documents: ImportedDocument[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      throw new GoldFormatError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    if (!isObject(record)) throw new GoldFormatError(`${where}: expected a JSON object`);
    const text = typeof record.text === 'string' ? record.text : typeof record.data === 'string' ? record.data : undefined;
    if (text === undefined) throw new GoldFormatError(`${where}: no "text" field`);
    const length = codePointLength(text);
    const spans = doccanoSpans(record, where).map((s) => checkSpan({ ...s, label: normalizeLabel(s.label) }, length, where));
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : undefined;
    documents.push({ id, text, spans, source: where });
  });
  if (documents.length === 0) throw new GoldFormatError(`${source}: no records`);
  return documents;
}

/** The text of a Label Studio task: data.text, else the only (or first) string in data. */
function taskText(data: Json, where: string): string {
  if (typeof data.text === 'string') return data.text;
  const strings = Object.values(data).filter((v): v is string => typeof v === 'string');
  if (strings.length === 0) throw new GoldFormatError(`${where}: the task's data holds no text`);
  return strings[0];
}

function labelStudioSpan(value: unknown, where: string): ImportedSpan | undefined {
  if (!isObject(value)) return undefined;
  const labels = value.labels ?? value.hypertextlabels;
  if (!Array.isArray(labels) || typeof labels[0] !== 'string') return undefined;
  if (labels.length > 1) throw new GoldFormatError(`${where}: a span with several labels (${labels.join(', ')}) has no single type`);
  return { start: Number(value.start), end: Number(value.end), label: labels[0] };
}

/**
 * Label Studio JSON export: an array of tasks {data, annotations: [{result: [{type: "labels", value: {start, end,
 * labels}}]}]} — the first annotation not cancelled is the gold (predictions are not) — or the JSON-MIN export
 * [{text, label: [{start, end, labels}]}].
 */
export function importLabelStudio(content: string, source: string): ImportedDocument[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    throw new GoldFormatError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  const tasks = Array.isArray(parsed) ? parsed : [parsed];
  return tasks.map((task, i) => {
    const where = `${source}#${i + 1}`;
    if (!isObject(task)) throw new GoldFormatError(`${where}: expected a task object`);
    const id = typeof task.id === 'string' || typeof task.id === 'number' ? String(task.id) : undefined;
    let text: string;
    let values: unknown[];
    if (isObject(task.data)) {
      text = taskText(task.data, where);
      const annotations = (Array.isArray(task.annotations) ? task.annotations : Array.isArray(task.completions) ? task.completions : []) as unknown[];
      const chosen = annotations.find((a) => isObject(a) && !a.was_cancelled) as Json | undefined;
      values = Array.isArray(chosen?.result) ? (chosen!.result as unknown[]).map((r) => (isObject(r) && (r.type === undefined || r.type === 'labels' || r.type === 'hypertextlabels') ? r.value : undefined)) : [];
    } else if (typeof task.text === 'string') {
      text = task.text;
      values = Array.isArray(task.label) ? task.label : [];
    } else {
      throw new GoldFormatError(`${where}: neither a Label Studio task ({data, annotations}) nor a JSON-MIN row ({text, label})`);
    }
    const length = codePointLength(text);
    const spans = values
      .map((v) => labelStudioSpan(v, where))
      .filter((s): s is ImportedSpan => !!s)
      .map((s) => checkSpan({ ...s, label: normalizeLabel(s.label) }, length, where));
    return { id, text, spans, source: where };
  });
}
