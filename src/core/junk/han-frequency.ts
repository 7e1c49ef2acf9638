// How plausible a string is as Chinese: the information its characters carry (data/char-frequency.json), for telling mojibake from text.
import table from '../../../data/char-frequency.json';

/** -log2 P(character) of each BMP Han character, rounded (data/char-frequency.json); 0 for the ones the table lacks. */
const COST = new Uint8Array(0x10000);
for (const [cost, characters] of Object.entries(table.costs as Record<string, string>)) {
  for (let i = 0; i < characters.length; i++) COST[characters.charCodeAt(i)] = Number(cost);
}

/** Cost of a Han character the table lacks, or of a symbol that mojibake is made of. */
export const RARE_COST = 24;
/** From this cost on a Han character is rare: 9–13 is everyday text, mojibake is made of 15–21. */
export const RARE_FROM = 15;

export function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** True for a BMP Han character that is not rare. */
export function isCommonHan(code: number): boolean {
  const cost = COST[code];
  return cost !== 0 && cost < RARE_FROM;
}

/**
 * Characters a wrong GBK or Big5 decoding produces besides Han: the symbol rows (Greek, Cyrillic, kana, bopomofo,
 * box drawing, pinyin letters, the Euro sign), user-defined areas (private use) and U+FFFD for a byte it could not place.
 */
export function isMojibakeSymbol(code: number): boolean {
  return (
    (code >= 0x0391 && code <= 0x0451) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3100 && code <= 0x312f) ||
    (code >= 0x2460 && code <= 0x25ff) ||
    (code >= 0xe000 && code <= 0xf8ff) ||
    code === 0x20ac ||
    code === 0xfffd ||
    (code >= 0x00a4 && code <= 0x01dc)
  );
}

/** What a string costs as Chinese: summed cost and how many characters were counted (Han and mojibake symbols). */
export interface HanCost {
  sum: number;
  counted: number;
  /** Han characters outside the ranked ones, plus mojibake symbols. */
  rare: number;
}

/**
 * Sums -log2 P over Han characters (one the table lacks, and any mojibake symbol, costs RARE_COST).
 * ASCII, punctuation and emoji are not counted: they read the same either way; nor, with `latinIsText` (judging a
 * repair, not a suspect), accented Latin letters (Chloé).
 */
export function hanCost(text: string, latinIsText = false): HanCost {
  let sum = 0;
  let counted = 0;
  let rare = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (isHan(code)) {
      counted++;
      const cost = COST[code] || RARE_COST;
      if (cost >= RARE_FROM) rare++;
      sum += cost;
    } else if (code >= 0xd840 && code <= 0xd8bf) {
      // Astral Han (Extensions B–H): real but rare.
      counted++;
      rare++;
      sum += RARE_COST;
      i++;
    } else if (isMojibakeSymbol(code) && !(latinIsText && code >= 0xc0 && code <= 0x24f)) {
      counted++;
      rare++;
      sum += RARE_COST;
    }
  }
  return { sum, counted, rare };
}

/**
 * Costs of punctuation, for choosing among the characters a lost byte could complete: 。 and ， are among the most
 * frequent characters of Chinese text, an ideographic space or a full-width letter is not. Rough -log2 P, in the
 * scale of the table. Punctuation does not count towards `hanCost`: it reads the same either way.
 */
const PUNCTUATION_COST = new Map<number, number>(
  Object.entries({ '，': 5, '。': 5.5, '、': 7, '“': 8, '”': 8, '：': 8.5, '（': 9, '）': 9, '《': 9, '》': 9, '；': 10, '？': 10, '！': 10, '—': 11, '…': 11, '·': 11, '「': 12, '」': 12, '『': 12, '』': 12 })
    .map(([ch, cost]) => [ch.charCodeAt(0), cost]),
);

/** Cost of one character for choosing between candidates: Han by the table, punctuation by the list above, ASCII free. */
export function characterCost(code: number): number {
  if (code < 0x80) return 0;
  if (isHan(code)) return COST[code] || RARE_COST;
  return PUNCTUATION_COST.get(code) ?? RARE_COST;
}

/** Classes of BMP characters for scanning a line for UTF-8-read-as-GBK runs (see RUN_CLASS). */
export const OUTSIDE_RUN = 0;
export const IN_RUN = 1;
export const COMMON_IN_RUN = 2;
export const RARE_IN_RUN = 3;
export const RARE_HAN_IN_RUN = 4;

/**
 * Per BMP code unit: OUTSIDE_RUN for ASCII, spaces, surrogates and controls; otherwise a character a GBK/Big5
 * decoder can produce, counted as common Han, rare (rare Han or a mojibake symbol) or not counted. One table
 * lookup per character keeps the scan of every Chinese line cheap.
 */
export const RUN_CLASS = new Uint8Array(0x10000);
for (let code = 0xa1; code < 0x10000; code++) {
  if (code === 0x3000 || (code >= 0x2000 && code <= 0x200f) || code === 0xfeff || (code >= 0xd800 && code <= 0xdfff)) continue;
  if (isHan(code)) RUN_CLASS[code] = COST[code] !== 0 && COST[code] < RARE_FROM ? COMMON_IN_RUN : RARE_HAN_IN_RUN;
  else if (isMojibakeSymbol(code) && !(code >= 0x00c0 && code <= 0x024f && code !== 0xd7 && code !== 0xf7)) RUN_CLASS[code] = RARE_IN_RUN;
  else RUN_CLASS[code] = IN_RUN;
}

/** Mean cost per counted character, RARE_COST when nothing was counted. */
export function meanCost(cost: HanCost): number {
  return cost.counted === 0 ? RARE_COST : cost.sum / cost.counted;
}
