import { parseArgs } from 'node:util';
import type { ServerConfig } from '../config';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createTenant } from '../tenants/create-tenant';

export const CREATE_TENANT_USAGE = `Usage: npm run server -- create-tenant --name "Acme Support" \\
         --admin-email admin@acme.example --admin-password '…' [--admin-name "Ada Admin"]`;

/**
 * `npm run server -- create-tenant …`: a new contact center and its first administrator, on the
 * database the server would use (DATABASE_URL, else the embedded PGlite). Prints the ids and the
 * webhook secret; returns the process exit code.
 */
export async function createTenantCommand(args: string[], config: ServerConfig): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-password': { type: 'string' },
        'admin-name': { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${CREATE_TENANT_USAGE}`);
    return 2;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const created = await createTenant(database.db, {
      name: values.name ?? '',
      adminName: values['admin-name'] ?? 'Administrator',
      adminEmail: values['admin-email'] ?? '',
      adminPassword: values['admin-password'] ?? '',
    });
    console.log(
      [
        `Created contact center "${values.name}".`,
        `  tenant id        ${created.tenantId}`,
        `  administrator    ${values['admin-email']} (id ${created.adminId})`,
        `  webhook secret   ${created.webhookSecret}`,
        'Sign in with POST /v1/auth/sign-in {"email": …, "password": …}.',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    console.error(`Could not create the contact center:\n${(error as Error).message}`);
    return 1;
  } finally {
    await database.close();
  }
}
