import type { FastifyInstance, FastifyReply } from 'fastify';
import { PAGE_CONTENT_SECURITY_POLICY } from './page-layout';

/** Sends one of the server's own pages: never cached, under the pages' own strict policy. */
export function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'same-origin')
    .send(page);
}

/**
 * The server's pages carry their own policy, stricter than the site's (no script at all, no
 * framing, forms to this server only), in place of the one plugins/security-headers.ts gives
 * every response: this hook, added in a routes plugin, runs after that one.
 */
export function usePagePolicy(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY);
    }
    return payload;
  });
}
