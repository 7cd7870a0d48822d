// Review-by dates (issue 26, item 6; docs/tickets.md): authors and up see which
// troubleshooters are due for review; a publisher sets each one's owner and date; an admin
// sets the "No, it did not solve it" threshold that marks one for review.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { normaliseEmail } from '../accounts/accounts-store';
import { recordAudit } from '../audit/audit-log';
import { accounts, treeReviews, treeVersions } from '../db/schema';
import { signedInAccount } from '../plugins/auth';
import {
  listReviews,
  readReviewSettings,
  reviewSettingsSchema,
  writeReviewSettings,
  type ReviewSettings,
} from '../reviews/reviews';

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const reviewSchema = {
  type: 'object',
  properties: {
    treeId: { type: 'string' },
    title: { type: 'string' },
    owner: { type: ['string', 'null'] },
    reviewBy: { type: ['string', 'null'] },
    newReports: { type: 'integer' },
    answers: { type: 'integer' },
    notSolved: { type: 'integer' },
    due: { type: 'array', items: { type: 'string' } },
  },
  required: ['treeId', 'title', 'owner', 'reviewBy', 'newReports', 'answers', 'notSolved', 'due'],
} as const;

const treeParamsSchema = {
  type: 'object',
  properties: { treeId: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,99}$' } },
  required: ['treeId'],
} as const;

type ReviewBody = { owner: string | null; reviewBy: string | null };

const today = () => new Date().toISOString().slice(0, 10);

export async function reviewRoutes(app: FastifyInstance) {
  const author = app.requireRole('author');
  const publisher = app.requireRole('publisher');
  const admin = app.requireRole('admin');

  app.get<{ Querystring: { due?: boolean } }>(
    '/api/reviews',
    {
      preHandler: author,
      schema: {
        querystring: {
          type: 'object',
          properties: { due: { type: 'boolean' } },
          additionalProperties: false,
        },
        response: { 200: { type: 'array', items: reviewSchema } },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const reviews = await listReviews(app.db, today());
      return request.query.due ? reviews.filter((review) => review.due.length > 0) : reviews;
    },
  );

  app.put<{ Params: { treeId: string }; Body: ReviewBody }>(
    '/api/reviews/:treeId',
    {
      preHandler: publisher,
      schema: {
        params: treeParamsSchema,
        body: {
          type: 'object',
          properties: {
            owner: { anyOf: [{ type: 'string', maxLength: 320, minLength: 3 }, { type: 'null' }] },
            reviewBy: {
              anyOf: [{ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, { type: 'null' }],
            },
          },
          required: ['owner', 'reviewBy'],
          additionalProperties: false,
        },
        response: { 204: { type: 'null' }, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { treeId } = request.params;
      const { owner, reviewBy } = request.body;
      if (reviewBy !== null && Number.isNaN(Date.parse(`${reviewBy}T00:00:00Z`))) {
        return reply.code(400).send({ error: 'invalid-date', message: 'That is not a date.' });
      }
      const [published] = await app.db
        .select({ id: treeVersions.id })
        .from(treeVersions)
        .where(eq(treeVersions.treeId, treeId))
        .limit(1);
      if (!published) {
        return reply
          .code(404)
          .send({ error: 'not-found', message: 'There is no such troubleshooter.' });
      }
      let ownerId: number | null = null;
      if (owner !== null) {
        const [found] = await app.db
          .select({ id: accounts.id })
          .from(accounts)
          .where(eq(accounts.email, normaliseEmail(owner)));
        if (!found) {
          return reply
            .code(400)
            .send({ error: 'unknown-owner', message: 'No account has that email address.' });
        }
        ownerId = found.id;
      }
      const account = signedInAccount(request);
      await app.db.transaction(async (tx) => {
        const values = { ownerId, reviewBy, updatedBy: account.id, updatedAt: new Date() };
        await tx
          .insert(treeReviews)
          .values({ treeId, ...values })
          .onConflictDoUpdate({ target: treeReviews.treeId, set: values });
        await recordAudit(tx, {
          actor: account,
          action: 'review.changed',
          subject: treeId,
          details: { owner, reviewBy },
        });
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/settings/review',
    { preHandler: admin, schema: { response: { 200: reviewSettingsSchema } } },
    async (_request, reply) =>
      reply.header('cache-control', 'no-store').send(await readReviewSettings(app.db)),
  );

  app.put<{ Body: ReviewSettings }>(
    '/api/settings/review',
    { preHandler: admin, schema: { body: reviewSettingsSchema } },
    async (request, reply) => {
      const account = signedInAccount(request);
      await app.db.transaction(async (tx) => {
        await writeReviewSettings(tx, request.body, account.id);
        await recordAudit(tx, {
          actor: account,
          action: 'settings.changed',
          subject: 'review',
          details: { ...request.body },
        });
      });
      return reply.code(204).send();
    },
  );
}
