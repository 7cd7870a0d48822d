import type { FastifyInstance } from 'fastify';
import { listAudit, recordAudit } from '../audit/audit-log';
import { renderAuditPage } from '../pages/audit-page';
import { renderSettingsPage } from '../pages/settings-page';
import { sendPage, usePagePolicy } from '../pages/send-page';
import { readEditableSettings } from '../admin/editable-settings';
import { signedInAccount } from '../plugins/auth';
import { writeSettings } from '../settings/settings';
import { pruneEvents } from '../analytics/events-store';
import {
  readAnalyticsSettings,
  writeAnalyticsSettings,
  type AnalyticsSettings,
} from '../analytics/analytics-settings';
import { readReviewSettings, writeReviewSettings, type ReviewSettings } from '../reviews/reviews';
import { REVIEW_FIELDS, type ReviewFormState } from '../pages/settings-page';
import {
  readSettingsForm,
  settingsToForm,
  type EditableSettings,
  type SettingsFormValues,
} from '../admin/settings-form';
import { refusedFields, textField } from './refused-fields';
import { positiveInt4 } from './schema-limits';

const AUDIT_PAGE_SIZE = 50;

/** The entries of `record` with these keys. */
function pick<K extends string>(record: Record<string, string>, keys: readonly K[]) {
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => (keys as readonly string[]).includes(key)),
  ) as Partial<Record<K, string>>;
}

const SETTINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['embed', 'escalation'],
  properties: {
    embed: {
      type: 'object',
      additionalProperties: false,
      required: ['allowedOrigins'],
      properties: {
        allowedOrigins: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 300 } },
      },
    },
    escalation: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['label'],
          properties: {
            label: { type: 'string', maxLength: 300 },
            url: { type: 'string', maxLength: 2000 },
            email: { type: 'string', maxLength: 320 },
          },
        },
      ],
    },
  },
} as const;

const AUDIT_ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    at: { type: 'string', format: 'date-time' },
    actorEmail: { type: ['string', 'null'] },
    action: { type: 'string' },
    subject: { type: ['string', 'null'] },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

/** What changed between two versions of the settings, for the audit log. */
function settingsChanges(before: EditableSettings, after: EditableSettings) {
  const changes: Record<string, unknown> = {};
  if (JSON.stringify(before.embed) !== JSON.stringify(after.embed)) {
    changes.allowedOrigins = after.embed.allowedOrigins;
  }
  if (JSON.stringify(before.escalation) !== JSON.stringify(after.escalation)) {
    changes.escalation = after.escalation;
  }
  return changes;
}

const REVIEW_LIMITS: Record<keyof ReviewSettings, { max: number; text: string }> = {
  notSolvedPercent: { max: 100, text: 'The percentage is a whole number from 1 to 100.' },
  minAnswers: { max: 100_000, text: 'The answers are a whole number from 1 to 100,000.' },
  days: { max: 366, text: 'The days are a whole number from 1 to 366.' },
};

const reviewToForm = (settings: ReviewSettings): ReviewFormState['values'] => ({
  notSolvedPercent: String(settings.notSolvedPercent),
  minAnswers: String(settings.minAnswers),
  days: String(settings.days),
});

/** The review threshold as posted (a field left out keeps its value), checked field by field. */
function readReviewForm(
  posted: Partial<Record<keyof ReviewSettings, string>>,
  current: ReviewSettings,
): { state: ReviewFormState; settings?: ReviewSettings } {
  const values = { ...reviewToForm(current), ...posted };
  const errors: NonNullable<ReviewFormState['errors']> = {};
  const settings = { ...current };
  for (const { name } of REVIEW_FIELDS) {
    const text = values[name].trim().replace(/[\s,]/g, '');
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1 || value > REVIEW_LIMITS[name].max) {
      errors[name] = REVIEW_LIMITS[name].text;
    } else settings[name] = value;
  }
  return Object.keys(errors).length > 0
    ? { state: { values, errors } }
    : { state: { values }, settings };
}

/**
 * The admin's settings and audit log: a JSON API (`/api/settings`, `/api/audit`) and the same
 * as pages with plain forms (`/admin/settings`, `/admin/audit`). Admins only.
 */
