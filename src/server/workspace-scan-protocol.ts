// Messages of the workspace scan and the Corpus Report between client and server (no engine import: the client bundles this).

/** Client → server: scan the workspace folders (on disk) and publish what is found. */
export const SCAN_REQUEST = 'newsLens/scan';
/** Client → server: the Corpus Report of the workspace (scanning it first if needed) or of one JSONL file. */
export const REPORT_REQUEST = 'newsLens/report';
/** Server → client: how far a scan is. */
export const SCAN_PROGRESS_NOTIFICATION = 'newsLens/scanProgress';

export interface ScanFolder {
  uri: string;
  /** files.exclude globs that are on, relative to the folder. */
  exclude: string[];
}

export interface ScanParams {
  folders: ScanFolder[];
}

export interface ReportParams extends ScanParams {
  /** One JSONL (or text) file instead of the workspace. */
  uri?: string;
  /** Scan again even when a workspace scan has results. */
  rescan?: boolean;
}

export interface ScanProgress {
  done: number;
  total: number;
  file?: string;
}

export interface ScanSummary {
  files: number;
  records: number;
  /** Files left out by files.exclude or .gitignore, above the size cap, or not readable as UTF-8 text. */
  excluded: number;
  tooLarge: number;
  unreadable: number;
  findings: number;
  filesWithFindings: number;
  duplicates: number;
  cancelled: boolean;
  elapsedMs: number;
}
