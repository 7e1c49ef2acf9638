// Keeps one document's failure from taking the language server down: logs the URI and stack, answers a fallback.
export type ErrorLog = (message: string) => void;

/** What a failure is logged as: what failed, for which document, and the stack. */
export function failureMessage(what: string, uri: string | undefined, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return `News Lens: ${what} failed${uri ? ` for ${uri}` : ''}; other documents are unaffected.\n${detail}`;
}

export class ErrorBoundary {
  constructor(private readonly log: ErrorLog) {}

  report(what: string, uri: string | undefined, error: unknown): void {
    try {
      this.log(failureMessage(what, uri, error));
    } catch {
      // the connection itself is gone: nothing left to tell
    }
  }

  /** Runs `work`; on a throw or a rejection, logs it and returns `fallback` instead. */
  async guard<T>(what: string, uri: string | undefined, fallback: T, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.report(what, uri, error);
      return fallback;
    }
  }

  /** Runs `work`; a failure is logged and still thrown (a request the user made answers with the error). */
  async logged<T>(what: string, uri: string | undefined, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.report(what, uri, error);
      throw error;
    }
  }
}
