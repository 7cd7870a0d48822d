// A submission made from a version older than the live one
// (docs/decisions/0063-a-submission-brought-up-to-date.md): its review brings it up to date
// with the live version by the editor's three-way comparison, so that publishing it undoes
// nothing published since; parts both changed stop it; the list marks it.
import type { FastifyInstance } from 'fastify';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Tree } from '../../src/engine/tree-schema';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp, SITE_DIR } from '../testing/test-app';

/** q164887 as shipped: version 2, the live version of a fresh server. */
async function shipped(): Promise<Tree> {
  return JSON.parse(await readFile(path.join(SITE_DIR, 'trees', 'q164887.json'), 'utf8')) as Tree;
}

const TITLE = 'NT upgrade job marked failed and run again at every restart';
const DESCRIPTION = 'For SMS 1.2 sites whose NT upgrade job keeps running again.';

async function setUp() {
  const app = await buildTestApp();
  const x = (await sessionFor(app, 'author', 'x@example.com')).cookie;
  const y = (await sessionFor(app, 'author', 'y@example.com')).cookie;
  const publisher = (await sessionFor(app, 'publisher')).cookie;
  return { app, x, y, publisher };
}

async function submit(
  app: FastifyInstance,
  cookie: string,
  tree: Tree,
  summary: string,
  draftKey?: string,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { tree, summary, baseVersion: 2, ...(draftKey ? { draftKey } : {}) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

/** The review page's Publish button, as the browser sends it. */
const publishForm = (app: FastifyInstance, cookie: string, id: number, live: number) =>
  app.inject({
    method: 'POST',
    url: `/admin/reviews/${id}/publish`,
    headers: {
      cookie,
      origin: OWN_ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: `live=${live}`,
  });

const reviewPage = (app: FastifyInstance, cookie: string, id: number) =>
  app.inject({ url: `/admin/reviews/${id}`, headers: { cookie } });

const liveTree = async (app: FastifyInstance) =>
  (await app.inject({ url: '/trees/q164887.json' })).json<Tree>();

async function versions(app: FastifyInstance, cookie: string) {
  const history = await app.inject({ url: '/api/trees/q164887/history', headers: { cookie } });
  return history.json<{ versions: { version: number }[] }>().versions.map((row) => row.version);
}

it('publishes a submission made from an older version with the newer one’s changes kept', async () => {
  const { app, x, y, publisher } = await setUp();
  const base = await shipped();
  const xId = await submit(app, x, { ...base, title: TITLE }, 'Plainer title');
  // Y's draft on the server is what Y submits.
  const yTree = { ...base, description: DESCRIPTION };
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/drafts/tree%3Aq164887',
    headers: { cookie: y, origin: OWN_ORIGIN },
    payload: { revision: 0, basedOn: 2, tree: yTree },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const yId = await submit(app, y, yTree, 'Plainer description', 'tree:q164887');

  // Both made from the live version: nothing is out of date yet.
  let list = await app.inject({ url: '/admin/reviews', headers: { cookie: publisher } });
  expect(list.body).not.toContain('Out of date');

  expect((await publishForm(app, publisher, xId, 2)).statusCode).toBe(303);
  expect((await liveTree(app)).version).toBe(3);

  // The list marks Y, for the publisher and for Y, and the API says which version is live.
  list = await app.inject({ url: '/admin/reviews', headers: { cookie: publisher } });
  expect(list.body).toContain('Out of date: based on version 2; version 3 is live');
  const mine = await app.inject({ url: '/admin/reviews', headers: { cookie: y } });
  expect(mine.body).toContain('Out of date: based on version 2; version 3 is live');
  const api = await app.inject({ url: '/api/submissions', headers: { cookie: y } });
  expect(api.json()).toMatchObject({
    submissions: [{ id: yId, baseVersion: 2, liveVersion: 3, status: 'submitted' }],
  });

  // The review brings it up to date: its own change only, nothing of version 3 undone.
  const review = await reviewPage(app, publisher, yId);
  expect(review.statusCode).toBe(200);
  expect(review.body).toContain('Brought up to date with version 3');
  expect(review.body).toContain(DESCRIPTION);
  expect(review.body).not.toMatch(/Changed<\/strong> the troubleshooter’s title/);
  expect(review.body).toMatch(/Changed<\/strong> the troubleshooter’s description/);
  expect(review.body).toContain('Publish as version 4');
  expect(review.body).toContain('name="live" value="3"');
  const json = await app.inject({ url: `/api/submissions/${yId}`, headers: { cookie: y } });
  expect(json.json()).toMatchObject({
    submission: { liveVersion: 3 },
    conflicts: [],
    changes: [{ kind: 'tree-field', field: 'description' }],
  });
  expect(json.json<{ changes: unknown[] }>().changes).toHaveLength(1);

  const published = await publishForm(app, publisher, yId, 3);
  expect(published.statusCode, published.body).toBe(303);
  expect(published.headers.location).toBe('/admin/history/q164887?published=4');
  // Both changes are live in version 4.
  expect(await liveTree(app)).toMatchObject({ version: 4, title: TITLE, description: DESCRIPTION });
  const page = await app.inject({ url: '/q164887' });
  expect(page.body).toContain(TITLE);
  // Y's draft, unchanged since it was submitted, is what was published: settled (ADR 61),
  // rather than kept with the old title, based on version 4.
  const draft = await app.inject({ url: '/api/drafts/tree%3Aq164887', headers: { cookie: y } });
  expect(draft.json()).toEqual({ draft: null });
}, 120_000);

it('refuses to publish a submission that changed a part the newer version changed, and publishes nothing', async () => {
  const { app, x, y, publisher } = await setUp();
  const base = await shipped();
  const xId = await submit(app, x, { ...base, title: TITLE }, 'Plainer title');
  const yId = await submit(
    app,
    y,
    { ...base, title: 'Upgrade job runs at every restart', description: DESCRIPTION },
    'Title and description',
  );
  expect((await publishForm(app, publisher, xId, 2)).statusCode).toBe(303);

  const review = await reviewPage(app, publisher, yId);
  expect(review.body).toContain('It cannot be published as it is');
  expect(review.body).toMatch(
    /<strong>Title<\/strong>: this submission has “Upgrade job runs at every restart”, version 3 has\s+“NT upgrade job marked failed/,
  );
  expect(review.body).toContain('Changes from version 3 that do not conflict');
  expect(review.body).not.toContain('Publish as version');
  // Sending it back is still there.
  expect(review.body).toContain('Send back');

  // The page's form and the API alike refuse, naming the part.
  const page = await publishForm(app, publisher, yId, 3);
  expect(page.statusCode).toBe(409);
  expect(page.body).toContain('changed the same part differently: Title.');
  const refused = await app.inject({
    method: 'POST',
    url: `/api/submissions/${yId}/publish`,
    headers: { cookie: publisher, origin: OWN_ORIGIN },
  });
  expect(refused.statusCode).toBe(409);
  expect(refused.json()).toMatchObject({
    error: 'not-published',
    conflicts: [{ part: 'field:title', label: 'Title' }],
  });
  expect(await liveTree(app)).toMatchObject({ version: 3, title: TITLE });
  expect(await versions(app, publisher)).toEqual([3, 2, 1]);

  const sent = await app.inject({
    method: 'POST',
    url: `/api/submissions/${yId}/send-back`,
    headers: { cookie: publisher, origin: OWN_ORIGIN },
    payload: { comment: 'Version 3 changed the title too: compare your draft with it.' },
  });
  expect(sent.statusCode).toBe(200);
  // Its author reads which part to settle, and what to do, on the review sent back to them.
  const theirs = await reviewPage(app, y, yId);
  expect(theirs.body).toContain('It cannot be published as it is');
  expect(theirs.body).toMatch(/<strong>Title<\/strong>: this submission has/);
  expect(theirs.body).toMatch(
    /To publish it: open your draft in the editor, compare it with\s+version 3/,
  );
  expect(theirs.body).not.toContain('Send it back: its author');
}, 120_000);

it('publishes nothing when another version went live after the review was shown', async () => {
  const { app, x, y, publisher } = await setUp();
  const base = await shipped();
  const xId = await submit(app, x, { ...base, title: TITLE }, 'Plainer title');
  const yId = await submit(app, y, { ...base, description: DESCRIPTION }, 'Plainer description');
  // The publisher opens Y's review against version 2 ...
  expect((await reviewPage(app, publisher, yId)).body).toContain('name="live" value="2"');
  // ... X is published meanwhile ...
  expect((await publishForm(app, publisher, xId, 2)).statusCode).toBe(303);
  // ... and Publish on the review shown before is refused: the page shows it again.
  const late = await publishForm(app, publisher, yId, 2);
  expect(late.statusCode).toBe(409);
  expect(late.body).toContain('Version 3 was published while this review was open');
  expect(late.body).toContain('Brought up to date with version 3');
  expect(late.body).toContain('name="live" value="3"');
  expect(await versions(app, publisher)).toEqual([3, 2, 1]);
  expect((await liveTree(app)).description).toBe(base.description);
}, 120_000);
