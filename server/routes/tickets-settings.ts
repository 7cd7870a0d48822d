// The "Open a ticket" setting (docs/tickets.md): served in config.json as `tickets`, checked
// by the same rules as a static build's config.json (src/engine/ticket-links.ts). Admins only.
import type { FastifyInstance } from 'fastify';
import { readTicketSettings, type TicketSettings } from '../../src/engine/ticket-links';
import { recordAudit } from '../audit/audit-log';
import { signedInAccount } from '../plugins/auth';
import { clientConfigSchema, writeSettings } from '../settings/settings';

const ticketsSchema = clientConfigSchema.properties.tickets;
const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

export async function ticketSettingsRoutes(app: FastifyInstance) {
  const admin = app.requireRole('admin');

  app.get(
    '/api/settings/tickets',
    {
      preHandler: admin,
      schema: { response: { 200: { anyOf: [ticketsSchema, { type: 'null' }] } } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return app.settings.current().tickets ?? null;
    },
  );

  app.put(
    '/api/settings/tickets',
    {
      preHandler: admin,
      schema: {
        body: { anyOf: [ticketsSchema, { type: 'null' }] },
        response: { 200: { anyOf: [ticketsSchema, { type: 'null' }] }, 400: errorSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      let tickets: TicketSettings | null = null;
      if (request.body !== null) {
        const read = readTicketSettings(request.body);
        if ('problem' in read) {
          return reply.code(400).send({ error: 'invalid-settings', message: read.problem });
        }
        tickets = read.settings;
      }
      const account = signedInAccount(request);
      await app.db.transaction(async (tx) => {
        await writeSettings(tx, { tickets }, account.id);
        await recordAudit(tx, {
          actor: account,
          action: 'settings.changed',
          subject: 'tickets',
          details: { tickets },
        });
      });
      await app.settings.reload();
      return tickets;
    },
  );
}
