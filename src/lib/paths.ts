import { ROUTE_SEGMENTS } from '../engine/ids';

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
  /**
   * A later page of the list of troubleshooters (docs/decisions/0019): `/list/2`. The first
   * page is the home page. A static first segment outranks /:treeId/*, so each is a
   * reserved tree id (engine/ids.ts).
   */
  list: {
    path: `/${ROUTE_SEGMENTS.list}/:page`,
    getHref: (page: number) => (page > 1 ? `/${ROUTE_SEGMENTS.list}/${page}` : '/'),
  },
  /** The web server's not-found page (404.html), prerendered from this route. */
  unmatched: {
    path: '/404.html',
  },
  map: {
    path: `/${ROUTE_SEGMENTS.map}/:treeId`,
    getHref: (treeId: string, trail: readonly string[] = []) =>
      `/${ROUTE_SEGMENTS.map}/${treeId}${trail.length > 0 ? `?trail=${trail.join('/')}` : ''}`,
    /** The map with its walks drawn on it (issue 25): `?traffic` and the report's range. */
    getTrafficHref: (treeId: string, search = '') =>
      `/${ROUTE_SEGMENTS.map}/${treeId}?traffic${search ? `&${search}` : ''}`,
  },
  /** A troubleshooter's report (issue 25), for authors: `/map/<tree>/report?v=2&compare=1`. */
  report: {
    path: `/${ROUTE_SEGMENTS.map}/:treeId/report`,
    getHref: (treeId: string, search = '') =>
      `/${ROUTE_SEGMENTS.map}/${treeId}/report${search ? `?${search}` : ''}`,
  },
  /**
   * A later part of a large map's list, for pages without JavaScript
   * (docs/decisions/0024-map-list-in-parts.md): `/map/<tree>/part/2`. The first part is the
   * map's own page. Under /map/, so no tree id is taken by it.
   */
  mapPart: {
    path: '/map/:treeId/part/:part',
    getHref: (treeId: string, part: number) =>
      part > 1 ? `/map/${treeId}/part/${part}` : `/map/${treeId}`,
  },
  /**
   * The tree editor (docs/decisions/0017-tree-editor.md): `/edit` starts a new troubleshooter
   * (`?draft=<key>` reopens one saved in this browser), `/edit/<tree>` works on a copy of a
   * deployed one.
   */
  edit: {
    path: `/${ROUTE_SEGMENTS.edit}/:treeId?`,
    /** Draft keys are made by the editor ([a-z0-9:]), nothing to escape. */
    getHref: (treeId?: string, draft?: string) =>
      `/${ROUTE_SEGMENTS.edit}${treeId ? `/${treeId}` : draft ? `?draft=${draft}` : ''}`,
  },
  step: {
    /** The route's id, for the loader data it resolves (routes.tsx, useRouteLoaderData). */
    id: 'step',
    path: '/:treeId/*',
    /**
     * `/q164887/sms-1-2/os-upgrade?v=2`: the tree id, one answer slug per step, and the
     * tree's version (once there are answers), so that a link made before the tree
     * changed can be read against the version it was made with (docs/decisions/0008).
     * Without a version: the path alone, as the prerender names its files.
     *
     * `was` is the walk the person had when they followed a Change link: on the question
     * it opens, their answer is marked and each answer keeps the later answers that still
     * fit; on the step they land on, the answers that no longer apply are named
     * (engine/change-answer.ts, docs/decisions/0001). `earlier`, a second `was`, is the
     * walk before that one, remembered while the person only changes answers: Change it
     * back and its later answers return.
     */
    getHref: (
      treeId: string,
      trail: readonly string[] = [],
      version?: number,
      was?: readonly string[],
      earlier?: readonly string[],
    ) => {
      const query = new URLSearchParams();
      if (version && (trail.length > 0 || (was && was.length > 0))) query.set('v', `${version}`);
      if (was && was.length > 0) query.set('was', was.join('/'));
      if (was && was.length > 0 && earlier && earlier.length > 0) {
        query.append('was', earlier.join('/'));
      }
      // Slashes between slugs stay readable: slugs are [a-z0-9-], nothing to escape.
      const search = query.toString().replace(/%2F/g, '/');
      return ['', treeId, ...trail].join('/') + (search ? `?${search}` : '');
    },
  },
} as const;

/** The full address of an app path, for people and host pages (e.g. in embed events). */
export function absoluteUrl(href: string, origin: string): string {
  return `${origin}${import.meta.env.BASE_URL}${href.slice(1)}`;
}

/** The tree version a step URL was made with (`?v=2`), if it says. */
export function parseVersion(search: string): number | undefined {
  const value = Number(new URLSearchParams(search).get('v'));
  // Versions are safe integers (the rulebook's limit): 99999999999999999999 is no version.
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** The walk a Change link came from (`?was=a/b/c`), if the URL says. */
export function parseWas(search: string): string[] | undefined {
  const was = parseTrail(new URLSearchParams(search).get('was') ?? '');
  return was.length > 0 ? was : undefined;
}

/** The walk remembered from before that (a second `was`), if the URL says. */
export function parseEarlierWas(search: string): string[] | undefined {
  const earlier = parseTrail(new URLSearchParams(search).getAll('was')[1] ?? '');
  return earlier.length > 0 ? earlier : undefined;
}

/**
 * The page of the list an address shows: 1 for the home page (no `:page`), the number for
 * `/list/<n>`, undefined for anything else (`/list/0`, `/list/02`, `/list/next`).
 */
export function parseListPage(param: string | undefined): number | undefined {
  if (param === undefined) return 1;
  return /^[1-9]\d{0,8}$/.test(param) ? Number(param) : undefined;
}

/**
 * The part of a map's list an address shows: 1 for the map's own page (no `:part`), the
 * number for `/map/<tree>/part/<n>` from 2 on, undefined for anything else (`part/1` too:
 * the first part has one address).
 */
export function parseMapPart(param: string | undefined): number | undefined {
  if (param === undefined) return 1;
  return /^[1-9]\d{0,8}$/.test(param) && param !== '1' ? Number(param) : undefined;
}

/** Splits the `*` part of a step URL into answer slugs; empty segments are ignored. */
export function parseTrail(splat: string | undefined): string[] {
  return (splat ?? '').split('/').filter((segment) => segment.length > 0);
}
