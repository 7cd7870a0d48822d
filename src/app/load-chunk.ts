// What this tab last reloaded for because code would not load (kept in sessionStorage).
const RELOADED_FOR = 'troubleshooter:reloaded-for';

/**
 * Reloads the page, once per address and build, when code it needs will not load. After a
 * redeploy a page opened earlier still asks for the old build's chunks, which the server
 * no longer has; the fresh page asks for the new ones. (Vite's `vite:preloadError` event
 * would be the hook for this, but only the module-preload helper emits it, and this build
 * does not use that helper.)
 *
 * The marker is the address plus this build's own URL (import.meta.url, hashed): a page
 * still failing after its reload, in the same build, shows the error screen rather than
 * reloading for ever, while a later redeploy gets its own reload. Offline, or with storage
 * refused, it never reloads: the browser's offline page would be worse than ours.
 */
function reloadOnce(): boolean {
  const marker = `${location.href} ${import.meta.url}`;
  try {
    if (!navigator.onLine || sessionStorage.getItem(RELOADED_FOR) === marker) return false;
    sessionStorage.setItem(RELOADED_FOR, marker);
  } catch {
    return false;
  }
  location.reload();
  return true;
}

/**
 * Runs an `import()` that a screen needs now. If it fails and the page reloads (above),
 * the promise never settles, so no error flashes up while the page goes; otherwise the
 * error goes on to the error screens.
 */
export async function loadChunk<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (reloadOnce()) return new Promise<T>(() => {});
    throw error;
  }
}
