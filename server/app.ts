// The app factory (docs/decisions/0026-server.md): plugins for shared concerns, then routes,
// each a plugin of its own. `server/main.ts` runs it; tests build it and call `app.inject`.
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { STATUS_CODES } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileHeaders, resolveStaticFile, shouldGzip } from '../scripts/serve-static.mjs';
import type { OidcSettings } from './accounts/oidc-config';
import { renderErrorPage, renderNotFoundPage } from './pages/error-pages';
import { sendPage } from './pages/send-page';
import { authPlugin } from './plugins/auth';
import { databasePlugin, type DatabasePluginOptions } from './plugins/database';
import { firstStartPlugin } from './plugins/first-start';
import { gracefulClosePlugin } from './plugins/graceful-close';
import { jsonBodyPlugin } from './plugins/json-body';
import { publishedSitePlugin } from './plugins/published-site';
import type { PublishStage } from './publish/site-generation';
import { publishRoutes } from './routes/publish';
import { securityHeadersPlugin } from './plugins/security-headers';
import { settingsPlugin } from './plugins/settings';
import { webhooksPlugin, type WebhooksPluginOptions } from './plugins/webhooks';
import { reportRoutes } from './routes/reports';
import { reviewRoutes } from './routes/reviews';
import { ticketSettingsRoutes } from './routes/tickets-settings';
import { webhookRoutes } from './routes/webhooks';
import { adminRoutes } from './routes/admin';
import { overviewRoutes } from './routes/overview';
import { analyticsRoutes } from './routes/analytics';
import { draftRoutes } from './routes/drafts';
import { healthRoutes } from './routes/health';
import { oidcRoutes } from './routes/oidc';
import { signInRoutes } from './routes/sign-in';
import { siteRoutes } from './routes/site';

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
  /** Webhook delivery: attempts and the waits between them (tests make them instant). */
  webhooks?: WebhooksPluginOptions['delivery'];
  /** Where published generations of the site are made (PUBLISH_DIR; default: beside siteDir). */
  publishDir?: string;
  /** Tests only: hold a publish at this stage (PUBLISH_TEST_HOLD). */
  publishHold?: PublishStage;
  /** Start publishing's renderer once listening (`npm start`), before the first publish. */
  warmRenderer?: boolean;
  /** Walk-event batches a minute from one address (ANALYTICS_RATE_LIMIT; default 120). */
  analyticsRateLimit?: number;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // One log line per request would cost the site a good part of its speed; the reverse
    // proxy in front keeps the access log (docs/server.md).
    logController: new LogController({ disableRequestLogging: true }),
    // An address with a malformed %-escape: status 400, as a static host answers it, with
    // the not-found page for a page (scripts/serve-static.mjs decides, as for every file).
    // No route runs, so neither do the hooks: the security headers are added here.
    frameworkErrors: async (error, request, genericReply) => {
      const reply = genericReply as unknown as FastifyReply;
      if (reply.server.hasDecorator('securityHeaders'))
        reply.headers(reply.server.securityHeaders());
      if (error.code !== 'FST_ERR_BAD_URL') return reply.send(error);
      const found = await resolveStaticFile(
        { rootDir: path.resolve(options.siteDir), base: options.basePath ?? '/' },
        new URL(request.url, 'http://localhost').pathname,
        request.headers.accept ?? '',
      );
      if (!found.file || !found.type) {
        return reply.code(400).type('text/plain; charset=utf-8').send('Bad request');
      }
      reply.code(400).headers(fileHeaders({ type: found.type, immutable: false }));
      const body = await readFile(found.file);
      if (!shouldGzip(found.type, request.headers['accept-encoding'])) return reply.send(body);
      reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
      return reply.send(gzipSync(body));
    },
    // Request bodies are small JSON documents (a tree is the largest).
    bodyLimit: 5 * 1024 * 1024,
  });

  app.setErrorHandler(answerError(options.basePath ?? '/'));
  await app.register(gracefulClosePlugin);
  await app.register(jsonBodyPlugin);
  await app.register(databasePlugin, { database: options.database });
  await app.register(firstStartPlugin, { siteDir: options.siteDir });
  await app.register(settingsPlugin);
  await app.register(webhooksPlugin, { delivery: options.webhooks });
  await app.register(publishedSitePlugin, {
    siteDir: options.siteDir,
    publishDir:
      options.publishDir ?? path.join(path.dirname(path.resolve(options.siteDir)), 'published'),
    basePath: options.basePath ?? '/',
    holdAt: options.publishHold,
    warmRenderer: options.warmRenderer === true,
  });
  await app.register(securityHeadersPlugin, { siteDir: options.siteDir });
  await app.register(authPlugin, {
    basePath: options.basePath ?? '/',
    publicOrigins: options.publicOrigins ?? [],
  });
  // Everything is served under the base path, the API included (/helpdesk/ts/api/health).
  const basePath = options.basePath ?? '/';
  await app.register(
    async (site) => {
      await site.register(healthRoutes);
      await site.register(signInRoutes, { providerName: () => options.oidc?.name ?? null });
      if (options.oidc) await site.register(oidcRoutes, { settings: options.oidc });
      await site.register(adminRoutes);
      await site.register(overviewRoutes);
      // Issue 26: tickets, webhooks and step reports.
      await site.register(ticketSettingsRoutes);
      await site.register(webhookRoutes);
      await site.register(reportRoutes);
      await site.register(reviewRoutes);
      await site.register(publishRoutes);
      await site.register(analyticsRoutes, { rateLimit: options.analyticsRateLimit });
      await site.register(draftRoutes);
      // Last: the site answers every address no route above claims.
      await site.register(siteRoutes, { siteDir: options.siteDir, basePath });
    },
    { prefix: basePath.replace(/\/$/, '') },
  );
  // Outside the base path (a sub-path deployment): what a static host would say.
  app.setNotFoundHandler(async (_request, reply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('Not found'),
  );
  return app;
}

