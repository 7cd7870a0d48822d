// Review, publishing, history and restore (docs/decisions/0030-review-and-publish.md), as a
// JSON API under /api/ and as pages with plain forms under /admin/. Authors submit and read
// their own submissions; publishers review, publish, send back and restore; admins choose
// whether authors may publish their own (one-person publishing). Every change is audited.
import { and, desc, eq, max } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkDraft } from '../../src/engine/check-draft';
import { bringUpToDate, type DraftDifference } from '../../src/engine/draft-merge';
import { treeChanges } from '../../src/engine/tree-changes';
import { treeImpact, type TreeImpact } from '../../src/engine/tree-impact';
import type { Tree } from '../../src/engine/tree-schema';
import type { Account } from '../accounts/accounts-store';
import { roleAllows } from '../accounts/roles';
import { recordAudit } from '../audit/audit-log';
import type { Database } from '../db/database';
import { settings, submissions, treeVersions } from '../db/schema';
import {
  renderHistory,
  renderPublishingSettings,
  renderRestore,
  renderReview,
  renderReviewList,
  SEND_BACK_COMMENT_LIMIT,
  type Conflict,
  type SubmissionRow,
} from '../pages/review-pages';
import { renderNotFoundPage } from '../pages/error-pages';
import { sendPage, usePagePolicy } from '../pages/send-page';
import { signedInAccount } from '../plugins/auth';
import {
  checkForPublishing,
  currentVersion,
  PublishOutdated,
  PublishRefused,
} from '../publish/publish-tree';
import { DRAFT_KEY } from './drafts';
import { refusedAddress, refusedFields, textField } from './refused-fields';
import { MAX_INT4, positiveInt4 } from './schema-limits';

const PUBLISHING_KEY = 'publishing';

const NOT_FOUND = {
  submission: {
    title: 'No such submission',
    text: 'There is no submission with this number, or it is not yours to read.',
  },
  history: {
    title: 'No such troubleshooter',
    text: 'Nothing has been published under this name.',
  },
  version: {
    title: 'No such version',
    text: 'This troubleshooter has no published version with this number.',
  },
} as const;

export async function readOnePersonPublishing(db: Database): Promise<boolean> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PUBLISHING_KEY));
  return (row?.value as { onePerson?: boolean } | undefined)?.onePerson === true;
}

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: positiveInt4 },
} as const;
const treeParams = {
  type: 'object',
  required: ['treeId'],
  properties: { treeId: { type: 'string', pattern: '^[a-z0-9-]+$', maxLength: 200 } },
} as const;
const restoreParams = {
  type: 'object',
  required: ['treeId', 'version'],
  properties: { ...treeParams.properties, version: positiveInt4 },
} as const;
const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    message: { type: 'string' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;
const submissionSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    treeId: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    authorEmail: { type: 'string' },
    status: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    comment: { type: ['string', 'null'] },
    reviewerEmail: { type: ['string', 'null'] },
    baseVersion: { type: ['integer', 'null'] },
    /** The version live now (null: none yet); above baseVersion, the submission is behind. */
    liveVersion: { type: ['integer', 'null'] },
    publishedVersion: { type: ['integer', 'null'] },
  },
} as const;
/** The parts a submission brought up to date and the version live now both changed (ADR 63). */
const conflictsSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: { part: { type: 'string' }, label: { type: 'string' } },
  },
} as const;

function rowOf(row: typeof submissions.$inferSelect, liveVersion: number | null): SubmissionRow {
  const tree = row.tree as Partial<Tree>;
  return {
    id: row.id,
    treeId: row.treeId,
    title: typeof tree.title === 'string' && tree.title ? tree.title : row.treeId,
    summary: row.summary,
    authorEmail: row.authorEmail,
    status: row.status,
    createdAt: row.createdAt,
    comment: row.comment,
    reviewerEmail: row.reviewerEmail,
    baseVersion: row.baseVersion,
    liveVersion,
    publishedVersion: row.publishedVersion,
  };
}

const conflictOf = ({ part, label, mine, theirs }: DraftDifference): Conflict => ({
  part,
  label,
  submitted: mine,
  live: theirs,
});

