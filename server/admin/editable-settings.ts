import type { Database } from '../db/database';
import { readClientConfig } from '../settings/settings';
import type { EditableSettings } from './settings-form';

/** The settings an admin edits, from the settings store (server/settings/settings.ts). */
export async function readEditableSettings(db: Database): Promise<EditableSettings> {
  const config = await readClientConfig(db);
  return { embed: config.embed, escalation: config.escalation ?? null };
}
