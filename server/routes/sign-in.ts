import type { FastifyInstance } from 'fastify';
import { recordAudit, countFailedSignIns } from '../audit/audit-log';
import { renderSignInPage } from '../pages/sign-in-page';
import { sendPage, usePagePolicy } from '../pages/send-page';
import { findAccountByEmail, normaliseEmail, type Account } from '../accounts/accounts-store';
import { verifyPassword } from '../accounts/password';
import { safeReturnPath } from '../accounts/return-path';
import { endSession, startSession } from '../accounts/sessions';
import { refusedFields, textField } from './refused-fields';

/** Ten wrong passwords for one account within the window, and it is refused until they age. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** One address trying many accounts is refused too, a little later. */
export const MAX_FAILURES_PER_ADDRESS = 50;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

const accountJson = (account: Account | null) =>
  account ? { email: account.email, role: account.role } : null;

const ACCOUNT_SCHEMA = {
  type: ['object', 'null'],
  properties: {
    email: { type: 'string' },
    role: { type: 'string', enum: ['author', 'publisher', 'admin'] },
  },
  required: ['email', 'role'],
} as const;

/**
 * Signing in and out with a local account, and what the client asks to learn whether there is
 * a server and who is signed in. OpenID Connect has its own routes (oidc-routes.ts).
 */
export async function signInRoutes(
  app: FastifyInstance,
  options: { providerName: () => string | null },
) {
  usePagePolicy(app);
  app.get(
    '/api/session',
    {
      schema: {
        response: {
          200: { type: 'object', properties: { account: ACCOUNT_SCHEMA }, required: ['account'] },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { account: accountJson(request.account) };
    },
  );

  app.get(
    '/sign-in',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            return: { type: 'string' },
            'signed-out': { type: 'string' },
            'session-ended': { type: 'string' },
          },
        },
      },
    },
    async (request, reply) => {
      const query = request.query as {
        return?: string;
        'signed-out'?: string;
        'session-ended'?: string;
      };
      return sendPage(
        reply,
        200,
        renderSignInPage({
          base: app.basePath,
          returnTo: safeReturnPath(query.return, app.basePath),
          providerName: options.providerName(),
          signedOut: query['signed-out'] !== undefined,
          sessionEnded: query['session-ended'] !== undefined,
        }),
      );
    },
  );

  app.post(
    '/sign-in',
    {
      // A value over the limits: the form again (a person's browser), or 400 JSON.
      attachValidation: true,
      schema: {
        body: {
          type: 'object',
          properties: {
            email: { type: 'string', maxLength: 320 },
            password: { type: 'string', maxLength: 1024 },
            return: { type: 'string', maxLength: 2000 },
          },
        },
      },
    },
    async (request, reply) => {
      const posted = (request.body ?? {}) as Record<string, unknown>;
      const body = {
        email: textField(posted.email),
        password: textField(posted.password),
        return: textField(posted.return),
      };
      const json = (request.headers['content-type'] ?? '').startsWith('application/json');
      const returnTo = safeReturnPath(body.return, app.basePath);
      const email = normaliseEmail(body.email);
      const fail = (
        status: number,
        message: string,
        fieldErrors?: { email?: string; password?: string },
      ) => {
        reply.header('cache-control', 'no-store');
        if (status === 429) reply.header('retry-after', String(FAILURE_WINDOW_MS / 1000));
        return json
          ? reply
              .code(status)
              .send({ error: status === 429 ? 'too-many-attempts' : 'sign-in-failed', message })
          : sendPage(
              reply,
              status,
              renderSignInPage({
                base: app.basePath,
                returnTo,
                email: body.email,
                ...(fieldErrors ? { fieldErrors } : { error: message }),
                providerName: options.providerName(),
              }),
            );
      };
      const refused = refusedFields(request);
      // A `return` over its limit is only ignored (safeReturnPath): the home page instead.
      if (refused.email || refused.password) {
        return fail(400, [refused.email, refused.password].filter(Boolean).join(' '), {
          email: refused.email,
          password: refused.password,
        });
      }
      if (!email || !body.password) {
        return fail(400, 'Enter your email address and password.', {
          email: email ? undefined : 'Enter your email address.',
          password: body.password ? undefined : 'Enter your password.',
        });
      }

      const since = new Date(Date.now() - FAILURE_WINDOW_MS);
      const failures = await countFailedSignIns(app.db, { email, ip: request.ip, since });
      if (
        failures.forEmail >= MAX_FAILURES_PER_ACCOUNT ||
        failures.fromIp >= MAX_FAILURES_PER_ADDRESS
      ) {
        // Warnings a monitor can count; the audit log says for which address.
        request.log.warn('sign-in refused: too many failures');
        await recordAudit(app.db, {
          actor: null,
          action: 'sign-in.refused',
          subject: email,
          details: { ip: request.ip },
        });
        return fail(
          429,
          'Too many failed sign-ins for this account. Wait 15 minutes and try again, or ask an admin.',
        );
      }

      const found = await findAccountByEmail(app.db, email);
      // Verified even for an unknown account, so the time taken does not say which exist.
      const ok = await verifyPassword(body.password, found?.passwordHash ?? null);
      if (!found || !ok) {
        request.log.warn('sign-in failed');
        await recordAudit(app.db, {
          actor: null,
          action: 'sign-in.failed',
          subject: email,
          details: { ip: request.ip, reason: found ? 'wrong password' : 'no such account' },
        });
        return fail(401, 'That email address and password do not match an account.');
      }
      const account = { id: found.id, email: found.email, role: found.role };
      await startSession(app, request, reply, account, 'password');
      if (json) return reply.code(200).send({ account: accountJson(account) });
      return reply.redirect(returnTo, 303);
    },
  );

  app.post('/sign-out', async (request, reply) => {
    if (request.sessionToken && request.account) {
      await endSession(app.db, request.sessionToken);
      await recordAudit(app.db, {
        actor: request.account,
        action: 'sign-out',
        subject: request.account.email,
        details: { ip: request.ip },
      });
    }
    app.clearSessionCookie(request, reply);
    reply.header('cache-control', 'no-store');
    if ((request.headers.accept ?? '').includes('application/json')) return reply.code(204).send();
    return reply.redirect(`${app.basePath}sign-in?signed-out`, 303);
  });
}
