import type { DataStrategyFunction, DataStrategyResult } from 'react-router';

/** Code that would not load: after a redeploy, the old build's chunks are gone. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('A part of the app could not be loaded', { cause });
    this.name = 'ChunkLoadError';
  }
}

/** A chunk's loader: the module itself once it is in, so that using it again costs no task. */
export type Chunk<T> = () => T | Promise<T>;

/**
 * Wraps one `import()` that a loader makes on every navigation (the step loader's screens)
 * or a screen makes itself. Once loaded, the module is returned as a plain value: awaiting
 * a resolved dynamic import can cost a task, which would let a navigation within a loaded
 * tree show its pending state for a frame. (Route modules need no wrapper: the router
 * calls a route's `lazy` once and keeps what it returns; app/routes.tsx.) A failure is
 * forgotten (the next call tries again) and rethrown as ChunkLoadError, which the router's
 * data strategy below turns into one reload.
 */
export function chunk<T>(load: () => Promise<T>): Chunk<T> {
  let loaded: { module: T } | undefined;
  let pending: Promise<T> | undefined;
  return () =>
    loaded
      ? loaded.module
      : (pending ??= load().then(
          (module) => {
            loaded = { module };
            return module;
          },
          (error: unknown) => {
            pending = undefined;
            throw new ChunkLoadError(error);
          },
        ));
}

// What this tab last reloaded for because code would not load (kept in sessionStorage).
const RELOADED_FOR = 'troubleshooter:reloaded-for';
// Set once a reload is under way: other navigations failing meanwhile wait for it too.
let reloading = false;

/**
 * Opens `address` afresh, once per address and build, when code it needs will not load.
 * After a redeploy a page opened earlier still asks for the old build's chunks, which the
 * server no longer has; the fresh page asks for the new ones.
 *
 * The marker is the address plus this build's own URL (import.meta.url, hashed): a page
 * still failing after its reload, in the same build, shows the error screen rather than
 * reloading for ever, while a later redeploy gets its own reload. Offline, or with storage
 * refused, it never reloads: the browser's offline page would be worse than ours.
 */
function reloadOnce(address: string): boolean {
  const marker = `${address} ${import.meta.url}`;
  try {
    if (!navigator.onLine || sessionStorage.getItem(RELOADED_FOR) === marker) return false;
    sessionStorage.setItem(RELOADED_FOR, marker);
  } catch {
    return false;
  }
  reloading = true;
  if (address === location.href) location.reload();
  else location.assign(address);
  return true;
}

/**
 * The router's data strategy: its default (every matched loader and lazy route module at
 * once), except that a chunk that will not load opens the address being navigated to
 * afresh, once. It is here rather than in each import because only the router knows that
 * address while a navigation is pending: the click that started it is not lost. Until the
 * new page is there the navigation never settles, so no error screen flashes up.
 *
 * Vite's `vite:preloadError` event is not used: it fires for every failed `import()`,
 * including the background preload after hydration, where a reload would interrupt a
 * person reading a step that needs nothing new.
 */
export const reloadWhenCodeIsGone: DataStrategyFunction = async ({ request, matches }) => {
  const toLoad = matches.filter((match) => match.shouldLoad);
  const results = await Promise.all(toLoad.map((match) => match.resolve()));
  const codeIsGone = results.some(
    (result) => result.type === 'error' && result.result instanceof ChunkLoadError,
  );
  if (codeIsGone && (reloading || reloadOnce(request.url))) return new Promise(() => {});
  return Object.fromEntries(
    toLoad.map((match, index) => [match.route.id, results[index] as DataStrategyResult]),
  );
};
