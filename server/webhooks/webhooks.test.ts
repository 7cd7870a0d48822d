import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it, onTestFinished } from 'vitest';
import { webhookAttempts, webhookDeliveries } from '../db/schema';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp, testDatabase } from '../testing/test-app';
import { signWebhook, verifyWebhook } from './signature';

/** A local receiver: checks each request's signature, answers with the next status given. */
async function startReceiver(statuses: number[]) {
  const received: { event: string; body: string; signed: boolean }[] = [];
  let secret = '';
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signed = verifyWebhook(
        secret,
        body,
        request.headers['troubleshooter-signature'] as string | undefined,
        Math.floor(Date.now() / 1000),
      );
      received.push({ event: String(request.headers['troubleshooter-event']), body, signed });
      response.statusCode = signed ? (statuses.shift() ?? 200) : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    useSecret: (value: string) => {
      secret = value;
    },
  };
}

it('signs with HMAC-SHA256 over the timestamp and the body, and refuses another body, secret or an old timestamp', () => {
  const header = signWebhook('whsec_test', '{"a":1}', 1_700_000_000);
  expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  expect(verifyWebhook('whsec_test', '{"a":1}', header, 1_700_000_010)).toBe(true);
  expect(verifyWebhook('whsec_test', '{"a":2}', header, 1_700_000_010)).toBe(false);
  expect(verifyWebhook('whsec_other', '{"a":1}', header, 1_700_000_010)).toBe(false);
  expect(verifyWebhook('whsec_test', '{"a":1}', header, 1_700_001_000)).toBe(false);
  expect(verifyWebhook('whsec_test', '{"a":1}', undefined, 1_700_000_010)).toBe(false);
});

it('a step report reaches a signed endpoint: failed twice, accepted the third time, three attempts in the log, and sent again on request', async () => {
  const receiver = await startReceiver([500, 503]);
  const waits: number[] = [];
  // The backoff, injected: it records the attempt it waits for and does not sleep.
  const app = await buildTestApp({
    webhooks: {
      wait: async (attempt) => {
        waits.push(attempt);
      },
    },
  });
  const { cookie } = await sessionFor(app, 'admin');
  const added = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { url: receiver.url, events: ['step-report', 'not-solved'] },
  });
  expect(added.statusCode).toBe(201);
  const endpoint = added.json<{ id: number; secret: string }>();
  expect(endpoint.secret).toMatch(/^whsec_/);
  receiver.useSecret(endpoint.secret);
  // The secret is shown once: the list leaves it out.
  const listed = await app.inject({ url: '/api/webhooks', headers: { cookie } });
  expect(listed.json()).toEqual([
    expect.not.objectContaining({ secret: expect.anything() as unknown }),
  ]);

  const report = await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: { origin: OWN_ORIGIN },
    payload: { tree: 'q164887', node: 'service-pack', category: 'out-of-date', text: 'SP3 is out' },
  });
  expect(report.statusCode).toBe(201);
  await app.webhooks.idle();

  expect(receiver.received.map((entry) => entry.signed)).toEqual([true, true, true]);
  expect(receiver.received.map((entry) => entry.event)).toEqual(Array(3).fill('step-report'));
  expect(JSON.parse(receiver.received[0]?.body ?? '{}')).toMatchObject({
    event: 'step-report',
    data: { tree: 'q164887', node: 'service-pack', category: 'out-of-date', text: 'SP3 is out' },
  });
  expect(waits).toEqual([2, 3]);

  const log = await app.inject({
    url: `/api/webhooks/${endpoint.id}/deliveries`,
    headers: { cookie },
  });
  const [delivery] =
    log.json<{ id: number; status: string; attempts: { httpStatus: number }[] }[]>();
  expect(delivery?.status).toBe('delivered');
  expect(delivery?.attempts.map((entry) => entry.httpStatus)).toEqual([500, 503, 200]);

  const resent = await app.inject({
    method: 'POST',
    url: `/api/webhooks/deliveries/${delivery?.id}/resend`,
    headers: { cookie, origin: OWN_ORIGIN },
  });
  expect(resent.statusCode).toBe(202);
  await app.webhooks.idle();
  const again = await app.inject({
    url: `/api/webhooks/${endpoint.id}/deliveries`,
    headers: { cookie },
  });
  expect(
    again.json<{ attempts: { httpStatus: number }[] }[]>()[0]?.attempts.map((e) => e.httpStatus),
  ).toEqual([500, 503, 200, 200]);
  expect(receiver.received).toHaveLength(4);
});

it('gives up after the last attempt and says so; refuses addresses that are not https:', async () => {
  const receiver = await startReceiver([500, 500, 500]);
  const app = await buildTestApp({ webhooks: { attempts: 3, wait: async () => {} } });
  const { cookie } = await sessionFor(app, 'admin');
  const added = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { url: receiver.url, events: ['step-report'] },
  });
  receiver.useSecret(added.json<{ secret: string }>().secret);
  await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: { origin: OWN_ORIGIN },
    payload: { tree: 'q164887', node: 'sms-version', category: 'unclear', text: '?' },
  });
  await app.webhooks.idle();
  const log = await app.inject({
    url: `/api/webhooks/${added.json<{ id: number }>().id}/deliveries`,
    headers: { cookie },
  });
  expect(log.json()).toMatchObject([{ status: 'failed', attempts: [{}, {}, {}] }]);

  for (const url of [
    'http://hooks.example/x',
    'javascript:alert(1)',
    'https://u:p@hooks.example/',
  ]) {
    const refused = await app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: { cookie, origin: OWN_ORIGIN },
      payload: { url, events: ['outcome'] },
    });
    expect(refused.statusCode).toBe(400);
  }
});

it('stops its deliveries when the server closes: an attempt under way is cut off, nothing is logged as an error, and the delivery stays pending', async () => {
  // A receiver that never answers: it says when a request came, and when it was cut off.
  let arrived = () => {};
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  let cutOff = () => {};
  const requestCutOff = new Promise<void>((resolve) => (cutOff = resolve));
  const receiver = createServer((request: IncomingMessage) => {
    request.on('close', () => cutOff());
    arrived();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => {
    receiver.closeAllConnections();
    return new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
  const errors: string[] = [];
  // No timeout and no end to a wait: only the close can end this delivery.
  const app = await buildTestApp({
    logger: { level: 'error', stream: { write: (line: string) => void errors.push(line) } },
    webhooks: { timeoutMs: 86_400_000, wait: () => new Promise<void>(() => {}) },
  });
  const { cookie } = await sessionFor(app, 'admin');
  const { port } = receiver.address() as AddressInfo;
  const added = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie, origin: OWN_ORIGIN },
    payload: { url: `http://127.0.0.1:${port}/hooks`, events: ['step-report'] },
  });
  expect(added.statusCode).toBe(201);
  await app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: { origin: OWN_ORIGIN },
    payload: { tree: 'q164887', node: 'sms-version', category: 'unclear', text: '?' },
  });
  await requestArrived;

  await app.close();
  await requestCutOff;
  expect(errors).toEqual([]);
  const { db } = await testDatabase();
  expect(await db.select({ status: webhookDeliveries.status }).from(webhookDeliveries)).toEqual([
    { status: 'pending' },
  ]);
  expect(await db.select().from(webhookAttempts)).toEqual([]);
});
