import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing/test-app';
import { OWN_ORIGIN } from '../testing/sign-in-as';
import { addAccount, removeAccount } from '../accounts/accounts-store';
import { hashPassword } from '../accounts/password';
import { MAX_FAILURES_PER_ACCOUNT } from './sign-in';
import { SESSION_COOKIE } from '../plugins/auth';

const ORIGIN = OWN_ORIGIN;
const PASSWORD = 'a long enough password';

function sessionCookie(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === SESSION_COOKIE);
}

/** The session cookie's value; the test fails here if the response set none. */
function sessionToken(response: LightMyRequestResponse): string {
  const cookie = sessionCookie(response);
  expect(cookie?.value).toBeTruthy();
  return cookie?.value ?? '';
}

describe('signing in with a local account', () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    app = await buildTestApp();
    await addAccount(app.db, {
      email: 'kim@example.com',
      role: 'author',
      passwordHash: await hashPassword(PASSWORD),
    });
  });

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { origin: ORIGIN, ...headers },
      payload: { email, password, return: '/edit/q164887' },
    });

  it('tells a walker there is a server and nobody signed in, without setting a cookie', async () => {
    const response = await app.inject({ url: '/api/session' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ account: null });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('signs in: a new HttpOnly, SameSite=Lax session cookie, and the account from it', async () => {
    const response = await signIn('Kim@Example.com', PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ account: { email: 'kim@example.com', role: 'author' } });
    const cookie = sessionCookie(response) ?? { value: '', secure: undefined };
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const session = await app.inject({
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: cookie.value },
    });
    expect(session.json()).toEqual({ account: { email: 'kim@example.com', role: 'author' } });
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    // The app behind a proxy that terminates HTTPS (TRUST_PROXY): its own account, same data.
    const secureApp = await buildTestApp({ trustProxy: true, keepData: true });
    const response = await secureApp.inject({
      method: 'POST',
      url: '/sign-in',
      headers: {
        origin: 'https://help.example',
        host: 'help.example',
        'x-forwarded-proto': 'https',
      },
      payload: { email: 'kim@example.com', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(sessionCookie(response)).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
  });

  it('renews the session at sign-in: the old token stops working', async () => {
    const first = sessionToken(await signIn('kim@example.com', PASSWORD));
    const second = sessionToken(
      await signIn('kim@example.com', PASSWORD, { cookie: `${SESSION_COOKIE}=${first}` }),
    );
    expect(second).not.toBe(first);
    const old = await app.inject({ url: '/api/session', cookies: { [SESSION_COOKIE]: first } });
    expect(old.json()).toEqual({ account: null });
  });

  it('signs in through the form and goes back where the person was; a bad return goes to the overview', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=kim%40example.com&password=${encodeURIComponent(PASSWORD)}&return=%2Fedit%2Fq164887`,
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/edit/q164887');
    const offsite = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=kim%40example.com&password=${encodeURIComponent(PASSWORD)}&return=%2F%2Fevil.example%2F`,
    });
    expect(offsite.headers.location).toBe('/admin');
  });

  it('shows the form again with the error announced and focused when the password is wrong', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=someone%40example.com&password=wrong-password',
    });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('<title>Error: Sign in · Troubleshooter</title>');
    const summary = /<div\s+class="error-summary"[^>]*>/.exec(response.body)?.[0] ?? '';
    expect(summary).toMatch(/role="alert"/);
    expect(summary).toMatch(/tabindex="-1"/);
    expect(summary).toMatch(/autofocus/);
    expect(response.body).toContain('value="someone@example.com"');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('refuses a state-changing request from another origin, or with no origin', async () => {
    const evil = await signIn('kim@example.com', PASSWORD, { origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(sessionCookie(evil)).toBeUndefined();
    const none = await app.inject({ method: 'POST', url: '/sign-out' });
    expect(none.statusCode).toBe(403);
    const lookalike = await signIn('kim@example.com', PASSWORD, {
      origin: `${ORIGIN}.evil.example`,
    });
    expect(lookalike.statusCode).toBe(403);
  });

  it('signs out: the session ends on the server, and the cookie is cleared', async () => {
    const token = sessionToken(await signIn('kim@example.com', PASSWORD));
    const out = await app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: { origin: ORIGIN },
      cookies: { [SESSION_COOKIE]: token },
    });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/sign-in?signed-out');
    expect(sessionCookie(out)).toMatchObject({ value: '' });
    const after = await app.inject({ url: '/api/session', cookies: { [SESSION_COOKIE]: token } });
    expect(after.json()).toEqual({ account: null });
  });

  it('ends every session of an account that is removed', async () => {
    await addAccount(app.db, {
      email: 'lee@example.com',
      role: 'publisher',
      passwordHash: await hashPassword(PASSWORD),
    });
    const token = sessionToken(await signIn('lee@example.com', PASSWORD));
    await removeAccount(app.db, 'lee@example.com');
    const after = await app.inject({ url: '/api/session', cookies: { [SESSION_COOKIE]: token } });
    expect(after.json()).toEqual({ account: null });
  });

  it(`refuses sign-in after ${MAX_FAILURES_PER_ACCOUNT} wrong passwords, even with the right one`, async () => {
    // A cheap hash (its parameters are stored with it): eleven checks on a busy machine.
    await addAccount(app.db, {
      email: 'pat@example.com',
      role: 'admin',
      passwordHash: await hashPassword(PASSWORD, { N: 1024, r: 8, p: 1 }),
    });
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt += 1) {
      const response = await signIn('pat@example.com', `wrong ${attempt}`);
      expect(response.statusCode, `attempt ${attempt}`).toBe(401);
    }
    const refused = await signIn('pat@example.com', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('900');
    expect(sessionCookie(refused)).toBeUndefined();
    // Another account is not locked by it.
    expect((await signIn('kim@example.com', PASSWORD)).statusCode).toBe(200);
  });
});
