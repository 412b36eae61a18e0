import type { Kysely } from 'kysely';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../../lib/domain/settings';
import type { VersionedSettings } from '../../lib/domain/settings-changes';
import type { TaskRulesOptions } from '../../lib/domain/task-rules-options';
import type { Database } from '../db/schema';
import { loadFieldDefinitions } from './field-definitions';
import type { Writer } from './write-transaction';

/** The contact center's settings; a setting added since they were saved takes its default. */
export async function loadSettings(db: Kysely<Database>, tenantId: string): Promise<Settings> {
  const { version: _version, ...settings } = await loadVersionedSettings(db, tenantId);
  return settings;
}

/** The settings with their version: the revision of the change that saved them. */
export async function loadVersionedSettings(
  db: Kysely<Database>,
  tenantId: string,
): Promise<VersionedSettings> {
  const row = await db
    .selectFrom('tenants')
    .select(['settings', 'settings_revision'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...row?.settings });
  const settings = parsed.success ? parsed.data : DEFAULT_SETTINGS;
  return { ...settings, version: String(row?.settings_revision ?? 0) };
}

/** Saves the settings as of the writer's revision, which becomes their version. */
export async function saveSettings(writer: Writer, settings: Settings): Promise<void> {
  await writer.trx
    .updateTable('tenants')
    .set({ settings: JSON.stringify(settings), settings_revision: writer.revision })
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
  return {
    definitions,
    defaultReminderLeadMinutes: settings.defaultReminderLeadMinutes,
    codesRequiredOnCallLogs: settings.codesRequiredOnCallLogs,
  };
}
