// Mojibake repair: text decoded with the wrong table (UTF-8 read as Windows-1252/Latin-1 or as GBK/Big5, GBK/Big5 read as Latin-1), decoded back; the detectors live in mojibake-latin/-cp1252/-cjk.

/** A stretch of a line read in the wrong encoding, and what it said. */
export interface MojibakeRepair {
  start: number;
  end: number;
  repaired: string;
  /** How it was misread, for a person: "UTF-8 read as GBK". */
  misreading: string;
}

export { findCjkMojibake } from './mojibake-cjk';
export { latinMojibakeAt, newLatinScan, type LatinScan } from './mojibake-latin';
