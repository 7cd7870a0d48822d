/**
 * The one place that knows what the app's URLs look like. Routes use `path`;
 * links use `getHref`. Hrefs are relative to the router's basename, so the same
 * code works when the app is deployed under a sub-path.
 */
export const paths = {
  catalog: {
    path: '/',
    getHref: () => '/',
  },
  /** The web server's not-found page (404.html), prerendered from this route. */
  unmatched: {
    path: '/404.html',
  },
  map: {
    // A static first segment outranks /:treeId/*: no tree may be called "map".
    path: '/map/:treeId',
    getHref: (treeId: string, trail: readonly string[] = []) =>
      `/map/${treeId}${trail.length > 0 ? `?trail=${trail.join('/')}` : ''}`,
  },
  step: {
    path: '/:treeId/*',
    /**
     * `/q164887/sms-1-2/os-upgrade?v=1`: the tree id, one answer slug per step, and the
     * tree's version (once there are answers), so that a link made before the tree
     * changed can be read against the version it was made with (docs/decisions/0008).
     * Without a version: the path alone, as the prerender names its files.
     */
    getHref: (treeId: string, trail: readonly string[] = [], version?: number) =>
      ['', treeId, ...trail].join('/') + (version && trail.length > 0 ? `?v=${version}` : ''),
  },
} as const;

/** The full address of an app path, for people and host pages (e.g. in embed events). */
export function absoluteUrl(href: string, origin: string): string {
  return `${origin}${import.meta.env.BASE_URL}${href.slice(1)}`;
}

/** The tree version a step URL was made with (`?v=2`), if it says. */
export function parseVersion(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('v'));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Splits the `*` part of a step URL into answer slugs; empty segments are ignored. */
export function parseTrail(splat: string | undefined): string[] {
  return (splat ?? '').split('/').filter((segment) => segment.length > 0);
}
