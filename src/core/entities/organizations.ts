// Organisations: the post-rule for media outlets named after a place (中国西藏网, 嘉兴日报): places the tagger finds, then a media suffix, are one ORG; so is a place the tagger ends with one.
//
// Regional outlets are rare in the training data (news of 1998 and Sina snippets), so the tagger
// reads 嘉兴 in 嘉兴日报 as a place. The suffixes are the media part of data/ner/lexicon.json.
import type { Candidate } from './candidates';
import { lexicon } from './lexicon';

const isHan = (code: number): boolean => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/** A one-character suffix (网) counts only where a word ends: not in 中国网民, 浙江网络. */
function endsWord(text: string, at: number): boolean {
  return at >= text.length || !isHan(text.charCodeAt(at)) || '讯报'.includes(text[at]);
}

/**
 * Merges a run of adjacent tagger places (and organisations) directly followed by a media suffix
 * into one organisation that includes the suffix. A place that already ends with a media suffix of two
 * characters or more (the tagger took 嘉兴日报 whole, as a place) is that organisation. `fromTagger` is sorted
 * by start; merged candidates replace their parts.
 */
export function mergeMediaOutlets(text: string, fromTagger: Candidate[]): Candidate[] {
  const suffixes = lexicon().mediaSuffixes;
  const out: Candidate[] = [];
  for (let k = 0; k < fromTagger.length; k++) {
    const first = fromTagger[k];
    if (first.type !== 'LOC' && first.type !== 'ORG') {
      out.push(first);
      continue;
    }
    if (first.type === 'LOC' && suffixes.some((s) => s.length > 1 && first.end - first.start > s.length && text.startsWith(s, first.end - s.length))) {
      out.push({ ...first, type: 'ORG' });
      continue;
    }
    // The run of places and organisations that touch each other.
    let last = k;
    while (last + 1 < fromTagger.length && fromTagger[last + 1].start === fromTagger[last].end && (fromTagger[last + 1].type === 'LOC' || fromTagger[last + 1].type === 'ORG')) last++;
    const end = fromTagger[last].end;
    const suffix = suffixes.find((s) => text.startsWith(s, end) && (s.length > 1 || endsWord(text, end + 1)));
    if (!suffix) {
      out.push(first);
      continue;
    }
    let confidence = 1;
    for (let j = k; j <= last; j++) confidence = Math.min(confidence, fromTagger[j].confidence);
    out.push({ start: first.start, end: end + suffix.length, type: 'ORG', tier: 1, confidence });
    k = last;
  }
  return out;
}
