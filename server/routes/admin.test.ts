import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing/test-app';
import { OWN_ORIGIN, sessionFor } from '../testing/sign-in-as';
import { addAccount, findAccountByEmail } from '../accounts/accounts-store';
import { hashPassword } from '../accounts/password';
import { readEditableSettings } from '../admin/editable-settings';
import { recordAudit } from '../audit/audit-log';

const ORIGIN = OWN_ORIGIN;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN };

describe('settings and the audit log, for admins', () => {
  let app: FastifyInstance;
  let admin: string;
  let publisher: string;
  beforeEach(async () => {
    app = await buildTestApp();
    admin = (await sessionFor(app, 'admin')).cookie;
    publisher = (await sessionFor(app, 'publisher')).cookie;
  });

  it('saves embed origins and the escalation from the form, and records who changed what', async () => {
    const saved = await app.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { ...FORM, cookie: admin },
      payload: form({
        allowedOrigins: 'https://intranet.example\nhttps://helpdesk.example:8443\n',
        escalationLabel: 'Open a ticket',
        escalationAddress: 'servicedesk@example.com',
      }),
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/settings?saved');
    expect(await readEditableSettings(app.db)).toEqual({
      embed: { allowedOrigins: ['https://intranet.example', 'https://helpdesk.example:8443'] },
      escalation: { label: 'Open a ticket', email: 'servicedesk@example.com' },
    });
    const page = await app.inject({ url: '/admin/settings?saved', headers: { cookie: admin } });
    expect(page.body).toContain('Settings saved.');
    expect(page.body).toContain(
      'https://intranet.example\nhttps://helpdesk.example:8443</textarea>',
    );
    const audit = await app.inject({ url: '/api/audit', headers: { cookie: admin } });
    expect(audit.json().entries[0]).toMatchObject({
      action: 'settings.changed',
      actorEmail: 'admin@example.com',
      details: {
        allowedOrigins: ['https://intranet.example', 'https://helpdesk.example:8443'],
        escalation: { label: 'Open a ticket', email: 'servicedesk@example.com' },
      },
    });
  });

  it('refuses an origin that is not exact, names it, keeps what was typed, and saves nothing', async () => {
    const before = await readEditableSettings(app.db);
    const response = await app.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { ...FORM, cookie: admin },
      payload: form({
        allowedOrigins: 'https://ok.example\nhttps://intranet.example/helpdesk/',
        escalationLabel: '',
        escalationAddress: 'not an address',
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Settings · Troubleshooter</title>');
    expect(response.body).toContain(
      '“https://intranet.example/helpdesk/” is not an origin (did you mean https://intranet.example?)',
    );
    expect(response.body).toContain('aria-invalid="true"');
    expect(response.body).toContain(
      'https://ok.example\nhttps://intranet.example/helpdesk/</textarea>',
    );
    expect(await readEditableSettings(app.db)).toEqual(before);
  });

  it('takes the same settings as JSON through PUT /api/settings', async () => {
    const body = {
      embed: { allowedOrigins: ['https://a.example'] },
      escalation: { label: 'Call us', url: 'https://help.example/new' },
    };
    const response = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: { origin: ORIGIN, cookie: admin },
      payload: body,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(body);
    const wrong = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: { origin: ORIGIN, cookie: admin },
      payload: { embed: { allowedOrigins: ['*'] }, escalation: null },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors.allowedOrigins).toContain('“*” is not an origin');
    const twice = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: { origin: ORIGIN, cookie: admin, 'content-type': 'application/json' },
      payload: '{"embed":{"allowedOrigins":[]},"embed":{"allowedOrigins":["https://b.example"]}}',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toBe("The body's $.embed is written twice in the same object.");
  });

  it('lets only admins in: a publisher is refused, and someone signed out is sent to sign in', async () => {
    const refused = await app.inject({ url: '/admin/settings', headers: { cookie: publisher } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This page needs the admin role');
    const anonymous = await app.inject({ url: '/admin/audit?before=5' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in?return=%2Fadmin%2Faudit%3Fbefore%3D5');
  });

  it('stores and shows SQL and HTML metacharacters in every field as text', async () => {
    const nasty = `x'); drop table accounts; -- "<b>&amp;</b>%_\\`;
    const email = `o'brien";--%_\\<b>@example.com`;
    await addAccount(app.db, {
      email,
      role: 'author',
      passwordHash: await hashPassword('a long password'),
    });
    // A failed sign-in with the same characters, for the audit log.
    const failed = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: FORM,
      payload: form({ email, password: nasty }),
    });
    expect(failed.statusCode).toBe(401);
    expect(failed.body).toContain(`value="o&#39;brien&quot;;--%_\\&lt;b&gt;@example.com"`);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { origin: ORIGIN },
      payload: { email, password: 'a long password' },
    });
    expect(signedIn.json()).toEqual({ account: { email: email.toLowerCase(), role: 'author' } });
    const saved = await app.inject({
      method: 'POST',
      url: '/admin/settings',
      headers: { ...FORM, cookie: admin },
      payload: form({
        allowedOrigins: '',
        escalationLabel: nasty,
        escalationAddress: `https://help.example/?q=${nasty}`,
      }),
    });
    expect(saved.statusCode).toBe(303);
    expect(await readEditableSettings(app.db)).toEqual({
      embed: { allowedOrigins: [] },
      escalation: { label: nasty, url: `https://help.example/?q=${nasty}` },
    });
    expect(await findAccountByEmail(app.db, email)).toMatchObject({ email: email.toLowerCase() });
    const settingsPage = await app.inject({ url: '/admin/settings', headers: { cookie: admin } });
    expect(settingsPage.body).toContain(
      'value="x&#39;); drop table accounts; -- &quot;&lt;b&gt;&amp;amp;&lt;/b&gt;%_\\"',
    );
    expect(settingsPage.body).not.toContain('<b>');
    const auditPage = await app.inject({ url: '/admin/audit', headers: { cookie: admin } });
    expect(auditPage.statusCode).toBe(200);
    expect(auditPage.body).toContain('o&#39;brien&quot;;--%_\\&lt;b&gt;@example.com');
    expect(auditPage.body).not.toContain('<b>');
    const api = await app.inject({ url: '/api/audit', headers: { cookie: admin } });
    expect(api.json().entries[0]).toMatchObject({
      action: 'settings.changed',
      details: { escalation: { label: nasty } },
    });
  });

  it('pages through the audit log, newest first', async () => {
    for (const subject of ['one', 'two', 'three']) {
      await recordAudit(app.db, { actor: null, action: 'sign-in.failed', subject });
    }
    const first = (
      await app.inject({ url: '/api/audit?limit=2', headers: { cookie: admin } })
    ).json();
    expect(first.entries).toHaveLength(2);
    expect(first.entries[0].id).toBeGreaterThan(first.entries[1].id);
    const next = (
      await app.inject({
        url: `/api/audit?limit=2&before=${first.older}`,
        headers: { cookie: admin },
      })
    ).json();
    expect(next.entries[0].id).toBeLessThan(first.entries[1].id);
  });
});
