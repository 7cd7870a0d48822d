// The one database schema (docs/decisions/0027-database-layer.md). Migrations in
// server/db/migrations/ are generated from this file (`npm run db:generate`) and run at start.
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
