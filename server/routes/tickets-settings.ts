// The "Open a ticket" setting (docs/tickets.md): served in config.json as `tickets`, checked
// by the same rules as a static build's config.json (src/engine/ticket-links.ts). Admins only:
// a JSON API (`/api/settings/tickets`) and the same as a page (`/admin/tickets`).
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readTicketSettings, type TicketSettings } from '../../src/engine/ticket-links';
import type { Tree } from '../../src/engine/tree-schema';
import {
  TICKET_FIELD_LIMITS,
  readTicketsForm,
  ticketExample,
  ticketsFormFromBody,
  ticketsToForm,
} from '../admin/tickets-form';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { treeVersions } from '../db/schema';
import { sendPage, usePagePolicy } from '../pages/send-page';
import { renderTicketsPage, type TicketsFormValues } from '../pages/tickets-page';
import { signedInAccount } from '../plugins/auth';
import { refusedFields, textField } from './refused-fields';
import { clientConfigSchema, writeSettings } from '../settings/settings';

/** The troubleshooter the page's example walks: Q164887 when published, or the first one. */
async function exampleTree(db: Database): Promise<Tree | undefined> {
  const [row] = await db
    .select({ tree: treeVersions.tree })
    .from(treeVersions)
    .where(eq(treeVersions.treeId, 'q164887'))
    .orderBy(desc(treeVersions.version))
    .limit(1);
  if (row) return row.tree as Tree;
  const [first] = await db
    .select({ tree: treeVersions.tree })
    .from(treeVersions)
    .orderBy(treeVersions.id)
    .limit(1);
  return first?.tree as Tree | undefined;
}

const ticketsSchema = clientConfigSchema.properties.tickets;
const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

export async function ticketSettingsRoutes(app: FastifyInstance) {
  usePagePolicy(app);
  const admin = app.requireRole('admin');

  /** Saves the setting (null: none) with its audit entry, then serves it at once. */
  async function save(tickets: TicketSettings | null, request: FastifyRequest) {
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
  }

  /** The site's own address (for the example's link): PUBLIC_ORIGIN, or the request's. */
  const siteUrl = (request: FastifyRequest) =>
    `${app.publicOrigins[0] ?? `${request.protocol}://${request.host}`}${app.basePath}`;

  async function page(
    request: FastifyRequest,
    values: TicketsFormValues,
    shown: TicketSettings | null,
    extra: { errors?: Record<string, string>; notice?: string | null } = {},
  ) {
    return renderTicketsPage({
      base: app.basePath,
      account: signedInAccount(request),
      values,
      example: shown ? ticketExample(shown, await exampleTree(app.db), siteUrl(request)) : null,
      ...extra,
    });
  }

  app.get<{ Querystring: { saved?: string } }>(
    '/admin/tickets',
    { preHandler: admin },
    async (request, reply) => {
      const current = app.settings.current().tickets ?? null;
      const notice =
        request.query.saved === undefined
          ? null
          : current
            ? 'Saved. “Open a ticket” opens the address below from now on.'
            : 'Saved. No helpdesk is set: there is no “Open a ticket” button.';
      return sendPage(reply, 200, await page(request, ticketsToForm(current), current, { notice }));
    },
  );

  app.post<{ Body: Record<string, string | undefined> }>(
    '/admin/tickets',
    {
      preHandler: admin,
      // Over the schema's limits: the form again with the error beside the field.
      attachValidation: true,
      schema: {
        body: {
          type: 'object',
          properties: {
            system: { type: 'string', maxLength: 40 },
            url: { type: 'string', maxLength: TICKET_FIELD_LIMITS.url },
            email: { type: 'string', maxLength: TICKET_FIELD_LIMITS.email },
            template: { type: 'string', maxLength: TICKET_FIELD_LIMITS.template },
            // Longer than the form's 80 still gets the form's own sentence, which says how long.
            label: { type: 'string', maxLength: 4000 },
            action: { enum: ['save', 'preview'] },
          },
        },
      },
    },
    async (request, reply) => {
      const body = Object.fromEntries(
        Object.entries(request.body ?? {}).map(([key, value]) => [key, textField(value)]),
      );
      const values = ticketsFormFromBody(body);
      const checked = readTicketsForm(values, body.system ?? '');
      // The form's own sentence first: it says the limit a person can keep to.
      const errors: Record<string, string> = {
        ...refusedFields(request),
        ...('errors' in checked ? checked.errors : {}),
      };
      if (request.validationError || 'errors' in checked) {
        return sendPage(reply, 400, await page(request, values, null, { errors }));
      }
      const read = checked;
      if (request.body.action === 'preview') {
        return sendPage(
          reply,
          200,
          await page(request, values, read.settings, {
            notice: 'Not saved yet: this is what the setting below would open. Save to use it.',
          }),
        );
      }
      await save(read.settings, request);
      // Post/redirect/get: a reload does not post again.
      return reply.redirect(`${app.basePath}admin/tickets?saved`, 303);
    },
  );

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
      await save(tickets, request);
      return tickets;
    },
  );
}
