import { newId } from '../../../lib/domain/ids';
import { DEFAULT_SETTINGS } from '../../../lib/domain/settings';
import { PERMISSIONS, type Permission } from '../../../lib/domain/user';
import { newToken, tokenHash } from '../../../server/auth/tokens';
import { insertUser } from '../../../server/store/users';
import { inWriteTransaction } from '../../../server/store/write-transaction';
import type { TestApi, TestUser } from '../../server/support/api';

/**
 * A contact center with signed-in agents, written straight into the database: no password
 * hashing, so a model test can afford a fresh one for each of hundreds of runs. Sign-in itself
 * is tested in tests/server/auth.test.ts.
 */
export async function quickTenant(
  api: TestApi,
  agents: readonly string[],
  permissions: readonly Permission[] = PERMISSIONS,
): Promise<{ tenantId: string; users: TestUser[] }> {
  const db = api.database.db;
  const tenantId = newId();
  await db
    .insertInto('tenants')
    .values({
      id: tenantId,
      name: `Model ${tenantId}`,
      settings: JSON.stringify(DEFAULT_SETTINGS),
      webhook_secret: newToken(),
    })
    .execute();
  const users: TestUser[] = [];
  await inWriteTransaction(db, tenantId, async (writer) => {
    await writer.record('settings', tenantId, DEFAULT_SETTINGS);
    for (const name of agents) {
      const user = {
        id: newId(),
        name,
        email: `${name.toLowerCase()}-${tenantId}@model.test`,
        role: 'agent' as const,
        permissions: [...permissions],
        active: true,
      };
      await insertUser(writer, user, null);
      const token = newToken();
      await writer.trx
        .insertInto('tokens')
        .values({
          id: newId(),
          tenant_id: tenantId,
          user_id: user.id,
          token_hash: tokenHash(token),
          expires_at: new Date(Date.now() + 3_600_000),
        })
        .execute();
      users.push({ id: user.id, email: user.email, token, tenantId });
    }
  });
  return { tenantId, users };
}
