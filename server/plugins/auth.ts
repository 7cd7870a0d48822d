import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  preHandlerAsyncHookHandler,
} from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import type { Role } from '../db/schema';
import { renderPage } from '../pages/page-layout';
import { html } from '../pages/html';
import { sendPage } from '../pages/send-page';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { Account } from '../accounts/accounts-store';
import { isOriginAllowed, isStateChanging, ownOrigins } from '../accounts/origin-check';
import { roleAllows } from '../accounts/roles';
import { findSessionAccount, SESSION_LIFETIME_MS } from '../accounts/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, read from the session cookie only; null for everyone else. */
    account: Account | null;
    /** The session token from the cookie, when it names a live session. */
    sessionToken: string | null;
  }
  interface FastifyInstance {
    /** A preHandler that lets the request through only for this role or a higher one. */
    requireRole(role: Role): preHandlerAsyncHookHandler;
    /** The path the site and API are served at, with a slash at each end (BASE_PATH). */
    basePath: string;
    /** The origins state-changing requests must come from (PUBLIC_ORIGIN), or [] for "this host". */
    publicOrigins: readonly string[];
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void;
    clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void;
    /**
     * Every route registered after this plugin, as `METHOD /url` (HEAD routes Fastify adds
     * for GET left out): what the access matrix test (routes-matrix.test.ts) must cover.
     */
    routeTable: string[];
  }
}

export const SESSION_COOKIE = 'troubleshooter_session';

/** The account of a request that `requireRole` let through (it refuses those without one). */
export function signedInAccount(request: FastifyRequest): Account {
  if (!request.account) throw new Error('signedInAccount: route without requireRole');
  return request.account;
}

export type AuthOptions = {
  /** The path the site is served at, with a slash at each end (BASE_PATH). */
  basePath?: string;
  /** PUBLIC_ORIGIN: the origins state-changing requests must come from; [] for the request's own. */
  publicOrigins?: readonly string[];
};

/** Whether the request is for the JSON API rather than one of the server's pages. */
export function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/**
 * Who is asking, and may they (docs/decisions/0028-sign-in.md):
 * - every state-changing request must come from one of the server's own origins (CSRF);
 * - `request.account` comes from the session cookie and nothing else: the database is asked
 *   only when the cookie is there, so walkers (who never get one) cost no query;
 * - `app.requireRole(role)` guards a route: 401 without a session, 403 with too low a role.
 */
async function auth(app: FastifyInstance, options: AuthOptions) {
  // Cookies are parsed and set by @fastify/cookie; the server's own forms post
  // application/x-www-form-urlencoded, which @fastify/formbody parses.
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  const publicOrigins = options.publicOrigins ?? [];
  app.decorate('publicOrigins', publicOrigins);
  // The pages' links and the cookies' path follow the base path.
  const base = options.basePath ?? '/';
  app.decorate('basePath', base);
  const routeTable: string[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().filter((method) => method !== 'HEAD');
    // `app.all` (every method): one entry.
    if (methods.length > 7) routeTable.push(`ALL ${route.url}`);
    else for (const method of methods) routeTable.push(`${method} ${route.url}`);
  });
  app.decorateRequest('account', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (isStateChanging(request.method)) {
      const own = ownOrigins(publicOrigins, request);
      if (!isOriginAllowed(request.headers.origin, own)) {
        request.log.warn({ origin: request.headers.origin, own }, 'cross-origin request refused');
        return reply.code(403).header('cache-control', 'no-store').send({
          error: 'cross-origin',
          message: 'This request did not come from this site, so it was refused.',
        });
      }
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const account = await findSessionAccount(app.db, token);
      if (account) {
        request.account = account;
        request.sessionToken = token;
      }
    }
  });

  app.decorate(
    'setSessionCookie',
    (request: FastifyRequest, reply: FastifyReply, token: string) => {
      reply.setCookie(SESSION_COOKIE, token, {
        path: base,
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: SESSION_LIFETIME_MS / 1000,
      });
    },
  );
  app.decorate('clearSessionCookie', (request: FastifyRequest, reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, {
      path: base,
      httpOnly: true,
      sameSite: 'lax',
      secure: request.protocol === 'https',
    });
  });

  app.decorate('requireRole', (role: Role): preHandlerAsyncHookHandler => {
    return async function requireRole(request, reply) {
      const account = request.account;
      if (account && roleAllows(account.role, role)) return;
      reply.header('cache-control', 'no-store');
      if (wantsJson(request)) {
        return account
          ? reply.code(403).send({ error: 'forbidden', message: `This needs the ${role} role.` })
          : reply.code(401).send({ error: 'unauthenticated', message: 'Sign in first.' });
      }
      if (!account) {
        if (request.method === 'GET' || request.method === 'HEAD') {
          return reply.redirect(`${base}sign-in?return=${encodeURIComponent(request.url)}`, 303);
        }
        // A form sent after the session ended: back to the page the form is on, once signed
        // in, and the sign-in page says why. That page is this route's own GET twin (every
        // form route has one, a page or a redirect to it), so the address comes from the
        // router, never from a header such as Referer.
        const route = request.routeOptions.url ?? '';
        const back = app.hasRoute({ method: 'GET', url: route })
          ? new URL(request.url, 'http://localhost').pathname
          : base;
        return reply.redirect(
          `${base}sign-in?return=${encodeURIComponent(back)}&session-ended`,
          303,
        );
      }
      return sendPage(
        reply,
        403,
        renderPage({
          base,
          title: 'Not allowed',
          account,
          content: html`<h1 tabindex="-1">Not allowed</h1>
            <p>
              This page needs the ${role} role; you are signed in as ${account.email} with the
              ${account.role} role. An admin can change your role.
            </p>
            <p><a href="${base}">Back to the troubleshooters</a></p>`,
        }),
      );
    };
  });
}

export const authPlugin = fastifyPlugin(auth, { name: 'auth', dependencies: ['database'] });
