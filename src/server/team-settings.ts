// Each workspace folder's `.newslens.json`, as the client read it: laid over the settings (the file wins), its problems shown on the file.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTeamConfig, TEAM_CONFIG_FILE, type TeamConfig } from '../core/team-config';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { ErrorBoundary } from './error-boundary';
import type { NewsLensSettings } from './settings';
import { TEAM_CONFIG_NOTIFICATION, type TeamConfigParams } from './team-config-protocol';

export { TEAM_CONFIG_NOTIFICATION, type TeamConfigParams } from './team-config-protocol';

/** Where the file and the settings both set a value, the file's wins: a list replaces the list, a severity the severity of its kind. */
export function applyTeamConfig(settings: NewsLensSettings, config: TeamConfig): NewsLensSettings {
  return {
    ...settings,
    userDictionary: config.userDictionary ?? settings.userDictionary,
    ignore: config.ignore ?? settings.ignore,
    extraSpamTerms: config.spam?.extraTerms ?? settings.extraSpamTerms,
    junkKinds: config.junk?.kinds ?? settings.junkKinds,
    severity: { ...settings.severity, ...config.junk?.severity },
  };
}

export class TeamSettings {
  private readonly byFolder = new Map<string, { uri: string; config?: TeamConfig }>();

  /** Takes a folder's file; returns the diagnostics of the file (none when it is fine or gone). */
  update(params: TeamConfigParams): Diagnostic[] {
    if (params.text === null) {
      this.byFolder.delete(params.folder);
      return [];
    }
    const { config, problems } = parseTeamConfig(params.text);
    this.byFolder.set(params.folder, { uri: params.uri, config });
    const document = TextDocument.create(params.uri, 'json', 0, params.text);
    const broken = problems.some((p) => p.severity === 'error');
    return problems.map((p) => ({
      range: { start: document.positionAt(p.start), end: document.positionAt(p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'news-lens',
      code: 'team-config',
      message: broken && p.severity === 'error' ? `${p.message}. ${TEAM_CONFIG_FILE} is not applied until this is fixed: the settings stay in force.` : p.message,
    }));
  }

  /** The settings for a document: those of VS Code, with its folder's file laid over them. */
  apply(documentUri: string, settings: NewsLensSettings): NewsLensSettings {
    let best: { folder: string; config?: TeamConfig } | undefined;
    for (const [folder, entry] of this.byFolder) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      if ((documentUri.startsWith(prefix) || documentUri === folder) && (!best || folder.length > best.folder.length)) best = { folder, config: entry.config };
    }
    return best?.config ? applyTeamConfig(settings, best.config) : settings;
  }
}

/** Listens for the client's notifications; `changed` runs after each (drop cached settings, analyze again). */
export function registerTeamSettings(connection: Connection, publisher: DiagnosticsPublisher, boundary: ErrorBoundary, changed: () => void): TeamSettings {
  const team = new TeamSettings();
  connection.onNotification(TEAM_CONFIG_NOTIFICATION, (params: TeamConfigParams) =>
    boundary.guard('reading .newslens.json', params.uri, undefined, () => {
      publisher.publish(params.uri, team.update(params));
      changed();
    }),
  );
  return team;
}
