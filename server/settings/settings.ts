// Runtime settings (issue 23, item 4): what config.json says in a static deployment, kept in
// the database so that a publish or a redeploy never resets them. One row per key.
import { eq, inArray, sql } from 'drizzle-orm';
import { notify, type Database } from '../db/database';
import { settings } from '../db/schema';
import type { TicketSettings } from '../../src/engine/ticket-links';

/** The client's config.json (src/data/config-query.ts reads it). */
export type ClientConfig = {
  embed: { allowedOrigins: string[] };
  escalation?: { label: string; url: string } | { label: string; email: string };
  /** "Open a ticket" (docs/tickets.md): checked by readTicketSettings when written. */
  tickets?: TicketSettings;
};

export const SETTINGS_CHANGED = 'settings_changed';

export const DEFAULT_CLIENT_CONFIG: ClientConfig = { embed: { allowedOrigins: [] } };

// The same rules the client applies (src/lib/origins.ts, src/data/config-query.ts), as JSON
// schemas so that Fastify refuses anything else with a 400 before a route runs.
const originSchema = {
  type: 'string',
  maxLength: 2048,
  // A bare origin: scheme, host, optional port; no path, no trailing slash.
  pattern: '^https?://[^/?#\\s@]+$',
} as const;

export const embedSettingSchema = {
  type: 'object',
  properties: {
    allowedOrigins: { type: 'array', items: originSchema, maxItems: 100, uniqueItems: true },
  },
  required: ['allowedOrigins'],
  additionalProperties: false,
} as const;

export const escalationSettingSchema = {
  oneOf: [
    {
      type: 'object',
      properties: {
        label: { type: 'string', minLength: 1, maxLength: 200 },
        url: { type: 'string', pattern: '^https?://', maxLength: 2048 },
      },
      required: ['label', 'url'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        label: { type: 'string', minLength: 1, maxLength: 200 },
        email: { type: 'string', pattern: '^[^\\s@<>]+@[^\\s@<>]+$', maxLength: 320 },
      },
      required: ['label', 'email'],
      additionalProperties: false,
    },
  ],
} as const;

/** config.json as the server sends it (and the body of a settings change, all keys optional). */
export const clientConfigSchema = {
  type: 'object',
  properties: {
    embed: embedSettingSchema,
    escalation: escalationSettingSchema,
    // Checked in full by readTicketSettings (src/engine/ticket-links.ts) when it is written.
    tickets: {
      type: 'object',
      properties: {
        system: { type: 'string', maxLength: 20 },
        url: { type: 'string', maxLength: 2048 },
        email: { type: 'string', maxLength: 320 },
        template: { type: 'string', maxLength: 2048 },
        label: { type: 'string', maxLength: 80 },
      },
      required: ['system'],
      additionalProperties: false,
    },
  },
  required: ['embed'],
  additionalProperties: false,
} as const;

/**
 * A change to the settings: each key given is replaced; `escalation: null` removes it.
 * (A PUT body; validate it with `settingsChangeSchema` on the route.)
 */
export type SettingsChange = {
  embed?: ClientConfig['embed'];
  escalation?: ClientConfig['escalation'] | null;
  tickets?: TicketSettings | null;
};

export const settingsChangeSchema = {
  type: 'object',
  properties: {
    embed: embedSettingSchema,
    escalation: { oneOf: [...escalationSettingSchema.oneOf, { type: 'null' }] },
  },
  additionalProperties: false,
} as const;

/** The settings as config.json, with defaults for what was never set. */
export async function readClientConfig(db: Database): Promise<ClientConfig> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, ['embed', 'escalation', 'tickets']));
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  const embed = byKey.get('embed') as ClientConfig['embed'] | undefined;
  const escalation = byKey.get('escalation') as ClientConfig['escalation'] | undefined;
  const tickets = byKey.get('tickets') as TicketSettings | undefined;
  return {
    embed: embed ?? DEFAULT_CLIENT_CONFIG.embed,
    ...(escalation ? { escalation } : {}),
    ...(tickets ? { tickets } : {}),
  };
}

/**
 * Writes a settings change and tells every server process (NOTIFY, delivered when the
 * transaction commits). Pass a transaction to commit it together with an audit entry:
 * `app.db.transaction((tx) => writeSettings(tx, change, account.id) …)`.
 */
export async function writeSettings(
  db: Database,
  change: SettingsChange,
  actorId: number | null,
): Promise<void> {
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    if (value === null) {
      await db.delete(settings).where(eq(settings.key, key));
      continue;
    }
    await db
      .insert(settings)
      .values({ key, value, updatedBy: actorId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value, updatedBy: actorId, updatedAt: sql`now()` },
      });
  }
  await notify(db, SETTINGS_CHANGED);
}
