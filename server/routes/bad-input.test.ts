// Input the server cannot use is refused with 400 (or the HTML pages' own answers), never a
// 500; a failure of the server's own is a 500 that says nothing of the database (review 8,
// item 3). On PGlite and PostgreSQL alike (TEST_DATABASE_URL picks PostgreSQL).
import type { FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { newTree } from '../../src/engine/tree-edits';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing/test-app';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';

const TOO_LARGE = '3000000000';

describe('numbers and dates the database cannot hold', () => {
  let app: FastifyInstance;
  let admin: string;
  beforeEach(async () => {
    app = await buildTestApp();
    admin = (await sessionFor(app, 'admin')).cookie;
  });

  it.each([
    { method: 'GET', url: `/api/submissions/${TOO_LARGE}` },
    { method: 'GET', url: '/api/audit?before=99999999999999999999' },
    { method: 'GET', url: `/api/webhooks/${TOO_LARGE}/deliveries` },
    { method: 'GET', url: `/api/webhooks/1/deliveries?before=${TOO_LARGE}` },
    { method: 'POST', url: `/api/submissions/${TOO_LARGE}/publish` },
    { method: 'POST', url: `/api/webhooks/deliveries/${TOO_LARGE}/resend` },
    { method: 'PATCH', url: `/api/reports/${TOO_LARGE}`, payload: { status: 'done' } },
    { method: 'DELETE', url: `/api/webhooks/${TOO_LARGE}` },
    {
      method: 'PUT',
      url: '/api/drafts/new:big',
      payload: { revision: Number(TOO_LARGE), basedOn: null, tree: newTree('big') },
    },
  ] as const)('$method $url: refused with 400, never a 500', async (request) => {
    const response = await app.inject({
      ...request,
      headers: { cookie: admin, origin: OWN_ORIGIN },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(/failed query/i);
  });

  it('refuses ids over int4 in the API with 400 and says which', async () => {
    const response = await app.inject({
      url: `/api/submissions/${TOO_LARGE}`,
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe('params/id must be <= 2147483647');
  });

  it('answers the not-found page for an id over int4 in a page address', async () => {
    for (const url of [
      `/admin/reviews/${TOO_LARGE}`,
      `/admin/history/q164887/restore/${TOO_LARGE}`,
    ]) {
      const response = await app.inject({ url, headers: { cookie: admin } });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).not.toMatch(/failed query/i);
    }
  });

  it('answers the audit page for a `before` over int4, as for one that is no number', async () => {
    for (const before of ['99999999999999999999', 'abc']) {
      const response = await app.inject({
        url: `/admin/audit?before=${before}`,
        headers: { cookie: admin },
      });
      expect(response.statusCode, before).toBe(400);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('not an entry number');
      expect(response.body).not.toMatch(/failed query|FST_ERR/i);
    }
  });

  it.each(['2026-02-30', '2026-13-45', '0000-00-00', '2025-02-29'])(
    'refuses the report from %s, a day not on the calendar, with 400 and a sentence',
    async (day) => {
      for (const url of [
        `/api/analytics/q164887?from=${day}`,
        `/api/analytics/q164887/csv?to=${day}`,
      ]) {
        const response = await app.inject({ url, headers: { cookie: admin } });
        expect(response.statusCode, url).toBe(400);
        expect(response.json().message).toMatch(`${day}, is not a day on the calendar`);
      }
    },
  );

  it('takes 29 February in a leap year, and refuses a range that ends before it starts', async () => {
    const leap = await app.inject({
      url: '/api/analytics/q164887?from=2028-02-29&to=2028-03-01',
      headers: { cookie: admin },
    });
    expect(leap.statusCode).not.toBe(400);
    const reversed = await app.inject({
      url: '/api/analytics/q164887?from=2026-12-31&to=2026-01-01',
      headers: { cookie: admin },
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().message).toBe(
      'The range starts (2026-12-31) after it ends (2026-01-01).',
    );
  });
});

describe('a failure of the server’s own', () => {
  it('answers 500 with a sentence of ours, logs the error with its stack, and never sends the query', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildTestApp({ logger: { level: 'error', stream } });
    const admin = (await sessionFor(app, 'admin')).cookie;
    // The audit log's table is gone: every query of it fails in the database.
    await app.db.execute(sql`alter table audit_events rename to audit_events_away`);
    try {
      const api = await app.inject({ url: '/api/audit', headers: { cookie: admin } });
      expect(api.statusCode).toBe(500);
      expect(api.json()).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        message: 'The server failed to answer. It has been logged: try again in a moment.',
      });
      const page = await app.inject({ url: '/admin/audit', headers: { cookie: admin } });
      expect(page.statusCode).toBe(500);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.body).toContain('Something went wrong');
      expect(page.body).toContain('Sign out');
      expect(page.body).not.toMatch(/audit_events|failed query/i);
    } finally {
      await app.db.execute(sql`alter table audit_events_away rename to audit_events`);
    }
    const logged = lines.map(
      (line) => JSON.parse(line) as { msg: string; err?: { stack?: string } },
    );
    expect(logged.filter((line) => line.msg === 'request failed')).toHaveLength(2);
    expect(logged[0]?.err?.stack).toMatch(/audit_events/);
  });
});
