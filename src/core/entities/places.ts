// Places: the post-rule that reports a place the tagger finds as a facility (FAC) when it ends with a facility suffix (嘉兴机场, 京沪高铁).
//
// The training data has no facility type (MSRA and CLUENER label airports, bridges and parks as
// places), so FAC is a refinement of LOC: only suffixes of two or more characters count (香港 is no
// harbour), and the span must be longer than its suffix.
import type { Candidate } from './candidates';
import { lexicon } from './lexicon';

export function refineFacility(text: string, candidate: Candidate): void {
  if (candidate.type !== 'LOC') return;
  for (const suffix of lexicon().facilitySuffixes) {
    if (suffix.length < 2) break;
    if (candidate.end - candidate.start > suffix.length && text.startsWith(suffix, candidate.end - suffix.length)) {
      candidate.type = 'FAC';
      return;
    }
  }
}
