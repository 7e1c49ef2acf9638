// Real news text for training (lexicon filter, scorer negatives, fluency LM): 新闻联播 transcripts up to a cut-off date, and THUCNews/Sina articles.
import { listSource, provenance, readSource } from './sources';

/**
 * Transcripts dated up to this day train; CCTV pages of the dev set are taken from 2025 on, so no dev page repeats
 * a training sentence.
 */
export const TRANSCRIPT_CUTOFF = '20241231';

export interface NewsText {
  lines: string[];
  provenance: string[];
  chars: number;
}

let cached: NewsText | undefined;

/** Sentences/paragraphs of real news, one per entry, Simplified. */
export function newsText(): NewsText {
  if (cached) return cached;
  const lines: string[] = [];
  const files = listSource('xwlb', 'news').filter((f) => /\/\d{8}\.md$/.test(f) && f.slice(-11, -3) <= TRANSCRIPT_CUTOFF);
  for (const file of files) {
    for (const raw of readSource('xwlb', file).split('\n')) {
      const line = raw.replace(/^#+\s*/, '').replace(/^\d+\./, '').trim();
      if (line.length >= 6 && /[\u4e00-\u9fff]/.test(line)) lines.push(line);
    }
  }
  for (const raw of readSource('cnews', 'data/cnews/cnews.val.txt').split('\n')) {
    const tab = raw.indexOf('\t');
    const body = raw.slice(tab + 1).trim();
    // Articles are one line; split them into sentences so that line-level statistics stay line-like.
    for (const sentence of body.split(/(?<=[。！？])/)) if (sentence.trim().length >= 6) lines.push(sentence.trim());
  }
  const chars = lines.reduce((sum, l) => sum + l.length, 0);
  cached = {
    lines,
    chars,
    provenance: [
      `${provenance('xwlb', 'news/*.md')} (${files.length} transcripts ${files[0]?.slice(5, 13)}…${TRANSCRIPT_CUTOFF})`,
      provenance('cnews', 'data/cnews/cnews.val.txt'),
    ],
  };
  return cached;
}