export async function adminRoutes(app: FastifyInstance) {
  usePagePolicy(app);
  const admin = app.requireRole('admin');

  /** Saves the settings and its audit entry in one transaction, then serves them at once. */
  async function save(values: EditableSettings, actor: { id: number; email: string }) {
    const before = await readEditableSettings(app.db);
    const changes = settingsChanges(before, values);
    if (Object.keys(changes).length === 0) return;
    await app.db.transaction(async (tx) => {
      await writeSettings(tx, values, actor.id);
      await recordAudit(tx, {
        actor,
        action: 'settings.changed',
        subject: 'settings',
        details: changes,
      });
    });
    await app.settings.reload();
  }

  app.get(
    '/api/settings',
    { preHandler: admin, schema: { response: { 200: SETTINGS_SCHEMA } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return readEditableSettings(app.db);
    },
  );

  app.put(
    '/api/settings',
    {
      preHandler: admin,
      schema: {
        body: SETTINGS_SCHEMA,
        response: {
          200: SETTINGS_SCHEMA,
          400: {
            type: 'object',
            properties: {
              error: { type: 'string' },
              // A body Fastify or server/plugins/json-body.ts refused says why in `message`.
              message: { type: 'string' },
              errors: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const body = request.body as EditableSettings;
      const read = readSettingsForm(settingsToForm(body));
      reply.header('cache-control', 'no-store');
      if ('errors' in read)
        return reply.code(400).send({ error: 'invalid-settings', errors: read.errors });
      await save(read.settings, signedInAccount(request));
      return read.settings;
    },
  );

  /** The analytics retention (issue 25), saved with its audit entry when it changed. */
  async function saveAnalytics(value: AnalyticsSettings, actor: { id: number; email: string }) {
    const before = await readAnalyticsSettings(app.db);
    if (before.retentionMonths === value.retentionMonths) return;
    await app.db.transaction(async (tx) => {
      await writeAnalyticsSettings(tx, value, actor.id);
      await recordAudit(tx, {
        actor,
        action: 'settings.changed',
        subject: 'analytics',
        details: { ...value },
      });
    });
    await pruneEvents(app.db, value.retentionMonths);
  }

  /** The review threshold (issue 26), saved with its audit entry when it changed. */
  async function saveReview(value: ReviewSettings, actor: { id: number; email: string }) {
    const before = await readReviewSettings(app.db);
    if (JSON.stringify(before) === JSON.stringify(value)) return;
    await app.db.transaction(async (tx) => {
      await writeReviewSettings(tx, value, actor.id);
      await recordAudit(tx, {
        actor,
        action: 'settings.changed',
        subject: 'review',
        details: { ...value },
      });
    });
  }

  app.get('/admin/settings', { preHandler: admin }, async (request, reply) => {
    const saved = (request.query as { saved?: string }).saved !== undefined;
    const values = settingsToForm(await readEditableSettings(app.db));
    const review = { values: reviewToForm(await readReviewSettings(app.db)) };
    const { retentionMonths } = await readAnalyticsSettings(app.db);
    return sendPage(
      reply,
      200,
      renderSettingsPage({
        base: app.basePath,
        account: signedInAccount(request),
        values,
        analytics: { retentionMonths: String(retentionMonths) },
        review,
        saved,
      }),
    );
  });

  app.post(
    '/admin/settings',
    {
      preHandler: admin,
      // Over the schema's limits: the form again with the error beside the field.
      attachValidation: true,
      schema: {
        body: {
          type: 'object',
          properties: {
            allowedOrigins: { type: 'string', maxLength: 20000 },
            escalationLabel: { type: 'string', maxLength: 2000 },
            escalationAddress: { type: 'string', maxLength: 4000 },
            retentionMonths: { type: 'string', maxLength: 100 },
            notSolvedPercent: { type: 'string', maxLength: 100 },
            minAnswers: { type: 'string', maxLength: 100 },
            days: { type: 'string', maxLength: 100 },
          },
        },
      },
    },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const refused = refusedFields(request);
      const values: SettingsFormValues = {
        allowedOrigins: textField(body.allowedOrigins),
        escalationLabel: textField(body.escalationLabel),
        escalationAddress: textField(body.escalationAddress),
      };
      const checked = readSettingsForm(values);
      // The form's own sentence first: it says the limit a person can keep to.
      const fieldErrors = {
        ...pick(refused, ['allowedOrigins', 'escalationLabel', 'escalationAddress']),
        ...('errors' in checked ? checked.errors : {}),
      };
      const read = Object.keys(fieldErrors).length > 0 ? { errors: fieldErrors } : checked;
      const retention =
        body.retentionMonths === undefined ? undefined : textField(body.retentionMonths);
      const analytics = {
        retentionMonths: retention ?? String((await readAnalyticsSettings(app.db)).retentionMonths),
      };
      const months = Number(analytics.retentionMonths.trim());
      const analyticsError =
        (/^\s*\d+\s*$/.test(analytics.retentionMonths) && months >= 1 && months <= 120
          ? undefined
          : 'Keep raw walk events for a whole number of months from 1 to 120.') ??
        refused.retentionMonths;
      const review = readReviewForm(
        Object.fromEntries(
          REVIEW_FIELDS.flatMap(({ name }) =>
            body[name] === undefined ? [] : [[name, textField(body[name])]],
          ),
        ),
        await readReviewSettings(app.db),
      );
      const reviewRefused = pick(
        refused,
        REVIEW_FIELDS.map(({ name }) => name),
      );
      if (Object.keys(reviewRefused).length > 0) {
        review.state.errors = { ...reviewRefused, ...review.state.errors };
        delete review.settings;
      }
      if ('errors' in read || analyticsError || !review.settings) {
        return sendPage(
          reply,
          400,
          renderSettingsPage({
            base: app.basePath,
            account: signedInAccount(request),
            values,
            errors: 'errors' in read ? read.errors : {},
            analytics: analyticsError ? { ...analytics, error: analyticsError } : analytics,
            review: review.state,
          }),
        );
      }
      await save(read.settings, signedInAccount(request));
      await saveAnalytics({ retentionMonths: months }, signedInAccount(request));
      await saveReview(review.settings, signedInAccount(request));
      // Post/redirect/get: a reload does not post again.
      return reply.redirect(`${app.basePath}admin/settings?saved`, 303);
    },
  );

  const auditQuery = {
    type: 'object',
    properties: {
      before: positiveInt4,
      limit: { type: 'integer', minimum: 1, maximum: 200 },
    },
  } as const;

  app.get(
    '/api/audit',
    {
      preHandler: admin,
      schema: {
        querystring: auditQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              entries: { type: 'array', items: AUDIT_ENTRY_SCHEMA },
              older: { type: ['integer', 'null'] },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { before, limit = AUDIT_PAGE_SIZE } = request.query as {
        before?: number;
        limit?: number;
      };
      const entries = await listAudit(app.db, { limit, ...(before ? { before } : {}) });
      reply.header('cache-control', 'no-store');
      return {
        entries,
        older: entries.length === limit ? (entries.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get(
    '/admin/audit',
    {
      preHandler: admin,
      // A `before` that is no entry number: the newest entries, with a word (not Fastify's JSON).
      attachValidation: true,
      schema: {
        querystring: { type: 'object', properties: { before: positiveInt4 } },
      },
    },
    async (request, reply) => {
      const refused = request.validationError !== undefined;
      const before = refused ? undefined : (request.query as { before?: number }).before;
      const entries = await listAudit(app.db, {
        limit: AUDIT_PAGE_SIZE,
        ...(before ? { before } : {}),
      });
      const last = entries.at(-1);
      return sendPage(
        reply,
        refused ? 400 : 200,
        renderAuditPage({
          base: app.basePath,
          account: signedInAccount(request),
          entries,
          olderHref:
            entries.length === AUDIT_PAGE_SIZE && last
              ? `${app.basePath}admin/audit?before=${last.id}`
              : null,
          newestHref: before ? `${app.basePath}admin/audit` : null,
          error: refused
            ? 'The address asked for the entries before one that is not an entry number: these are the newest.'
            : null,
        }),
      );
    },
  );
}
