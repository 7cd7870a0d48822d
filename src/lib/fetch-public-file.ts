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

export class FileLoadError extends Error {
  override name = 'FileLoadError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    options?: ErrorOptions,
  ) {
    super(
      status === undefined ? `${url} could not be fetched` : `${url} answered HTTP ${status}`,
      options,
    );
  }
}

export class FileNotJsonError extends Error {
  override name = 'FileNotJsonError';
  constructor(readonly url: string) {
    super(`${url} is not valid JSON`);
  }
}

/** The URL of a file in public/, under the deployment's base path. */
export function publicFileUrl(file: string): string {
  return `${import.meta.env.BASE_URL}${file}`;
}

export async function fetchPublicJson(file: string, signal?: AbortSignal): Promise<unknown> {
  const url = publicFileUrl(file);
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new FileLoadError(url, undefined, { cause });
  }
  if (response.status === 404 || response.status === 410) throw new FileNotFoundError(url);
  if (!response.ok) throw new FileLoadError(url, response.status);
  // A host with a single-page fallback answers unknown files with index.html:
  // that is "not found", not a broken tree.
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new FileNotFoundError(url);
  }
  try {
    return (await response.json()) as unknown;
  } catch {
    throw new FileNotJsonError(url);
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
    error instanceof FileLoadError && failureCount < 2 && globalThis.navigator?.onLine !== false
  );
}
