// The app factory (docs/decisions/0026-server.md): plugins for shared concerns, then routes,
// each a plugin of its own. `server/main.ts` runs it; tests build it and call `app.inject`.
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { OidcSettings } from './accounts/oidc-config';
import { authPlugin } from './plugins/auth';
import { databasePlugin, type DatabasePluginOptions } from './plugins/database';
import { adminRoutes } from './routes/admin';
import { healthRoutes } from './routes/health';
import { oidcRoutes } from './routes/oidc';
import { signInRoutes } from './routes/sign-in';

export type AppOptions = DatabasePluginOptions & {
  /** The built site (`dist/`), served as the static host in docs/deployment.md does. */
  siteDir: string;
  /** The path the site is built for and served at (BASE_PATH), with a slash at each end. */
  basePath?: string;
  logger?: FastifyServerOptions['logger'];
  /**
   * Behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto: `true`, or the
   * proxy's addresses (Fastify's trustProxy). Secure cookies follow the forwarded protocol.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /** PUBLIC_ORIGIN: the origins state-changing requests must come from (default: the request's own). */
  publicOrigins?: readonly string[];
  /** OpenID Connect sign-in, when configured (OIDC_* in the environment). */
  oidc?: OidcSettings | null;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // One log line per request would cost the site a good part of its speed; the reverse
    // proxy in front keeps the access log (docs/server.md).
    disableRequestLogging: true,
    // Request bodies are small JSON documents (a tree is the largest).
    bodyLimit: 5 * 1024 * 1024,
  });

  await app.register(databasePlugin, { database: options.database });
  await app.register(authPlugin, {
    basePath: options.basePath ?? '/',
    publicOrigins: options.publicOrigins ?? [],
  });
  // Everything is served under the base path, the API included (/helpdesk/ts/api/health).
  const prefix = (options.basePath ?? '/').replace(/\/$/, '');
  await app.register(
    async (site) => {
      await site.register(healthRoutes);
      await site.register(signInRoutes, { providerName: () => options.oidc?.name ?? null });
      if (options.oidc) await site.register(oidcRoutes, { settings: options.oidc });
      await site.register(adminRoutes);
    },
    { prefix },
  );
  return app;
}
