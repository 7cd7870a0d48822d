// What this tab last reloaded for because code would not load (kept in sessionStorage).
const RELOADED_FOR = 'troubleshooter:reloaded-for';
// Set once a reload is under way: other chunks failing meanwhile wait for it too.
let reloading = false;

/**
 * Opens `address` afresh, once per address and build, when code it needs will not load.
 * After a redeploy a page opened earlier still asks for the old build's chunks, which the
 * server no longer has; the fresh page asks for the new ones.
 *
 * Vite's `vite:preloadError` event is not used: it fires for every failed `import()`,
 * including the background preload after hydration, where a reload would interrupt a
 * person reading a step that needs nothing new (and lose any open "How do I check?").
 * This runs only where a screen cannot go on without the code.
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
  // A route loader runs before the address changes: open the one being navigated to.
  if (address === location.href) location.reload();
  else location.assign(address);
  return true;
}

/**
 * Runs an `import()` that a screen needs now, for the page at `address` (by default the
 * current one). If it fails and the page reloads (above), the promise never settles, so no
 * error flashes up while the page goes; otherwise the error goes on to the error screens.
 */
export async function loadChunk<T>(load: () => Promise<T>, address?: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (reloading || reloadOnce(address ?? location.href)) return new Promise<T>(() => {});
    throw error;
  }
}
