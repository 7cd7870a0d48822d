import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { analyticsDaily, analyticsEvents, sessions, webhookDeliveries } from '../db/schema';
import { SESSION_COOKIE } from '../plugins/auth';
import { buildTestApp } from '../testing/test-app';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { verifyWebhook } from '../webhooks/signature';

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

    // Version 1 (the events' version): the report shows the newest unless asked.
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

  it("accepts a signed-in account's batch, and stores and sends none of it", async () => {
    const admin = (await sessionFor(app, 'admin')).cookie;
    const hook = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie: admin, origin: OWN_ORIGIN },
      payload: { url: 'https://hooks.example/x', events: ['outcome', 'not-solved'] },
    });
    expect(hook.statusCode).toBe(201);
    const walk = {
      events: [
        step('ruled-out-job', 'version-unsure/other-job'),
        { kind: 'outcome', tree: TREE, version: 1, node: 'ruled-out-job' },
        { kind: 'unsolved', tree: TREE, version: 1, node: 'ruled-out-job' },
      ],
    };
    // A beacon from a page of someone signed in carries their session cookie.
    const beacon = { 'content-type': 'text/plain;charset=UTF-8' };
    for (const cookie of [author, (await sessionFor(app, 'publisher')).cookie, admin]) {
      const sent = await post(app, walk, { ...beacon, cookie });
      expect(sent.statusCode).toBe(200);
      expect(sent.headers['cache-control']).toBe('no-store');
      expect(sent.json()).toEqual({ stored: 0 });
    }
    await app.webhooks.idle();
    expect(await app.db.select().from(analyticsEvents)).toEqual([]);
    expect(await app.db.select().from(analyticsDaily)).toEqual([]);
    expect(await app.db.select().from(webhookDeliveries)).toEqual([]);

    // A cookie that names no live session (made up, or its session ended) is a walker's.
    const walker = { events: [step('sms-version')] };
    const madeUp = await post(app, walker, { ...beacon, cookie: `${SESSION_COOKIE}=made-up` });
    expect(madeUp.json()).toEqual({ stored: 1 });
    await app.db.delete(sessions);
    expect((await post(app, walker, { ...beacon, cookie: author })).json()).toEqual({ stored: 1 });
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

  it('stores the ticket and client a walk was for, and sends the outcome and not-solved webhooks with them', async () => {
    // A local receiver that checks each signature.
    let secret = '';
    const received: { event: string; data: unknown; signed: boolean }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({
          event: String(request.headers['troubleshooter-event']),
          data: (JSON.parse(body) as { data: unknown }).data,
          signed: verifyWebhook(
            secret,
            body,
            request.headers['troubleshooter-signature'] as string | undefined,
            Math.floor(Date.now() / 1000),
          ),
        });
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => receiver.close(() => resolve())));
    const { port } = receiver.address() as AddressInfo;
    const admin = (await sessionFor(app, 'admin')).cookie;
    const added = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie: admin, origin: OWN_ORIGIN },
      payload: { url: `http://127.0.0.1:${port}/hooks`, events: ['outcome', 'not-solved'] },
    });
    expect(added.statusCode).toBe(201);
    secret = added.json<{ secret: string }>().secret;

    const context = { ticket: 'INC0012345', client: 'WS-0042' };
    const trail = 'version-unsure/other-job';
    const sent = await post(app, {
      events: [
        { ...step('ruled-out-job', trail), ...context },
        { kind: 'outcome', tree: TREE, version: 1, node: 'ruled-out-job', trail, ...context },
        { kind: 'unsolved', tree: TREE, version: 1, node: 'ruled-out-job', ...context },
        // Without an address that carried them: nothing stored for them.
        step('sms-version'),
      ],
    });
    expect(sent.json()).toEqual({ stored: 4 });
    const rows = await app.db
      .select({
        kind: analyticsEvents.kind,
        ticket: analyticsEvents.ticket,
        client: analyticsEvents.client,
      })
      .from(analyticsEvents)
      .orderBy(analyticsEvents.id);
    expect(rows).toEqual([
      { kind: 'step', ...context },
      { kind: 'outcome', ...context },
      { kind: 'unsolved', ...context },
      { kind: 'step', ticket: null, client: null },
    ]);

    await app.webhooks.idle();
    const where = { tree: TREE, version: 1, node: 'ruled-out-job', ...context };
    expect(received.sort((a, b) => a.event.localeCompare(b.event))).toEqual([
      { event: 'not-solved', data: where, signed: true },
      { event: 'outcome', data: { ...where, trail }, signed: true },
    ]);

    // A value that is not plainly a ticket number is refused, as the wizard drops it.
    expect(
      (await post(app, { events: [{ ...step('sms-version'), ticket: '<script>' }] })).statusCode,
    ).toBe(400);
  });
});
