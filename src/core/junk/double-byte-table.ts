// GBK and Big5 pair tables (two bytes → one character), built once from iconv-lite, so trying a suspect run costs lookups rather than decoder calls.
import type * as IconvLite from 'iconv-lite';

let iconvModule: typeof IconvLite | undefined;
/** iconv-lite, loaded on the first suspect run: its tables cost ~60 ms that clean text never pays. */
export function iconv(): typeof IconvLite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvModule ??= require('iconv-lite') as typeof IconvLite);
}

export type DoubleByteEncoding = 'gbk' | 'big5';

const FIRST_LEAD = 0x81;
const LAST_LEAD = 0xfe;
const FIRST_TRAIL = 0x40;
const LAST_TRAIL = 0xfe;
const TRAILS = LAST_TRAIL - FIRST_TRAIL + 1;
const PAIRS = (LAST_LEAD - FIRST_LEAD + 1) * TRAILS;

/** Index of a (lead, trail) pair in a table, or -1 when the bytes cannot form a double-byte character. */
export function pairIndex(lead: number, trail: number): number {
  if (lead < FIRST_LEAD || lead > LAST_LEAD || trail < FIRST_TRAIL || trail > LAST_TRAIL || trail === 0x7f) return -1;
  return (lead - FIRST_LEAD) * TRAILS + (trail - FIRST_TRAIL);
}

/** Every pair, each followed by a line feed: one decoder call gives the whole table (a line feed is never a trail byte). */
function allPairs(): Buffer {
  const bytes = Buffer.alloc(PAIRS * 3);
  let k = 0;
  for (let lead = FIRST_LEAD; lead <= LAST_LEAD; lead++) {
    for (let trail = FIRST_TRAIL; trail <= LAST_TRAIL; trail++) {
      bytes[k++] = lead;
      bytes[k++] = trail;
      bytes[k++] = 0x0a;
    }
  }
  return bytes;
}

/** Splits the decoding of allPairs() into one string per pair; undefined when a decoder did not keep the pairs apart. */
function perPair(decoded: string): string[] | undefined {
  const parts = decoded.split('\n');
  return parts.length === PAIRS + 1 ? parts : undefined;
}

function tableFrom(parts: (i: number) => string): Uint16Array {
  const table = new Uint16Array(PAIRS);
  for (let i = 0; i < PAIRS; i++) {
    const ch = parts(i);
    // Unassigned (U+FFFD), two characters (Big5-HKSCS Ê̄) or astral: no single BMP character, no repair through it.
    if (ch.length === 1 && ch !== '\ufffd') table[i] = ch.charCodeAt(0);
  }
  return table;
}

const tables = new Map<DoubleByteEncoding, Uint16Array>();
/** Pair index → the one BMP character iconv-lite decodes the pair to, 0 when it gives anything else. */
export function pairTable(encoding: DoubleByteEncoding): Uint16Array {
  let table = tables.get(encoding);
  if (table) return table;
  const parts = perPair(iconv().decode(allPairs(), encoding));
  table = parts
    ? tableFrom((i) => parts[i])
    : tableFrom((i) => iconv().decode(Buffer.from([FIRST_LEAD + Math.floor(i / TRAILS), FIRST_TRAIL + (i % TRAILS)]), encoding));
  tables.set(encoding, table);
  return table;
}

let decoderOnly: Map<string, number> | undefined;
/**
 * Characters the WHATWG GBK decoder (browsers, Node's TextDecoder) gives that iconv-lite's table cannot encode back:
 * the user-defined areas (private use) and a few symbols, with their pair. Built once from both decoders, on first need.
 */
export function decoderOnlyCharacters(): Map<string, number> {
  if (decoderOnly) return decoderOnly;
  decoderOnly = new Map();
  let decoded: string[] | undefined;
  try {
    decoded = perPair(new TextDecoder('gbk').decode(allPairs()));
  } catch {
    return decoderOnly;
  }
  if (!decoded) return decoderOnly;
  const ours = pairTable('gbk');
  for (let i = 0; i < PAIRS; i++) {
    const ch = decoded[i];
    if (ch.length !== 1 || ch === '\ufffd' || ch.charCodeAt(0) === ours[i]) continue;
    if (iconv().encode(ch, 'gbk')[0] === 0x3f) decoderOnly.set(ch, ((FIRST_LEAD + Math.floor(i / TRAILS)) << 8) | (FIRST_TRAIL + (i % TRAILS)));
  }
  return decoderOnly;
}
