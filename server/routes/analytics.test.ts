import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyticsDaily, analyticsEvents } from '../db/schema';
import { buildTestApp } from '../testing/test-app';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';

const TREE = 'q164887';
const step = (node: string, trail = '') => ({ kind: 'step', tree: TREE, version: 1, node, trail });
const answer = (node: string, slug: string) => ({
  kind: 'answer',
  tree: TREE,
  version: 1,
  node,
  answer: slug,
});

function post(app: FastifyInstance, body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/events',
    headers: { origin: OWN_ORIGIN, 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('walk events and reports', () => {
  let app: FastifyInstance;
  let author: string;
  beforeEach(async () => {
    app = await buildTestApp({ analyticsRateLimit: 5 });
    author = (await sessionFor(app, 'author')).cookie;
  });

  it('stores what fits the published version, counts it per day, and reports it', async () => {
    const sent = await post(
      app,
      {
        events: [
          step('sms-version'),
          answer('sms-version', 'version-unsure'),
          step('upgrade-job', 'version-unsure'),
          answer('upgrade-job', 'other-job'),
          step('ruled-out-job', 'version-unsure/other-job'),
          { kind: 'outcome', tree: TREE, version: 1, node: 'ruled-out-job' },
          step('sms-version'),
          answer('sms-version', 'version-unsure'),
          step('upgrade-job', 'version-unsure'),
          // Not in the published tree: dropped.
          step('no-such-node'),
          answer('sms-version', 'no-such-answer'),
          { kind: 'step', tree: TREE, version: 99, node: 'sms-version' },
        ],
      },
      // A beacon's body.
      { 'content-type': 'text/plain;charset=UTF-8' },
    );
    expect(sent.json()).toEqual({ stored: 9 });
    const [raw] = await app.db.select({ n: sql<number>`count(*)::int` }).from(analyticsEvents);
    expect(raw?.n).toBe(9);
    const [daily] = await app.db.select({ n: sql<number>`sum(count)::int` }).from(analyticsDaily);
    expect(daily?.n).toBe(9);

    const response = await app.inject({
      // Q164887 is at version 2 now; these events are for version 1.
      url: `/api/analytics/${TREE}?v=1`,
      headers: { cookie: author },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    const [version] = report.versions;
    expect(version.walks).toBe(2);
    const byId = Object.fromEntries(version.nodes.map((node: { id: string }) => [node.id, node]));
    expect(byId['sms-version']).toMatchObject({ reached: 2, left: 0, notSureFrequent: true });
    expect(byId['upgrade-job']).toMatchObject({ reached: 2, left: 1, notSureFrequent: false });
    expect(byId['ruled-out-job']).toMatchObject({ reached: 1 });

    const csv = await app.inject({
      url: `/api/analytics/${TREE}/csv?v=1`,
      headers: { cookie: author },
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')).toContain(
      'q164887,1,upgrade-job,question,Is the job a Windows NT upgrade that restarts the client?,2,1,os-upgrade=0 job-unsure=0 other-job=1,no,,',
    );
  });

  it('refuses what is not an event, another site, and too many batches', async () => {
    expect((await post(app, 'not json', { 'content-type': 'text/plain' })).statusCode).toBe(400);
    expect((await post(app, { events: [{ kind: 'visit', tree: TREE }] })).statusCode).toBe(400);
    // Anything beyond an event's fields is dropped before it is stored (removeAdditional).
    expect(
      (await post(app, { events: [{ ...step('sms-version'), ip: '1.2.3.4' }] })).json(),
    ).toEqual({ stored: 1 });
    expect(
      (await post(app, { events: [step('sms-version')] }, { origin: 'https://elsewhere.example' }))
        .statusCode,
    ).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await post(app, { events: [step('sms-version')] })).statusCode);
    }
    expect(statuses).toContain(429);
    // No cookie for the walker.
    expect(
      (await post(app, { events: [step('sms-version')] })).headers['set-cookie'],
    ).toBeUndefined();
  });

  it('keeps raw events for the retention, and the daily counts for good', async () => {
    await post(app, { events: [step('sms-version')] });
    await app.db.execute(sql`update analytics_events set at = now() - interval '14 months'`);
    const admin = (await sessionFor(app, 'admin')).cookie;
    const saved = await app.inject({
      method: 'PUT',
      url: '/api/settings/analytics',
      headers: { origin: OWN_ORIGIN, cookie: admin },
      payload: { retentionMonths: 13 },
    });
    expect(saved.statusCode).toBe(204);
    await expect.poll(async () => (await app.db.select().from(analyticsEvents)).length).toBe(0);
    expect((await app.db.select().from(analyticsDaily)).length).toBe(1);
  });
});
