import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../testing/test-app';
import { addAccount, findAccountByEmail } from '../accounts/accounts-store';
import { SESSION_COOKIE } from '../plugins/auth';
import { startTestProvider } from '../testing/oidc-provider';

/**
 * OpenID Connect sign-in end to end against a real provider (oidc-provider, with its own
 * development login and consent pages), started here on a free port. The browser is a small
 * loop that follows redirects, keeps each site's cookies and submits the provider's forms;
 * requests to the Troubleshooter go through `inject`.
 */
const APP_ORIGIN = 'http://troubleshooter.test';
const REDIRECT_URI = `${APP_ORIGIN}/sign-in/oidc/callback`;

const people: Record<string, Record<string, unknown>> = {
  'sub-ada': { email: 'Ada@Example.com', email_verified: true, groups: ['kb-publishers'] },
  'sub-bo': { email: 'bo@example.com', email_verified: true, groups: ['everyone'] },
  'sub-cy': { email: 'cy@example.com', email_verified: false, groups: ['kb-admins'] },
  'sub-di': { email: 'di@example.com', email_verified: true },
};

type Jar = Map<string, Map<string, string>>;

function remember(jar: Jar, origin: string, setCookies: string[]) {
  const cookies = jar.get(origin) ?? new Map<string, string>();
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line))
      cookies.delete(name);
    else cookies.set(name, value);
  }
  jar.set(origin, cookies);
}

const cookieHeader = (jar: Jar, origin: string) =>
  [...(jar.get(origin) ?? new Map())].map(([name, value]) => `${name}=${value}`).join('; ');

describe('OpenID Connect sign-in against a real provider', () => {
  let provider: Awaited<ReturnType<typeof startTestProvider>>;
  beforeAll(async () => {
    provider = await startTestProvider(REDIRECT_URI, people);
  });
  afterAll(() => provider.close());

  const appWith = (env: Record<string, string>) =>
    buildTestApp({ oidc: provider.settings(env), publicOrigins: [APP_ORIGIN] });

  /**
   * Clicks "Sign in with Example Corp" and goes through the provider as `sub`: returns the
   * last response from the Troubleshooter and the browser's cookies.
   */
  async function signInAs(app: FastifyInstance, sub: string, jar: Jar = new Map()) {
    let url = `${APP_ORIGIN}/sign-in/oidc?return=%2Fedit%2Fq164887`;
    let method = 'GET';
    let body: string | undefined;
    for (let hop = 0; hop < 20; hop += 1) {
      const target = new URL(url);
      let status: number;
      let location: string | undefined;
      let text: string;
      if (target.origin === APP_ORIGIN) {
        const response = await app.inject({
          method: method as 'GET',
          url: target.pathname + target.search,
          headers: { cookie: cookieHeader(jar, APP_ORIGIN), host: target.host },
        });
        remember(jar, APP_ORIGIN, [response.headers['set-cookie'] ?? []].flat());
        status = response.statusCode;
        location = response.headers.location as string | undefined;
        text = response.body;
        if (!location || target.pathname === '/sign-in/oidc/callback') {
          return { status, location, body: text, jar };
        }
      } else {
        const response = await fetch(url, {
          method,
          redirect: 'manual',
          headers: {
            cookie: cookieHeader(jar, target.origin),
            ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          body,
        });
        remember(jar, target.origin, response.headers.getSetCookie());
        status = response.status;
        location = response.headers.get('location') ?? undefined;
        text = await response.text();
      }
      method = 'GET';
      body = undefined;
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      // One of the provider's pages: its login form, then its consent form.
      const action = /<form[^>]*action="([^"]+)"/.exec(text)?.[1];
      if (status !== 200 || !action)
        throw new Error(`unexpected page from ${url}: ${status} ${text.slice(0, 300)}`);
      url = new URL(action, url).href;
      method = 'POST';
      body = text.includes('name="login"')
        ? new URLSearchParams({ prompt: 'login', login: sub, password: 'anything' }).toString()
        : new URLSearchParams({ prompt: 'consent' }).toString();
    }
    throw new Error('too many redirects');
  }

  it('signs in an account an admin made, by its verified email, keeping its role', async () => {
    const app = await appWith({});
    {
      await addAccount(app.db, { email: 'di@example.com', role: 'publisher', passwordHash: null });
      const signInPage = await app.inject({ url: '/sign-in' });
      expect(signInPage.body).toContain('Sign in with Example Corp');
      const result = await signInAs(app, 'sub-di');
      expect(result.status).toBe(303);
      expect(result.location).toBe('/edit/q164887');
      const token = result.jar.get(APP_ORIGIN)?.get(SESSION_COOKIE);
      expect(token).toBeTruthy();
      const session = await app.inject({
        url: '/api/session',
        cookies: { [SESSION_COOKIE]: token ?? '' },
      });
      expect(session.json()).toEqual({ account: { email: 'di@example.com', role: 'publisher' } });
      const linked = await findAccountByEmail(app.db, 'di@example.com');
      expect(linked).toMatchObject({ oidcIssuer: `${provider.issuer}/`, oidcSubject: 'sub-di' });
    }
  });

  it('refuses a person with no account when roles are not mapped', async () => {
    const app = await appWith({});
    {
      const result = await signInAs(app, 'sub-bo');
      expect(result.status).toBe(401);
      expect(result.body).toContain('There is no account for bo@example.com');
      expect(result.jar.get(APP_ORIGIN)?.get(SESSION_COOKIE)).toBeUndefined();
    }
  });

  it('with a role mapping, makes the account with the highest mapped role; no mapped group, no entry', async () => {
    const app = await appWith({
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'kb-admins=admin,kb-publishers=publisher',
    });
    {
      const ada = await signInAs(app, 'sub-ada');
      expect(ada.status, ada.body).toBe(303);
      expect(await findAccountByEmail(app.db, 'ada@example.com')).toMatchObject({
        role: 'publisher',
      });
      const bo = await signInAs(app, 'sub-bo');
      expect(bo.status).toBe(401);
      expect(bo.body).toContain('has no role here');
      // The provider says this email is not verified: no account is made from it.
      const cy = await signInAs(app, 'sub-cy');
      expect(cy.status).toBe(401);
      expect(cy.body).toContain('not verified');
      expect(await findAccountByEmail(app.db, 'cy@example.com')).toBeUndefined();
    }
  });

  it('refuses a callback that this browser did not start (login CSRF)', async () => {
    const app = await appWith({});
    {
      const start = await app.inject({ url: '/sign-in/oidc' });
      const state = new URL(start.headers.location as string).searchParams.get('state');
      const callback = await app.inject({
        url: `/sign-in/oidc/callback?code=stolen&state=${state}`,
      });
      expect(callback.statusCode).toBe(401);
      expect(callback.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value ?? '').toBe(
        '',
      );
    }
  });
});
