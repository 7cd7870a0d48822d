// The one database schema (docs/decisions/0027-database-layer.md). Migrations in
// server/db/migrations/ are generated from this file (`npm run db:generate`) and run at start.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const ROLES = ['author', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * People who write, publish or administer troubleshooters (walking one needs no account).
 * A local account has a password hash; an OpenID Connect account has an issuer and subject
 * instead (or as well, if the admin gives it a password). Emails are stored lower-case.
 */
export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    email: text('email').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('accounts_email_unique').on(table.email),
    uniqueIndex('accounts_oidc_unique').on(table.oidcIssuer, table.oidcSubject),
    check('accounts_role_known', sql`${table.role} in ('author', 'publisher', 'admin')`),
    check('accounts_email_lower', sql`${table.email} = lower(${table.email})`),
  ],
);

/**
 * Signed-in sessions. The cookie carries a random token; only its hash is stored, so a copy
 * of the database lets nobody sign in. Removing an account ends its sessions (cascade).
 */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('sessions_account').on(table.accountId)],
);

/**
 * Every published version of every troubleshooter, one row each (a publish or a restore adds
 * a row; nothing is overwritten). The row with the highest version of a tree is the one the
 * site serves; lower ones are the archived copies old links are read with.
 */
export const treeVersions = pgTable(
  'tree_versions',
  {
    id: serial('id').primaryKey(),
    treeId: text('tree_id').notNull(),
    version: integer('version').notNull(),
    tree: jsonb('tree').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for trees imported from the shipped files at first start. */
    publishedBy: integer('published_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** The publisher's email, kept when the account is removed (the history says who). */
    publishedByEmail: text('published_by_email'),
    /** The one-line summary of the change (a submission's, or "Restored version N"). */
    summary: text('summary'),
  },
  (table) => [uniqueIndex('tree_versions_tree_version').on(table.treeId, table.version)],
);

/**
 * Runtime settings, one row per key: `embed` ({ allowedOrigins }) and `escalation`
 * ({ label, url | email }) as in config.json, and whatever later issues add.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
});

/**
 * The audit log: sign-ins, failed sign-ins, publishes, restores, settings and account
 * changes. The actor's email is copied so the entry still says who after the account is
 * removed; `subject` is what was acted on (an email, a tree id, a settings key).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: integer('actor_id').references(() => accounts.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    subject: text('subject'),
    details: jsonb('details').notNull().default({}),
  },
  (table) => [
    index('audit_events_at').on(table.at),
    index('audit_events_action_subject_at').on(table.action, table.subject, table.at),
  ],
);

/**
 * OpenID Connect sign-ins under way: the state, nonce and PKCE verifier between the redirect
 * to the provider and its callback, which another process may receive. Rows expire.
 */
export const oidcFlows = pgTable('oidc_flows', {
  stateHash: text('state_hash').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to'),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/** What a webhook endpoint can be sent (docs/tickets.md). */
export const WEBHOOK_EVENTS = ['outcome', 'not-solved', 'step-report'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Webhook endpoints an admin added: where to POST, which events, and the secret each
 * delivery is signed with (HMAC-SHA256; shown to the admin once, when the endpoint is added).
 */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: serial('id').primaryKey(),
  url: text('url').notNull(),
  events: jsonb('events').$type<WebhookEvent[]>().notNull(),
  secret: text('secret').notNull(),
  createdAt: createdAt(),
  createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
});

/** One event for one endpoint, with its state; its attempts are in webhook_attempts. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    /** The exact body sent (signed as it is). */
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('webhook_deliveries_endpoint').on(table.endpointId, table.id)],
);

/** Every attempt at a delivery: the HTTP status, or the error when there was no answer. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    httpStatus: integer('http_status'),
    error: text('error'),
  },
  (table) => [index('webhook_attempts_delivery').on(table.deliveryId)],
);

export const REPORT_CATEGORIES = ['wrong', 'unclear', 'out-of-date', 'other'] as const;
export const REPORT_STATUSES = ['new', 'accepted', 'done'] as const;

/**
 * "Report a problem with this step": sent by anyone walking (no account, nothing personal
 * kept), triaged by authors beside the node in the editor and on the map.
 */
export const stepReports = pgTable(
  'step_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    treeId: text('tree_id').notNull(),
    nodeId: text('node_id').notNull(),
    treeVersion: integer('tree_version').notNull(),
    category: text('category', { enum: REPORT_CATEGORIES }).notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('new'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('step_reports_tree_node').on(table.treeId, table.nodeId),
    check(
      'step_reports_category_known',
      sql`${table.category} in ('wrong', 'unclear', 'out-of-date', 'other')`,
    ),
    check('step_reports_status_known', sql`${table.status} in ('new', 'accepted', 'done')`),
  ],
);

