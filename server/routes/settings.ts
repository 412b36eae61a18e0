import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { SettingsChangesSchema } from '../../lib/domain/settings-changes';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { ProblemError } from '../http/problem-error';
import { readJson } from '../http/read-json';
import { requireAdministrator, writeAs } from '../http/route-helpers';
import { loadVersionedSettings, saveSettings } from '../store/settings';

/**
 * /v1/settings (R1, R2, R11): everyone reads them; administrators change them. Answers carry the
 * settings' `version`; a change naming an older `baseVersion` is refused with 409 (see
 * lib/domain/settings-changes.ts).
 */
export function settingsRoute(db: Kysely<Database>): Hono<AppEnv> {
  const route = new Hono<AppEnv>();

  route.get('/', async (c) => c.json(await loadVersionedSettings(db, c.get('actor').tenantId)));

  route.patch('/', async (c) => {
    requireAdministrator(c, 'change the settings');
    const { baseVersion, ...changes } = await readJson(c, SettingsChangesSchema.strict());
    const settings = await writeAs(db, c, async (writer) => {
      // The writer holds the tenant row, so no other change lands between this check and the save.
      const { version, ...current } = await loadVersionedSettings(writer.trx, writer.tenantId);
      if (baseVersion !== undefined && baseVersion !== version) {
        throw new ProblemError(
          409,
          'These settings were changed by someone else meanwhile. Load them again and make your change on those.',
          { version },
        );
      }
      const next = { ...current, ...changes };
      await saveSettings(writer, next);
      return { ...next, version: writer.revision };
    });
    return c.json(settings);
  });

  return route;
}
