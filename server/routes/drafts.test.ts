import { expect, it } from 'vitest';
import { newTree } from '../../src/engine/tree-edits';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

async function appWithAuthors() {
  const app = await buildTestApp();
  const ann = (await sessionFor(app, 'author', 'ann@example.com')).cookie;
  const bob = (await sessionFor(app, 'publisher', 'bob@example.com')).cookie;
  const put = (cookie: string, key: string, payload: Record<string, unknown>) =>
    app.inject({
      method: 'PUT',
      url: `/api/drafts/${key}`,
      headers: { cookie, origin: OWN_ORIGIN },
      payload,
    });
  return { app, ann, bob, put };
}

it('saves a draft with a new revision each time and refuses a save based on an older one', async () => {
  const { app, ann, bob, put } = await appWithAuthors();
  const tree = { ...newTree('printer-jams'), title: 'Printer jams' };
  const first = await put(ann, 'new:abc123', { revision: 0, basedOn: null, tree });
  expect(first.statusCode).toBe(200);
  expect(first.json()).toMatchObject({ revision: 1 });

  // Bob opened revision 1 and saves: revision 2.
  const bobs = { ...tree, description: 'Paper stuck in tray 2' };
  expect(
    (await put(bob, 'new:abc123', { revision: 1, basedOn: null, tree: bobs })).json(),
  ).toMatchObject({ revision: 2 });
  // Ann's next save is still based on revision 1: refused, with Bob's draft to compare.
  const refused = await put(ann, 'new:abc123', {
    revision: 1,
    basedOn: null,
    tree: { ...tree, title: 'Printer paper jams' },
  });
  expect(refused.statusCode).toBe(409);
  expect(refused.json()).toMatchObject({
    error: 'conflict',
    draft: {
      revision: 2,
      updatedBy: 'bob@example.com',
      tree: { description: 'Paper stuck in tray 2' },
    },
  });

  const read = await app.inject({ url: '/api/drafts/new:abc123', headers: { cookie: ann } });
  expect(read.json()).toMatchObject({
    draft: { revision: 2, treeId: 'printer-jams', basedOn: null },
  });
  const none = await app.inject({ url: '/api/drafts/new:none00', headers: { cookie: ann } });
  expect(none.json()).toEqual({ draft: null });
  const list = await app.inject({ url: '/api/drafts', headers: { cookie: ann } });
  expect(list.json().drafts).toEqual([
    expect.objectContaining({ key: 'new:abc123', title: 'Printer jams', revision: 2 }),
  ]);
});

it('refuses an id a published troubleshooter or another draft already has', async () => {
  const { put, ann } = await appWithAuthors();
  // The shipped q164887 is published at first start.
  const taken = await put(ann, 'new:one111', {
    revision: 0,
    basedOn: null,
    tree: newTree('q164887'),
  });
  expect(taken.statusCode).toBe(422);
  expect(taken.json().message).toContain('already used by a published troubleshooter');
  // A change to the published one itself keeps its id.
  expect(
    (await put(ann, 'tree:q164887', { revision: 0, basedOn: 1, tree: newTree('q164887') }))
      .statusCode,
  ).toBe(200);
  expect(
    (await put(ann, 'new:two222', { revision: 0, basedOn: null, tree: newTree('mine') }))
      .statusCode,
  ).toBe(200);
  const drafted = await put(ann, 'new:three3', {
    revision: 0,
    basedOn: null,
    tree: newTree('mine'),
  });
  expect(drafted.statusCode).toBe(422);
  expect(drafted.json().message).toContain('already used by another draft');
  const reserved = await put(ann, 'new:four44', {
    revision: 0,
    basedOn: null,
    tree: newTree('admin'),
  });
  expect(reserved.statusCode).toBe(422);
});

it('refuses a draft that is not a tree in shape, and unknown keys', async () => {
  const { put, ann } = await appWithAuthors();
  const broken = await put(ann, 'new:bad111', {
    revision: 0,
    basedOn: null,
    tree: { ...newTree('x'), nodes: [null] },
  });
  expect(broken.statusCode).toBe(400);
  expect(broken.json().message).toContain('nodes[0]');
  const badKey = await put(ann, 'other:x', { revision: 0, basedOn: null, tree: newTree('x') });
  expect(badKey.statusCode).toBe(400);
});

