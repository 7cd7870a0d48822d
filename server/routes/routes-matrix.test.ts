import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reservedTreeIds } from '../../src/engine/ids';
import { newTree } from '../../src/engine/tree-edits';
import { ROLES, type Role } from '../db/schema';
import { startTestProvider } from '../testing/oidc-provider';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

/**
 * Every route of the app, called as each kind of visitor, with the status each must get
 * (docs/decisions/0028-sign-in.md). The list of routes comes from the app itself
 * (`app.routeTable`): a route added without a row here fails the first test, so nobody adds
 * an endpoint without saying who may use it.
 */
type Who = 'anonymous' | Role;
type Row = {
  /** What to send (the URL defaults to the route's); state-changing requests get our Origin. */
  request?: Omit<InjectOptions, 'method'>;
  status: Record<Who, number>;
};

const all = (status: number): Record<Who, number> => ({
  anonymous: status,
  author: status,
  publisher: status,
  admin: status,
});
/** API routes for admins: 401 signed out, 403 below admin. */
const adminApi = (status: number) => ({
  anonymous: 401,
  author: 403,
  publisher: 403,
  admin: status,
});
/** Admin pages: signed out, sent to sign in (303); below admin, 403. */
const adminPage = (status: number) => ({
  anonymous: 303,
  author: 403,
  publisher: 403,
  admin: status,
});

/** API routes for authors and above: 401 signed out. */
const authorApi = (author: number, others = author) => ({
  anonymous: 401,
  author,
  publisher: others,
  admin: others,
});

const SETTINGS = { embed: { allowedOrigins: ['https://intranet.example'] }, escalation: null };

const MATRIX: Record<string, Row> = {
  'GET /api/health': { status: all(200) },
  'GET /api/session': { status: all(200) },
  'GET /sign-in': { status: all(200) },
  'POST /sign-in': {
    request: { payload: { email: 'nobody@example.com', password: 'wrong password' } },
    status: all(401),
  },
  'POST /sign-out': { status: all(303) },
  'GET /sign-in/oidc': { status: all(303) },
  // Not started in this browser: refused, whoever asks.
  'GET /sign-in/oidc/callback': {
    request: { url: '/sign-in/oidc/callback?code=x&state=y' },
    status: all(401),
  },
  'GET /api/settings': { status: adminApi(200) },
  'PUT /api/settings': { request: { payload: SETTINGS }, status: adminApi(200) },
  'GET /admin/settings': { status: adminPage(200) },
  'POST /admin/settings': {
    request: {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'allowedOrigins=https%3A%2F%2Fintranet.example&escalationLabel=&escalationAddress=',
    },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 303 },
  },
  'GET /api/audit': { status: adminApi(200) },
  'GET /admin/audit': { status: adminPage(200) },
  'GET /api/drafts': { status: authorApi(200) },
  // Rows run in this order, each role after the other: the author's save makes revision 1,
  // so the publisher's and admin's saves based on "none yet" (0) are refused as conflicts.
  'PUT /api/drafts/:key': {
    request: {
      url: '/api/drafts/new:matrix',
      payload: { revision: 0, basedOn: null, tree: { ...newTree('matrix-draft') } },
    },
    status: authorApi(200, 409),
  },
  'GET /api/drafts/:key': { request: { url: '/api/drafts/new:matrix' }, status: authorApi(200) },
  'POST /api/drafts/:key/presence': {
    request: { url: '/api/drafts/new:matrix/presence', payload: { clientId: 'matrixclient1' } },
    status: authorApi(200),
  },
  // The author discards it; it is gone for the others.
  'DELETE /api/drafts/:key': {
    request: { url: '/api/drafts/new:matrix' },
    status: authorApi(204, 404),
  },
  // The site: its files, its config.json, and a JSON 404 for any other API address.
  'GET /config.json': { status: all(200) },
  'GET /*': { request: { url: '/q164887/sms-1-2' }, status: all(200) },
  'GET /': { status: all(200) },
  'ALL /api/*': { request: { url: '/api/no-such-thing' }, status: all(404) },
};

let provider: Awaited<ReturnType<typeof startTestProvider>>;
beforeAll(async () => {
  provider = await startTestProvider(`${OWN_ORIGIN}/sign-in/oidc/callback`, {});
});
afterAll(() => provider.close());

/** An app with every optional part switched on (OpenID Connect), and a session per role. */
async function appWithEveryRole() {
  const app = await buildTestApp({ oidc: provider.settings() });
  const cookies: Record<Who, string | undefined> = {
    anonymous: undefined,
    author: '',
    publisher: '',
    admin: '',
  };
  for (const role of ROLES) cookies[role] = (await sessionFor(app, role)).cookie;
  return { app, cookies };
}

function call(
  app: FastifyInstance,
  route: string,
  row: Row,
  cookie: string | undefined,
  origin = OWN_ORIGIN,
) {
  const [listed = 'GET', url = '/'] = route.split(' ');
  // A route for every method is called with one that changes state: the stricter case.
  const method = listed === 'ALL' ? 'POST' : listed;
  const request = row.request ?? {};
  return app.inject({
    ...request,
    method: method as 'GET',
    url: request.url ?? url,
    headers: {
      ...(method === 'GET' ? {} : { origin }),
      ...(cookie ? { cookie } : {}),
      ...request.headers,
    },
  });
}

it('has a row for every route of the app, and no row for a route that is gone', async () => {
  const { app } = await appWithEveryRole();
  expect([...app.routeTable].sort()).toEqual(Object.keys(MATRIX).sort());
});

it('starts every route of its own with a segment no tree may take as its id', async () => {
  const { app } = await appWithEveryRole();
  // A tree is served at /<id>/: one called "admin" would be shadowed by the admin pages.
  const firstSegments = app.routeTable
    .map((route) => /^\S+ \/([^/*]+)\//.exec(`${route}/`)?.[1])
    .filter((segment): segment is string => segment !== undefined && !segment.includes('.'));
  expect(firstSegments.length).toBeGreaterThan(0);
  expect(firstSegments.filter((segment) => !reservedTreeIds().includes(segment))).toEqual([]);
});

it('answers every route with the status the matrix gives for each role', async () => {
  const { app, cookies } = await appWithEveryRole();
  const got: Record<string, Record<Who, number>> = {};
  for (const [route, row] of Object.entries(MATRIX)) {
    const statuses = all(0);
    got[route] = statuses;
    for (const who of ['anonymous', ...ROLES] as const) {
      // A fresh session each time: signing out (a row of the matrix) ends the one used.
      const cookie =
        who === 'anonymous'
          ? undefined
          : (await sessionFor(app, who, `${who}-${route}@example.com`.replace(/[ /]/g, '-')))
              .cookie;
      statuses[who] = (await call(app, route, row, cookie ?? cookies[who])).statusCode;
    }
  }
  expect(got).toEqual(
    Object.fromEntries(Object.entries(MATRIX).map(([route, row]) => [route, row.status])),
  );
});

it('refuses every state-changing route from another origin, whoever asks', async () => {
  const { app, cookies } = await appWithEveryRole();
  for (const [route, row] of Object.entries(MATRIX)) {
    if (route.startsWith('GET ')) continue;
    for (const who of ['anonymous', ...ROLES] as const) {
      const response = await call(app, route, row, cookies[who], 'https://evil.example');
      expect(response.statusCode, `${route} as ${who}`).toBe(403);
      expect(response.json()).toMatchObject({ error: 'cross-origin' });
    }
  }
});
