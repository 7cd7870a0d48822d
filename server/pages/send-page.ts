import type { FastifyReply } from 'fastify';
import { PAGE_CONTENT_SECURITY_POLICY } from './page-layout';

/** Sends one of the server's own pages: never cached, under the pages' own strict policy. */
export function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .send(page);
}
