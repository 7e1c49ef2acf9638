// Builds a crawled-style JSONL corpus deterministically: scraped articles with junk, both scripts, repeated and edited copies.
import { toSimplified } from '../src/core/script';
import { buildDocument, sampleText } from './inputs';
import { seededRandom as rng } from '../src/shared/seeded-random';

/**
 * Records of at least `mb` MB in total, split into `parts` JSONL texts of about equal size: {"id", "url", "text"} with
 * one scraped article each (markup, pinyin glosses, SEO spam lines, boilerplate), a third in Simplified, and about
 * 8% exact copies and 8% edited copies of earlier articles, as crawls of mirror sites have.
 */
export function buildCorpus(mb: number, seed: number, parts = 1): string[] {
  const random = rng(seed);
  const firstLine = sampleText().split(/\r?\n/)[0];
  const articles: string[] = [];
  let current: string[] = [];
  for (const line of buildDocument(mb, seed).split('\n')) {
    if (line === firstLine && current.length) {
      articles.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.length) articles.push(current.join('\n'));
  const records: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < articles.length; i++) {
    let text = random() < 0.33 ? toSimplified(articles[i]) : articles[i];
    const roll = random();
    if (roll < 0.08 && kept.length) text = kept[Math.floor(random() * kept.length)];
    else if (roll < 0.16 && kept.length) {
      const source = kept[Math.floor(random() * kept.length)];
      const lines = source.split('\n');
      lines.splice(Math.floor(random() * lines.length), 1);
      text = lines.join('\n') + '\n(來源：鏡像站)';
    }
    kept.push(text);
    records.push(JSON.stringify({ id: `doc-${String(i).padStart(6, '0')}`, url: `https://mirror${i % 17}.example/${(i * 7919) % 100000}.html`, text }));
  }
  const out: string[] = Array.from({ length: parts }, () => '');
  const per = Math.ceil(records.length / parts);
  for (let p = 0; p < parts; p++) out[p] = records.slice(p * per, (p + 1) * per).map((r) => r + '\n').join('');
  return out;
}
