import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { SettingsSchema } from '../../lib/domain/settings';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { readJson } from '../http/read-json';
import { requireAdministrator, writeAs } from '../http/route-helpers';
import { loadSettings, saveSettings } from '../store/settings';

/** /v1/settings (R1, R2, R11): everyone reads them; administrators change them. */
export function settingsRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.get('/', async (c) => c.json(await loadSettings(db, c.get('actor').tenantId)));

  route.patch('/', async (c) => {
    requireAdministrator(c, 'change the settings');
    const changes = await readJson(c, SettingsSchema.partial().strict());
    const settings = await writeAs(db, c, async (writer) => {
      const next = { ...(await loadSettings(writer.trx, writer.tenantId)), ...changes };
      await saveSettings(writer, next);
      return next;
    });
    return c.json(settings);
  });

  return route;
}
