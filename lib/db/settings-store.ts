import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../domain/settings';
import type { WrapupDb } from './database';

const SETTINGS_KEY = 'settings';

/** The contact center's settings as last synced, or the defaults before they first arrive. */
export async function loadSettings(db: WrapupDb): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  const parsed = SettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(db: WrapupDb, settings: Settings): Promise<void> {
  await db.meta.put({ key: SETTINGS_KEY, value: SettingsSchema.parse(settings) });
}
