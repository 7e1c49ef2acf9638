// Metadata lines (publish time, source, author): annotated as kind 'metadata', never removed.
import type { Annotation } from '../types';
import { toSimplified, toTraditional } from '../script';
import { alternation, stripGlossLike, withoutGlosses } from './common';

type MetadataLabel = 'PUBLISHED' | 'SOURCE' | 'AUTHOR' | 'METADATA';

function bothScripts(words: readonly string[], extra: readonly string[] = []): string[] {
  return [...new Set([...words, ...words.map(toTraditional), ...extra])];
}

const KEYS: Record<MetadataLabel, string[]> = {
  PUBLISHED: bothScripts(['发布时间', '发表时间', '发布日期', '发稿时间', '更新时间', '时间', '日期'], ['發佈時間', '發佈日期']),
  SOURCE: bothScripts(['来源', '稿源', '出处', '文章来源', '新闻来源', '消息来源']),
  AUTHOR: bothScripts(['作者', '记者', '通讯员', '撰文', '撰稿']),
  METADATA: bothScripts(['责任编辑', '责编', '编辑', '浏览次数', '浏览量', '阅读量', '阅读次数', '点击数', '点击量', '点击', '字号', '摄影']),
};

/** Simplified key → label, for classifying a matched key. */
const LABEL_OF = new Map<string, MetadataLabel>();
for (const [label, words] of Object.entries(KEYS) as [MetadataLabel, string[]][]) {
  for (const word of words) LABEL_OF.set(toSimplified(word), label);
}

// These run on the line without its pinyin glosses (withoutGlosses), so keys are plain words.
const ALL_KEYS = alternation(Object.values(KEYS).flat());
const LEADING_KEYS = alternation([...KEYS.PUBLISHED, ...KEYS.SOURCE, ...KEYS.AUTHOR]);
const FIELD = new RegExp(`(${ALL_KEYS})\\s*[:：]`, 'g');
const DATE = '\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?(?:\\s*\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?';
/** A line that starts with a metadata key and its colon. */
const STARTS_WITH_KEY = new RegExp(`^\\s*(?:${LEADING_KEYS})\\s*[:：]`);
/** A line that starts with a date (and time) followed by a metadata field, or holds only a date-time. */
const STARTS_WITH_DATE = new RegExp(`^\\s*(${DATE})\\s*(?=(?:${ALL_KEYS})\\s*[:：]|$)`);
const HAS_DIGIT = /\d/;
const STARTS_WITH_DIGIT = /^\s*\d/;
const SENTENCE = /[。！？!?]/;
const MAX_VALUE = 40;

const REASONS: Record<MetadataLabel, string> = {
  PUBLISHED: 'Publication time of the article',
  SOURCE: 'Source of the article',
  AUTHOR: 'Author or reporter of the article',
  METADATA: 'Article metadata',
};

function annotation(line: string, label: MetadataLabel, start: number, end: number, value: string): Annotation {
  const text = line.slice(start, end);
  return { kind: 'metadata', label, start, end, text, reason: `${REASONS[label]}: ${value}`, confidence: 0.9 };
}

export function detectMetadata(line: string): Annotation[] {
  if (line.length > 300) return [];
  // Every metadata line has a key with its colon, or starts with a date: most lines have neither.
  if (line.indexOf(':') < 0 && line.indexOf('：') < 0 && !STARTS_WITH_DIGIT.test(line)) return [];
  // Keys and dates are found on the line without glosses; offsets and values come from the line itself.
  const view = withoutGlosses(line);
  const keyed = STARTS_WITH_KEY.test(view.text);
  const dated = keyed ? undefined : STARTS_WITH_DATE.exec(view.text);
  if (!keyed && !dated) return [];

  const found: Annotation[] = [];
  if (dated) {
    const at = dated.index + dated[0].indexOf(dated[1]);
    const start = view.start(at);
    found.push(annotation(line, 'PUBLISHED', start, view.end(at + dated[1].length), dated[1]));
  }
  const fields: { start: number; keyEnd: number; label: MetadataLabel }[] = [];
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(view.text); m; m = FIELD.exec(view.text)) {
    const label = LABEL_OF.get(toSimplified(stripGlossLike(m[1]))) ?? 'METADATA';
    fields.push({ start: view.start(m.index), keyEnd: view.end(m.index + m[0].length), label });
  }
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f];
    const limit = f + 1 < fields.length ? fields[f + 1].start : line.length;
    const rawValue = line.slice(field.keyEnd, limit);
    const value = rawValue.trim();
    if (value === '' || [...value].length > MAX_VALUE || SENTENCE.test(value)) {
      // A long or sentence-like value: this is prose (an interview's 記者: question), not a metadata line.
      if (f === 0 && !dated) return [];
      continue;
    }
    if (field.label === 'PUBLISHED' && !HAS_DIGIT.test(value)) continue;
    const end = field.keyEnd + rawValue.length - (rawValue.length - rawValue.trimEnd().length);
    found.push(annotation(line, field.label, field.start, end, value));
  }
  return found;
}
