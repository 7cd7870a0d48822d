import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reservedTreeIds } from '../../src/engine/ids';
import { newTree } from '../../src/engine/tree-edits';
import { ROLES, type Role } from '../db/schema';
import { startTestProvider } from '../testing/oidc-provider';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp, SITE_DIR } from '../testing/test-app';
import { readFileSync } from 'node:fs';
import path from 'node:path';

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

const SHIPPED_TREE: unknown = JSON.parse(
  readFileSync(path.join(SITE_DIR, 'trees', 'q164887.json'), 'utf8'),
);

const FORM = {
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: '',
};

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
  // Issue 26: the ticket setting, webhooks (admins), step reports (sent by anyone, read by authors).
  'GET /api/settings/tickets': { status: adminApi(200) },
  'PUT /api/settings/tickets': {
    request: { payload: { system: 'zendesk', url: 'https://acme.zendesk.com' } },
    status: adminApi(200),
  },
  'GET /api/webhooks': { status: adminApi(200) },
  'POST /api/webhooks': {
    request: { payload: { url: 'https://hooks.example/x', events: ['outcome'] } },
    status: adminApi(201),
  },
  'DELETE /api/webhooks/:id': { request: { url: '/api/webhooks/999' }, status: adminApi(404) },
  'GET /api/webhooks/:id/deliveries': {
    request: { url: '/api/webhooks/1/deliveries' },
    status: adminApi(200),
  },
  'POST /api/webhooks/deliveries/:id/resend': {
    request: { url: '/api/webhooks/deliveries/999/resend' },
    status: adminApi(404),
  },
  // The same as pages (plain forms): the helpdesk, the webhooks, a delivery log.
  'GET /admin/tickets': { status: adminPage(200) },
  'POST /admin/tickets': {
    request: {
      ...FORM,
      payload: 'system=zendesk&url=https%3A%2F%2Facme.zendesk.com&label=&action=save',
    },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 303 },
  },
  'GET /admin/webhooks': { status: adminPage(200) },
  'POST /admin/webhooks': {
    request: { ...FORM, payload: 'url=https%3A%2F%2Fhooks.example%2Fpage&events=step-report' },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 201 },
  },
  // Endpoint 1 was added by the admin's POST /api/webhooks above.
  'GET /admin/webhooks/:id': { request: { url: '/admin/webhooks/1' }, status: adminPage(200) },
  'GET /admin/webhooks/:id/remove': {
    request: { url: '/admin/webhooks/1/remove' },
    status: adminPage(200),
  },
  'POST /admin/webhooks/:id/remove': {
    request: { url: '/admin/webhooks/999/remove', ...FORM },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 404 },
  },
  'GET /admin/webhooks/:id/deliveries/:deliveryId/resend': {
    request: { url: '/admin/webhooks/1/deliveries/1/resend' },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 303 },
  },
  'POST /admin/webhooks/:id/deliveries/:deliveryId/resend': {
    request: { url: '/admin/webhooks/1/deliveries/999/resend', ...FORM },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 404 },
  },
  'POST /api/reports': {
    request: { payload: { tree: 'q164887', node: 'sms-version', category: 'other', text: 'x' } },
    status: all(201),
  },
  'GET /api/reports': { status: { anonymous: 401, author: 200, publisher: 200, admin: 200 } },
  'PATCH /api/reports/:id': {
    request: { url: '/api/reports/1', payload: { status: 'done' } },
    status: { anonymous: 401, author: 200, publisher: 200, admin: 200 },
  },
  // Review-by dates (issue 26, item 6): authors see them, publishers set them, admins the threshold.
  'GET /api/reviews': { status: authorApi(200) },
  'PUT /api/reviews/:treeId': {
    request: { url: '/api/reviews/q164887', payload: { owner: null, reviewBy: '2027-01-31' } },
    status: { anonymous: 401, author: 403, publisher: 204, admin: 204 },
  },
  'GET /api/settings/review': { status: adminApi(200) },
  'PUT /api/settings/review': {
    request: { payload: { notSolvedPercent: 40, minAnswers: 5, days: 30 } },
    status: adminApi(204),
  },
  'GET /admin/audit': { status: adminPage(200) },
  'GET /admin': { status: { anonymous: 303, author: 200, publisher: 200, admin: 200 } },
  'GET /admin/*': { request: { url: '/admin/nope' }, status: all(404) },
  // Review and publishing (ADR 30). Each role calls with an account of its own, so an author
  // reading submission 1 (another author's) gets 404; publishing and restoring are shown
  // refused or allowed on addresses that do not exist (publish.test.ts publishes for real).
  'POST /api/submissions': {
    request: { payload: { tree: SHIPPED_TREE, summary: 'A change' } },
    status: { anonymous: 401, author: 201, publisher: 201, admin: 201 },
  },
  'GET /api/submissions': { status: { anonymous: 401, author: 200, publisher: 200, admin: 200 } },
  'GET /api/submissions/:id': {
    request: { url: '/api/submissions/1' },
    status: { anonymous: 401, author: 404, publisher: 200, admin: 200 },
  },
  'POST /api/submissions/:id/publish': {
    request: { url: '/api/submissions/999/publish' },
    status: { anonymous: 401, author: 404, publisher: 404, admin: 404 },
  },
  'POST /api/submissions/:id/send-back': {
    request: { url: '/api/submissions/1/send-back', payload: { comment: 'Not yet' } },
    // The publisher sends it back; for the admin it is then no longer waiting.
    status: { anonymous: 401, author: 403, publisher: 200, admin: 409 },
  },
  'GET /api/trees/:treeId/history': {
    request: { url: '/api/trees/q164887/history' },
    status: { anonymous: 401, author: 200, publisher: 200, admin: 200 },
  },
  'POST /api/trees/:treeId/restore': {
    request: { url: '/api/trees/q164887/restore', payload: { version: 99 } },
    status: { anonymous: 401, author: 403, publisher: 404, admin: 404 },
  },
  'GET /api/settings/publishing': { status: adminApi(200) },
  'PUT /api/settings/publishing': {
    request: { payload: { onePerson: false } },
    status: adminApi(200),
  },
  'GET /admin/reviews': { status: { anonymous: 303, author: 200, publisher: 200, admin: 200 } },
  'GET /admin/reviews/:id': {
    request: { url: '/admin/reviews/1' },
    status: { anonymous: 303, author: 404, publisher: 200, admin: 200 },
  },
  'POST /admin/reviews/:id/publish': {
    request: { url: '/admin/reviews/999/publish', ...FORM },
    status: { anonymous: 303, author: 404, publisher: 404, admin: 404 },
  },
  'POST /admin/reviews/:id/send-back': {
    request: { url: '/admin/reviews/1/send-back', ...FORM, payload: 'comment=Not+yet' },
    // Sent back through the API above already: the review again, saying it is not waiting.
    status: { anonymous: 303, author: 403, publisher: 409, admin: 409 },
  },
  // A form's address opened as a page: its review (303 there, or to sign in).
  'GET /admin/reviews/:id/publish': {
    request: { url: '/admin/reviews/1/publish' },
    status: all(303),
  },
  'GET /admin/reviews/:id/send-back': {
    request: { url: '/admin/reviews/1/send-back' },
    status: all(303),
  },
  'GET /admin/history/:treeId': {
    request: { url: '/admin/history/q164887' },
    status: { anonymous: 303, author: 200, publisher: 200, admin: 200 },
  },
  'GET /admin/history/:treeId/restore/:version': {
    request: { url: '/admin/history/q164887/restore/1' },
    status: { anonymous: 303, author: 403, publisher: 200, admin: 200 },
  },
  'POST /admin/history/:treeId/restore/:version': {
    request: { url: '/admin/history/q164887/restore/99', ...FORM },
    status: { anonymous: 303, author: 403, publisher: 404, admin: 404 },
  },
  'GET /admin/publishing': { status: adminPage(200) },
  'POST /admin/publishing': {
    request: { ...FORM, payload: 'onePerson=false' },
    status: { anonymous: 303, author: 403, publisher: 403, admin: 303 },
  },
  // Walk events: anyone (a walker has no account); reports for authors and up.
  'POST /api/events': {
    request: {
      payload: { events: [{ kind: 'step', tree: 'q164887', version: 1, node: 'sms-version' }] },
    },
    status: all(200),
  },
  'GET /api/analytics/:treeId': {
    request: { url: '/api/analytics/q164887' },
    status: { anonymous: 401, author: 200, publisher: 200, admin: 200 },
  },
  'GET /api/analytics/:treeId/csv': {
    request: { url: '/api/analytics/q164887/csv' },
    status: { anonymous: 401, author: 200, publisher: 200, admin: 200 },
  },
  'GET /api/settings/analytics': { status: adminApi(200) },
  'PUT /api/settings/analytics': {
    request: { payload: { retentionMonths: 13 } },
    status: { ...adminApi(204) },
  },
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
  // Presence on another draft: one someone has open is not deleted (the DELETE row below).
  'POST /api/drafts/:key/presence': {
    request: { url: '/api/drafts/new:present/presence', payload: { clientId: 'matrixclient1' } },
    status: authorApi(200),
  },
  'POST /api/drafts/:key/presence/leave': {
    request: {
      url: '/api/drafts/new:present/presence/leave',
      payload: { clientId: 'matrixclient1' },
    },
    status: authorApi(204),
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

it(
  'answers every route with the status the matrix gives for each role',
  { timeout: 240_000 },
  async () => {
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
  },
);
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