export const SUBMISSION_STATUSES = ['submitted', 'sent-back', 'published', 'withdrawn'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/**
 * A tree an author asks to publish (docs/decisions/0030-review-and-publish.md): the whole
 * tree file as submitted, the version it was edited from (null for a new troubleshooter),
 * the author and a one-line summary. A publisher publishes it or sends it back with a
 * comment, which the author reads; nothing is deleted.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: serial('id').primaryKey(),
    treeId: text('tree_id').notNull(),
    baseVersion: integer('base_version'),
    tree: jsonb('tree').notNull(),
    summary: text('summary').notNull(),
    authorId: integer('author_id').references(() => accounts.id, { onDelete: 'set null' }),
    authorEmail: text('author_email').notNull(),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('submitted'),
    createdAt: createdAt(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewerEmail: text('reviewer_email'),
    /** The reviewer's comment when sent back. */
    comment: text('comment'),
    /** The version it became, once published. */
    publishedVersion: integer('published_version'),
    /**
     * The editor's draft it was submitted from (drafts.key), if any: settled when it is
     * published (docs/decisions/0061-a-publish-settles-its-drafts.md).
     */
    draftKey: text('draft_key'),
  },
  (table) => [
    index('submissions_status').on(table.status, table.id),
    index('submissions_tree').on(table.treeId),
    check(
      'submissions_status_known',
      sql`${table.status} in ('submitted', 'sent-back', 'published', 'withdrawn')`,
    ),
  ],
);

/**
 * The generations of the served site (ADR 30): each publish renders the site into a new
 * folder and adds a row here in the transaction that adds the tree version, so the row with
 * the highest id is the live site, and the database and the served files cannot disagree.
 * A generation is the trees published up to `treeVersionsUpTo` (tree_versions.id), so any
 * process can render its folder again from the database (another machine, a new build).
 */
export const siteGenerations = pgTable('site_generations', {
  id: serial('id').primaryKey(),
  /** Random: names the folder, which is rendered before the row exists. */
  key: text('key').notNull().unique(),
  treeVersionsUpTo: integer('tree_versions_up_to').notNull(),
  /** What this publish changed, for the log. */
  treeId: text('tree_id'),
  version: integer('version'),
  createdAt: createdAt(),
});

/**
 * Who owns each troubleshooter and when it is next to be reviewed (issue 26, item 6; set by a
 * publisher). The editor lists those due: past their date, or marked by an open step report
 * or a "No, it did not solve it" rate above the admin's threshold (docs/tickets.md).
 */
export const treeReviews = pgTable('tree_reviews', {
  treeId: text('tree_id').primaryKey(),
  ownerId: integer('owner_id').references(() => accounts.id, { onDelete: 'set null' }),
  reviewBy: date('review_by', { mode: 'string' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
});

/** What a walk reports (docs/privacy.md): the kinds of analytics events. */
export const EVENT_KINDS = [
  'step',
  'answer',
  'outcome',
  'solved',
  'unsolved',
  'copy',
  'print',
  'restart',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Walk events as they arrived (issue 25), kept for the retention the admin sets (13 months
 * unless changed), then deleted. No person, browser or address is stored: the trail (the
 * step's address) is what links the steps of one walk. `answer` is the answer's slug for
 * `answer` events, '' for the others. The ticket and client are the helpdesk's own
 * references, stored only when the walk's address carried them.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    treeId: text('tree_id').notNull(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    nodeId: text('node_id').notNull(),
    answer: text('answer').notNull().default(''),
    trail: text('trail').notNull().default(''),
    /**
     * The helpdesk ticket and client the walk was for, when its address carried them
     * (`?ticket=INC0012345&client=WS-0042`; docs/tickets.md, docs/privacy.md).
     */
    ticket: text('ticket'),
    client: text('client'),
  },
  (table) => [index('analytics_events_at').on(table.at)],
);

/**
 * Daily counts of the events, per troubleshooter, version, node, kind and answer, kept for
 * good: the reports read these, so they stay fast however many raw events there are.
 */
export const analyticsDaily = pgTable(
  'analytics_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    treeId: text('tree_id').notNull(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    nodeId: text('node_id').notNull(),
    answer: text('answer').notNull().default(''),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.treeId, table.version, table.day, table.kind, table.nodeId, table.answer],
    }),
  ],
);

/**
 * Drafts on the server (docs/decisions/0032-drafts-with-revisions.md): one shared draft per
 * key (`tree:<id>` for a change to a published troubleshooter, `new:<random>` for a new one),
 * whoever edits it. Every save raises `revision`; a save based on an older revision is
 * refused, so two people or two tabs never overwrite each other without seeing it.
 */
export const drafts = pgTable(
  'drafts',
  {
    key: text('key').primaryKey(),
    /** The tree's id as the draft has it now (a new troubleshooter's is typed). */
    treeId: text('tree_id').notNull(),
    /** The published version the draft started from; null for a new troubleshooter. */
    basedOn: integer('based_on'),
    revision: integer('revision').notNull(),
    tree: jsonb('tree').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (table) => [index('drafts_tree_id').on(table.treeId)],
);

/**
 * Who has a draft open (presence): one row per editor page (a tab), refreshed while it is
 * open. Rows not refreshed for a minute are stale and removed at the next heartbeat.
 */
export const draftEditors = pgTable(
  'draft_editors',
  {
    draftKey: text('draft_key').notNull(),
    clientId: text('client_id').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.draftKey, table.clientId] })],
);
