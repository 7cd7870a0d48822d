import type { FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { auditEvents } from '../db/schema';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { buildTestApp } from '../testing/test-app';
import { verifyWebhook } from '../webhooks/signature';

// The admin pages of issue 26 (plain forms, no script): the helpdesk setting, the webhooks
// with their delivery log, and the review threshold on the settings page.
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: OWN_ORIGIN };
const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of [value].flat()) params.append(name, one);
  }
  return params.toString();
};

let app: FastifyInstance;
let admin: string;
beforeEach(async () => {
  app = await buildTestApp();
  admin = (await sessionFor(app, 'admin')).cookie;
});

const get = (url: string) => app.inject({ url, headers: { cookie: admin } });
const post = (url: string, fields: Record<string, string | string[]>) =>
  app.inject({ method: 'POST', url, headers: { ...FORM, cookie: admin }, payload: form(fields) });
const audit = async (action: string) =>
  (await app.db.select().from(auditEvents)).filter((entry) => entry.action === action);

describe('the helpdesk page', () => {
  it('shows a bad address beside its field and saves nothing', async () => {
    const refused = await post('/admin/tickets', {
      system: 'servicenow',
      url: 'http://acme.service-now.com',
      action: 'save',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-security-policy']).toContain("default-src 'none'");
    const page = refused.body;
    expect(page).toContain('<title>Error: Helpdesk · Troubleshooter</title>');
    expect(page).toMatch(
      /id="url-error" class="field-error">.*Only an address starting https:\/\//s,
    );
    expect(page).toMatch(
      /id="url"[^>]*aria-describedby="url-hint url-error"[^>]*aria-invalid="true"/s,
    );
    // What was typed stays in the field, the system stays chosen.
    expect(page).toContain('value="http://acme.service-now.com"');
    expect(page).toMatch(/id="system-servicenow"[^>]*checked/s);
    expect((await app.inject({ url: '/config.json' })).json()).not.toHaveProperty('tickets');

    const mail = await post('/admin/tickets', {
      system: 'email',
      email: 'desk@acme.example?bcc=spy@evil.example',
    });
    expect(mail.statusCode).toBe(400);
    expect(mail.body).toMatch(/id="email-error"[^>]*>.*no \?, &amp; or other parameters/s);
    const template = await post('/admin/tickets', {
      system: 'template',
      template: 'javascript:alert({subject})',
    });
    expect(template.statusCode).toBe(400);
    expect(template.body).toMatch(/id="template-error"[^>]*>.*https:\/\/ or mailto:/s);
    const noPlaceholder = await post('/admin/tickets', {
      system: 'template',
      template: 'https://helpdesk.acme.example/new',
    });
    expect(noPlaceholder.body).toMatch(/id="template-error"[^>]*>.*must use \{subject\}/s);
    const unknown = await post('/admin/tickets', { system: 'remedy' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('id="system-error"');
    const long = await post('/admin/tickets', {
      system: 'zendesk',
      url: 'https://acme.zendesk.com',
      label: 'x'.repeat(81),
    });
    expect(long.body).toMatch(/id="label-error"[^>]*>.*keep it to 80/s);
    expect(await audit('settings.changed')).toEqual([]);
  });

  it('shows the example without saving, then saves: the Q164887 escalation opens a new ServiceNow incident', async () => {
    const preview = await post('/admin/tickets', {
      system: 'servicenow',
      url: 'https://acme.service-now.com',
      action: 'preview',
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Not saved yet');
    expect(preview.body).toContain(
      'https://acme.service-now.com/incident.do?sys_id=-1&amp;sysparm_query=',
    );
    expect((await app.inject({ url: '/config.json' })).json()).not.toHaveProperty('tickets');

    const saved = await post('/admin/tickets', {
      system: 'servicenow',
      url: 'https://acme.service-now.com',
      label: 'Open an incident',
      action: 'save',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/tickets?saved');
    expect((await app.inject({ url: '/config.json' })).json()).toMatchObject({
      tickets: {
        system: 'servicenow',
        url: 'https://acme.service-now.com',
        label: 'Open an incident',
      },
    });
    const page = (await get('/admin/tickets?saved')).body;
    expect(page).toContain('Saved. “Open a ticket” opens the address below from now on.');
    // The example: the escalation of the shipped Q164887 walk, its parameters decoded.
    const href = /<p class="ticket-example"><code>([^<]+)<\/code>/.exec(page)?.[1];
    const url = new URL((href ?? '').replace(/&amp;/g, '&'));
    expect(url.pathname).toBe('/incident.do');
    expect(url.searchParams.get('sys_id')).toBe('-1');
    const query = url.searchParams.get('sysparm_query') ?? '';
    expect(query).toMatch(/^short_description=.*: Escalate\^description=/s);
    expect(query).toContain('Ticket: INC0012345');
    expect(query).toContain('http://localhost:80/q164887/');
    expect(page).toContain('<dt><code>sysparm_query</code></dt>');
    expect(await audit('settings.changed')).toEqual([
      expect.objectContaining({ subject: 'tickets' }),
    ]);

    // None: the button goes.
    expect((await post('/admin/tickets', { system: '', action: 'save' })).statusCode).toBe(303);
    expect((await app.inject({ url: '/config.json' })).json()).not.toHaveProperty('tickets');
    expect((await get('/admin/tickets?saved')).body).toContain('No helpdesk is set');
  });

  it('is linked from the admin navigation', async () => {
    const page = (await get('/admin/settings')).body;
    expect(page).toContain('<a href="/admin/tickets">Helpdesk</a>');
    expect(page).toContain('<a href="/admin/webhooks">Webhooks</a>');
  });
});

async function startReceiver(statuses: number[]) {
  const received: { body: string; signature: string | undefined }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: request.headers['troubleshooter-signature'] as string | undefined,
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received };
}

describe('the webhook pages', () => {
  it('refuses a bad address and no events, each beside its field', async () => {
    const refused = await post('/admin/webhooks', { url: 'ftp://hooks.example' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="url-error"[^>]*>.*Only an address starting https:\/\//s);
    expect(refused.body).toMatch(/id="events-error"[^>]*>.*Choose at least one event/s);
    expect(refused.body).toContain('value="ftp://hooks.example"');
    expect((await app.inject({ url: '/api/webhooks', headers: { cookie: admin } })).json()).toEqual(
      [],
    );
  });

  it('adds one (its secret shown once), logs a delivery, resends it, and removes it after asking', async () => {
    const receiver = await startReceiver([500]);
    app = await buildTestApp({ webhooks: { attempts: 1, wait: async () => undefined } });
    admin = (await sessionFor(app, 'admin')).cookie;
    const added = await post('/admin/webhooks', {
      url: receiver.url,
      events: ['step-report', 'not-solved'],
    });
    expect(added.statusCode).toBe(201);
    const secret = /<code id="webhook-secret">(whsec_[^<]+)<\/code>/.exec(added.body)?.[1] ?? '';
    expect(secret).not.toBe('');
    expect(added.body).toContain('It is shown only this once');
    const [endpoint] = (
      await app.inject({ url: '/api/webhooks', headers: { cookie: admin } })
    ).json<{ id: number; events: string[] }[]>();
    expect(endpoint?.events).toEqual(['not-solved', 'step-report']);
    const list = (await get('/admin/webhooks')).body;
    expect(list).toContain(receiver.url);
    expect(list).not.toContain(secret);

    const report = await app.inject({
      method: 'POST',
      url: '/api/reports',
      headers: { origin: OWN_ORIGIN },
      payload: { tree: 'q164887', node: 'service-pack', category: 'wrong', text: 'SP3' },
    });
    expect(report.statusCode).toBe(201);
    await app.webhooks.idle();
    const first = receiver.received[0];
    expect(
      verifyWebhook(secret, first?.body ?? '', first?.signature, Math.floor(Date.now() / 1000)),
    ).toBe(true);

    const log = (await get(`/admin/webhooks/${endpoint?.id}`)).body;
    expect(log).toContain('<td><code>step-report</code></td>');
    expect(log).toContain('HTTP 500');
    expect(log).toContain('<td>Failed</td>');
    const action = /action="(\/admin\/webhooks\/\d+\/deliveries\/\d+\/resend)"/.exec(log)?.[1];
    expect(action).toBeDefined();
    const resent = await post(action ?? '', {});
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toMatch(/^\/admin\/webhooks\/\d+\?resent=\d+$/);
    await app.webhooks.idle();
    const again = (await get(resent.headers.location ?? '')).body;
    expect(again).toContain('Sending it again');
    expect(again).toContain('HTTP 500');
    expect(again).toContain('HTTP 200');
    expect(again).toContain('<td>Delivered</td>');
    expect(receiver.received).toHaveLength(2);
    // Another endpoint's delivery is not resent through this one.
    expect((await post(`/admin/webhooks/999/deliveries/1/resend`, {})).statusCode).toBe(404);

    const confirm = await get(`/admin/webhooks/${endpoint?.id}/remove`);
    expect(confirm.body).toContain('Remove this webhook?');
    expect(confirm.body).toContain('its delivery log is deleted with it');
    const removed = await post(`/admin/webhooks/${endpoint?.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect((await get('/admin/webhooks?removed')).body).toContain('Webhook removed.');
    expect((await get('/admin/webhooks?removed')).body).toContain('No webhooks yet.');
    expect((await get(`/admin/webhooks/${endpoint?.id}`)).statusCode).toBe(404);
    expect((await audit('webhook.added')).length).toBe(1);
    expect((await audit('webhook.resent')).length).toBe(1);
    expect((await audit('webhook.removed')).length).toBe(1);
  });
});

describe('the review threshold on the settings page', () => {
  const settings = (fields: Record<string, string>) =>
    post('/admin/settings', {
      allowedOrigins: '',
      escalationLabel: '',
      escalationAddress: '',
      retentionMonths: '13',
      ...fields,
    });

  it('saves it, and shows a bad number beside its field without saving anything', async () => {
    const page = (await get('/admin/settings')).body;
    expect(page).toContain('Review: when a troubleshooter is marked for review');
    expect(page).toMatch(/id="notSolvedPercent"[^>]*value="50"/s);

    const refused = await settings({ notSolvedPercent: '0', minAnswers: '10', days: '400' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="notSolvedPercent-error"[^>]*>.*from 1 to 100\./s);
    expect(refused.body).toMatch(/id="days-error"[^>]*>.*from 1 to 366/s);
    expect(refused.body).not.toContain('id="minAnswers-error"');

    const saved = await settings({ notSolvedPercent: '30', minAnswers: '1,000', days: '14' });
    expect(saved.statusCode).toBe(303);
    expect(
      (await app.inject({ url: '/api/settings/review', headers: { cookie: admin } })).json(),
    ).toEqual({ notSolvedPercent: 30, minAnswers: 1000, days: 14 });
    expect(await audit('settings.changed')).toEqual([
      expect.objectContaining({ subject: 'review' }),
    ]);
    expect((await get('/admin/settings?saved')).body).toMatch(/id="minAnswers"[^>]*value="1000"/s);
  });
});
