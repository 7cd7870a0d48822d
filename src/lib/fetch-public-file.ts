/**
 * Errors from loading the app's own JSON files (trees, index, config), split by what
 * a person can do about them: nothing there (404), a bad file, or a failure that a
 * retry may cure.
 */
export class FileNotFoundError extends Error {
  override name = 'FileNotFoundError';
  constructor(readonly url: string) {
    super(`${url} was not found`);
  }
}

/**
 * Why a file did not arrive, for the words a person reads: no answer or an error status;
 * no answer within LOAD_TIMEOUT_MS; a web page instead of the file (a sign-in page put in
 * front of the site by a proxy, once a session has expired); or text that is not JSON (cut
 * short on the way). Each can be cured by trying again.
 */
export type LoadFailure = 'failed' | 'timeout' | 'html' | 'incomplete';

export class FileLoadError extends Error {
  override name = 'FileLoadError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    options?: ErrorOptions & { reason?: LoadFailure; refusal?: string },
  ) {
    super(
      status === undefined ? `${url} could not be fetched` : `${url} answered HTTP ${status}`,
      options,
    );
    this.reason = options?.reason ?? 'failed';
    this.refusal = options?.refusal;
  }
  readonly reason: LoadFailure;
  /**
   * A 400's `message` (the server's JSON error): what was wrong with the request, worth
   * showing, since asking again the same way cannot help.
   */
  readonly refusal: string | undefined;
}

/** The `message` of a JSON error answer, if it has one. */
async function refusalMessage(response: Response): Promise<string | undefined> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    const body = (await response.json()) as { message?: unknown } | null;
    return typeof body?.message === 'string' && body.message.trim() ? body.message : undefined;
  } catch {
    return undefined;
  }
}

/** The answer was not the JSON file asked for: a load failure that Try again may cure. */
export class FileNotJsonError extends FileLoadError {
  override name = 'FileNotJsonError';
  constructor(url: string, reason: 'html' | 'incomplete') {
    super(url, 200, { reason });
    this.message = `${url} is not valid JSON (${reason === 'html' ? 'a web page' : 'cut short or damaged'})`;
  }
}

/**
 * How long a file may take before the person is told so and offered Try again. A test can
 * shorten it (window.__loadTimeoutMs) rather than wait ten seconds.
 */
export function loadTimeoutMs(): number {
  const configured = (globalThis as { __loadTimeoutMs?: unknown }).__loadTimeoutMs;
  return typeof configured === 'number' ? configured : 10_000;
}

/** The URL of a file in public/, under the deployment's base path. */
export function publicFileUrl(file: string): string {
  return `${import.meta.env.BASE_URL}${file}`;
}

/**
 * A file of the site as text, checked as the app's JSON files are: not found, a failure, a
 * web page instead of the file, or no answer within loadTimeoutMs(), each its own error.
 */
export async function fetchPublicText(file: string, signal?: AbortSignal): Promise<string> {
  const url = publicFileUrl(file);
  // Not AbortSignal.timeout: a timer the browser tests can run fast (Playwright's clock).
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), loadTimeoutMs());
  const both = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  const failure = (cause: unknown) => {
    if (signal?.aborted) return cause;
    return new FileLoadError(url, undefined, {
      cause,
      reason: timeout.signal.aborted ? 'timeout' : 'failed',
    });
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: both, headers: { Accept: 'application/json' } });
    } catch (cause) {
      throw failure(cause);
    }
    if (response.status === 404 || response.status === 410) throw new FileNotFoundError(url);
    if (response.status === 400) {
      throw new FileLoadError(url, 400, { refusal: await refusalMessage(response) });
    }
    if (!response.ok) throw new FileLoadError(url, response.status);
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw failure(cause);
    }
    if ((response.headers.get('content-type') ?? '').includes('text/html')) {
      // A host with a single-page fallback answers unknown files with the app's own page:
      // that is "not found". Any other page (a proxy's sign-in page) is a failure to load.
      if (text.includes('<div id="root"')) throw new FileNotFoundError(url);
      throw new FileNotJsonError(url, 'html');
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

export async function fetchPublicJson(file: string, signal?: AbortSignal): Promise<unknown> {
  const text = await fetchPublicText(file, signal);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FileNotJsonError(publicFileUrl(file), 'incomplete');
  }
}

/** Half a second, then a second: a person is waiting, and a third failure shows Try again. */
export function retryDelay(failedAttempts: number): number {
  return Math.min(500 * 2 ** failedAttempts, 4000);
}

/**
 * react-query `retry` for the app's files: retry twice what a retry may cure, never
 * a missing or broken file, and not while the browser says it is offline.
 */
export function retryTransientErrors(failureCount: number, error: unknown): boolean {
  return (
    error instanceof FileLoadError &&
    // A person has waited ten seconds already, or must sign in: tell them now.
    error.reason !== 'timeout' &&
    error.reason !== 'html' &&
    failureCount < 2 &&
    globalThis.navigator?.onLine !== false
  );
}
