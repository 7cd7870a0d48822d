// Every response, pages, files, errors and the API alike, carries the strict
// Content-Security-Policy the app is built for (docs/deployment.md) with `frame-ancestors`
// from the settings, and `X-Content-Type-Options: nosniff`.
import fp from 'fastify-plugin';
import path from 'node:path';
import { strictCsp } from '../../scripts/serve-static.mjs';
import type { ClientConfig } from '../settings/settings';

declare module 'fastify' {
  interface FastifyInstance {
    /** The headers every response carries (for a response sent outside the hooks). */
    securityHeaders(): Record<string, string>;
  }
}

export const securityHeadersPlugin = fp<{ siteDir: string }>(
  async (app, { siteDir }) => {
    const rootDir = path.resolve(siteDir);
    // The policy depends on the built index.html (the hash of its inline stylesheet) and on
    // the embed origins: worked out once, and again when the settings change.
    const cspFor = (config: ClientConfig) =>
      strictCsp(rootDir, config.embed.allowedOrigins.join(' '));
    let csp = cspFor(app.settings.current());
    app.settings.onChange((config) => {
      csp = cspFor(config);
    });
    const headers = () => ({
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
    });
    app.decorate('securityHeaders', headers);
    app.addHook('onSend', async (_request, reply) => {
      reply.headers(headers());
    });
  },
  { name: 'security-headers', dependencies: ['settings'] },
);
