// An unseen site name's head of Latin letters or digits (wz777, vk8, 666) is no word the phrase scorer can know: such a full mold is scored on its mold, without the head's n-grams.
import { brandParts } from './brand-shape';
import { normalizeSpan, scoreNormalized, type SpanScore } from './spam-scorer';

/*
 * The scorer learned single letters and digit runs from the few phrases they occurred in: `w`, `z` and `77` weigh
 * against spam, so `wz777登录入口` scores 0.001 though its mold is that of `ab88注册`. A head of letters then digits
 * (js66, vk8) before site words, or of letters or digits before a site type (666真人开户), is judged by what follows
 * it: the n-grams wholly inside the head are left out, its seams to the type and site words and the shape features
 * stay. Han heads are words the scorer has read in news (腾讯体育官网, 中国福利彩票官网): they keep their full score.
 */
export function moldScore(text: string): SpanScore | undefined {
  const normalized = normalizeSpan(text);
  const parts = brandParts(normalized);
  if (!parts || parts.sites === 0 || parts.head.startsWith('H')) return undefined;
  if (parts.head !== 'LD' && parts.type === undefined) return undefined;
  return scoreNormalized(normalized, 3, parts.headText.length);
}
