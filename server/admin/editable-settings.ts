import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database';
import { settings } from '../db/schema';
import type { EditableSettings } from './settings-form';

/** The settings an admin edits, as stored (`embed` and `escalation` rows). */
export async function readEditableSettings(db: Database): Promise<EditableSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, ['embed', 'escalation']));
  const value = (key: string) => rows.find((row) => row.key === key)?.value as never;
  const embed = value('embed') as { allowedOrigins?: string[] } | undefined;
  const escalation = value('escalation') as EditableSettings['escalation'] | undefined;
  return { embed: { allowedOrigins: embed?.allowedOrigins ?? [] }, escalation: escalation ?? null };
}

export async function writeEditableSettings(
  db: Database,
  values: EditableSettings,
  accountId: number,
) {
  for (const [key, value] of [
    ['embed', values.embed],
    ['escalation', values.escalation],
  ] as const) {
    // No escalation is no row, as config.json leaves the key out.
    if (value === null) {
      await db.delete(settings).where(eq(settings.key, key));
      continue;
    }
    await db
      .insert(settings)
      .values({ key, value: value as never, updatedBy: accountId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: sql`excluded.value`, updatedAt: sql`now()`, updatedBy: accountId },
      });
  }
}
