// JSON request bodies are read by Fastify's own parser (which refuses `__proto__` and
// `constructor.prototype`), and then refused with status 400 when a key is written twice in
// one object: JSON.parse keeps the last one without a word, and the one rulebook refuses
// such a tree file everywhere else (src/engine/tree-file-text.ts). A draft or a setting sent
// by hand with a key twice is refused the same way.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { firstDuplicateKey } from '../../src/engine/tree-file-text';

type Done = (error: Error | null, body?: unknown) => void;

const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

/** A body parser (`parseAs: 'string'`) for JSON: Fastify's default, then the duplicate keys. */
function strictJsonParser(app: FastifyInstance) {
  const parseDefault = app.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: string, done: Done) => {
    parseDefault(request, body, (error, parsed) => {
      if (error) return done(error);
      const duplicate = firstDuplicateKey(body);
      if (duplicate) {
        return done(badRequest(`The body's ${duplicate.path} ${duplicate.message}.`));
      }
      done(null, parsed);
    });
  };
}

export const jsonBodyPlugin = fp(
  async (app) => {
    const parser = strictJsonParser(app);
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, parser);
  },
  { name: 'json-body' },
);
