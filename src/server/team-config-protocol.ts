// The message that shows the server a workspace folder's .newslens.json (shared by client and server; no engine import).

/** Client → server: the text of a folder's .newslens.json (null when there is none). */
export const TEAM_CONFIG_NOTIFICATION = 'newsLens/teamConfig';

export interface TeamConfigParams {
  /** The workspace folder's URI. */
  folder: string;
  /** The file's URI. */
  uri: string;
  text: string | null;
}
