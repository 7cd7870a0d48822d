import { createHash } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import { recordAudit } from '../audit/audit-log';
import { oidcFlows } from '../db/schema';
import { renderSignInPage } from '../pages/sign-in-page';
import { sendPage, usePagePolicy } from '../pages/send-page';
import { accountForIdentity, OidcRefusal } from '../accounts/oidc-accounts';
import type { OidcSettings } from '../accounts/oidc-config';
import { safeReturnPath } from '../accounts/return-path';
import { startSession } from '../accounts/sessions';

const FLOW_COOKIE = 'troubleshooter_oidc';
const FLOW_LIFETIME_MS = 10 * 60 * 1000;
const hash = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * OpenID Connect sign-in with openid-client: the authorization code flow with PKCE, state and
 * nonce. The flow's secrets wait in the database (another process may receive the callback),
 * keyed by the hash of the state; the state is also put in a short-lived cookie, so a callback
 * URL made for one browser cannot sign another one in (login CSRF).
 */
export async function oidcRoutes(app: FastifyInstance, options: { settings: OidcSettings }) {
  usePagePolicy(app);
  const { settings } = options;
  // Discovered on first use, so that the server starts while the provider is unreachable.
  let configuration: Promise<client.Configuration> | undefined;
  const configure = () => {
    configuration ??= client
      .discovery(settings.issuer, settings.clientId, settings.clientSecret, undefined, {
        ...(settings.allowInsecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  const cookieOptions = (secure: boolean) =>
    ({ path: `${app.basePath}sign-in/oidc`, httpOnly: true, sameSite: 'lax', secure }) as const;

  app.get(
    '/sign-in/oidc',
    { schema: { querystring: { type: 'object', properties: { return: { type: 'string' } } } } },
    async (request, reply) => {
      const config = await configure();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await app.db.delete(oidcFlows).where(lt(oidcFlows.expiresAt, new Date()));
      await app.db.insert(oidcFlows).values({
        stateHash: hash(state),
        nonce,
        codeVerifier,
        returnTo: safeReturnPath((request.query as { return?: string }).return, app.basePath),
        expiresAt: new Date(Date.now() + FLOW_LIFETIME_MS),
      });
      reply.setCookie(FLOW_COOKIE, state, {
        ...cookieOptions(request.protocol === 'https'),
        maxAge: FLOW_LIFETIME_MS / 1000,
      });
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(url.href, 303);
    },
  );

  app.get('/sign-in/oidc/callback', async (request, reply) => {
    reply.clearCookie(FLOW_COOKIE, cookieOptions(request.protocol === 'https'));
    const current = new URL(request.url, settings.redirectUri);
    const state = current.searchParams.get('state') ?? '';
    const refuse = async (reason: string, message: string) => {
      await recordAudit(app.db, {
        actor: null,
        action: 'sign-in.failed',
        subject: null,
        details: { method: 'oidc', reason, ip: request.ip },
      });
      return sendPage(
        reply,
        401,
        renderSignInPage({
          base: app.basePath,
          returnTo: app.basePath,
          error: message,
          providerName: settings.name,
        }),
      );
    };
    if (!state || request.cookies[FLOW_COOKIE] !== state) {
      return refuse(
        'state does not match this browser',
        'That sign-in was not started in this browser, or took too long. Try again.',
      );
    }
    const [flow] = await app.db
      .delete(oidcFlows)
      .where(eq(oidcFlows.stateHash, hash(state)))
      .returning();
    if (!flow || flow.expiresAt < new Date()) {
      return refuse('unknown or expired state', 'That sign-in took too long. Try again.');
    }
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(await configure(), current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      claims = { ...(tokens.claims() ?? {}) };
      const missingRole = settings.roleClaim !== null && !(settings.roleClaim in claims);
      if ((!claims.email || missingRole) && tokens.access_token) {
        // Some providers give the email or the groups only in the userinfo answer.
        const info = await client.fetchUserInfo(
          await configure(),
          tokens.access_token,
          String(claims.sub),
        );
        claims = { ...info, ...claims };
      }
    } catch (error) {
      request.log.warn({ err: error }, 'OpenID Connect callback failed');
      return refuse(
        error instanceof Error ? error.message.slice(0, 200) : 'callback failed',
        `${settings.name} did not confirm the sign-in. Try again.`,
      );
    }
    try {
      const account = await accountForIdentity(app.db, claims, settings);
      await startSession(app, request, reply, account, 'oidc');
      reply.header('cache-control', 'no-store');
      return reply.redirect(safeReturnPath(flow.returnTo, app.basePath), 303);
    } catch (error) {
      if (error instanceof OidcRefusal) return refuse(error.message, error.message);
      throw error;
    }
  });
}
