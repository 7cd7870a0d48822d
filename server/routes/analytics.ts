// Walk events in, reports out (issue 25; docs/privacy.md, docs/decisions/0034-analytics.md).
// POST api/events takes a batch from the wizard (a beacon: text/plain JSON, or JSON); the
// reports are for authors and up; the retention is the admin's.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../audit/audit-log';
import {
  createPublishedShapes,
  eventsBodySchema,
  pruneEvents,
  storeEvents,
  type IncomingEvent,
} from '../analytics/events-store';
import {
  readAnalyticsSettings,
  writeAnalyticsSettings,
  analyticsSettingsSchema,
  type AnalyticsSettings,
} from '../analytics/analytics-settings';
import { readReport, reportCsv } from '../analytics/report';
import type { WebhookEvent } from '../db/schema';
import { signedInAccount } from '../plugins/auth';

export type AnalyticsRoutesOptions = {
  /** Event batches a minute from one address (ANALYTICS_RATE_LIMIT; default 120). */
  rateLimit?: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

const reportQuerySchema = {
  type: 'object',
  properties: {
    v: { type: 'string', pattern: '^[0-9]{1,7}(,[0-9]{1,7})?$' },
    from: { type: 'string', pattern: datePattern },
    to: { type: 'string', pattern: datePattern },
  },
  additionalProperties: false,
} as const;

const treeParamsSchema = {
  type: 'object',
  properties: { treeId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,99}$' } },
  required: ['treeId'],
} as const;

type ReportQuery = { v?: string; from?: string; to?: string };

/** Whether `text` (YYYY-MM-DD, by the schema's pattern) names a day on the calendar. */
function isCalendarDate(text: string) {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The date range of a report: the last 30 days unless the address says otherwise. The schema
 * checks the shape; a day that is not on the calendar (2026-02-30) or a range that ends before
 * it starts is refused here, with a sentence the report page can show.
 */
function readRange(query: ReportQuery) {
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (value !== undefined && !isCalendarDate(value)) {
      const field = name === 'from' ? 'From' : 'To';
      return {
        error: `The ${field} date, ${value}, is not a day on the calendar (write YYYY-MM-DD).`,
      };
    }
  }
  const today = new Date().toISOString().slice(0, 10);
  const to = query.to ?? today;
  const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
  if (from > to) return { error: `The range starts (${from}) after it ends (${to}).` };
  return { range: { from, to, versions: query.v?.split(',').map(Number) } };
}

/** The webhook each stored event sets off (docs/tickets.md): a result shown, or "No". */
const WEBHOOK_FOR: Partial<Record<IncomingEvent['kind'], WebhookEvent>> = {
  outcome: 'outcome',
  unsolved: 'not-solved',
};

/**
 * Queues the `outcome` and `not-solved` webhooks for stored events. The events are stored
 * whatever happens here: a failure is logged, never answered to the wizard.
 */
async function sendWebhooks(app: FastifyInstance, events: readonly IncomingEvent[]) {
  for (const event of events) {
    const webhook = WEBHOOK_FOR[event.kind];
    if (!webhook) continue;
    await app.webhooks
      .send(webhook, {
        tree: event.tree,
        version: event.version,
        node: event.node,
        ...(event.trail === undefined ? {} : { trail: event.trail }),
        ...(event.ticket === undefined ? {} : { ticket: event.ticket }),
        ...(event.client === undefined ? {} : { client: event.client }),
      })
      .catch((error: unknown) => app.log.error({ err: error }, 'analytics webhook'));
  }
}

export async function analyticsRoutes(app: FastifyInstance, options: AnalyticsRoutesOptions) {
  const shapes = createPublishedShapes(app.db);
  // Counted in memory per address and forgotten after the minute: the address is never stored.
  await app.register(fastifyRateLimit, { global: false });

  // Raw events past the retention are deleted at start and once a day after.
  const prune = async () => {
    const { retentionMonths } = await readAnalyticsSettings(app.db);
    await pruneEvents(app.db, retentionMonths);
  };
  const pruneLogged = () =>
    void prune().catch((error: unknown) => app.log.error({ err: error }, 'analytics prune'));
  app.addHook('onReady', async () => pruneLogged());
  const timer = setInterval(pruneLogged, DAY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  // A beacon's body is text/plain (no preflight); it holds the same JSON.
  app.addContentTypeParser(
    'text/plain',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_r, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        done(Object.assign(new Error('The body is not JSON.'), { statusCode: 400 }), undefined);
      }
    },
  );

  app.post<{ Body: { events: IncomingEvent[] } }>(
    '/api/events',
    {
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: options.rateLimit ?? 120, timeWindow: 60_000 } },
      schema: {
        body: eventsBodySchema,
        response: {
          200: {
            type: 'object',
            properties: { stored: { type: 'integer' } },
            required: ['stored'],
            additionalProperties: false,
          },
        },
      },
    },
    async (request, reply) => {
      // A signed-in account's own walks (an author trying a change, an admin checking a fix)
      // are not the helpdesk's: the beacon carries the session cookie, so the batch is
      // accepted (no error for the page) and nothing of it is stored or sent on
      // (docs/privacy.md).
      const stored = request.account ? [] : await storeEvents(app.db, shapes, request.body.events);
      await sendWebhooks(app, stored);
      return reply.header('cache-control', 'no-store').send({ stored: stored.length });
    },
  );

  const author = app.requireRole('author');
  // The same body as a refusal by the schema (Fastify's validation error).
  const badRange = (message: string) => ({
    statusCode: 400,
    code: 'invalid-range',
    error: 'Bad Request',
    message,
  });
  app.get<{ Params: { treeId: string }; Querystring: ReportQuery }>(
    '/api/analytics/:treeId',
    { preHandler: author, schema: { params: treeParamsSchema, querystring: reportQuerySchema } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const read = readRange(request.query);
      if (!read.range) return reply.code(400).send(badRange(read.error));
      const report = await readReport(app.db, { treeId: request.params.treeId, ...read.range });
      if (!report) return reply.code(404).send({ message: 'No such troubleshooter.' });
      return reply.send(report);
    },
  );

  app.get<{ Params: { treeId: string }; Querystring: ReportQuery }>(
    '/api/analytics/:treeId/csv',
    { preHandler: author, schema: { params: treeParamsSchema, querystring: reportQuerySchema } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const read = readRange(request.query);
      if (!read.range) return reply.code(400).send(badRange(read.error));
      const report = await readReport(app.db, { treeId: request.params.treeId, ...read.range });
      if (!report) return reply.code(404).send({ message: 'No such troubleshooter.' });
      const name = `${report.treeId}-${report.from}-${report.to}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(reportCsv(report));
    },
  );

  const admin = app.requireRole('admin');
  app.get(
    '/api/settings/analytics',
    { preHandler: admin, schema: { response: { 200: analyticsSettingsSchema } } },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send(await readAnalyticsSettings(app.db)),
  );
  app.put<{ Body: AnalyticsSettings }>(
    '/api/settings/analytics',
    { preHandler: admin, schema: { body: analyticsSettingsSchema } },
    async (request, reply) => {
      const account = signedInAccount(request);
      await app.db.transaction(async (tx) => {
        await writeAnalyticsSettings(tx, request.body, account.id);
        await recordAudit(tx, {
          actor: account,
          action: 'settings.changed',
          subject: 'analytics',
          details: { ...request.body },
        });
      });
      pruneLogged();
      return reply.code(204).send();
    },
  );
}
