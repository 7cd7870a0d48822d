import type { FastifyInstance } from 'fastify';
import { expect, it } from 'vitest';
import type { Tree } from '../../src/engine/tree-schema';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { editedQ164887 } from '../testing/edited-q164887';
import { buildTestApp } from '../testing/test-app';

const form = (cookie: string, payload = '') => ({
  headers: {
    cookie,
    origin: OWN_ORIGIN,
    'content-type': 'application/x-www-form-urlencoded',
  },
  payload,
});

// Made from the shipped file, version 2 (the live version): a submission made from an older
// one is brought up to date before it is published (ADR 63).
async function submit(app: FastifyInstance, cookie: string, tree: Tree, summary: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { tree, summary, baseVersion: 2 },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

it('takes a submission through review to the live site, then restores version 1', async () => {
  const app = await buildTestApp();
  const author = await sessionFor(app, 'author');
  const publisher = await sessionFor(app, 'publisher');
  const id = await submit(app, author.cookie, await editedQ164887(), 'Clearer repeat question');

  // The publisher reads the changes node by node, the checks and the grouped impact.
  const review = await app.inject({
    url: `/admin/reviews/${id}`,
    headers: { cookie: publisher.cookie },
  });
  expect(review.statusCode).toBe(200);
  // Its words before and after, so the publisher need not look the old ones up.
  expect(review.body).toMatch(
    /<strong>Reworded<\/strong> “Does the same job start again each time the client starts\?” → “Does the job run again/,
  );
  expect(review.body).toContain(
    '<strong>Re-pointed</strong> the answer “Yes, as a service (Pcmsvc32.exe)”',
  );
  expect(review.body).toContain('sms-1-2 → sms-one-two');
  expect(review.body).toContain('It passes every check');
  expect(review.body).toMatch(
    /now leads elsewhere<\/strong>:\s+\d+ shared links?\s+end somewhere else/,
  );
  expect(review.body).toMatch(
    /changed from sms-1-2 to sms-one-two<\/strong>:\s+\d+ shared links\s+still work/,
  );
  expect(review.body).toContain('Publish as version 3');

  // An author may not publish (two-person publishing is the default).
  const refused = await app.inject({
    method: 'POST',
    url: `/api/submissions/${id}/publish`,
    headers: { cookie: author.cookie, origin: OWN_ORIGIN },
  });
  expect(refused.statusCode).toBe(403);

  const published = await app.inject({
    method: 'POST',
    url: `/admin/reviews/${id}/publish`,
    ...form(publisher.cookie),
  });
  expect(published.statusCode, published.body).toBe(303);
  expect(published.headers.location).toBe('/admin/history/q164887?published=3');

  // The site serves version 2 at once: its file, the archived version 1, the renamed step.
  const file = await app.inject({ url: '/trees/q164887.json' });
  expect(file.json<Tree>().version).toBe(3);
  expect((await app.inject({ url: '/trees/q164887.v2.json' })).json<Tree>().version).toBe(2);
  const renamed = await app.inject({ url: '/q164887/sms-one-two/os-upgrade' });
  expect(renamed.statusCode).toBe(200);
  expect(renamed.body).toContain('Does the job run again');
  expect((await app.inject({ url: '/' })).statusCode).toBe(200);
  expect(app.publishedSite.generation()).toBe(1);

  // The author sees it published.
  const mine = await app.inject({ url: '/api/submissions', headers: { cookie: author.cookie } });
  expect(mine.json()).toMatchObject({
    submissions: [{ id, status: 'published', publishedVersion: 3 }],
  });

  // Restore version 1: a new version 4 with version 1's content.
  const restore = await app.inject({
    method: 'POST',
    url: '/admin/history/q164887/restore/1',
    ...form(publisher.cookie),
  });
  expect(restore.statusCode).toBe(303);
  const restored = (await app.inject({ url: '/trees/q164887.json' })).json<Tree>();
  expect(restored.version).toBe(4);
  expect((await app.inject({ url: '/q164887/sms-1-2' })).statusCode).toBe(200);
  const history = await app.inject({
    url: '/api/trees/q164887/history',
    headers: { cookie: author.cookie },
  });
  expect(
    history.json<{ versions: { version: number; summary: string | null }[] }>().versions,
  ).toMatchObject([
    { version: 4, summary: 'Restored version 1' },
    { version: 3, summary: 'Clearer repeat question' },
    { version: 2, summary: null },
    { version: 1, summary: null },
  ]);
  const page = await app.inject({
    url: '/admin/history/q164887?from=2&to=3',
    headers: { cookie: author.cookie },
  });
  expect(page.body).toContain('Changes from version 2 to version 3');
  expect(page.body).toContain('publisher@example.com');
  // The troubleshooter's report and editor are a click away.
  expect(page.body).toContain('<a href="/map/q164887/report">Report:');
  expect(page.body).toContain('<a href="/edit/q164887">Edit</a>');

  // Every step of it is in the audit log.
  const admin = await sessionFor(app, 'admin');
  const audit = await app.inject({ url: '/api/audit', headers: { cookie: admin.cookie } });
  expect(audit.json<{ entries: { action: string }[] }>().entries.map((e) => e.action)).toEqual(
    expect.arrayContaining(['submission.submitted', 'tree.published', 'tree.restored']),
  );
}, 120_000);

it('sends a submission back with a comment the author reads', async () => {
  const app = await buildTestApp();
  const author = await sessionFor(app, 'author');
  const publisher = await sessionFor(app, 'publisher');
  const id = await submit(app, author.cookie, await editedQ164887(), 'Try');
  const empty = await app.inject({
    method: 'POST',
    url: `/admin/reviews/${id}/send-back`,
    ...form(publisher.cookie, 'comment=+'),
  });
  expect(empty.statusCode).toBe(400);
  const sent = await app.inject({
    method: 'POST',
    url: `/admin/reviews/${id}/send-back`,
    ...form(publisher.cookie, 'comment=Keep+the+old+address'),
  });
  expect(sent.statusCode).toBe(303);
  const list = await app.inject({ url: '/admin/reviews', headers: { cookie: author.cookie } });
  expect(list.body).toContain('Keep the old address');
  expect(list.body).toContain('Sent back');
  // Sent back: nobody publishes it any more.
  const late = await app.inject({
    method: 'POST',
    url: `/api/submissions/${id}/publish`,
    headers: { cookie: publisher.cookie, origin: OWN_ORIGIN },
  });
  expect(late.statusCode).toBe(409);
  expect(app.publishedSite.generation()).toBe(0);
});

it(
  'lets an author publish their own submission only with one-person publishing on',
  { timeout: 120_000 },
  async () => {
    const app = await buildTestApp();
    const author = await sessionFor(app, 'author');
    const admin = await sessionFor(app, 'admin');
    const id = await submit(app, author.cookie, await editedQ164887(), 'Alone');
    const publish = () =>
      app.inject({
        method: 'POST',
        url: `/api/submissions/${id}/publish`,
        headers: { cookie: author.cookie, origin: OWN_ORIGIN },
      });
    expect((await publish()).statusCode).toBe(403);
    const setting = await app.inject({
      method: 'POST',
      url: '/admin/publishing',
      ...form(admin.cookie, 'onePerson=true'),
    });
    expect(setting.statusCode).toBe(303);
    const response = await publish();
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ version: 3 });
  },
);