it('refuses a body with a key written twice, naming it, as the rulebook refuses such a file', async () => {
  const { app, ann } = await appWithAuthors();
  const tree = JSON.stringify({ ...newTree('twice'), title: 'First' });
  // Written by hand: JSON.stringify cannot write a key twice. JSON.parse would keep "Second".
  const payload = `{"revision":0,"basedOn":null,"tree":${tree.replace('"title":"First"', '"title":"First","title":"Second"')}}`;
  const response = await app.inject({
    method: 'PUT',
    url: '/api/drafts/new:twice',
    headers: { cookie: ann, origin: OWN_ORIGIN, 'content-type': 'application/json' },
    payload,
  });
  expect(response.statusCode).toBe(400);
  expect(response.json().message).toBe(
    "The body's $.tree.title is written twice in the same object.",
  );
  const stored = await app.inject({
    url: '/api/drafts/new:twice',
    headers: { cookie: ann },
  });
  expect(stored.json()).toEqual({ draft: null });
});

it('tells each page who else has the draft open', async () => {
  const { app, ann, bob } = await appWithAuthors();
  const beat = (cookie: string, clientId: string) =>
    app.inject({
      method: 'POST',
      url: '/api/drafts/tree:q164887/presence',
      headers: { cookie, origin: OWN_ORIGIN },
      payload: { clientId },
    });
  expect((await beat(ann, 'annstab1')).json()).toEqual({ editors: [] });
  expect((await beat(bob, 'bobstab1')).json()).toEqual({
    editors: [{ email: 'ann@example.com', you: false }],
  });
  // Ann's second tab: Bob, and her own first tab.
  expect((await beat(ann, 'annstab2')).json().editors).toEqual(
    expect.arrayContaining([
      { email: 'ann@example.com', you: true },
      { email: 'bob@example.com', you: false },
    ]),
  );

  // A page that leaves stops counting at once, but only its own account's page can say so.
  const leave = (cookie: string, clientId: string) =>
    app.inject({
      method: 'POST',
      url: '/api/drafts/tree:q164887/presence/leave',
      headers: { cookie, origin: OWN_ORIGIN },
      payload: { clientId },
    });
  expect((await leave(bob, 'annstab1')).statusCode).toBe(204);
  expect((await beat(bob, 'bobstab1')).json().editors).toHaveLength(2);
  expect((await leave(ann, 'annstab1')).statusCode).toBe(204);
  expect((await beat(ann, 'annstab2')).json()).toEqual({
    editors: [{ email: 'bob@example.com', you: false }],
  });
  // Not from another site.
  const foreign = await app.inject({
    method: 'POST',
    url: '/api/drafts/tree:q164887/presence/leave',
    headers: { cookie: ann, origin: 'https://elsewhere.example' },
    payload: { clientId: 'annstab2' },
  });
  expect(foreign.statusCode).toBe(403);
});

it('does not delete a draft someone has open, whose next save would bring it back', async () => {
  const { app, ann, bob, put } = await appWithAuthors();
  expect(
    (await put(ann, 'new:left', { revision: 0, basedOn: null, tree: newTree('left') })).statusCode,
  ).toBe(200);
  const remove = () =>
    app.inject({
      method: 'DELETE',
      url: '/api/drafts/new:left',
      headers: { cookie: bob, origin: OWN_ORIGIN },
    });
  const presence = (path: string) =>
    app.inject({
      method: 'POST',
      url: `/api/drafts/new:left/presence${path}`,
      headers: { cookie: ann, origin: OWN_ORIGIN },
      payload: { clientId: 'annstab1' },
    });
  await presence('');
  const refused = await remove();
  expect(refused.statusCode).toBe(409);
  expect(refused.json().message).toBe(
    'ann@example.com has it open now: ask them to close it first.',
  );
  // Once she has closed it, it goes.
  await presence('/leave');
  expect((await remove()).statusCode).toBe(204);
  const stored = await app.inject({ url: '/api/drafts/new:left', headers: { cookie: bob } });
  expect(stored.json()).toEqual({ draft: null });
});
