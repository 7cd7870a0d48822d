import { expect, it } from 'vitest';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

it('anyone may report a step without an account; authors list the reports and set their status', async () => {
  const app = await buildTestApp();
  const sent = await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: { origin: OWN_ORIGIN },
    payload: {
      tree: 'q164887',
      node: 'service-pack',
      category: 'out-of-date',
      text: 'A newer   service pack\nexists',
    },
  });
  expect(sent.statusCode).toBe(201);
  expect(sent.headers['set-cookie']).toBeUndefined();

  const { cookie } = await sessionFor(app, 'author');
  const listed = await app.inject({ url: '/api/reports?tree=q164887', headers: { cookie } });
  expect(listed.json()).toMatchObject([
    {
      tree: 'q164887',
      node: 'service-pack',
      version: 2,
      category: 'out-of-date',
      text: 'A newer service pack exists',
      status: 'new',
    },
  ]);
  const id = listed.json<{ id: number }[]>()[0]?.id;
  const accepted = await app.inject({
    method: 'PATCH',
    url: `/api/reports/${id}`,
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { status: 'accepted' },
  });
  expect(accepted.json()).toMatchObject({ status: 'accepted' });
});

it('refuses a step that does not exist, a category it does not know, a long text and another origin', async () => {
  const app = await buildTestApp();
  const send = (payload: Record<string, unknown>, origin = OWN_ORIGIN) =>
    app.inject({ method: 'POST', url: '/api/reports', headers: { origin }, payload });
  const good = { tree: 'q164887', node: 'sms-version', category: 'wrong', text: 'x' };
  expect((await send({ ...good, node: 'no-such-node' })).statusCode).toBe(404);
  expect((await send({ ...good, tree: 'no-such-tree' })).statusCode).toBe(404);
  expect((await send({ ...good, category: 'spam' })).statusCode).toBe(400);
  expect((await send({ ...good, text: 'x'.repeat(1001) })).statusCode).toBe(400);
  expect((await send(good, 'https://evil.example')).statusCode).toBe(403);
});
