// A publish settles the drafts whose content it makes live
// (docs/decisions/0061-a-publish-settles-its-drafts.md), through the routes as the editor and
// the review page call them.
import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { Tree } from '../../src/engine/tree-schema';
import { editedQ164887 } from '../testing/edited-q164887';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

async function setUp() {
  const app = await buildTestApp();
  const author = (await sessionFor(app, 'author')).cookie;
  const publisher = (await sessionFor(app, 'publisher')).cookie;
  return { app, author, publisher };
}

const put = (app: FastifyInstance, cookie: string, key: string, body: Record<string, unknown>) =>
  app.inject({
    method: 'PUT',
    url: `/api/drafts/${encodeURIComponent(key)}`,
    headers: { cookie, origin: OWN_ORIGIN },
    payload: body,
  });

async function draftOf(app: FastifyInstance, cookie: string, key: string) {
  const response = await app.inject({
    url: `/api/drafts/${encodeURIComponent(key)}`,
    headers: { cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.json<{ draft: { basedOn: number | null; revision: number; tree: Tree } | null }>()
    .draft;
}

async function submit(
  app: FastifyInstance,
  cookie: string,
  body: { tree: Tree; baseVersion: number | null; draftKey?: string },
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { summary: 'A change', ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

async function publish(app: FastifyInstance, cookie: string, id: number) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/submissions/${id}/publish`,
    headers: { cookie, origin: OWN_ORIGIN },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ version: number }>().version;
}

it('removes the draft a publish made live, and leaves other troubleshooters’ drafts', async () => {
  const { app, author, publisher } = await setUp();
  // The shipped q164887 is version 2: the author's draft of it, as the editor saves it.
  const tree = { ...(await editedQ164887()), description: 'Shorter.' };
  expect(
    (await put(app, author, 'tree:q164887', { revision: 0, basedOn: 2, tree })).statusCode,
  ).toBe(200);
  const other = { ...tree, id: 'printer-jams', title: 'Printer jams' };
  expect(
    (await put(app, author, 'new:other1', { revision: 0, basedOn: null, tree: other })).statusCode,
  ).toBe(200);

  const id = await submit(app, author, { tree, baseVersion: 2, draftKey: 'tree:q164887' });
  expect(await publish(app, publisher, id)).toBe(3);

  expect(await draftOf(app, author, 'tree:q164887')).toBeNull();
  expect(await draftOf(app, author, 'new:other1')).toMatchObject({ basedOn: null, revision: 1 });
  // The next change starts from version 3 as from any published version: a first revision.
  expect(
    (
      await put(app, author, 'tree:q164887', {
        revision: 0,
        basedOn: 3,
        tree: { ...tree, version: 3, title: 'Again' },
      })
    ).json(),
  ).toMatchObject({ revision: 1 });
  const admin = (await sessionFor(app, 'admin')).cookie;
  const audit = await app.inject({ url: '/api/audit', headers: { cookie: admin } });
  expect(audit.json<{ entries: { action: string; details: unknown }[] }>().entries).toContainEqual(
    expect.objectContaining({
      action: 'tree.published',
      details: expect.objectContaining({ version: 3, draftsRemoved: ['tree:q164887'] }),
    }),
  );
}, 120_000);

it('removes a draft that holds the published content whichever submission it was, and leaves one that differs behind', async () => {
  const { app, author, publisher } = await setUp();
  const tree = await editedQ164887();
  // Saved as the editor reads it back from the server (keys in another order), at version 2.
  const reordered = Object.fromEntries(Object.entries(tree).reverse()) as Tree;
  await put(app, author, 'tree:q164887', { revision: 0, basedOn: 2, tree: reordered });
  // The same change submitted from a file (no draft named): the draft is what went live.
  expect(await publish(app, publisher, await submit(app, author, { tree, baseVersion: 2 }))).toBe(
    3,
  );
  expect(await draftOf(app, author, 'tree:q164887')).toBeNull();

  // A draft with a change of its own stays as it is, based on version 3: it is behind once
  // version 4 is published, and its author compares it (the editor).
  const own = { ...tree, version: 3, title: 'Mine' };
  await put(app, author, 'tree:q164887', { revision: 0, basedOn: 3, tree: own });
  expect(
    await publish(
      app,
      publisher,
      await submit(app, author, { tree: { ...tree, description: 'Theirs.' }, baseVersion: 3 }),
    ),
  ).toBe(4);
  expect(await draftOf(app, author, 'tree:q164887')).toMatchObject({
    basedOn: 3,
    revision: 1,
    tree: { title: 'Mine', version: 3 },
  });
}, 120_000);

it('bases the draft a submission came from on the new version, keeping what was changed since', async () => {
  const { app, author, publisher } = await setUp();
  const tree = await editedQ164887();
  await put(app, author, 'tree:q164887', { revision: 0, basedOn: 2, tree });
  const id = await submit(app, author, { tree, baseVersion: 2, draftKey: 'tree:q164887' });
  // Changed again after it was submitted: revision 2.
  const later = { ...tree, title: 'Changed after submitting' };
  await put(app, author, 'tree:q164887', { revision: 1, basedOn: 2, tree: later });

  expect(await publish(app, publisher, id)).toBe(3);
  const draft = await draftOf(app, author, 'tree:q164887');
  expect(draft).toMatchObject({ basedOn: 3, revision: 3, tree: { ...later, version: 3 } });

  // A page still open on revision 2 does not save over it with its old base: it is shown the
  // draft as it is now.
  const stale = await put(app, author, 'tree:q164887', {
    revision: 2,
    basedOn: 2,
    tree: { ...later, description: 'Typed meanwhile' },
  });
  expect(stale.statusCode).toBe(409);
  expect(stale.json()).toMatchObject({ draft: { basedOn: 3, revision: 3 } });
}, 120_000);

it('settles a new troubleshooter’s draft once it is published: removed, or moved to its key with the changes since', async () => {
  const { app, author, publisher } = await setUp();
  const first = {
    ...(await editedQ164887()),
    id: 'nt-upgrade-repeats',
    title: 'NT upgrade job runs again',
    version: 1,
  };
  const second = { ...first, id: 'nt-upgrade-fails', title: 'NT upgrade job marked failed' };
  delete first.article;
  delete second.article;
  await put(app, author, 'new:first1', { revision: 0, basedOn: null, tree: first });
  await put(app, author, 'new:second', { revision: 0, basedOn: null, tree: second });
  const firstId = await submit(app, author, {
    tree: first,
    baseVersion: null,
    draftKey: 'new:first1',
  });
  const secondId = await submit(app, author, {
    tree: second,
    baseVersion: null,
    draftKey: 'new:second',
  });
  const later = { ...second, description: 'Changed after submitting' };
  await put(app, author, 'new:second', { revision: 1, basedOn: null, tree: later });

  expect(await publish(app, publisher, firstId)).toBe(1);
  expect(await publish(app, publisher, secondId)).toBe(1);
  expect(await draftOf(app, author, 'new:first1')).toBeNull();
  expect(await draftOf(app, author, 'new:second')).toBeNull();
  expect(await draftOf(app, author, 'tree:nt-upgrade-fails')).toMatchObject({
    basedOn: 1,
    tree: { ...later, version: 1 },
  });
  // Neither id is held by a draft of a new troubleshooter any more: the published ones' own
  // drafts save.
  expect(
    (
      await put(app, author, 'tree:nt-upgrade-repeats', {
        revision: 0,
        basedOn: 1,
        tree: { ...first, title: 'Next change' },
      })
    ).statusCode,
  ).toBe(200);
  const list = await app.inject({ url: '/api/drafts', headers: { cookie: author } });
  expect(
    list
      .json<{ drafts: { key: string }[] }>()
      .drafts.map((draft) => draft.key)
      .sort(),
  ).toEqual(['tree:nt-upgrade-fails', 'tree:nt-upgrade-repeats']);
}, 180_000);

it('refuses a draft key that is not one', async () => {
  const { app, author } = await setUp();
  const response = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie: author, origin: OWN_ORIGIN },
    payload: {
      tree: await editedQ164887(),
      summary: 'A change',
      baseVersion: 2,
      draftKey: 'other:x',
    },
  });
  expect(response.statusCode).toBe(400);
});
