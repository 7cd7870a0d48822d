// The site: the built files served as docs/deployment.md sets up a static host (the same
// resolution, status codes, 404.html, caching, gzip and the one rewrite rule, shared with
// scripts/serve-static.mjs) and `config.json` from the settings. The security headers are
// added to every response by plugins/security-headers.ts.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileHeaders, resolveStaticFile, shouldGzip } from '../../scripts/serve-static.mjs';
import { clientConfigSchema } from '../settings/settings';
import { createCompressedFiles } from '../site/compressed-files';

export type SiteRoutesOptions = { siteDir: string; basePath: string };

const notFoundSchema = {
  type: 'object',
  properties: { message: { type: 'string' } },
  required: ['message'],
  additionalProperties: false,
} as const;

const reportPattern = /^\/map\/([a-z0-9][a-z0-9-]{0,99})\/report\/?$/;

const isFile = (file: string) =>
  stat(file).then(
    (found) => found.isFile(),
    () => false,
  );

export const siteRoutes: FastifyPluginAsync<SiteRoutesOptions> = async (app, options) => {
  // The live generation's folder, which a publish switches (plugins/published-site.ts).
  const rootDir = () =>
    app.hasDecorator('publishedSite') ? app.publishedSite.dir() : path.resolve(options.siteDir);
  const compressed = createCompressedFiles();

  const sendBody = (reply: FastifyReply, body: string | Buffer, gzip: boolean) => {
    if (!gzip) return reply.send(body);
    reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
    return reply.send(zlib.gzipSync(body));
  };

  // config.json: what the client reads at run time, from the settings (not the build's file,
  // which a redeploy would replace).
  app.get(
    '/config.json',
    {
      schema: {
        response: {
          200: {
            ...clientConfigSchema,
            properties: { ...clientConfigSchema.properties, server: { const: true } },
          },
        },
      },
    },
    async (request, reply) => {
      const type = 'application/json; charset=utf-8';
      reply.code(200).headers(fileHeaders({ type, immutable: false }));
      // `server: true` tells the app that this site has an API (sign-in, and what later
      // issues add); a static build's config.json has no such key, so its pages never ask.
      const body = JSON.stringify({ ...app.settings.current(), server: true }, null, 2);
      return sendBody(reply, body, shouldGzip(type, request.headers['accept-encoding']));
    },
  );

  // An unknown API address is a JSON 404, never a page.
  app.all('/api/*', { schema: { response: { 404: notFoundSchema } } }, async (_request, reply) =>
    reply.code(404).send({ message: 'Not found' }),
  );

  const serveFile = async (request: FastifyRequest, reply: FastifyReply) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const found = await resolveStaticFile(
      { rootDir: rootDir(), base: options.basePath, stepRewrite: true },
      pathname,
      request.headers.accept ?? '',
    );
    if (!found.file || !found.type) {
      reply.code(found.status).type('text/plain; charset=utf-8');
      return reply.send(found.status === 400 ? 'Bad request' : 'Not found');
    }
    // A troubleshooter's report (/map/<tree>/report, issue 25) is drawn by the app from the
    // API, so only the server has it: the page-less shell (404.html, no state to hydrate) with
    // status 200, for a troubleshooter that is published. A static host has no API and keeps
    // answering 404 (docs/deployment.md).
    if (found.status === 404 && found.file) {
      const tree = reportPattern.exec(pathname.slice(options.basePath.length - 1))?.[1];
      if (tree && (await isFile(path.join(rootDir(), 'map', tree, 'index.html')))) {
        found.status = 200;
      }
    }
    reply
      .code(found.status)
      .headers(fileHeaders({ type: found.type, immutable: found.immutable === true }));
    const gzip = shouldGzip(found.type, request.headers['accept-encoding']);
    if (gzip) reply.header('content-encoding', 'gzip').header('vary', 'accept-encoding');
    if (request.method === 'HEAD') return reply.send();
    const gzipped = gzip ? await compressed.get(found.file) : undefined;
    if (gzipped) return reply.send(gzipped);
    const stream = createReadStream(found.file);
    return reply.send(gzip ? stream.pipe(zlib.createGzip()) : stream);
  };
  app.get('/*', serveFile);
  // Under a sub-path, the base path without its last slash too (/helpdesk/ts), as a static
  // host serves the folder's index.html for it: Fastify registers '/' in a prefixed scope
  // as both /helpdesk/ts and /helpdesk/ts/.
  app.get('/', serveFile);
};
