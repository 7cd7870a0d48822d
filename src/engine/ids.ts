/** Node ids, answer slugs and tree ids: what may appear in a step URL. */
export const ID_PATTERN = /^[a-z0-9-]+$/;

/**
 * The first segment of each of the app's own addresses. A tree is at /<id>/, so none may
 * have one of these ids. The app's routes are built from this table (lib/paths.ts), and
 * app/routes.test.ts fails when a route starts with a segment that is not in it: the router
 * and the validator cannot disagree.
 */
export const ROUTE_SEGMENTS = { map: 'map', edit: 'edit', list: 'list' } as const;

type RouteSegment = (typeof ROUTE_SEGMENTS)[keyof typeof ROUTE_SEGMENTS];

/** What each route serves, for the validator's message (a new route needs its line). */
const ROUTES_SERVE: Record<RouteSegment, string> = {
  map: 'the map pages (/map/<tree>)',
  edit: 'the tree editor (/edit/<tree>)',
  list: 'the pages of the list of troubleshooters (/list/<n>)',
};

/** Names the site's files take beside the trees': /<name>/ or trees/<name>.json. */
const FILES_SERVE: Record<string, string> = {
  assets: "the build's own files (/assets/, cached for a year)",
  trees: 'the tree files (/trees/)',
  index: 'the list of trees (trees/index.json)',
  search: "the list's search file (trees/search.json)",
};

/**
 * The first segment of each of the server's own addresses (docs/server.md): a site served
 * by it answers these itself, before any file.
 */
const SERVER_SERVE: Record<string, string> = {
  api: "the server's API (/api/, docs/server.md)",
  admin: "the server's own pages (/admin/settings, /admin/audit, /admin/reviews, /admin/history)",
  'sign-in': 'signing in to the server (/sign-in)',
  'sign-out': 'signing out of the server (/sign-out)',
};

/** Ids a tree cannot have: each would collide with something else the site serves. */
export function reservedTreeIds(): string[] {
  return [...Object.keys(ROUTES_SERVE), ...Object.keys(FILES_SERVE), ...Object.keys(SERVER_SERVE)];
}

/** What a reserved id is used for, or undefined for an id a tree may have. */
export function reservedFor(id: string): string | undefined {
  if (Object.hasOwn(ROUTES_SERVE, id)) return ROUTES_SERVE[id as RouteSegment];
  if (Object.hasOwn(FILES_SERVE, id)) return FILES_SERVE[id];
  return Object.hasOwn(SERVER_SERVE, id) ? SERVER_SERVE[id] : undefined;
}
