// Shared types of the News Lens engine: annotations, figure values, options and edits.

/** Kinds of junk the engine can strip. */
export const JUNK_KINDS = ['spam', 'markup', 'pinyin-gloss', 'boilerplate', 'encoding', 'duplicate'] as const;
export type JunkKind = (typeof JUNK_KINDS)[number];

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'WORK', 'FAC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const FIGURE_TYPES = ['MONEY', 'PERCENT', 'DATE', 'TIME', 'QUANTITY', 'CARDINAL', 'ORDINAL'] as const;
export type FigureType = (typeof FIGURE_TYPES)[number];

export type AnnotationKind = 'junk' | 'entity' | 'figure' | 'metadata';

/** A half-open range of UTF-16 offsets [start, end) into the analyzed text. */
export interface TextRange {
  start: number;
  end: number;
}

/** How a figure's number relates to the real quantity (see README "Figure values"). */
export type FigureQualifier = 'approx' | 'over' | 'under' | 'about';

/** How precise a DATE/TIME is: 1990s, 2023, 2023-01, 2023-01-16, 2023-01-16T11:13 or 11:13. */
export type DatePrecision = 'decade' | 'year' | 'month' | 'day' | 'time';

/** The two ends of a range figure (3至5年): numbers, or ISO 8601 strings for DATE. */
export type FigureRange = { from: number; to: number } | { from: string; to: string };

/** The normalized value of a figure. */
export interface FigureValue {
  /** Numeric value: amount for MONEY, fraction for PERCENT (138% → 1.38), count for QUANTITY/CARDINAL/ORDINAL. Absent for ranges. */
  number?: number;
  /** Unit as a canonical word for QUANTITY (個, 公里, 噸, 人 …), written as in the text's script. */
  unit?: string;
  /** ISO 4217 code for MONEY (CNY, USD, HKD, …). */
  currency?: string;
  /** approx (近, 上千, 数十万), over (超, 逾, 以上, 多), under (不到, 以下), about (约, 左右). Omitted when exact. */
  qualifier?: FigureQualifier;
  /** With over/under: the bound itself is included (以上, 至少, 不超过). */
  inclusive?: boolean;
  /** A range (3至5年, 五六十人, 10%至20%) instead of `number`: both ends in the figure's own terms. */
  range?: FigureRange;
  /** ISO 8601 for DATE/TIME, as precise as the text: "2022", "2023-01", "2023-01-16T11:13:00", "11:13"; a range as "2021/2023". */
  iso?: string;
  /** How precise `iso` is. */
  precision?: DatePrecision;
  /** A short human-readable rendering, e.g. "10,254,000,000 CNY", "138% (1.38)", "3–5 年", "> 100,000,000,000 CNY". */
  display: string;
}

/** One finding of the engine. Offsets are UTF-16 code units into the text given to the engine. */
export interface Annotation extends TextRange {
  kind: AnnotationKind;
  /** JunkKind for junk, EntityType for entities, FigureType for figures, 'PUBLISHED'|'SOURCE'|'AUTHOR'|'METADATA' for metadata. */
  label: string;
  /** The annotated text, exactly text.slice(start, end). */
  text: string;
  /** Why this was flagged, for a person to read (junk and metadata). */
  reason?: string;
  /** 0..1, how sure the detector is (junk; entities: the tagger's probability of the span, 1 for user words and rules). */
  confidence?: number;
  /** Entities found by the tagger: the training set whose labelling it followed on this line (msra, cluener, gsd). */
  convention?: string;
  /** Normalized value (figures). */
  value?: FigureValue;
  /** The text without the in-line junk inside it (glosses, tags), when that differs from `text`. */
  cleanText?: string;
  /** Simplified form of an entity written in Traditional characters (of its clean text). */
  simplified?: string;
  /** Junk only: the text `clean` writes in place of the removal (an HTML entity's character); default nothing. */
  replacement?: string;
  /** Junk only: what `clean` deletes. Defaults to [start, end); a whole-line finding deletes its line break too. */
  removal?: TextRange;
}

/** A replacement of a UTF-16 range by new text. Edits from the engine never overlap. */
export interface TextEdit extends TextRange {
  newText: string;
}

/** A word the user adds with its type (a user dictionary entry). */
export interface UserWord {
  word: string;
  type: EntityType;
}

export interface AnalyzeOptions {
  /** Which junk kinds to report (default: all). */
  junkKinds?: readonly JunkKind[];
  /** Which entity types to report (default: all). Empty disables entity recognition. */
  entityTypes?: readonly EntityType[];
  /** Report figures (default true). */
  figures?: boolean;
  /** Extra spam terms, matched literally. */
  extraSpamTerms?: readonly string[];
  /** Words with types that override the recognizer. */
  userWords?: readonly UserWord[];
  /** Literal strings (or whole lines) the user chose to never flag as junk. */
  ignoreLiterals?: readonly string[];
  /** Skip the segmenter-based layers (entities); used for huge or binary-looking documents. */
  cheapOnly?: boolean;
  /** Hide entities the tagger is less sure of than this (0..1, default 0: show all); user words and rule hits have confidence 1. */
  minEntityConfidence?: number;
  /**
   * Whose labelling the tagger follows: a training set's (msra: People's Daily, places split and every
   * mention labelled; cluener: Sina news, an address is one span; gsd: UNER on Wikipedia), or `auto`
   * (the default): the set whose text the document most resembles, one for the whole document in analyze()
   * (entities/document-convention.ts), per line when findEntities is called on its own (entities/convention-gate.ts).
   */
  entityConvention?: EntityConvention;
}

/** Values of AnalyzeOptions.entityConvention. */
export const ENTITY_CONVENTIONS = ['auto', 'msra', 'cluener', 'gsd'] as const;
export type EntityConvention = (typeof ENTITY_CONVENTIONS)[number];

export type DocumentScript = 'traditional' | 'simplified' | 'unknown';

/** What a line-level detector knows about the document around the line. */
export interface LineContext {
  /** The dominant script of the whole document. */
  script: DocumentScript;
  options: AnalyzeOptions;
}
