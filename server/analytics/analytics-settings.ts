// The admin's analytics setting (issue 25): how long raw events are kept. Its own key in the
// settings table, apart from config.json's (the client never needs it).
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { settings } from '../db/schema';

export type AnalyticsSettings = { retentionMonths: number };

export const DEFAULT_ANALYTICS_SETTINGS: AnalyticsSettings = { retentionMonths: 13 };

export const analyticsSettingsSchema = {
  type: 'object',
  properties: { retentionMonths: { type: 'integer', minimum: 1, maximum: 120 } },
  required: ['retentionMonths'],
  additionalProperties: false,
} as const;

const KEY = 'analytics';

export async function readAnalyticsSettings(db: Database): Promise<AnalyticsSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, KEY));
  const value = row?.value as Partial<AnalyticsSettings> | undefined;
  return typeof value?.retentionMonths === 'number'
    ? { retentionMonths: value.retentionMonths }
    : DEFAULT_ANALYTICS_SETTINGS;
}

export async function writeAnalyticsSettings(
  db: Database,
  value: AnalyticsSettings,
  actorId: number | null,
): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value, updatedBy: actorId })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value, updatedBy: actorId, updatedAt: sql`now()` },
    });
}