/** Why a submission that conflicts with the live version is not published, part by part. */
function conflictMessage(live: number, conflicts: readonly DraftDifference[]): string {
  const parts = conflicts.map((conflict) => conflict.label).join('; ');
  return `Version ${live}, published after this was submitted, changed the same ${conflicts.length === 1 ? 'part' : 'parts'} differently: ${parts}. Send it back, so that its author compares the draft with version ${live} in the editor and submits it again.`;
}

/** The impact on shared links, when both versions can be walked (checkDraft's rules). */
function impactOf(deployed: Tree | null, tree: Tree): TreeImpact | null {
  if (!deployed) return null;
  if (!checkDraft(tree).walkable || !checkDraft(deployed).walkable) return null;
  return treeImpact(deployed, tree);
}

export async function publishRoutes(app: FastifyInstance) {
  usePagePolicy(app);
  const author = app.requireRole('author');
  const publisher = app.requireRole('publisher');
  const admin = app.requireRole('admin');
  const base = () => app.basePath;

  /** The submission, if this account may read it (its author, or a publisher). */
  async function readable(account: Account, id: number) {
    const [row] = await app.db.select().from(submissions).where(eq(submissions.id, id));
    if (!row) return null;
    if (row.authorId !== account.id && !roleAllows(account.role, 'publisher')) return null;
    return row;
  }

  /** One published version's tree, if it is stored. */
  async function versionTree(treeId: string, version: number): Promise<Tree | undefined> {
    const [row] = await app.db
      .select({ tree: treeVersions.tree })
      .from(treeVersions)
      .where(and(eq(treeVersions.treeId, treeId), eq(treeVersions.version, version)));
    return row?.tree as Tree | undefined;
  }

  /**
   * The submission as it would be published now (ADR 63): as submitted when it was made from
   * the live version; otherwise brought up to date with it, by a three-way merge from the
   * version it was made from (the editor's comparison's rules), with the parts both changed.
   */
  async function upToDate(row: typeof submissions.$inferSelect) {
    const submitted = row.tree as Tree;
    const live = await currentVersion(app.db, row.treeId);
    if (!live || live.version === row.baseVersion)
      return { live, tree: submitted, behind: false, conflicts: [] };
    const base =
      row.baseVersion === null ? undefined : await versionTree(row.treeId, row.baseVersion);
    return { live, ...bringUpToDate(submitted, live.tree, base), behind: true };
  }

  async function review(row: typeof submissions.$inferSelect) {
    const { live, tree, behind, conflicts } = await upToDate(row);
    const next = { ...tree, version: (live?.version ?? 0) + 1 };
    const ids = await app.db.selectDistinct({ treeId: treeVersions.treeId }).from(treeVersions);
    const position = live ? 0 : ids.length;
    const problems = checkForPublishing(next, position);
    const walkable = problems.length === 0;
    return {
      deployed: live?.tree ?? null,
      tree: next,
      problems,
      changes: live && walkable ? treeChanges(live.tree, tree) : [],
      impact: walkable ? impactOf(live?.tree ?? null, tree) : null,
      behind,
      conflicts,
    };
  }

  async function mayPublish(account: Account, row: typeof submissions.$inferSelect) {
    if (roleAllows(account.role, 'publisher')) return true;
    return row.authorId === account.id && (await readOnePersonPublishing(app.db));
  }

  /**
   * Publishes a submission, brought up to date with the live version if it is behind;
   * returns the version, or what stopped it. `shown` is the live version the review showed
   * it against (0: none): if another went live since, nothing is published.
   */
  async function publishSubmission(account: Account, id: number, shown?: number) {
    const row = await readable(account, id);
    if (!row) return { status: 404 as const, error: 'There is no such submission.' };
    if (!(await mayPublish(account, row)))
      return { status: 403 as const, error: 'Publishing this needs the publisher role.' };
    if (row.status !== 'submitted')
      return { status: 409 as const, error: 'This submission is no longer waiting for review.' };
    const { live, tree, behind, conflicts } = await upToDate(row);
    const wentLive = (version: number | null) => ({
      status: 409 as const,
      error: `Version ${version ?? 0} was published while this review was open. The review now shows the submission against it: read its changes again before publishing.`,
    });
    if (shown !== undefined && shown !== (live?.version ?? 0))
      return wentLive(live?.version ?? null);
    if (live && conflicts.length > 0)
      return {
        status: 409 as const,
        error: conflictMessage(live.version, conflicts),
        conflicts: conflicts.map(({ part, label }) => ({ part, label })),
      };
    try {
      const { version } = await app.publishedSite.publish(tree, {
        actor: { id: account.id, email: account.email },
        summary: row.summary,
        submissionId: row.id,
        draftKey: row.draftKey,
        ...(behind ? { submitted: row.tree as Tree } : {}),
        liveVersion: live?.version ?? null,
      });
      return { status: 200 as const, version, treeId: row.treeId };
    } catch (error) {
      if (error instanceof PublishRefused)
        return { status: 422 as const, error: error.message, problems: error.problems };
      if (error instanceof PublishOutdated) return wentLive(error.live);
      throw error;
    }
  }

  async function sendBack(account: Account, id: number, comment: string) {
    const [row] = await app.db.select().from(submissions).where(eq(submissions.id, id));
    if (!row) return 404;
    if (row.status !== 'submitted') return 409;
    await app.db.transaction(async (tx) => {
      await tx
        .update(submissions)
        .set({ status: 'sent-back', comment, reviewedAt: new Date(), reviewerEmail: account.email })
        .where(and(eq(submissions.id, id), eq(submissions.status, 'submitted')));
      await recordAudit(tx, {
        actor: { id: account.id, email: account.email },
        action: 'submission.sent-back',
        subject: row.treeId,
        details: { submission: id, comment },
      });
    });
    return 200;
  }

  async function restore(account: Account, treeId: string, version: number) {
    const [old] = await app.db
      .select()
      .from(treeVersions)
      .where(and(eq(treeVersions.treeId, treeId), eq(treeVersions.version, version)));
    if (!old) return { status: 404 as const, error: 'There is no such version.' };
    const published = await app.publishedSite.publish(old.tree as Tree, {
      actor: { id: account.id, email: account.email },
      summary: `Restored version ${version}`,
      restoredFrom: version,
    });
    return { status: 200 as const, version: published.version };
  }

  async function history(treeId: string) {
    return app.db
      .select({
        version: treeVersions.version,
        publishedAt: treeVersions.publishedAt,
        publishedByEmail: treeVersions.publishedByEmail,
        summary: treeVersions.summary,
        tree: treeVersions.tree,
      })
      .from(treeVersions)
      .where(eq(treeVersions.treeId, treeId))
      .orderBy(desc(treeVersions.version));
  }

  /** The live version of each troubleshooter published (the newest of its versions). */
  async function liveVersions(): Promise<Map<string, number>> {
    const rows = await app.db
      .select({ treeId: treeVersions.treeId, version: max(treeVersions.version) })
      .from(treeVersions)
      .groupBy(treeVersions.treeId);
    return new Map(rows.map((row) => [row.treeId, row.version ?? 0]));
  }

  async function listFor(account: Account) {
    const rows = await app.db
      .select()
      .from(submissions)
      .where(
        roleAllows(account.role, 'publisher') ? undefined : eq(submissions.authorId, account.id),
      )
      .orderBy(desc(submissions.id))
      .limit(200);
    const live = await liveVersions();
    return rows.map((row) => rowOf(row, live.get(row.treeId) ?? null));
  }

  // ---- JSON API -------------------------------------------------------------------------

  app.post(
    '/api/submissions',
    {
      preHandler: author,
      schema: {
        body: {
          type: 'object',
          required: ['tree', 'summary'],
          additionalProperties: false,
          properties: {
            tree: { type: 'object' },
            summary: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
            baseVersion: { type: ['integer', 'null'], minimum: 1, maximum: MAX_INT4 },
            /** The editor's draft it is submitted from: settled once it is published (ADR 61). */
            draftKey: DRAFT_KEY,
          },
        },
        response: { 201: submissionSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const account = signedInAccount(request);
      const body = request.body as {
        tree: Tree;
        summary: string;
        baseVersion?: number | null;
        draftKey?: string;
      };
      const id = typeof body.tree.id === 'string' ? body.tree.id : '';
      if (!/^[a-z0-9-]+$/.test(id)) {
        return reply
          .code(400)
          .send({ error: 'invalid-tree', message: 'The troubleshooter has no valid id.' });
      }
      // The rulebook first: a publisher reviews trees that can be published (the editor's
      // Checks tab shows the same problems while the author writes).
      const problems = checkForPublishing(body.tree, 0).filter(
        (problem) => !problem.path.startsWith('$.trees'),
      );
      if (problems.length > 0) {
        return reply.code(400).send({
          error: 'invalid-tree',
          message: 'The troubleshooter does not pass the checks: fix them before submitting.',
          problems,
        });
      }
      const summary = body.summary.trim().replace(/\s+/g, ' ');
      const row = await app.db.transaction(async (tx) => {
        const [added] = await tx
          .insert(submissions)
          .values({
            treeId: id,
            baseVersion: body.baseVersion ?? null,
            draftKey: body.draftKey ?? null,
            tree: body.tree,
            summary,
            authorId: account.id,
            authorEmail: account.email,
          })
          .returning();
        await recordAudit(tx, {
          actor: { id: account.id, email: account.email },
          action: 'submission.submitted',
          subject: id,
          details: { submission: added?.id, summary },
        });
        return added;
      });
      if (!row) throw new Error('submission not stored');
      reply.header('cache-control', 'no-store');
      return reply.code(201).send(rowOf(row, (await currentVersion(app.db, id))?.version ?? null));
    },
  );

  app.get(
    '/api/submissions',
    {
      preHandler: author,
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { submissions: { type: 'array', items: submissionSchema } },
          },
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { submissions: await listFor(signedInAccount(request)) };
    },
  );

  app.get(
    '/api/submissions/:id',
    {
      preHandler: author,
      schema: {
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              submission: submissionSchema,
              changes: { type: 'array', items: { type: 'object', additionalProperties: true } },
              problems: errorSchema.properties.problems,
              conflicts: conflictsSchema,
              impact: {
                type: ['object', 'null'],
                properties: {
                  links: { type: 'integer' },
                  changed: { type: 'integer' },
                },
              },
            },
          },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const row = await readable(signedInAccount(request), id);
      reply.header('cache-control', 'no-store');
      if (!row) return reply.code(404).send({ error: 'not-found', message: 'No such submission.' });
      const result = await review(row);
      return {
        submission: rowOf(row, result.deployed?.version ?? null),
        changes: result.changes,
        problems: result.problems,
        conflicts: result.conflicts.map(({ part, label }) => ({ part, label })),
        impact: result.impact
          ? {
              links: result.impact.trails.length,
              changed: result.impact.trails.filter((t) => t.status !== 'unchanged').length,
            }
          : null,
      };
    },
  );

  app.post(
    '/api/submissions/:id/publish',
    {
      preHandler: author,
      schema: {
        params: idParams,
        response: {
          200: { type: 'object', properties: { version: { type: 'integer' } } },
          403: errorSchema,
          404: errorSchema,
          409: {
            type: 'object',
            properties: { ...errorSchema.properties, conflicts: conflictsSchema },
          },
          422: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const result = await publishSubmission(signedInAccount(request), id);
      reply.header('cache-control', 'no-store');
      if (result.status !== 200) {
        return reply.code(result.status).send({
          error: 'not-published',
          message: result.error,
          ...('problems' in result ? { problems: result.problems } : {}),
          ...('conflicts' in result ? { conflicts: result.conflicts } : {}),
        });
      }
      return { version: result.version };
    },
  );

  app.post(
    '/api/submissions/:id/send-back',
    {
      preHandler: publisher,
      schema: {
        params: idParams,
        body: {
          type: 'object',
          required: ['comment'],
          additionalProperties: false,
          properties: {
            comment: {
              type: 'string',
              minLength: 1,
              maxLength: SEND_BACK_COMMENT_LIMIT,
              pattern: '\\S',
            },
          },
        },
        response: {
          200: { type: 'object', properties: { status: { type: 'string' } } },
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { comment } = request.body as { comment: string };
      const status = await sendBack(signedInAccount(request), id, comment.trim());
      reply.header('cache-control', 'no-store');
      if (status !== 200)
        return reply
          .code(status)
          .send({ error: 'not-sent-back', message: 'Not waiting for review.' });
      return { status: 'sent-back' };
    },
  );

  app.get(
    '/api/trees/:treeId/history',
    {
      preHandler: author,
      schema: {
        params: treeParams,
        response: {
          200: {
            type: 'object',
            properties: {
              versions: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    version: { type: 'integer' },
                    publishedAt: { type: 'string', format: 'date-time' },
                    publishedByEmail: { type: ['string', 'null'] },
                    summary: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { treeId } = request.params as { treeId: string };
      reply.header('cache-control', 'no-store');
      const versions = (await history(treeId)).map(({ tree: _tree, ...row }) => row);
      return { versions };
    },
  );

  app.post(
    '/api/trees/:treeId/restore',
    {
      preHandler: publisher,
      schema: {
        params: treeParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: { version: positiveInt4 },
        },
        response: {
          200: { type: 'object', properties: { version: { type: 'integer' } } },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { treeId } = request.params as { treeId: string };
      const { version } = request.body as { version: number };
      const result = await restore(signedInAccount(request), treeId, version);
      reply.header('cache-control', 'no-store');
      if (result.status !== 200)
        return reply.code(result.status).send({ error: 'not-found', message: result.error });
      return { version: result.version };
    },
  );

  const publishingSchema = {
    type: 'object',
    required: ['onePerson'],
    additionalProperties: false,
    properties: { onePerson: { type: 'boolean' } },
  } as const;

  async function savePublishing(account: Account, onePerson: boolean) {
    await app.db.transaction(async (tx) => {
      await tx
        .insert(settings)
        .values({ key: PUBLISHING_KEY, value: { onePerson }, updatedBy: account.id })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: { onePerson }, updatedBy: account.id, updatedAt: new Date() },
        });
      await recordAudit(tx, {
        actor: { id: account.id, email: account.email },
        action: 'publishing.settings-changed',
        subject: 'publishing',
        details: { onePerson },
      });
    });
  }

  app.get(
    '/api/settings/publishing',
    { preHandler: admin, schema: { response: { 200: publishingSchema } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { onePerson: await readOnePersonPublishing(app.db) };
    },
  );

  app.put(
    '/api/settings/publishing',
    { preHandler: admin, schema: { body: publishingSchema, response: { 200: publishingSchema } } },
    async (request, reply) => {
      const { onePerson } = request.body as { onePerson: boolean };
      await savePublishing(signedInAccount(request), onePerson);
      reply.header('cache-control', 'no-store');
      return { onePerson };
    },
  );

  // ---- Pages ----------------------------------------------------------------------------

  const page = (request: FastifyRequest) => ({
    base: base(),
    account: signedInAccount(request),
  });

  /** The not-found page of these pages (an id or version that names nothing), with a way back. */
  const notFound = (
    request: FastifyRequest,
    reply: FastifyReply,
    what: 'submission' | 'history' | 'version',
    treeId = '',
  ) =>
    sendPage(
      reply,
      404,
      renderNotFoundPage({
        ...page(request),
        ...NOT_FOUND[what],
        back:
          what === 'version'
            ? {
                href: `${base()}admin/history/${treeId}`,
                text: 'The history of this troubleshooter',
              }
            : { href: `${base()}admin/reviews`, text: 'All submissions' },
      }),
    );

  app.get('/admin/reviews', { preHandler: author }, async (request, reply) => {
    const account = signedInAccount(request);
    return sendPage(
      reply,
      200,
      renderReviewList({
        ...page(request),
        rows: await listFor(account),
        reviewer: roleAllows(account.role, 'publisher'),
      }),
    );
  });

  async function sendReview(
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: {
      status?: number;
      message?: string | null;
      error?: string | null;
      sendBack?: { comment: string; error: string };
    } = {},
  ) {
    const account = signedInAccount(request);
    const row = await readable(account, id);
    if (!row) return notFound(request, reply, 'submission');
    const result = await review(row);
    return sendPage(
      reply,
      extra.status ?? 200,
      renderReview({
        ...page(request),
        row: rowOf(row, result.deployed?.version ?? null),
        deployed: result.deployed,
        submitted: result.tree,
        changes: result.changes,
        problems: result.problems,
        impact: result.impact,
        mayPublish: await mayPublish(account, row),
        mayReview: roleAllows(account.role, 'publisher'),
        behind: result.behind,
        conflicts: result.conflicts.map(conflictOf),
        message: extra.message ?? null,
        error: extra.error ?? null,
        sendBack: extra.sendBack ?? null,
      }),
    );
  }

  app.get(
    '/admin/reviews/:id',
    {
      preHandler: author,
      schema: {
        params: idParams,
        querystring: { type: 'object', properties: { sent: { type: 'string' } } },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const sent = (request.query as { sent?: string }).sent !== undefined;
      return sendReview(request, reply, id, {
        message: sent ? 'Sent back to the author with your comment.' : null,
      });
    },
  );

  app.post(
    '/admin/reviews/:id/publish',
    {
      preHandler: author,
      schema: {
        params: idParams,
        // The live version the review showed it against (0: none), from the form.
        body: {
          type: 'object',
          properties: { live: { type: 'integer', minimum: 0, maximum: MAX_INT4 } },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: number };
      const { live } = (request.body ?? {}) as { live?: number };
      const result = await publishSubmission(signedInAccount(request), id, live);
      if (result.status === 200) {
        return reply.redirect(
          `${base()}admin/history/${result.treeId}?published=${result.version}`,
          303,
        );
      }
      if (result.status === 404) return notFound(request, reply, 'submission');
      return sendReview(request, reply, id, { status: result.status, error: result.error });
    },
  );

  app.post(
    '/admin/reviews/:id/send-back',
    {
      preHandler: publisher,
      // A comment over the limit: the review again, the comment kept, the error beside it.
      attachValidation: true,
      schema: {
        params: idParams,
        body: {
          type: 'object',
          properties: { comment: { type: 'string', maxLength: SEND_BACK_COMMENT_LIMIT } },
        },
      },
    },
    async (request, reply) => {
      if (refusedAddress(request)) return notFound(request, reply, 'submission');
      const { id } = request.params as { id: number };
      const typed = textField((request.body as { comment?: unknown } | undefined)?.comment);
      const comment = typed.trim();
      const refused = refusedFields(request).comment;
      const error =
        refused ?? (comment ? null : 'Write a comment for the author: it is what they will read.');
      if (error) {
        return sendReview(request, reply, id, {
          status: 400,
          sendBack: { comment: typed, error },
        });
      }
      const status = await sendBack(signedInAccount(request), id, comment);
      if (status === 404) return notFound(request, reply, 'submission');
      if (status === 409) {
        return sendReview(request, reply, id, {
          status: 409,
          sendBack: {
            comment: typed,
            error: 'It is no longer waiting for review (published or sent back meanwhile).',
          },
        });
      }
      return reply.redirect(`${base()}admin/reviews/${id}?sent`, 303);
    },
  );

  // The addresses a form posts to, opened as a page (the address bar after a refused Send
  // back, a bookmark, a sign-in's return): the review they belong to.
  for (const action of ['publish', 'send-back'] as const) {
    app.get(
      `/admin/reviews/:id/${action}`,
      { preHandler: author, schema: { params: idParams } },
      async (request, reply) => {
        const { id } = request.params as { id: number };
        return reply.redirect(`${base()}admin/reviews/${id}`, 303);
      },
    );
  }

  app.get(
    '/admin/history/:treeId',
    {
      preHandler: author,
      // Versions that are no numbers (`from=abc`): the history, with a word.
      attachValidation: true,
      schema: {
        params: treeParams,
        querystring: {
          type: 'object',
          properties: {
            from: positiveInt4,
            to: positiveInt4,
            published: positiveInt4,
          },
        },
      },
    },
    async (request, reply) => {
      const context = request.validationError?.validationContext;
      if (context === 'params') return notFound(request, reply, 'history');
      const { treeId } = request.params as { treeId: string };
      const refused = context === 'querystring';
      const query = (refused ? {} : request.query) as {
        from?: number;
        to?: number;
        published?: number;
      };
      const versions = await history(treeId);
      const latest = versions[0];
      if (!latest) return notFound(request, reply, 'history');
      const treeOf = (version: number | undefined) =>
        versions.find((row) => row.version === version)?.tree as Tree | undefined;
      const from = treeOf(query.from);
      const to = treeOf(query.to);
      // Said rather than ignored: a half-filled address, or a version that is not one.
      const absent = [query.from, query.to].filter(
        (version): version is number => version !== undefined && !treeOf(version),
      );
      const compareError = refused
        ? 'Choose the two versions from the lists, then Compare.'
        : query.from === undefined && query.to === undefined
          ? null
          : query.from === undefined || query.to === undefined
            ? 'Choose both versions to compare, From and To.'
            : absent.length > 0
              ? `There is no version ${[...new Set(absent)].join(' or ')} of this troubleshooter: choose from the versions listed above.`
              : null;
      const account = signedInAccount(request);
      return sendPage(
        reply,
        refused ? 400 : 200,
        renderHistory({
          ...page(request),
          treeId,
          title: (latest.tree as Tree).title,
          versions,
          compare:
            from && to && query.from && query.to
              ? { from: query.from, to: query.to, changes: treeChanges(from, to) }
              : null,
          compareError,
          mayRestore: roleAllows(account.role, 'publisher'),
          message: query.published
            ? `Published as version ${query.published}. The site serves it now.`
            : null,
        }),
      );
    },
  );

  app.get(
    '/admin/history/:treeId/restore/:version',
    { preHandler: publisher, schema: { params: restoreParams } },
    async (request, reply) => {
      const { treeId, version } = request.params as { treeId: string; version: number };
      const versions = await history(treeId);
      const live = versions[0]?.tree as Tree | undefined;
      const restored = versions.find((row) => row.version === version)?.tree as Tree | undefined;
      if (!live || !restored) return notFound(request, reply, 'version', treeId);
      return sendPage(
        reply,
        200,
        renderRestore({
          ...page(request),
          treeId,
          live,
          restored,
          changes: treeChanges(live, restored),
          impact: treeImpact(live, restored),
        }),
      );
    },
  );

  app.post(
    '/admin/history/:treeId/restore/:version',
    { preHandler: publisher, schema: { params: restoreParams } },
    async (request, reply) => {
      const { treeId, version } = request.params as { treeId: string; version: number };
      const result = await restore(signedInAccount(request), treeId, version);
      if (result.status !== 200) return notFound(request, reply, 'version', treeId);
      return reply.redirect(`${base()}admin/history/${treeId}?published=${result.version}`, 303);
    },
  );

  app.get(
    '/admin/publishing',
    {
      preHandler: admin,
      schema: { querystring: { type: 'object', properties: { saved: { type: 'string' } } } },
    },
    async (request, reply) =>
      sendPage(
        reply,
        200,
        renderPublishingSettings({
          ...page(request),
          onePerson: await readOnePersonPublishing(app.db),
          saved: (request.query as { saved?: string }).saved !== undefined,
        }),
      ),
  );

  app.post(
    '/admin/publishing',
    {
      preHandler: admin,
      schema: {
        body: {
          type: 'object',
          properties: { onePerson: { type: 'string', enum: ['true', 'false'] } },
        },
      },
    },
    async (request, reply) => {
      const onePerson = (request.body as { onePerson?: string }).onePerson === 'true';
      await savePublishing(signedInAccount(request), onePerson);
      return reply.redirect(`${base()}admin/publishing?saved`, 303);
    },
  );
}
