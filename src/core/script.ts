// Traditional/Simplified character maps (from opencc-js's dictionaries) that keep offsets unchanged.
import TSCharacters from 'opencc-js/dict/TSCharacters';
import STCharacters from 'opencc-js/dict/STCharacters';
import type { DocumentScript } from './types';

let traditionalToSimplified: Map<string, string> | undefined;
let simplifiedToTraditional: Map<string, string> | undefined;

/** Parses an opencc dictionary "src dst1 dst2|…" into a first-candidate map of same-length pairs. */
function parseCharDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [source, target] = entry.split(' ');
    // Only same UTF-16 length pairs: then a converted string has the same offsets as its source.
    if (source && target && source !== target && source.length === target.length) map.set(source, target);
  }
  return map;
}

function tsMap(): Map<string, string> {
  return (traditionalToSimplified ??= parseCharDict(TSCharacters as unknown as string));
}
function stMap(): Map<string, string> {
  return (simplifiedToTraditional ??= parseCharDict(STCharacters as unknown as string));
}

/** A per-code-unit lookup table for BMP pairs: converting is then one pass over a Uint16Array. */
interface CharTable {
  units: Uint16Array;
  astral: Map<string, string>;
}
let tsTable: CharTable | undefined;
let stTable: CharTable | undefined;

function buildTable(map: Map<string, string>): CharTable {
  const units = new Uint16Array(65536);
  for (let i = 0; i < units.length; i++) units[i] = i;
  const astral = new Map<string, string>();
  for (const [source, target] of map) {
    if (source.length === 1) units[source.charCodeAt(0)] = target.charCodeAt(0);
    else astral.set(source, target);
  }
  return { units, astral };
}

// ignoreBOM keeps a leading U+FEFF in the output (offsets must not move).
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * Code units back to a string. The decoder is a near-copy but would turn lone surrogates into
 * U+FFFD, so text with any surrogate takes the slow path that keeps them as they are.
 */
function fromCodeUnits(codes: Uint16Array, hasSurrogates: boolean): string {
  if (!hasSurrogates) return utf16.decode(codes);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** The converted code units of a line or a word, reused from call to call (the engine converts every line, and the junk rules single words). */
const scratch = new Uint16Array(1 << 16);

function convertWithTable(text: string, table: CharTable): string {
  // A whole document gets its own buffer rather than a large one kept for good.
  const codes = text.length <= scratch.length ? scratch.subarray(0, text.length) : new Uint16Array(text.length);
  let changed = false;
  let hasSurrogates = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) hasSurrogates = true;
    const mapped = table.units[unit];
    codes[i] = mapped;
    if (mapped !== unit) changed = true;
  }
  if (table.astral.size > 0 && hasSurrogates) {
    for (let i = 0; i < text.length - 1; i++) {
      const mapped = table.astral.get(text.slice(i, i + 2));
      if (mapped !== undefined) {
        codes[i] = mapped.charCodeAt(0);
        codes[i + 1] = mapped.charCodeAt(1);
        changed = true;
      }
    }
  }
  return changed ? fromCodeUnits(codes, hasSurrogates) : text;
}

/** Converts Traditional characters to Simplified one character at a time; the result has identical UTF-16 offsets. */
export function toSimplified(text: string): string {
  return convertWithTable(text, (tsTable ??= buildTable(tsMap())));
}

/** Converts Simplified characters to (the first) Traditional form, keeping UTF-16 offsets. */
export function toTraditional(text: string): string {
  return convertWithTable(text, (stTable ??= buildTable(stMap())));
}

/** True for a character that only exists in Traditional writing (it has a different Simplified form). */
export function isTraditionalOnly(ch: string): boolean {
  return tsMap().has(ch) && !stMap().has(ch);
}

/** True for a character that only exists in Simplified writing (it has a different Traditional form). */
export function isSimplifiedOnly(ch: string): boolean {
  return stMap().has(ch) && !tsMap().has(ch);
}

export interface ScriptCounts {
  traditionalOnly: number;
  simplifiedOnly: number;
}

/** Per BMP code unit: 1 Traditional-only, 2 Simplified-only, 0 neither (astral characters are rare enough to skip). */
let scriptClasses: Uint8Array | undefined;

function scriptClassTable(): Uint8Array {
  if (scriptClasses) return scriptClasses;
  const table = new Uint8Array(65536);
  for (const ch of tsMap().keys()) if (ch.length === 1 && isTraditionalOnly(ch)) table[ch.charCodeAt(0)] = 1;
  for (const ch of stMap().keys()) if (ch.length === 1 && isSimplifiedOnly(ch)) table[ch.charCodeAt(0)] = 2;
  return (scriptClasses = table);
}

/** 1 for a Traditional-only BMP code unit, 2 for a Simplified-only one, else 0. */
export function scriptClassOf(code: number): number {
  return scriptClassTable()[code];
}

/** The Simplified form of each BMP code unit (itself when it has none). */
export function simplifiedUnits(): Uint16Array {
  return (tsTable ??= buildTable(tsMap())).units;
}

export function countScriptCharacters(text: string): ScriptCounts {
  const table = scriptClassTable();
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  for (let i = 0; i < text.length; i++) {
    const cls = table[text.charCodeAt(i)];
    if (cls === 1) traditionalOnly++;
    else if (cls === 2) simplifiedOnly++;
  }
  return { traditionalOnly, simplifiedOnly };
}

/** The dominant script judged from counts of characters that exist in only one of the two scripts. */
export function scriptFromCounts({ traditionalOnly, simplifiedOnly }: ScriptCounts): DocumentScript {
  if (traditionalOnly + simplifiedOnly < 3) return 'unknown';
  if (traditionalOnly >= 2 * simplifiedOnly) return 'traditional';
  if (simplifiedOnly >= 2 * traditionalOnly) return 'simplified';
  return 'unknown';
}

/** The dominant script of a text. */
export function detectScript(text: string): DocumentScript {
  return scriptFromCounts(countScriptCharacters(text));
}
