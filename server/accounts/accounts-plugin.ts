import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { adminRoutes } from '../admin/admin-routes';
import { authPlugin } from './auth-plugin';
import type { OidcSettings } from './oidc-config';
import { oidcRoutes } from './oidc-routes';
import { signInRoutes } from './sign-in-routes';

export type AccountsOptions = {
  /** PUBLIC_ORIGIN: the origins state-changing requests must come from; [] for the request's own. */
  publicOrigins?: readonly string[];
  /** OpenID Connect, when configured (readOidcSettings). */
  oidc?: OidcSettings | null;
};

/**
 * Accounts, sessions, sign-in (local and OpenID Connect), the CSRF origin check, and the
 * admin's settings and audit log (docs/decisions/0028-sign-in.md). Gives the other routes
 * `request.account` and `app.requireRole(role)`.
 */
async function accounts(app: FastifyInstance, options: AccountsOptions) {
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded'))
    await app.register(fastifyFormbody);
  await app.register(authPlugin, { publicOrigins: options.publicOrigins ?? [] });
  const oidc = options.oidc ?? null;
  await app.register(signInRoutes, { providerName: () => oidc?.name ?? null });
  if (oidc) await app.register(oidcRoutes, { settings: oidc });
  await app.register(adminRoutes);
}

export const accountsPlugin = fastifyPlugin(accounts, { name: 'accounts' });
