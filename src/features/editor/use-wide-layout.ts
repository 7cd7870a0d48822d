import { useSyncExternalStore } from 'react';

/** Where the editor's columns fit side by side; editor.css lays them out from the same width. */
const WIDE = '(min-width: 64rem)';

function subscribe(onChange: () => void) {
  if (typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia(WIDE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/**
 * Whether the outline, the form and the preview fit beside each other. Narrower, they are
 * tabs, so the preview is one tab away rather than below the whole outline and form. Without
 * matchMedia (jsdom in unit tests) the columns are shown: every panel is on the page then.
 */
export function useWideLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => typeof matchMedia !== 'function' || matchMedia(WIDE).matches,
    () => true,
  );
}
