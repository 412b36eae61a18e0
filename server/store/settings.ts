import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../lib/domain/settings';
import type { TaskRulesOptions } from '../../lib/domain/task-rules-options';
import type { Database } from '../db/schema';
import { loadFieldDefinitions } from './field-definitions';
import type { Writer } from './write-transaction';

/** The contact center's settings; a setting added since they were saved takes its default. */
export async function loadSettings(db: Kysely<Database>, tenantId: string): Promise<Settings> {
  const row = await db
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', tenantId)
    .executeTakeFirst();
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...row?.settings });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(writer: Writer, settings: Settings): Promise<void> {
  await writer.trx
    .updateTable('tenants')
    .set({ settings: JSON.stringify(settings) })
    .where('id', '=', writer.tenantId)
    .execute();
  await writer.record('settings', writer.tenantId, settings);
}

/** What every task rule is checked against: the custom fields and the default reminder lead. */
export async function rulesOptions(
  db: Kysely<Database>,
  tenantId: string,
): Promise<TaskRulesOptions> {
  const [definitions, settings] = await Promise.all([
    loadFieldDefinitions(db, tenantId),
    loadSettings(db, tenantId),
  ]);
  return { definitions, defaultReminderLeadMinutes: settings.defaultReminderLeadMinutes };
}
