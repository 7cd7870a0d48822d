// Webhook endpoints and their delivery log (issue 26, docs/tickets.md). Admins only.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit-log';
import { WEBHOOK_EVENTS, webhookDeliveries, webhookEndpoints } from '../db/schema';
import { signedInAccount } from '../plugins/auth';
import { isWebhookUrl, listDeliveries, runDelivery } from '../webhooks/deliveries';
import { newWebhookSecret } from '../webhooks/signature';

const endpointSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string', format: 'date-time' },
    /** Only in the answer to adding one: the admin copies it into the receiver. */
    secret: { type: 'string' },
  },
  required: ['id', 'url', 'events', 'createdAt'],
} as const;

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;

export async function webhookRoutes(app: FastifyInstance) {
  const admin = app.requireRole('admin');

  app.get(
    '/api/webhooks',
    { preHandler: admin, schema: { response: { 200: { type: 'array', items: endpointSchema } } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      const rows = await app.db.select().from(webhookEndpoints).orderBy(webhookEndpoints.id);
      return rows.map(({ id, url, events, createdAt }) => ({ id, url, events, createdAt }));
    },
  );

  app.post(
    '/api/webhooks',
    {
      preHandler: admin,
      schema: {
        body: {
          type: 'object',
          properties: {
            url: { type: 'string', maxLength: 2048 },
            events: {
              type: 'array',
              items: { enum: WEBHOOK_EVENTS },
              minItems: 1,
              uniqueItems: true,
            },
          },
          required: ['url', 'events'],
          additionalProperties: false,
        },
        response: { 201: endpointSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body as { url: string; events: (typeof WEBHOOK_EVENTS)[number][] };
      reply.header('cache-control', 'no-store');
      if (!isWebhookUrl(body.url)) {
        return reply.code(400).send({
          error: 'invalid-url',
          message: 'A webhook address starts with https:// (http:// only on this machine).',
        });
      }
      const account = signedInAccount(request);
      const secret = newWebhookSecret();
      const created = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(webhookEndpoints)
          .values({ url: body.url, events: body.events, secret, createdBy: account.id })
          .returning();
        await recordAudit(tx, {
          actor: account,
          action: 'webhook.added',
          subject: body.url,
          details: { events: body.events },
        });
        return row;
      });
      if (!created) throw new Error('webhook endpoint not stored');
      return reply.code(201).send({
        id: created.id,
        url: created.url,
        events: created.events,
        createdAt: created.createdAt,
        secret,
      });
    },
  );

  app.delete(
    '/api/webhooks/:id',
    {
      preHandler: admin,
      schema: { params: idParams, response: { 204: { type: 'null' }, 404: errorSchema } },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const account = signedInAccount(request);
      const removed = await app.db.transaction(async (tx) => {
        const [row] = await tx
          .delete(webhookEndpoints)
          .where(eq(webhookEndpoints.id, id))
          .returning({ url: webhookEndpoints.url });
        if (row) {
          await recordAudit(tx, { actor: account, action: 'webhook.removed', subject: row.url });
        }
        return row;
      });
      if (!removed)
        return reply.code(404).send({ error: 'not-found', message: 'No such webhook.' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/webhooks/:id/deliveries',
    {
      preHandler: admin,
      schema: {
        params: idParams,
        querystring: {
          type: 'object',
          properties: {
            before: { type: 'integer', minimum: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'integer' },
                event: { type: 'string' },
                status: { type: 'string' },
                createdAt: { type: 'string' },
                attempts: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      at: { type: 'string' },
                      httpStatus: { type: ['integer', 'null'] },
                      error: { type: ['string', 'null'] },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { before, limit = 50 } = request.query as { before?: number; limit?: number };
      reply.header('cache-control', 'no-store');
      return listDeliveries(app.db, id, { before, limit });
    },
  );

  app.post(
    '/api/webhooks/deliveries/:id/resend',
    {
      preHandler: admin,
      schema: {
        params: idParams,
        response: {
          202: { type: 'object', properties: { status: { type: 'string' } } },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const [delivery] = await app.db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, id));
      if (!delivery) {
        return reply.code(404).send({ error: 'not-found', message: 'No such delivery.' });
      }
      await recordAudit(app.db, {
        actor: signedInAccount(request),
        action: 'webhook.resent',
        subject: String(id),
      });
      app.webhooks.track(runDelivery(app.db, id, app.webhooks.options));
      return reply.code(202).send({ status: 'pending' });
    },
  );
}
