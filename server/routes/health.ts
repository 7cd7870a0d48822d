// GET /api/health: 200 when the database answers a query, 503 when it does not. For load
// balancers and service managers; it says nothing about the content.
import type { FastifyPluginAsync } from 'fastify';
import { isAnswering } from '../db/database';

const healthSchema = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok', 'unavailable'] } },
  required: ['status'],
  additionalProperties: false,
} as const;

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/api/health',
    { schema: { response: { 200: healthSchema, 503: healthSchema } } },
    async (_request, reply) => {
      const answering = await isAnswering(app.db);
      reply.header('cache-control', 'no-store');
      return answering
        ? reply.code(200).send({ status: 'ok' })
        : reply.code(503).send({ status: 'unavailable' });
    },
  );
};
