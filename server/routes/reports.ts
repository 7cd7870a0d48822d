// "Report a problem with this step" (issue 26, docs/tickets.md): anyone walking may send one,
// without an account (the origin check still applies); authors list them and set their status.
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { getNode } from '../../src/engine/tree-lookup';
import { recordAudit } from '../audit/audit-log';
import { REPORT_CATEGORIES, REPORT_STATUSES, stepReports } from '../db/schema';
import { signedInAccount } from '../plugins/auth';
import { allTreeVersions, currentVersions } from '../trees/tree-versions';
import { positiveInt4 } from './schema-limits';

export const MAX_REPORT_TEXT = 1000;

const reportSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    tree: { type: 'string' },
    node: { type: 'string' },
    version: { type: 'integer' },
    category: { type: 'string' },
    text: { type: 'string' },
    status: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
} as const;

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const slug = { type: 'string', pattern: '^[a-z0-9-]{1,100}$' } as const;

type ReportRow = typeof stepReports.$inferSelect;
const toJson = (row: ReportRow) => ({
  id: row.id,
  tree: row.treeId,
  node: row.nodeId,
  version: row.treeVersion,
  category: row.category,
  text: row.text,
  status: row.status,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export async function reportRoutes(app: FastifyInstance) {
  const author = app.requireRole('author');

  app.post(
    '/api/reports',
    {
      schema: {
        body: {
          type: 'object',
          properties: {
            tree: slug,
            node: slug,
            category: { enum: REPORT_CATEGORIES },
            text: { type: 'string', maxLength: MAX_REPORT_TEXT },
          },
          required: ['tree', 'node', 'category', 'text'],
          additionalProperties: false,
        },
        response: {
          201: { type: 'object', properties: { id: { type: 'integer' } } },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body as {
        tree: string;
        node: string;
        category: (typeof REPORT_CATEGORIES)[number];
        text: string;
      };
      reply.header('cache-control', 'no-store');
      const served = currentVersions(await allTreeVersions(app.db)).find(
        (entry) => entry.treeId === body.tree,
      );
      if (!served || !getNode(served.tree, body.node)) {
        return reply
          .code(404)
          .send({ error: 'not-found', message: 'There is no such step to report.' });
      }
      const text = body.text.replace(/\s+/g, ' ').trim();
      const [row] = await app.db
        .insert(stepReports)
        .values({
          treeId: body.tree,
          nodeId: body.node,
          treeVersion: served.version,
          category: body.category,
          text,
        })
        .returning();
      if (!row) throw new Error('report not stored');
      await app.webhooks.send('step-report', {
        tree: row.treeId,
        node: row.nodeId,
        version: row.treeVersion,
        category: row.category,
        text: row.text,
      });
      return reply.code(201).send({ id: row.id });
    },
  );

  app.get(
    '/api/reports',
    {
      preHandler: author,
      schema: {
        querystring: { type: 'object', properties: { tree: slug } },
        response: { 200: { type: 'array', items: reportSchema } },
      },
    },
    async (request, reply) => {
      const { tree } = request.query as { tree?: string };
      reply.header('cache-control', 'no-store');
      const rows = await app.db
        .select()
        .from(stepReports)
        .where(tree ? eq(stepReports.treeId, tree) : undefined)
        .orderBy(desc(stepReports.id))
        .limit(500);
      return rows.map(toJson);
    },
  );

  app.patch(
    '/api/reports/:id',
    {
      preHandler: author,
      schema: {
        params: {
          type: 'object',
          properties: { id: positiveInt4 },
          required: ['id'],
        },
        body: {
          type: 'object',
          properties: { status: { enum: REPORT_STATUSES } },
          required: ['status'],
          additionalProperties: false,
        },
        response: { 200: reportSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { status } = request.body as { status: (typeof REPORT_STATUSES)[number] };
      const account = signedInAccount(request);
      const row = await app.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(stepReports)
          .set({ status, updatedBy: account.id, updatedAt: new Date() })
          .where(and(eq(stepReports.id, id)))
          .returning();
        if (updated) {
          await recordAudit(tx, {
            actor: account,
            action: 'report.status-changed',
            subject: `${updated.treeId}/${updated.nodeId}`,
            details: { id, status },
          });
        }
        return updated;
      });
      reply.header('cache-control', 'no-store');
      if (!row) return reply.code(404).send({ error: 'not-found', message: 'No such report.' });
      return toJson(row);
    },
  );
}
