import { useSyncExternalStore } from 'react';

/** Where the editor's columns fit side by side; editor.css lays them out from the same width. */
const WIDE = '(min-width: 64rem)';

// One query for the page, its answer kept until it changes: the editor renders at every key,
// and asking the browser again at each render (`matchMedia(…).matches`) cost a few
// milliseconds a key in a large draft (docs/performance.md).
let query: MediaQueryList | undefined;
let wide: boolean | undefined;

function mediaQuery(): MediaQueryList {
  query ??= matchMedia(WIDE);
  return query;
}

function subscribe(onChange: () => void) {
  if (typeof matchMedia !== 'function') return () => undefined;
  const list = mediaQuery();
  // The width may have changed while nobody listened.
  wide = list.matches;
  const listener = () => {
    wide = list.matches;
    onChange();
  };
  list.addEventListener('change', listener);
  return () => list.removeEventListener('change', listener);
}

function snapshot(): boolean {
  if (typeof matchMedia !== 'function') return true;
  wide ??= mediaQuery().matches;
  return wide;
}

/**
 * Whether the outline, the form and the preview fit beside each other. Narrower, they are
 * tabs, so the preview is one tab away rather than below the whole outline and form. Without
 * matchMedia (jsdom in unit tests) the columns are shown: every panel is on the page then.
 */
export function useWideLayout(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => true);
}