it('refuses a tree the rulebook refuses, and leaves the site as it was', async () => {
  const app = await buildTestApp();
  const author = await sessionFor(app, 'author');
  const tree = await editedQ164887();
  const question = tree.nodes.find((node) => node.id === 'repeats');
  if (question?.kind === 'question') question.answers[0]!.next = 'nowhere';
  const response = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie: author.cookie, origin: OWN_ORIGIN },
    payload: { tree, summary: 'Broken', baseVersion: 2 },
  });
  expect(response.statusCode).toBe(400);
  expect(response.json()).toMatchObject({
    error: 'invalid-tree',
    problems: [{ path: '$.nodes[2].answers[0].next' }],
  });
  expect((await app.inject({ url: '/trees/q164887.json' })).json<Tree>().version).toBe(2);
  expect(app.publishedSite.generation()).toBe(0);
});

it('the review of a new troubleshooter lists what it holds, not "No changes"', async () => {
  const app = await buildTestApp();
  const author = await sessionFor(app, 'author');
  const publisher = await sessionFor(app, 'publisher');
  const tree = await editedQ164887();
  const fresh: Tree = {
    ...tree,
    id: 'printer-offline',
    title: 'Printer shows offline',
    version: 1,
  };
  const response = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie: author.cookie, origin: OWN_ORIGIN },
    payload: { tree: fresh, summary: 'New', baseVersion: null },
  });
  expect(response.statusCode, response.body).toBe(201);
  const review = await app.inject({
    url: `/admin/reviews/${response.json<{ id: number }>().id}`,
    headers: { cookie: publisher.cookie },
  });
  expect(review.statusCode).toBe(200);
  expect(review.body).not.toContain('No changes.');
  const questions = fresh.nodes.filter((node) => node.kind === 'question').length;
  expect(review.body).toContain(`“Printer shows offline”: ${questions} questions and`);
  const start = fresh.nodes.find((node) => node.id === fresh.start);
  expect(start?.kind).toBe('question');
  if (start?.kind === 'question')
    expect(review.body).toContain(`<strong>Question</strong> “${start.prompt}”`);
});
