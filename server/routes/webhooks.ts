// Webhook endpoints and their delivery log (issue 26, docs/tickets.md). Admins only: a JSON
// API (`/api/webhooks…`) and the same as pages with plain forms (`/admin/webhooks…`).
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Account } from '../accounts/accounts-store';
import { recordAudit } from '../audit/audit-log';
import {
  WEBHOOK_EVENTS,
  webhookDeliveries,
  webhookEndpoints,
  type WebhookEvent,
} from '../db/schema';
import { html } from '../pages/html';
import { renderPage } from '../pages/page-layout';
import { sendPage, usePagePolicy } from '../pages/send-page';
import {
  renderDeliveryLog,
  renderRemoveWebhook,
  renderWebhooksPage,
  type AddWebhookErrors,
} from '../pages/webhooks-page';
import { signedInAccount } from '../plugins/auth';
import { isWebhookUrl, listDeliveries, runDelivery } from '../webhooks/deliveries';
import { newWebhookSecret } from '../webhooks/signature';
import { refusedFields, textField } from './refused-fields';
import { positiveInt4 } from './schema-limits';

const DELIVERY_PAGE_SIZE = 50;

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
  properties: { id: positiveInt4 },
  required: ['id'],
} as const;

export async function webhookRoutes(app: FastifyInstance) {
  usePagePolicy(app);
  const admin = app.requireRole('admin');

  /** Stores an endpoint with a new secret and its audit entry; the secret is returned this once. */
  async function addEndpoint(url: string, events: WebhookEvent[], account: Account) {
    const secret = newWebhookSecret();
    const created = await app.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(webhookEndpoints)
        .values({ url, events, secret, createdBy: account.id })
        .returning();
      await recordAudit(tx, {
        actor: account,
        action: 'webhook.added',
        subject: url,
        details: { events },
      });
      return row;
    });
    if (!created) throw new Error('webhook endpoint not stored');
    return {
      id: created.id,
      url: created.url,
      events: created.events,
      createdAt: created.createdAt,
      secret,
    };
  }

  /** Removes an endpoint (its deliveries go with it) and says so in the audit log. */
  async function removeEndpoint(id: number, account: Account) {
    return app.db.transaction(async (tx) => {
      const [row] = await tx
        .delete(webhookEndpoints)
        .where(eq(webhookEndpoints.id, id))
        .returning({ url: webhookEndpoints.url });
      if (row) {
        await recordAudit(tx, { actor: account, action: 'webhook.removed', subject: row.url });
      }
      return row;
    });
  }

  /** Sends a delivery again in the background (the log shows it Pending until it is done). */
  async function resend(deliveryId: number, account: Account) {
    await recordAudit(app.db, {
      actor: account,
      action: 'webhook.resent',
      subject: String(deliveryId),
    });
    app.webhooks.track(runDelivery(app.db, deliveryId, app.webhooks.options));
  }

  const endpointById = async (id: number) =>
    (await app.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0];

  const notFoundPage = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(
      reply,
      404,
      renderPage({
        base: app.basePath,
        title: 'No such webhook',
        account: signedInAccount(request),
        content: html`<h1 tabindex="-1">No such webhook</h1>
          <p>It may have been removed.</p>
          <p><a href="${app.basePath}admin/webhooks">All webhooks</a></p>`,
      }),
    );

  const listEndpoints = () => app.db.select().from(webhookEndpoints).orderBy(webhookEndpoints.id);

  app.get<{ Querystring: { removed?: string } }>(
    '/admin/webhooks',
    { preHandler: admin },
    async (request, reply) =>
      sendPage(
        reply,
        200,
        renderWebhooksPage({
          base: app.basePath,
          account: signedInAccount(request),
          endpoints: await listEndpoints(),
          notice: request.query.removed === undefined ? null : 'Webhook removed.',
        }),
      ),
  );

  app.post<{ Body: { url?: string; events?: string | string[] } }>(
    '/admin/webhooks',
    {
      preHandler: admin,
      // Over the schema's limits: the form again with the error beside the field.
      attachValidation: true,
      schema: {
        body: {
          type: 'object',
          properties: {
            url: { type: 'string', maxLength: 4000 },
            events: {
              anyOf: [
                { type: 'string', maxLength: 40 },
                { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 40 } },
              ],
            },
          },
        },
      },
    },
    async (request, reply) => {
      const refused = refusedFields(request);
      const url = textField(request.body?.url).trim();
      const posted = refused.events ? [] : [request.body?.events ?? []].flat();
      const events = WEBHOOK_EVENTS.filter((event) => posted.includes(event));
      const errors: AddWebhookErrors = {};
      // A string over the schema's limit gets the sentence below, which says the real limit.
      if (refused.url && typeof request.body?.url !== 'string') errors.url = refused.url;
      else if (url === '') errors.url = 'Enter the receiver’s address, starting https://.';
      else if (url.length > 2048) errors.url = 'The address is longer than 2,048 characters.';
      else if (!isWebhookUrl(url)) {
        errors.url =
          'Only an address starting https:// is allowed (http:// only on this machine), without a user name or password.';
      }
      if (refused.events) errors.events = 'Choose among the events listed.';
      else if (events.length === 0) errors.events = 'Choose at least one event to send.';
      const account = signedInAccount(request);
      if (Object.keys(errors).length > 0) {
        return sendPage(
          reply,
          400,
          renderWebhooksPage({
            base: app.basePath,
            account,
            endpoints: await listEndpoints(),
            form: { url, events },
            errors,
          }),
        );
      }
      const created = await addEndpoint(url, events, account);
      // Not a redirect: the secret is shown on this answer only, and stored nowhere else
      // the page could read it from.
      return sendPage(
        reply,
        201,
        renderWebhooksPage({
          base: app.basePath,
          account,
          endpoints: await listEndpoints(),
          created,
        }),
      );
    },
  );

  const pageIdParams = {
    type: 'object',
    properties: { id: positiveInt4 },
    required: ['id'],
  } as const;

  app.get<{ Params: { id: number }; Querystring: { before?: number; resent?: number } }>(
    '/admin/webhooks/:id',
    {
      preHandler: admin,
      schema: {
        params: pageIdParams,
        querystring: {
          type: 'object',
          properties: {
            before: positiveInt4,
            resent: positiveInt4,
          },
        },
      },
    },
    async (request, reply) => {
      const endpoint = await endpointById(request.params.id);
      if (!endpoint) return notFoundPage(request, reply);
      const { before, resent } = request.query;
      const deliveries = await listDeliveries(app.db, endpoint.id, {
        before,
        limit: DELIVERY_PAGE_SIZE,
      });
      const last = deliveries.at(-1);
      const here = `${app.basePath}admin/webhooks/${endpoint.id}`;
      return sendPage(
        reply,
        200,
        renderDeliveryLog({
          base: app.basePath,
          account: signedInAccount(request),
          endpoint,
          deliveries,
          olderHref:
            deliveries.length === DELIVERY_PAGE_SIZE && last ? `${here}?before=${last.id}` : null,
          newestHref: before ? here : null,
          notice: resent
            ? 'Sending it again: reload the page to see the new attempt and its status.'
            : null,
        }),
      );
    },
  );

  app.get<{ Params: { id: number } }>(
    '/admin/webhooks/:id/remove',
    { preHandler: admin, schema: { params: pageIdParams } },
    async (request, reply) => {
      const endpoint = await endpointById(request.params.id);
      if (!endpoint) return notFoundPage(request, reply);
      return sendPage(
        reply,
        200,
        renderRemoveWebhook({ base: app.basePath, account: signedInAccount(request), endpoint }),
      );
    },
  );

  app.post<{ Params: { id: number } }>(
    '/admin/webhooks/:id/remove',
    { preHandler: admin, schema: { params: pageIdParams } },
    async (request, reply) => {
      const removed = await removeEndpoint(request.params.id, signedInAccount(request));
      if (!removed) return notFoundPage(request, reply);
      return reply.redirect(`${app.basePath}admin/webhooks?removed`, 303);
    },
  );

  const resendParams = {
    type: 'object',
    properties: { id: positiveInt4, deliveryId: positiveInt4 },
    required: ['id', 'deliveryId'],
  } as const;

  // The resend form's address opened as a page (a sign-in's return after the session ended):
  // the webhook's delivery log, where the form is.
  app.get<{ Params: { id: number } }>(
    '/admin/webhooks/:id/deliveries/:deliveryId/resend',
    { preHandler: admin, schema: { params: resendParams } },
    async (request, reply) =>
      reply.redirect(`${app.basePath}admin/webhooks/${request.params.id}`, 303),
  );

  app.post<{ Params: { id: number; deliveryId: number } }>(
    '/admin/webhooks/:id/deliveries/:deliveryId/resend',
    { preHandler: admin, schema: { params: resendParams } },
    async (request, reply) => {
      const { id, deliveryId } = request.params;
      const [delivery] = await app.db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, id)));
      if (!delivery) return notFoundPage(request, reply);
      await resend(deliveryId, signedInAccount(request));
      return reply.redirect(`${app.basePath}admin/webhooks/${id}?resent=${deliveryId}`, 303);
    },
  );

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
      const created = await addEndpoint(body.url, body.events, signedInAccount(request));
      return reply.code(201).send(created);
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
      const removed = await removeEndpoint(id, signedInAccount(request));
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
            before: positiveInt4,
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
      await resend(id, signedInAccount(request));
      return reply.code(202).send({ status: 'pending' });
    },
  );
}