/**
 * What a request that failed is answered (set before any route, so every route has it):
 * - a request the server refused (Fastify's validation, a body too large, a bad content
 *   type: status 4xx) keeps its status, and for the API its message, which says what was
 *   wrong with the request and nothing of the server;
 * - anything else is the server's own failure: logged with its stack, answered 500 with a
 *   sentence of ours, never the error's message (a database error's holds the query);
 * - a page (any address outside the API) is answered with a page: a form sent to a page is a
 *   person's browser, which would show JSON as it is. An id in the address that is not a
 *   number (or too large to be one) names nothing: the not-found page. Forms that can say
 *   which field was refused do so themselves (`attachValidation`, server/pages/form-parts.ts).
 */
function answerError(base: string) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    // A refusal may carry headers for the client (a rate limit's retry-after).
    const { headers } = error as { headers?: Record<string, string> };
    if (headers) reply.headers(headers);
    reply.header('cache-control', 'no-store');
    const pathname = new URL(request.url, 'http://localhost').pathname;
    if (pathname.startsWith(`${base}api/`) || !pathname.startsWith(base)) {
      return reply.code(status).send({
        statusCode: status,
        ...(status === 500 ? {} : { code: error.code }),
        error: STATUS_CODES[status],
        message:
          status === 500
            ? 'The server failed to answer. It has been logged: try again in a moment.'
            : error.message,
      });
    }
    if (error.validation && error.validationContext === 'params') {
      return sendPage(
        reply,
        404,
        renderNotFoundPage({
          base,
          account: request.account,
          title: 'Page not found',
          text: 'There is nothing at this address: the number in it does not name anything here.',
          back: { href: base, text: 'Back to the troubleshooters' },
        }),
      );
    }
    return sendPage(reply, status, renderErrorPage({ base, account: request.account, status }));
  };
}
