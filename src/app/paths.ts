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
  step: {
    path: '/:treeId/*',
    /** `/q164887/sms-1-2/os-upgrade`: the tree id, then one answer slug per step. */
    getHref: (treeId: string, trail: readonly string[] = []) => ['', treeId, ...trail].join('/'),
  },
} as const;

/** The full address of an app path, for people and host pages (e.g. in embed events). */
export function absoluteUrl(href: string, origin: string): string {
  return `${origin}${import.meta.env.BASE_URL}${href.slice(1)}`;
}

/** Splits the `*` part of a step URL into answer slugs; empty segments are ignored. */
export function parseTrail(splat: string | undefined): string[] {
  return (splat ?? '').split('/').filter((segment) => segment.length > 0);
}
