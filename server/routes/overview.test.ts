// `/admin`, the overview signing in leads to: what each role sees, and the latest publication.
import { expect, it } from 'vitest';
import { PAGE_CONTENT_SECURITY_POLICY } from '../pages/page-layout';
import { editedQ164887 } from '../testing/edited-q164887';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';

const TITLE = 'Windows NT upgrade job runs again at every restart (SMS 1.2)';

it('lists each role’s way in, its queue, and what was published from the server', async () => {
  const app = await buildTestApp();
  const author = await sessionFor(app, 'author');
  const publisher = await sessionFor(app, 'publisher');
  const admin = await sessionFor(app, 'admin');
  const overview = async (cookie: string) => {
    const response = await app.inject({ url: '/admin', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    // The server pages' own policy, which allows their one stylesheet.
    expect(response.headers['content-security-policy']).toBe(PAGE_CONTENT_SECURITY_POLICY);
    return response.body;
  };

  // A fresh install: the troubleshooters shipped with the site, to open from here.
  // The page's markup wraps where its formatter wraps it: compared with spaces as spaces.
  const text = (body: string) => body.replace(/\s+/g, ' ');
  const fresh = text(await overview(publisher.cookie));
  expect(fresh).toContain('<h1 tabindex="-1">Overview</h1>');
  expect(fresh).toContain('<a href="/admin/reviews">Reviews</a>: nothing waiting for review');
  expect(fresh).toContain(`<a href="/admin/history/q164887">${TITLE}</a>: version 2`);
  expect(fresh).toContain('shipped with the site');
  expect(fresh).not.toContain('Run the site');

  const submitted = await app.inject({
    method: 'POST',
    url: '/api/submissions',
    headers: { cookie: author.cookie, origin: OWN_ORIGIN },
    payload: { tree: await editedQ164887(), summary: 'Clearer repeat question', baseVersion: 2 },
  });
  expect(submitted.statusCode, submitted.body).toBe(201);
  expect(await overview(publisher.cookie)).toContain(
    '<a href="/admin/reviews">Reviews</a>: one submission waiting for review',
  );
  expect(await overview(author.cookie)).toContain(
    '<a href="/admin/reviews">Your submissions</a>: 1 of yours waiting, 0 sent back to you',
  );

  const published = await app.inject({
    method: 'POST',
    url: `/api/submissions/${submitted.json<{ id: number }>().id}/publish`,
    headers: { cookie: publisher.cookie, origin: OWN_ORIGIN },
  });
  expect(published.statusCode, published.body).toBe(200);
  const after = await overview(author.cookie);
  expect(text(after)).toContain(
    `<a href="/admin/history/q164887">${TITLE}</a>: version 3, “Clearer repeat question”`,
  );
  expect(after).toContain('<a href="/edit/q164887">Edit</a>');
  expect(after).toContain('<a href="/map/q164887/report">Report</a>');
  expect(after).toContain('publisher@example.com');
  expect(after).toContain('0 of yours waiting, 0 sent back to you');
  expect(after).not.toContain('Run the site');

  // Admins also get the site's settings; everyone's header links back here.
  const forAdmin = await overview(admin.cookie);
  for (const [path, label] of [
    ['settings', 'Settings'],
    ['tickets', 'Helpdesk'],
    ['webhooks', 'Webhooks'],
    ['publishing', 'Publishing'],
    ['audit', 'Audit log'],
  ]) {
    expect(forAdmin).toContain(`<a href="/admin/${path}">${label}</a>:`);
  }
  expect(forAdmin).toContain('<a href="/admin">Overview</a>');
});

it('signed out, the overview asks for a sign-in that leads back to it', async () => {
  const app = await buildTestApp();
  const response = await app.inject({ url: '/admin' });
  expect(response.statusCode).toBe(303);
  expect(response.headers.location).toBe('/sign-in?return=%2Fadmin');
});

it('an address under /admin that no page has: the trailing slash dropped, else the server’s not-found page', async () => {
  const app = await buildTestApp();
  const admin = await sessionFor(app, 'admin');
  const slash = await app.inject({ url: '/admin/?x=1' });
  expect(slash.statusCode).toBe(301);
  expect(slash.headers.location).toBe('/admin?x=1');
  expect((await app.inject({ url: '/admin/settings/' })).headers.location).toBe('/admin/settings');

  const nope = await app.inject({ url: '/admin/nope', headers: { cookie: admin.cookie } });
  expect(nope.statusCode).toBe(404);
  expect(nope.headers['content-security-policy']).toBe(PAGE_CONTENT_SECURITY_POLICY);
  expect(nope.body).toContain('There is no page of the server at this address.');
  expect(nope.body).toContain('<a href="/admin">Back to the overview</a>');
  expect(nope.body).not.toContain('No troubleshooter is called');
});
